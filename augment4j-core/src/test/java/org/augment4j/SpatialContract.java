package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineFile;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.TargetCodec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The contract every spatial transform is tested against, on a real photo with three rectangular objects: the mask
 * holds them as values 1..3, each has its box (label {@code obj}) and two keypoints (label {@code kp_obj}), and an
 * extra one-channel image {@code probe} has a bright blob under every keypoint. After a transform:
 * <ul>
 *   <li>boxes lie in [0, 1] and are tight on their object's mask pixels within a stated tolerance (an object cut by
 *       the border only has to be contained, since boxes are clipped after mapping, as Albumentations does);</li>
 *   <li>every keypoint sits on its blob (the probe's local peak is within 2 px);</li>
 *   <li>mask values stay labels: a subset of {0, 1, 2, 3} and the mask fill.</li>
 * </ul>
 */
public final class SpatialContract {
    private SpatialContract() {}

    public static final BboxParams BOXES = BboxParams.of(BboxFormat.PASCAL_VOC, "obj");
    public static final KeypointParams KEYPOINTS = KeypointParams.of(KeypointFormat.XY, "kp_obj");
    /** The photo (600 × 400) and its objects as {x1, y1, x2, y2}. */
    public static final String PHOTO = "photos/coffee.png";
    public static final int[][] OBJECTS = {{60, 50, 200, 160}, {250, 120, 420, 330}, {430, 40, 560, 150}};

    /** A fresh sample (owned by the caller). */
    public static Sample rectangles() {
        Mat image = ImageIO.readRgb(TestData.data(PHOTO));
        Mat mask = Mats.zeros(image.rows(), image.cols(), CV_8UC1);
        Mat probe = Mats.zeros(image.rows(), image.cols(), CV_8UC1);
        List<double[]> boxes = new ArrayList<>(), kps = new ArrayList<>();
        List<Object> obj = new ArrayList<>(), kpObj = new ArrayList<>();
        for (int i = 0; i < OBJECTS.length; i++) {
            int[] o = OBJECTS[i];
            try (Rect r = new Rect(o[0], o[1], o[2] - o[0], o[3] - o[1]); Mat roi = new Mat(mask, r); Scalar v = new Scalar(i + 1.0)) {
                roi.put(v);
            }
            boxes.add(new double[] {o[0], o[1], o[2], o[3]});
            obj.add(i + 1);
            for (double[] k : new double[][] {{(o[0] + o[2]) / 2.0, (o[1] + o[3]) / 2.0}, {o[0] + 12, o[1] + 12}}) {
                kps.add(k);
                kpObj.add(i + 1);
                try (Rect r = new Rect((int) k[0], (int) k[1], 1, 1); Mat px = new Mat(probe, r); Scalar v = new Scalar(255.0)) {
                    px.put(v);
                }
            }
        }
        try (Size none = new Size(0, 0)) {
            GaussianBlur(probe, probe, none, 2.5);
        }
        org.bytedeco.opencv.global.opencv_core.normalize(probe, probe, 0, 255, org.bytedeco.opencv.global.opencv_core.NORM_MINMAX, -1, null);
        Map<String, List<?>> labels = new LinkedHashMap<>();
        labels.put("obj", obj);
        labels.put("kp_obj", kpObj);
        return Sample.builder().image(image).image("probe", probe).mask(mask).build()
                .withBoxes(TargetCodec.decodeBoxes(boxes.toArray(double[][]::new), labels, BOXES, image.cols(), image.rows()))
                .withKeypoints(TargetCodec.decodeKeypoints(kps.toArray(double[][]::new), labels, KEYPOINTS, image.cols(), image.rows()));
    }

    /** A pipeline of one transform with this contract's label parameters. */
    public static Compose pipeline(Transform t) {
        return new Compose(List.of(t), 1.0, BOXES, KEYPOINTS, Map.of("probe", "image"), null);
    }

    /**
     * Applies {@code t} with {@code seed} and checks the contract; returns the output (the caller closes it).
     *
     * @param boxTolerancePx how far (pixels) a box edge may be from its object's mask bounds
     * @param maskFill       the value the transform may write into masks besides the labels
     */
    public static Sample check(Transform t, long seed, double boxTolerancePx, int maskFill) {
        try (Sample in = rectangles()) {
            Sample out = pipeline(t).apply(in, seed);
            int w = out.width(), h = out.height();
            Map<Integer, int[]> bounds = maskBounds(out.mask());
            for (int i = 0; i < out.boxes().size(); i++) {
                double[] b = out.boxes().get(i);
                assertThat(b[0]).as("x_min").isBetween(0.0, 1.0);
                assertThat(b[1]).as("y_min").isBetween(0.0, 1.0);
                assertThat(b[2]).as("x_max").isBetween(0.0, 1.0).isGreaterThan(b[0]);
                assertThat(b[3]).as("y_max").isBetween(0.0, 1.0).isGreaterThan(b[1]);
                int objId = (Integer) out.boxes().labels().get("obj").get(i);
                int[] m = bounds.get(objId);
                if (m == null) continue; // the object's pixels were dropped or filled: nothing to be tight on
                double[] px = {b[0] * w, b[1] * h, b[2] * w, b[3] * h};
                boolean cut = m[0] == 0 || m[1] == 0 || m[2] == w || m[3] == h;
                if (cut) {
                    // A box cut by the border is clipped as Albumentations does (corners first, then clip), so it may be
                    // loose on the side it was cut: it must still contain the object.
                    assertThat(px[0]).isLessThanOrEqualTo(m[0] + boxTolerancePx);
                    assertThat(px[1]).isLessThanOrEqualTo(m[1] + boxTolerancePx);
                    assertThat(px[2]).isGreaterThanOrEqualTo(m[2] - boxTolerancePx);
                    assertThat(px[3]).isGreaterThanOrEqualTo(m[3] - boxTolerancePx);
                    continue;
                }
                for (int k = 0; k < 4; k++) {
                    assertThat(Math.abs(px[k] - m[k])).as("%s box of object %d edge %d: box %s vs mask bounds %s", t.name(), objId, k,
                            java.util.Arrays.toString(px), java.util.Arrays.toString(m)).isLessThanOrEqualTo(boxTolerancePx);
                }
            }
            Mat probe = out.images().get("probe");
            for (int i = 0; i < out.keypoints().size(); i++) {
                double[] k = out.keypoints().get(i);
                assertThat(k[0]).isGreaterThanOrEqualTo(0).isLessThan(w);
                assertThat(k[1]).isGreaterThanOrEqualTo(0).isLessThan(h);
                int[] peak = localPeak(probe, (int) Math.round(k[0]), (int) Math.round(k[1]), 6);
                assertThat(peak[2]).as("%s keypoint %d: the probe blob under (%.1f, %.1f) is gone", t.name(), i, k[0], k[1]).isGreaterThan(40);
                assertThat(Math.hypot(peak[0] - k[0], peak[1] - k[1])).as("%s keypoint %d at (%.1f, %.1f), blob peak at (%d, %d)",
                        t.name(), i, k[0], k[1], peak[0], peak[1]).isLessThanOrEqualTo(2.0);
            }
            TreeSet<Integer> allowed = new TreeSet<>(List.of(0, 1, 2, 3, maskFill));
            assertThat(values(out.mask())).isSubsetOf(allowed);
            assertThat(out.boxes().labels().get("obj")).hasSize(out.boxes().size());
            assertThat(out.keypoints().labels().get("kp_obj")).hasSize(out.keypoints().size());
            return out;
        }
    }

    /** Running the pipeline and its JSON and YAML round trips with one seed gives identical output. */
    public static void assertRoundTripSameOutput(Transform t, long seed) {
        Compose c = pipeline(t);
        try (Sample in = rectangles(); Sample a = c.apply(in, seed);
             Sample b = PipelineFile.fromJson(PipelineFile.toJson(c)).apply(in, seed);
             Sample y = PipelineFile.fromYaml(PipelineFile.toYaml(c)).apply(in, seed)) {
            for (Sample o : List.of(b, y)) {
                assertThat(Mats.toBytes(o.image())).isEqualTo(Mats.toBytes(a.image()));
                assertThat(Mats.toBytes(o.mask())).isEqualTo(Mats.toBytes(a.mask()));
                assertThat(o.boxes().toArray()).isDeepEqualTo(a.boxes().toArray());
                assertThat(o.keypoints().toArray()).isDeepEqualTo(a.keypoints().toArray());
            }
        }
    }

    /** {x1, y1, x2, y2} (edges) of each non-zero mask value. */
    public static Map<Integer, int[]> maskBounds(Mat mask) {
        Map<Integer, int[]> out = new LinkedHashMap<>();
        ByteBuffer b = mask.createBuffer();
        int step = (int) mask.step();
        for (int y = 0; y < mask.rows(); y++) {
            for (int x = 0; x < mask.cols(); x++) {
                int v = b.get(y * step + x) & 0xff;
                if (v == 0) continue;
                int[] r = out.computeIfAbsent(v, k -> new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1});
                r[0] = Math.min(r[0], x);
                r[1] = Math.min(r[1], y);
                r[2] = Math.max(r[2], x + 1);
                r[3] = Math.max(r[3], y + 1);
            }
        }
        return out;
    }

    /** {x, y, value} of the brightest pixel within {@code radius} of (cx, cy). */
    private static int[] localPeak(Mat img, int cx, int cy, int radius) {
        ByteBuffer b = img.createBuffer();
        int step = (int) img.step();
        int[] best = {cx, cy, -1};
        for (int y = Math.max(0, cy - radius); y <= Math.min(img.rows() - 1, cy + radius); y++) {
            for (int x = Math.max(0, cx - radius); x <= Math.min(img.cols() - 1, cx + radius); x++) {
                int v = b.get(y * step + x) & 0xff;
                if (v > best[2]) best = new int[] {x, y, v};
            }
        }
        return best;
    }

    private static TreeSet<Integer> values(Mat m) {
        TreeSet<Integer> s = new TreeSet<>();
        for (byte v : Mats.toBytes(m)) s.add(v & 0xff);
        return s;
    }
}
