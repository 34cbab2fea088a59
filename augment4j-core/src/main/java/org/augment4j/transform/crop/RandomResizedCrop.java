package org.augment4j.transform.crop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;
import org.augment4j.transform.spatial.Crops;

/**
 * Torchvision's random-resized crop: a region of area {@code scale × image area} and aspect ratio (w / h) drawn
 * log-uniformly from {@code ratio} is cropped and resized to {@code size = [height, width]} (1.3: {@code height},
 * {@code width}). Up to 10 draws are tried; when none fits, the largest centred crop whose ratio is within
 * {@code ratio} is taken. Albumentations' {@code RandomResizedCrop}: size required, scale (0.08, 1), ratio
 * (3/4, 4/3), interpolation 1, mask_interpolation 0, p = 1. Targets: image, mask, bboxes, keypoints (× scale).
 */
public final class RandomResizedCrop extends SpatialTransform<RandomResizedCrop.Window> {
    /** The crop size and position ({@code h_start, w_start} in [0, 1]), under Albumentations 1.3's names. */
    public record Window(int cropHeight, int cropWidth, double hStart, double wStart) {}

    private static final int ATTEMPTS = 10;
    private final int height;
    private final int width;
    private final Range scale;
    private final Range ratio;

    /**
     * @param height     {@code size[0]}: output height in pixels, {@code > 0}
     * @param width      {@code size[1]}: output width in pixels, {@code > 0}
     * @param scale      {@code scale}: range of the crop's area as a fraction of the image's, within [0, 1]
     * @param ratio      {@code ratio}: range of the crop's aspect ratio (width / height), {@code > 0}; drawn log-uniformly
     * @param resampling {@code interpolation} and {@code mask_interpolation} of the resize
     * @param p          probability of applying the transform, in [0, 1]
     */
    public RandomResizedCrop(int height, int width, Range scale, Range ratio, Resampling resampling, double p) {
        super(p, resampling);
        this.height = Check.positive(name(), "size (height)", height);
        this.width = Check.positive(name(), "size (width)", width);
        this.scale = Check.range(name(), "scale", scale, 0, 1);
        this.ratio = Check.range(name(), "ratio", ratio, Double.MIN_VALUE, Double.MAX_VALUE);
    }

    /** {@code size} with the default scale and ratio, p = 1. */
    public RandomResizedCrop(int height, int width) {
        this(height, width, Range.of(0.08, 1.0), Range.of(0.75, 4.0 / 3.0), Resampling.defaults(), 1.0);
    }

    static RandomResizedCrop fromDict(Params r) {
        int[] size = Crops.size(r);
        return new RandomResizedCrop(size[0], size[1], r.range("scale", Range.of(0.08, 1.0), Params.Scalar.FIXED),
                r.range("ratio", Range.of(0.75, 4.0 / 3.0), Params.Scalar.FIXED), Interpolation.read(r), r.p(1.0));
    }

    @Override
    public Window sampleParams(Sample s, RandomGenerator rng) {
        int imgH = s.height(), imgW = s.width();
        double area = (double) imgH * imgW;
        Range logRatio = Range.of(Math.log(ratio.min()), Math.log(ratio.max()));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double target = scale.uniform(rng) * area;
            double aspect = Math.exp(logRatio.uniform(rng));
            int w = (int) Math.rint(Math.sqrt(target * aspect)), h = (int) Math.rint(Math.sqrt(target / aspect));
            if (w > 0 && w <= imgW && h > 0 && h <= imgH) {
                int i = rng.nextInt(imgH - h + 1), j = rng.nextInt(imgW - w + 1);
                return new Window(h, w, i / (imgH - h + 1e-10), j / (imgW - w + 1e-10));
            }
        }
        double inRatio = (double) imgW / imgH;
        int w = imgW, h = imgH;
        if (inRatio < ratio.min()) {
            h = (int) Math.rint(imgW / ratio.min());
        } else if (inRatio > ratio.max()) {
            w = (int) Math.rint(imgH * ratio.max());
        }
        int i = (imgH - h) / 2, j = (imgW - w) / 2;
        return new Window(h, w, i / (imgH - h + 1e-10), j / (imgW - w + 1e-10));
    }

    @Override
    protected Geometry geometry(Sample s, Window p) {
        int ch = Math.max(1, Math.min(p.cropHeight(), s.height())), cw = Math.max(1, Math.min(p.cropWidth(), s.width()));
        int[] c = Crops.random(s.height(), s.width(), ch, cw, p.hStart(), p.wStart());
        return AffineGeometry.crop(c[0], c[1], c[2], c[3]).then(AffineGeometry.resize(cw, ch, width, height));
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", List.of(height, width));
        m.put("scale", scale);
        m.put("ratio", ratio);
        Interpolation.putArgs(m, resampling);
        return m;
    }
}
