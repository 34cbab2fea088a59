package org.augment4j.transform.blur;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * JPEG compression artefacts. Albumentations 1.3's {@code JpegCompression} (removed in 2.x, where
 * {@code ImageCompression} does it): {@code quality_lower} and {@code quality_upper} integers within [1, 100] with
 * lower &lt;= upper (defaults 99, 100), p = 0.5. Targets: image (uint8 or float32 via uint8, any channel count).
 *
 * <p>The quality is drawn with {@code randint(quality_lower, quality_upper)}; see {@link Compression} for the codec
 * round trip.
 */
public final class JpegCompression extends PixelTransform<JpegCompression.Quality> {
    /** The sampled JPEG quality. */
    public record Quality(int quality) {}

    private final int qualityLower;
    private final int qualityUpper;

    /**
     * @param qualityLower {@code quality_lower}: lowest JPEG quality, in [1, 100]
     * @param qualityUpper {@code quality_upper}: highest JPEG quality, in [1, 100], {@code >= qualityLower}
     * @param p            probability of applying the transform, in [0, 1]
     */
    public JpegCompression(int qualityLower, int qualityUpper, double p) {
        super(p);
        this.qualityLower = (int) Check.between(name(), "quality_lower", qualityLower, 1, 100);
        this.qualityUpper = (int) Check.between(name(), "quality_upper", qualityUpper, 1, 100);
        Check.that(qualityLower <= qualityUpper, name(), "quality_lower must be <= quality_upper, got " + qualityLower + " > " + qualityUpper);
    }

    /** With Albumentations 1.3's defaults: quality_lower 99, quality_upper 100, p = 0.5. */
    public JpegCompression() {
        this(99, 100, 0.5);
    }

    static JpegCompression fromDict(Params r) {
        return new JpegCompression(r.integer("quality_lower", 99), r.integer("quality_upper", 100), r.p(0.5));
    }

    @Override
    public Quality sampleParams(Sample sample, RandomGenerator rng) {
        return new Quality(qualityLower + rng.nextInt(qualityUpper - qualityLower + 1));
    }

    @Override
    protected Mat applyToImage(Mat image, Quality q) {
        return Compression.roundTrip(image, ".jpg", q.quality());
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quality_lower", qualityLower);
        m.put("quality_upper", qualityUpper);
        return m;
    }
}
