package org.augment4j.transform.blur;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.PixelTransformContractTest;
import org.junit.jupiter.params.provider.Arguments;

/** The pixel contract for the blur, sharpen and compression family, each with p = 1 in several configurations. */
class BlurContractTest extends PixelTransformContractTest {

    static Stream<Arguments> transforms() {
        List<Arguments> out = new ArrayList<>();
        add(out, "GaussianBlur", () -> new GaussianBlur(Range.fixed(0), Range.of(0.5, 3), 1));
        add(out, "GaussianBlur sized", () -> new GaussianBlur(Range.of(3, 8), Range.of(0, 2), 1));
        add(out, "MedianBlur", () -> new MedianBlur(Range.of(3, 9), 1));
        add(out, "MotionBlur", () -> new MotionBlur(Range.of(3, 11), true, Range.of(0, 360), Range.of(-1, 1), 1));
        add(out, "MotionBlur centred", () -> new MotionBlur(Range.of(5, 5), false, Range.of(30, 60), Range.fixed(0), 1));
        add(out, "Sharpen", () -> new Sharpen(Range.of(0.2, 0.9), Range.of(0.5, 1), "kernel", 5, 1, 1));
        add(out, "Sharpen gaussian", () -> new Sharpen(Range.of(0.5, 1), Range.of(0.5, 1), "gaussian", 5, 1.5, 1));
        add(out, "UnsharpMask", () -> new UnsharpMask(Range.of(3, 9), Range.of(0, 2), Range.of(0.2, 1), 5, 1));
        add(out, "Emboss", () -> new Emboss(Range.of(0.2, 0.9), Range.of(0.2, 1), 1));
        add(out, "Downscale", () -> new Downscale(Range.of(0.2, 0.6), 0, 0, 1));
        add(out, "Downscale area cubic", () -> new Downscale(Range.of(0.3, 0.5), 3, 2, 1));
        add(out, "Downscale 1.3", () -> Downscale.ofScaleMinMax(0.3, 0.5, 1, 1, 1));
        add(out, "ImageCompression jpeg", () -> new ImageCompression("jpeg", Range.of(20, 80), 1));
        add(out, "ImageCompression webp", () -> new ImageCompression("webp", Range.of(20, 80), 1));
        add(out, "ImageCompression 1.3", () -> ImageCompression.ofQualityLowerUpper(30, 60, "webp", 1));
        add(out, "JpegCompression", () -> new JpegCompression(30, 70, 1));
        add(out, "Defocus", () -> new Defocus(Range.of(1, 12), Range.of(0, 0.5), 1));
        add(out, "ZoomBlur", () -> new ZoomBlur(Range.of(1, 1.2), Range.of(0.02, 0.05), 1));
        add(out, "GlassBlur", () -> new GlassBlur(0.7, 3, 2, "fast", 1));
        add(out, "GlassBlur exact", () -> new GlassBlur(0.5, 2, 1, "exact", 1));
        add(out, "AdvancedBlur", () -> new AdvancedBlur(Range.of(3, 9), Range.of(0.2, 2), Range.of(0.2, 2), Range.of(-90, 90), Range.of(0.5, 8), Range.of(0.75, 1.25), 1));
        add(out, "RingingOvershoot", () -> new RingingOvershoot(Range.of(7, 15), Range.of(Math.PI / 4, Math.PI / 2), 1));
        add(out, "Superpixels", () -> new Superpixels(Range.of(0.3, 0.8), Range.of(50, 150), 128, 1, 1));
        add(out, "Superpixels full size", () -> new Superpixels(Range.of(0.5, 1), Range.fixed(200), null, 0, 1));
        return out.stream();
    }
}
