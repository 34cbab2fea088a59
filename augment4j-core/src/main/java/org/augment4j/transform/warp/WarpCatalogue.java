package org.augment4j.transform.warp;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The flip, rotation and warp transforms added for the 2.0.8 catalogue a pipeline file may name. */
public final class WarpCatalogue {
    private WarpCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("D4", D4::fromDict);
        r.accept("SquareSymmetry", SquareSymmetry::fromDict);
        r.accept("Flip", Flip::fromDict);
        r.accept("SafeRotate", SafeRotate::fromDict);
        r.accept("Perspective", Perspective::fromDict);
        r.accept("Morphological", Morphological::fromDict);
        r.accept("RandomGridShuffle", RandomGridShuffle::fromDict);
    }
}
