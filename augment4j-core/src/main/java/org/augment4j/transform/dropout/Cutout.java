package org.augment4j.transform.dropout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Targets;

/**
 * Albumentations 1.3's {@code Cutout} (DeVries and Taylor 2017), kept so that old pipelines run: {@code num_holes}
 * (default 8) square-ish holes of {@code max_h_size × max_w_size} (8 × 8) pixels centred on random pixels and clipped
 * to the image, filled with {@code fill_value} (0); p = 0.5. In 2.x this became {@link CoarseDropout}; like it, the
 * labels under a hole are dropped (keypoints inside, boxes left with no visible area). Targets: image, keypoints,
 * bboxes.
 */
@Targets({Targets.IMAGE, Targets.BBOXES, Targets.KEYPOINTS})
public final class Cutout extends BasicTransform<HoleList> {
    private final int numHoles;
    private final int maxHSize;
    private final int maxWSize;
    private final Fill fill;

    /**
     * @param numHoles {@code num_holes}: number of holes, {@code >= 0}
     * @param maxHSize {@code max_h_size}: hole height in pixels, {@code > 0}
     * @param maxWSize {@code max_w_size}: hole width in pixels, {@code > 0}
     * @param fill     {@code fill_value}: the constant that fills the holes
     * @param p        probability of applying the transform, in [0, 1]
     */
    public Cutout(int numHoles, int maxHSize, int maxWSize, Fill fill, double p) {
        super(p);
        this.numHoles = Check.nonNegative(name(), "num_holes", numHoles);
        this.maxHSize = Check.positive(name(), "max_h_size", maxHSize);
        this.maxWSize = Check.positive(name(), "max_w_size", maxWSize);
        this.fill = fill;
    }

    /** Albumentations 1.3 defaults with the given p. */
    public Cutout(double p) {
        this(8, 8, 8, Fill.zero(), p);
    }

    static Cutout fromDict(Params r) {
        return new Cutout(r.integer("num_holes", 8), r.integer("max_h_size", 8), r.integer("max_w_size", 8),
                r.fill(Fill.zero(), "fill_value", "fill"), r.p(0.5));
    }

    @Override
    public HoleList sampleParams(Sample s, RandomGenerator rng) {
        int h = s.height(), w = s.width();
        int[][] holes = new int[numHoles][];
        for (int i = 0; i < numHoles; i++) {
            int y = rng.nextInt(h), x = rng.nextInt(w);
            int y1 = clip(y - maxHSize / 2, h), x1 = clip(x - maxWSize / 2, w);
            holes[i] = new int[] {x1, y1, clip(x1 + maxWSize, w), clip(y1 + maxHSize, h)};
        }
        return new HoleList(holes, 0L);
    }

    private static int clip(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    @Override
    public Sample apply(Sample sample, HoleList params) {
        return Holes.apply(sample, java.util.Arrays.stream(params.holes()).filter(h -> h[2] > h[0] && h[3] > h[1]).toArray(int[][]::new), fill, null);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_holes", numHoles);
        m.put("max_h_size", maxHSize);
        m.put("max_w_size", maxWSize);
        m.put("fill_value", fill);
        return m;
    }
}
