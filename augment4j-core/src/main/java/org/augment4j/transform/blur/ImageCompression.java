package org.augment4j.transform.blur;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Lossy compression artefacts: encodes and decodes the image. Albumentations' {@code ImageCompression} (2.x):
 * {@code compression_type} {@code "jpeg"} (default) or {@code "webp"}, {@code quality_range} a range of integers within
 * [1, 100] (default {@code [99, 100]}), p = 0.5. Targets: image (uint8 or float32 via uint8, any channel count).
 *
 * <p>Albumentations 1.3's {@code quality_lower} / {@code quality_upper} (defaults 99, 100) and {@code compression_type}
 * 0 (JPEG) or 1 (WebP) are accepted too; such a transform is written back with those names. The quality is drawn with
 * {@code randint(quality_range)}; see {@link Compression} for the codec round trip (OpenCV {@code imencode} /
 * {@code imdecode}).
 */
public final class ImageCompression extends PixelTransform<ImageCompression.Quality> {
    /** The sampled codec quality. */
    public record Quality(int quality) {}

    private final String compressionType;
    private final Range qualityRange;
    private final boolean legacy;
    /** JPEG/WebP quality: [1, 100]. */
    private static final Allowed QUALITY = Allowed.between(1, 100);

    private ImageCompression(String compressionType, Range qualityRange, boolean legacy, double p) {
        super(p);
        Allowed.oneOf("jpeg", "webp").check(name(), "compression_type", compressionType);
        this.compressionType = compressionType;
        if (legacy) {
            QUALITY.check(name(), "quality_lower", qualityRange.min());
            QUALITY.check(name(), "quality_upper", qualityRange.max());
        }
        Check.that(QUALITY.allows(qualityRange.min()) && QUALITY.allows(qualityRange.max()) && qualityRange.min() <= qualityRange.max()
                        && BlurKernels.isInt(qualityRange.min()) && BlurKernels.isInt(qualityRange.max()),
                name(), (legacy ? "quality_lower/quality_upper" : "quality_range") + " must be integers (min <= max) within [1, 100], got " + qualityRange);
        if (!legacy) Allowed.record(name(), "quality_range", QUALITY);
        this.qualityRange = qualityRange;
        this.legacy = legacy;
    }

    /** Albumentations 2.x parameters. */
    public ImageCompression(String compressionType, Range qualityRange, double p) {
        this(compressionType, qualityRange, false, p);
    }

    /** With Albumentations' defaults: compression_type "jpeg", quality_range [99, 100], p = 0.5. */
    public ImageCompression() {
        this("jpeg", Range.of(99, 100), 0.5);
    }

    /** Albumentations 1.3 parameters. */
    public static ImageCompression ofQualityLowerUpper(int qualityLower, int qualityUpper, String compressionType, double p) {
        return new ImageCompression(compressionType, Range.of(qualityLower, qualityUpper), true, p);
    }

    static ImageCompression fromDict(Params r) {
        double p = r.p(0.5);
        String type = type(r);
        if (r.has("quality_lower") || r.has("quality_upper")) {
            if (r.has("quality_range")) throw r.error("quality_range", "cannot be combined with Albumentations 1.3's quality_lower / quality_upper");
            return ofQualityLowerUpper(r.integer("quality_lower", 99), r.integer("quality_upper", 100), type, p);
        }
        return new ImageCompression(type, r.range("quality_range", Range.of(99, 100), Params.Scalar.FIXED), p);
    }

    /** {@code "jpeg"} / {@code "webp"}, or 1.3's enum as 0 / 1 or {@code "ImageCompressionType.JPEG"}. */
    private static String type(Params r) {
        Object v = r.raw("compression_type");
        if (v == null) return "jpeg";
        if (v instanceof Number n && n.doubleValue() == 0) return "jpeg";
        if (v instanceof Number n && n.doubleValue() == 1) return "webp";
        if (v instanceof String s) {
            String t = s.toLowerCase(Locale.ROOT).replace("imagecompressiontype.", "");
            if (t.equals("jpeg") || t.equals("webp")) return t;
        }
        throw r.error("compression_type", "must be 'jpeg' or 'webp' (1.3: 0 or 1), got " + v);
    }

    @Override
    public Quality sampleParams(Sample sample, RandomGenerator rng) {
        return new Quality(qualityRange.randint(rng));
    }

    @Override
    protected Mat applyToImage(Mat image, Quality q) {
        return Compression.roundTrip(image, "webp".equals(compressionType) ? ".webp" : ".jpg", q.quality());
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (legacy) {
            m.put("quality_lower", (long) qualityRange.min());
            m.put("quality_upper", (long) qualityRange.max());
            m.put("compression_type", "webp".equals(compressionType) ? 1L : 0L);
        } else {
            m.put("compression_type", compressionType);
            m.put("quality_range", qualityRange);
        }
        return m;
    }
}
