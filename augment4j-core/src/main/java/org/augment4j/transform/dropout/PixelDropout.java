package org.augment4j.transform.dropout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Targets;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Sets random single pixels to a value. Albumentations' {@code PixelDropout}: dropout_prob 0.01 (each pixel's chance),
 * per_channel false (true: each channel of a pixel drawn on its own), drop_value 0 (one number or one per channel;
 * null: one random value per channel per application, uint8 in [0, 255), float32 in [0, 1)), mask_drop_value none
 * (masks untouched; else written into every mask where a pixel of the image was dropped in any channel), p = 0.5.
 * Targets: image and mask; boxes and keypoints are left as they are. Extra images get the same pattern (per channel:
 * the same pattern when they have the same number of channels).
 */
@Targets({Targets.IMAGE, Targets.MASK})
public final class PixelDropout extends BasicTransform<PixelDropout.Drop> {
    /**
     * One application: the pattern's seed and the drop values (per channel of the main image).
     *
     * @param seed       seed of the drop pattern
     * @param dropValues the values written into dropped pixels
     */
    public record Drop(long seed, double[] dropValues) {}

    private final double dropoutProb;
    private final boolean perChannel;
    private final Fill dropValue;
    private final Fill maskDropValue;

    /**
     * @param dropValue     the value of dropped pixels, or null for random values
     * @param maskDropValue the value written into masks, or null to leave masks untouched
     */
    public PixelDropout(double dropoutProb, boolean perChannel, Fill dropValue, Fill maskDropValue, double p) {
        super(p);
        this.dropoutProb = Check.between(name(), "dropout_prob", dropoutProb, 0, 1);
        this.perChannel = perChannel;
        this.dropValue = dropValue;
        this.maskDropValue = maskDropValue;
    }

    /** Albumentations defaults. */
    public PixelDropout() {
        this(0.01, false, Fill.zero(), null, 0.5);
    }

    static PixelDropout fromDict(Params r) {
        // A file that names drop_value as null asks for random values; a file that leaves it out gets the default 0.
        Fill drop = r.fill(null, "drop_value");
        if (drop == null && !r.contains("drop_value")) drop = Fill.zero();
        return new PixelDropout(r.dbl("dropout_prob", 0.01), r.bool("per_channel", false), drop, r.fill(null, "mask_drop_value"), r.p(0.5));
    }

    @Override
    public Drop sampleParams(Sample s, RandomGenerator rng) {
        long seed = rng.nextLong();
        if (dropValue != null) return new Drop(seed, dropValue.values());
        double[] v = new double[s.image().channels()];
        for (int c = 0; c < v.length; c++) v[c] = Mats.isFloat(s.image()) ? rng.nextDouble() : rng.nextInt(255);
        return new Drop(seed, v);
    }

    @Override
    public Sample apply(Sample s, Drop params) {
        Map<String, Mat> images = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : s.images().entrySet()) {
            Mat img = e.getValue();
            try (Mat where = PixelPattern.dropped(img.rows(), img.cols(), perChannel ? img.channels() : 1, dropoutProb, params.seed())) {
                images.put(e.getKey(), PixelPattern.setWhere(img, where, params.dropValues()));
            }
        }
        Sample out = s.withImages(images);
        if (maskDropValue == null || s.masks().isEmpty()) return out;
        Map<String, Mat> masks = new LinkedHashMap<>();
        try (Mat where = PixelPattern.dropped(s.height(), s.width(), perChannel ? s.image().channels() : 1, dropoutProb, params.seed());
             Mat any = PixelPattern.anyChannel(where)) {
            for (Map.Entry<String, Mat> e : s.masks().entrySet()) masks.put(e.getKey(), PixelPattern.setWhere(e.getValue(), any, maskDropValue.values()));
        }
        return out.withMasks(masks);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dropout_prob", dropoutProb);
        m.put("per_channel", perChannel);
        m.put("drop_value", dropValue);
        m.put("mask_drop_value", maskDropValue);
        return m;
    }
}
