package org.augment4j.fuzz;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.CocoFixture;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.Keypoints;
import org.augment4j.target.Labels;
import org.augment4j.transform.spatial.Resize;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Inputs for the fuzz tests: the real COCO photos of {@code testdata/data} (boxes, instance masks, person keypoints) at
 * full size and at a quarter, and synthetic edge shapes (1 x 1, 1 x N, N x 1, extreme aspect ratios; 1, 3 and 4
 * channels; uint8 and float32) with random boxes, masks and keypoints. Every box and keypoint carries a unique
 * {@code id} label (its row in the input) besides {@code category_id} / {@code keypoint_labels}, so the checks can
 * tell which rows survived and whether their labels stayed with them.
 */
public final class FuzzSamples {
    private FuzzSamples() {}

    /** A named input; the sample is shared by many applications and never modified (transforms do not modify input). */
    public record Input(String name, Sample sample) {}

    private static List<Input> photos;

    /** The COCO photos at full size and at a quarter of it, loaded once (owned by this class for the JVM's life). */
    public static synchronized List<Input> photos() {
        if (photos == null) {
            List<Input> out = new ArrayList<>();
            for (String stem : CocoFixture.STEMS) {
                Sample full = withIds(CocoFixture.load(stem));
                out.add(new Input("coco " + stem, full));
                Compose quarter = new Compose(List.of(new Resize(full.height() / 4, full.width() / 4)), 1.0,
                        BboxParams.of(BboxFormat.COCO, "category_id", "id").withClip(true), KeypointParams.of(KeypointFormat.XY, "keypoint_labels", "id"), Map.of(), null);
                out.add(new Input("coco " + stem + " at 1/4", quarter.apply(full, 0L)));
            }
            photos = List.copyOf(out);
        }
        return photos;
    }

    /** The sample with an {@code id} label column on boxes and keypoints: the row index. */
    static Sample withIds(Sample s) {
        BoundingBoxes b = s.boxes();
        Keypoints k = s.keypoints();
        return s.withBoxes(BoundingBoxes.of(b.toArray(), addIds(b.labels(), b.size(), "category_id")))
                .withKeypoints(Keypoints.of(k.toArray(), addIds(k.labels(), k.size(), "keypoint_labels")));
    }

    private static Labels addIds(Labels labels, int rows, String field) {
        Map<String, List<?>> cols = new LinkedHashMap<>();
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < rows; i++) ids.add(i);
        cols.put(field, labels.names().contains(field) ? labels.get(field) : ids);
        cols.put("id", ids);
        return Labels.of(cols, rows);
    }

    /** A {@code h × w × channels} image from {@code px}: uint8, or float32 in [0, 1] when {@code f32} (owned by the caller). */
    static Mat image(byte[] px, int h, int w, int channels, boolean f32) {
        Mat image = Mats.fromBytes(px, h, w, channels);
        if (!f32) return image;
        try (image) {
            Mat f = new Mat();
            image.convertTo(f, CV_32F, 1 / 255.0, 0);
            return f;
        }
    }

    private static final int[][] SHAPES = {{1, 1}, {1, 37}, {41, 1}, {2, 300}, {300, 2}, {3, 3}, {17, 23}, {64, 48}, {5, 128}};

    /** A synthetic edge-shape input (owned by the caller). */
    public static Input edge(RandomGenerator rng) {
        int[] hw = SHAPES[rng.nextInt(SHAPES.length)];
        int h = hw[0], w = hw[1];
        int channels = new int[] {1, 3, 3, 4}[rng.nextInt(4)];
        boolean f32 = rng.nextDouble() < 0.3;
        byte[] px = new byte[h * w * channels];
        for (int i = 0; i < px.length; i++) px[i] = (byte) rng.nextInt(256);
        Mat image = image(px, h, w, channels, f32);
        byte[] mv = new byte[h * w];
        int[] values = {0, 1, 2, 7};
        for (int i = 0; i < mv.length; i++) mv[i] = (byte) values[rng.nextInt(values.length)];
        Mat mask = Mats.fromBytes(mv, h, w, 1);
        int nb = rng.nextInt(5);
        double[][] boxes = new double[nb][];
        List<Object> cats = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            double x0 = rng.nextDouble() * 0.9, y0 = rng.nextDouble() * 0.9;
            boxes[i] = new double[] {x0, y0, x0 + 0.01 + rng.nextDouble() * (0.99 - x0), y0 + 0.01 + rng.nextDouble() * (0.99 - y0)};
            cats.add(1 + rng.nextInt(3));
        }
        int nk = rng.nextInt(6);
        double[][] kps = new double[nk][];
        List<Object> kl = new ArrayList<>();
        for (int i = 0; i < nk; i++) {
            kps[i] = new double[] {rng.nextDouble() * w, rng.nextDouble() * h, rng.nextDouble() * 2 * Math.PI, 1 + rng.nextDouble()};
            kps[i][0] = Math.min(kps[i][0], w - 1e-6);
            kps[i][1] = Math.min(kps[i][1], h - 1e-6);
            kl.add("k" + i);
        }
        Sample s = Sample.builder().image(image).mask(mask)
                .boxes(BoundingBoxes.of(boxes, Labels.of(Map.of("category_id", cats), nb)))
                .keypoints(Keypoints.of(kps, Labels.of(Map.of("keypoint_labels", kl), nk))).build();
        return new Input(h + "x" + w + "x" + channels + (f32 ? " float32" : " uint8"), withIds(s));
    }
}
