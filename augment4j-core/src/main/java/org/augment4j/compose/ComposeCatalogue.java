package org.augment4j.compose;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/**
 * The utility transforms of this package a pipeline file may name: {@code NoOp}. The containers (RandomOrder,
 * OneOrOther, SelectiveChannelTransform, ReplayCompose) nest other transforms and are read by
 * {@code PipelineFile}; a {@link Lambda} holds code, so it is never built from a file but handed over by name.
 */
public final class ComposeCatalogue {
    private ComposeCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("NoOp", NoOp::fromDict);
    }
}
