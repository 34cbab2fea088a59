package org.augment4j.transform.blur;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The blur, sharpen and compression transforms a pipeline file may name. */
public final class BlurCatalogue {
    private BlurCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("Blur", Blur::fromDict);
        r.accept("GaussianBlur", GaussianBlur::fromDict);
        r.accept("MedianBlur", MedianBlur::fromDict);
        r.accept("MotionBlur", MotionBlur::fromDict);
        r.accept("Sharpen", Sharpen::fromDict);
        r.accept("UnsharpMask", UnsharpMask::fromDict);
        r.accept("Emboss", Emboss::fromDict);
        r.accept("Downscale", Downscale::fromDict);
        r.accept("ImageCompression", ImageCompression::fromDict);
        r.accept("JpegCompression", JpegCompression::fromDict);
        r.accept("Defocus", Defocus::fromDict);
        r.accept("ZoomBlur", ZoomBlur::fromDict);
        r.accept("GlassBlur", GlassBlur::fromDict);
        r.accept("AdvancedBlur", AdvancedBlur::fromDict);
        r.accept("RingingOvershoot", RingingOvershoot::fromDict);
        r.accept("Superpixels", Superpixels::fromDict);
    }
}
