package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_imgproc.medianBlur;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Median blur with a random odd aperture. Albumentations' {@code MedianBlur}: {@code blur_limit} a range of integers
 * {@code >= 3} (a scalar {@code x} means {@code [3, x]}; default {@code [3, 7]}; even bounds raised to the next odd
 * number when sampling), p = 0.5. Targets: image (uint8 or float32, any channel count).
 *
 * <p>The median is OpenCV's {@code medianBlur} (border replicated) on each channel. As Albumentations'
 * {@code uint8_io}, a float32 image is converted to uint8 ({@code rint(x · 255)}), filtered and divided by 255 again,
 * so float results are quantised to 1/255. The aperture 7 on uint8 is computed by {@link MedianKernels#median7}, which
 * gives the same bytes several times faster.
 */
public final class MedianBlur extends PixelTransform<MedianBlur.Kernel> {
    /** The sampled (odd) aperture size in pixels. */
    public record Kernel(int ksize) {}

    /** Pixels × channels from which the aperture 7 goes through {@link MedianKernels}. */
    static final int NETWORK_MIN_BYTES = 20000;

    private final Range blurLimit;

    /**
     * @param blurLimit {@code blur_limit}: aperture sizes in pixels, integers {@code >= 3}; odd sizes are drawn
     * @param p         probability of applying the transform, in [0, 1]
     */
    public MedianBlur(Range blurLimit, double p) {
        super(p);
        this.blurLimit = BlurKernels.blurLimit(name(), "blur_limit", blurLimit, 3);
    }

    /** With Albumentations' defaults: blur_limit [3, 7], p = 0.5. */
    public MedianBlur() {
        this(Range.of(3, 7), 0.5);
    }

    static MedianBlur fromDict(Params r) {
        return new MedianBlur(r.range("blur_limit", Range.of(3, 7), Params.Scalar.UPPER, 3), r.p(0.5));
    }

    @Override
    public Kernel sampleParams(Sample sample, RandomGenerator rng) {
        return new Kernel(Blur.sampleOdd(rng, (int) blurLimit.min(), (int) blurLimit.max()));
    }

    @Override
    protected Mat applyToImage(Mat image, Kernel k) {
        if (!Mats.isFloat(image) && useNetwork(image, k.ksize())) return MedianKernels.median7(image);
        try (Mat u8 = BlurKernels.toUint8(image); Mat out = new Mat()) {
            if (useNetwork(u8, k.ksize())) {
                try (Mat net = MedianKernels.median7(u8)) {
                    return BlurKernels.fromUint8(net, image);
                }
            }
            medianBlur(u8, out, k.ksize());
            return BlurKernels.fromUint8(out, image);
        }
    }

    /**
     * Aperture 7 on uint8 goes through {@link MedianKernels} (same bytes, several times faster than OpenCV's histogram)
     * from {@value #NETWORK_MIN_BYTES} bytes of pixels and 16 columns on: below that its fixed cost (about 0.35 ms of
     * buffers and views) loses to OpenCV's (measured crossovers near 80 × 80 RGB and 128 × 128 gray), and on images
     * narrower than 16 pixels its per-row cost does (4000 × 8 RGB: 2.8 ms against 2.5 ms; 4000 × 16: 2.7 against 5.0).
     */
    static boolean useNetwork(Mat u8, int ksize) {
        return ksize == MedianKernels.KSIZE && MedianKernels.supports(u8) && u8.cols() >= 16
                && (long) u8.rows() * u8.cols() * u8.channels() >= NETWORK_MIN_BYTES;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blur_limit", blurLimit);
        return m;
    }
}
