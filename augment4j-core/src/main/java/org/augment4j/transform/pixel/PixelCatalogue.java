package org.augment4j.transform.pixel;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The pixel-level transforms a pipeline file may name. */
public final class PixelCatalogue {
    private PixelCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("Equalize", Equalize::fromDict);
        r.accept("InvertImg", InvertImg::fromDict);
        r.accept("Normalize", Normalize::fromDict);
        r.accept("Posterize", Posterize::fromDict);
        r.accept("RGBShift", RGBShift::fromDict);
        r.accept("Solarize", Solarize::fromDict);
        r.accept("ToGray", ToGray::fromDict);
    }
}
