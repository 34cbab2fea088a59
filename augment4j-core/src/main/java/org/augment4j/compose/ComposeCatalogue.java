package org.augment4j.compose;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The containers and utility transforms beyond Compose/OneOf/SomeOf/Sequential (NoOp, Lambda, RandomOrder, OneOrOther, SelectiveChannelTransform) a pipeline file may name. */
public final class ComposeCatalogue {
    private ComposeCatalogue() {}

    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
    }
}
