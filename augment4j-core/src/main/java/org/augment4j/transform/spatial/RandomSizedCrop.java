package org.augment4j.transform.spatial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Crops a random region whose height is drawn from {@code min_max_height} (width = height × {@code w2h_ratio}), then
 * resizes it to {@code size = [height, width]} (1.3: {@code height}, {@code width}). Albumentations'
 * {@code RandomSizedCrop}: min_max_height and size required, w2h_ratio 1.0, interpolation 1, mask_interpolation 0,
 * p = 1. Targets: image, mask, bboxes, keypoints (scaled as {@code x·s}).
 *
 * <p>A sampled crop larger than the image is clamped to the image, so a (412, 612) range works on a 512 × 512 photo.
 */
public final class RandomSizedCrop extends SpatialTransform<RandomSizedCrop.Window> {
    /** The sampled crop size and position ({@code h_start, w_start} in [0, 1)). */
    public record Window(int cropHeight, int cropWidth, double hStart, double wStart) {}

    private final Range minMaxHeight;
    private final int height;
    private final int width;
    private final double w2hRatio;

    /**
     * @param minMaxHeight {@code min_max_height}: range of the crop height in pixels, {@code >= 1}
     * @param height       {@code size[0]}: output height in pixels, {@code > 0}
     * @param width        {@code size[1]}: output width in pixels, {@code > 0}
     * @param w2hRatio     {@code w2h_ratio}: crop width / height, {@code > 0}
     * @param resampling   {@code interpolation} and {@code mask_interpolation} of the resize
     * @param p            probability of applying the transform, in [0, 1]
     */
    public RandomSizedCrop(Range minMaxHeight, int height, int width, double w2hRatio, Resampling resampling, double p) {
        super(p, resampling);
        this.minMaxHeight = Check.range(name(), "min_max_height", minMaxHeight, 1, Integer.MAX_VALUE);
        this.height = Check.positive(name(), "height", height);
        this.width = Check.positive(name(), "width", width);
        Allowed.above(0).check(name(), "w2h_ratio", w2hRatio);
        this.w2hRatio = w2hRatio;
    }

    /** The article's form: {@code RandomSizedCrop((412, 612), 512, 512)}. */
    public RandomSizedCrop(Range minMaxHeight, int height, int width) {
        this(minMaxHeight, height, width, 1.0, Resampling.defaults(), 1.0);
    }

    static RandomSizedCrop fromDict(Params r) {
        Range mm = r.range("min_max_height", null, Params.Scalar.FIXED);
        if (mm == null) throw r.error("min_max_height", "is required");
        int[] size = Crops.size(r);
        return new RandomSizedCrop(mm, size[0], size[1], r.dbl("w2h_ratio", 1.0), r.resampling(1, 0), r.p(1.0));
    }

    @Override
    public Window sampleParams(Sample s, RandomGenerator rng) {
        int ch = minMaxHeight.randint(rng);
        int cw = (int) (ch * w2hRatio);
        return new Window(Math.max(1, Math.min(ch, s.height())), Math.max(1, Math.min(cw, s.width())), rng.nextDouble(), rng.nextDouble());
    }

    @Override
    protected Geometry geometry(Sample s, Window p) {
        int ch = Math.min(p.cropHeight(), s.height()), cw = Math.min(p.cropWidth(), s.width());
        int[] c = Crops.random(s.height(), s.width(), ch, cw, p.hStart(), p.wStart());
        return AffineGeometry.crop(c[0], c[1], c[2], c[3]).then(AffineGeometry.resize(cw, ch, width, height));
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min_max_height", minMaxHeight);
        m.put("size", java.util.List.of(height, width));
        m.put("w2h_ratio", w2hRatio);
        m.put("interpolation", resampling.interpolation());
        m.put("mask_interpolation", resampling.maskInterpolation());
        return m;
    }
}
