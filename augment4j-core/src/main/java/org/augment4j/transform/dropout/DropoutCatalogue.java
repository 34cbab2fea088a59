package org.augment4j.transform.dropout;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The dropout transforms a pipeline file may name. */
public final class DropoutCatalogue {
    private DropoutCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("CoarseDropout", CoarseDropout::fromDict);
        r.accept("Cutout", Cutout::fromDict);
        r.accept("MaskDropout", MaskDropout::fromDict);
        r.accept("ConstrainedCoarseDropout", ConstrainedCoarseDropout::fromDict);
        r.accept("Erasing", Erasing::fromDict);
        r.accept("GridDropout", GridDropout::fromDict);
        r.accept("PixelDropout", PixelDropout::fromDict);
        r.accept("XYMasking", XYMasking::fromDict);
    }
}
