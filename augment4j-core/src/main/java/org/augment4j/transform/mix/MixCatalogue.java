package org.augment4j.transform.mix;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The multi-image transforms (Mosaic, OverlayElements) a pipeline file may name. */
public final class MixCatalogue {
    private MixCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("Mosaic", Mosaic::fromDict);
        r.accept("OverlayElements", OverlayElements::fromDict);
    }
}
