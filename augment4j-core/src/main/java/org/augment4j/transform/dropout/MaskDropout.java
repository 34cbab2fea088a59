package org.augment4j.transform.dropout;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Removes whole objects: the mask's 8-connected regions (as skimage's {@code label}) are numbered, a random
 * {@code max_objects} of them are chosen, and their pixels are set to {@code fill} in the image and {@code fill_mask}
 * in the mask. Albumentations' {@code MaskDropout}: max_objects 1 (an int n means (1, n), or a [min, max] range),
 * fill 0 (1.3: image_fill_value), fill_mask 0 (1.3: mask_fill_value), p = 0.5. Needs a single-channel mask.
 *
 * <p>Labels of dropped objects go too (which Albumentations 1.3 could not do): a keypoint on a dropped pixel is removed,
 * and a box is removed when the object covering most of its labelled pixels was dropped.
 */
public final class MaskDropout extends BasicTransform<MaskDropout.Dropped> {
    /** The numbers of the dropped objects (1-based, in the order skimage's label would number them per value). */
    public record Dropped(int[] objects) {}

    private final Range maxObjects;
    private final Fill fill;
    private final Fill fillMask;

    /**
     * @param maxObjects {@code max_objects}: range of the number of objects removed, within [0, 1000000]
     * @param fill       {@code fill}: the constant for removed pixels in the image
     * @param fillMask   {@code fill_mask}: the constant for removed pixels in the mask
     * @param p          probability of applying the transform, in [0, 1]
     */
    public MaskDropout(Range maxObjects, Fill fill, Fill fillMask, double p) {
        super(p);
        this.maxObjects = Check.range(name(), "max_objects", maxObjects, 0, 1_000_000);
        this.fill = fill;
        this.fillMask = fillMask;
    }

    /** The article's form: {@code MaskDropout((10, 15), p=1)}. */
    public MaskDropout(Range maxObjects, double p) {
        this(maxObjects, Fill.zero(), Fill.zero(), p);
    }

    static MaskDropout fromDict(Params r) {
        return new MaskDropout(r.range("max_objects", Range.of(1, 1), Params.Scalar.UPPER, 1),
                r.fill(Fill.zero(), "fill", "image_fill_value"), r.fill(Fill.zero(), "fill_mask", "mask_fill_value"), r.p(0.5));
    }

    @Override
    public Dropped sampleParams(Sample s, RandomGenerator rng) {
        Mat mask = requireMask(s);
        int count;
        try (ObjectLabels labels = ObjectLabels.of(mask)) {
            count = labels.count();
        }
        if (count == 0) return new Dropped(new int[0]);
        int k = Math.min(count, maxObjects.randint(rng));
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= count; i++) all.add(i);
        int[] chosen = new int[k];
        for (int i = 0; i < k; i++) chosen[i] = all.remove(rng.nextInt(all.size()));
        return new Dropped(chosen);
    }

    private Mat requireMask(Sample s) {
        Mat mask = s.mask();
        if (mask == null && !s.masks().isEmpty()) mask = s.masks().values().iterator().next();
        if (mask == null) throw new IllegalArgumentException(name() + " needs a mask in the sample");
        return mask;
    }

    @Override
    public Sample apply(Sample s, Dropped params) {
        if (params.objects().length == 0) return s;
        try (ObjectLabels labels = ObjectLabels.of(requireMask(s)); Mat dropped = dropMask(labels, params.objects())) {
            Map<String, Mat> images = new LinkedHashMap<>();
            for (Map.Entry<String, Mat> e : s.images().entrySet()) images.put(e.getKey(), setWhere(e.getValue(), dropped, fill));
            Map<String, Mat> masks = new LinkedHashMap<>();
            for (Map.Entry<String, Mat> e : s.masks().entrySet()) masks.put(e.getKey(), setWhere(e.getValue(), dropped, fillMask));
            return s.withImages(images).withMasks(masks)
                    .withBoxes(keepBoxes(s.boxes(), labels, params.objects()))
                    .withKeypoints(Holes.uncoveredKeypoints(s.keypoints(), dropped));
        }
    }

    /** A uint8 mask, 255 where a dropped object is. */
    private static Mat dropMask(ObjectLabels labels, int[] objects) {
        boolean[] drop = new boolean[labels.count() + 1];
        for (int o : objects) drop[o] = true;
        Mat l = labels.labels();
        Mat out = org.augment4j.opencv.Mats.zeros(l.rows(), l.cols(), CV_8U);
        IntBuffer src = l.createBuffer();
        java.nio.ByteBuffer dst = out.createBuffer();
        for (int i = 0, n = (int) l.total(); i < n; i++) if (drop[src.get(i)]) dst.put(i, (byte) 255);
        return out;
    }

    private static Mat setWhere(Mat m, Mat where, Fill value) {
        Mat out = m.clone();
        try (Mat v = org.augment4j.opencv.Mats.scalarMat(value.values())) {
            out.setTo(v, where);
        }
        return out;
    }

    /** Keeps a box unless the object covering most of its labelled pixels was dropped. */
    private static BoundingBoxes keepBoxes(BoundingBoxes boxes, ObjectLabels labels, int[] objects) {
        if (boxes.size() == 0) return boxes;
        boolean[] drop = new boolean[labels.count() + 1];
        for (int o : objects) drop[o] = true;
        Mat l = labels.labels();
        int w = l.cols(), h = l.rows();
        IntBuffer buf = l.createBuffer();
        int stride = (int) (l.step() / 4);
        int[] keep = new int[boxes.size()];
        int n = 0;
        for (int i = 0; i < boxes.size(); i++) {
            double[] b = boxes.get(i);
            int x1 = Math.max(0, (int) Math.floor(b[0] * w)), y1 = Math.max(0, (int) Math.floor(b[1] * h));
            int x2 = Math.min(w, (int) Math.ceil(b[2] * w)), y2 = Math.min(h, (int) Math.ceil(b[3] * h));
            Map<Integer, Integer> counts = new HashMap<>();
            for (int y = y1; y < y2; y++) {
                for (int x = x1; x < x2; x++) {
                    int v = buf.get(y * stride + x);
                    if (v > 0) counts.merge(v, 1, Integer::sum);
                }
            }
            int dominant = counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse(0);
            if (!drop[dominant]) keep[n++] = i;
        }
        return n == boxes.size() ? boxes : boxes.select(Arrays.copyOf(keep, n));
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_objects", maxObjects);
        m.put("fill", fill);
        m.put("fill_mask", fillMask);
        return m;
    }
}
