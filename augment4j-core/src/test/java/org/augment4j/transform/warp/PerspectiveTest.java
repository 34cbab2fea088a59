package org.augment4j.transform.warp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.TargetCodec;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Perspective: labels follow the homography at the default strength, sizes are as documented, one warp does it. */
class PerspectiveTest {

    private static Perspective create(Object... kv) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        m.put("p", 1.0);
        return (Perspective) TransformRegistry.create("Perspective", m);
    }

    /**
     * At the default scale the zoom reaches 2×, which widens the probe's flat-topped blobs past the contract's
     * first-brightest-pixel measure; the blob's intensity centroid must still be within 1 px of its keypoint, and every
     * box within 2 px of its object's mask.
     */
    @ParameterizedTest(name = "keep_size {0} seed {1}")
    @CsvSource({"true,0", "true,1", "true,2", "true,3", "true,4", "true,5", "true,6", "true,7",
        "false,0", "false,1", "false,2", "false,3", "false,4", "false,5", "false,6", "false,7"})
    void labelsFollowTheDefaultHomography(boolean keepSize, long seed) {
        Perspective t = create("keep_size", keepSize);
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(t).apply(in, seed)) {
            Mat probe = out.images().get("probe");
            assertThat(out.keypoints().size()).isPositive();
            for (int i = 0; i < out.keypoints().size(); i++) {
                double[] k = out.keypoints().get(i);
                double[] c = centroid(probe, k[0], k[1], 7);
                assertThat(Math.hypot(c[0] - k[0], c[1] - k[1])).as("keypoint %d at (%.2f, %.2f), blob centroid (%.2f, %.2f)",
                        i, k[0], k[1], c[0], c[1]).isLessThanOrEqualTo(1.0);
            }
            Map<Integer, int[]> bounds = SpatialContract.maskBounds(out.mask());
            int w = out.width(), h = out.height();
            for (int i = 0; i < out.boxes().size(); i++) {
                double[] b = out.boxes().get(i);
                int[] m = bounds.get((Integer) out.boxes().labels().get("obj").get(i));
                if (m == null || m[0] == 0 || m[1] == 0 || m[2] == w || m[3] == h) continue;
                double[] px = {b[0] * w, b[1] * h, b[2] * w, b[3] * h};
                for (int e = 0; e < 4; e++) assertThat(Math.abs(px[e] - m[e])).as("box %d edge %d", i, e).isLessThanOrEqualTo(2.0);
            }
        }
    }

    /** The intensity centroid of the pixels within {@code r} of (x, y) that are at least half the local maximum. */
    private static double[] centroid(Mat img, double x, double y, int r) {
        ByteBuffer b = img.createBuffer();
        int step = (int) img.step(), cx = (int) Math.round(x), cy = (int) Math.round(y), max = 0;
        for (int yy = Math.max(0, cy - r); yy <= Math.min(img.rows() - 1, cy + r); yy++) {
            for (int xx = Math.max(0, cx - r); xx <= Math.min(img.cols() - 1, cx + r); xx++) max = Math.max(max, b.get(yy * step + xx) & 0xff);
        }
        double sw = 0, sx = 0, sy = 0;
        for (int yy = Math.max(0, cy - r); yy <= Math.min(img.rows() - 1, cy + r); yy++) {
            for (int xx = Math.max(0, cx - r); xx <= Math.min(img.cols() - 1, cx + r); xx++) {
                int v = b.get(yy * step + xx) & 0xff;
                if (v * 2 < max) continue;
                sw += v;
                sx += v * xx;
                sy += v * yy;
            }
        }
        return new double[] {sx / sw, sy / sw};
    }

    @Test
    void keepSizeIsOneWarpOfTheHomographyThenTheResize() {
        Perspective t = create();
        try (Sample in = SpatialContract.rectangles(); Sample out = t.applyForced(in, new SplittableRandom(3), Map.of())) {
            Map<String, Object> p = out.applied().get(0).params();
            @SuppressWarnings("unchecked")
            double[] m = ((List<Number>) p.get("matrix")).stream().mapToDouble(Number::doubleValue).toArray();
            int mw = (Integer) p.get("max_width"), mh = (Integer) p.get("max_height");
            Matrix single = Matrix.of(m).then(Matrix.scale(600.0 / mw, 400.0 / mh));
            try (Mat want = warp(in.image(), single, 600, 400); Mat big = warp(in.image(), Matrix.of(m), mw, mh); Mat twoStep = new Mat()) {
                assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(want));
                try (Size s = new Size(600, 400)) {
                    opencv_imgproc.resize(big, twoStep, s, 0, 0, opencv_imgproc.INTER_LINEAR);
                }
                // Warping to max_width × max_height and resizing gives the same picture, resampled twice.
                assertThat(meanAbsDiff(out.image(), twoStep)).isLessThan(12.0);
            }
        }
    }

    private static Mat warp(Mat src, Matrix m, int w, int h) {
        Mat dst = new Mat();
        try (Mat mm = new Mat(3, 3, org.bytedeco.opencv.global.opencv_core.CV_64F); Size s = new Size(w, h); Scalar zero = new Scalar(0.0)) {
            ((DoubleBuffer) mm.createBuffer()).put(m.values());
            opencv_imgproc.warpPerspective(src, dst, mm, s, opencv_imgproc.INTER_LINEAR, 0, zero);
        }
        return dst;
    }

    private static double meanAbsDiff(Mat a, Mat b) {
        byte[] x = Mats.toBytes(a), y = Mats.toBytes(b);
        double s = 0;
        for (int i = 0; i < x.length; i++) s += Math.abs((x[i] & 0xff) - (y[i] & 0xff));
        return s / x.length;
    }

    @Test
    void recordedParametersReplayTheSameOutput() {
        Perspective t = create("keep_size", false, "scale", List.of(0.02, 0.12));
        for (long seed = 0; seed < 5; seed++) {
            try (Sample in = SpatialContract.rectangles(); Sample a = t.applyForced(in, new SplittableRandom(seed), Map.of());
                 Sample b = t.applyForced(in, new SplittableRandom(seed + 100), a.applied().get(0).params())) {
                assertThat(new int[] {a.width(), a.height()}).containsExactly(
                        (Integer) a.applied().get(0).params().get("max_width"), (Integer) a.applied().get(0).params().get("max_height"));
                assertThat(Mats.toBytes(b.image())).isEqualTo(Mats.toBytes(a.image()));
                assertThat(b.keypoints().toArray()).isDeepEqualTo(a.keypoints().toArray());
            }
        }
    }

    @Test
    void fitOutputKeepsTheWholeFrameInView() {
        double[][] corners = {{0, 0}, {599, 0}, {599, 399}, {0, 399}};
        Map<String, List<?>> labels = Map.of("kp_obj", List.of(1, 2, 3, 4));
        for (boolean keep : new boolean[] {true, false}) {
            Perspective t = create("fit_output", true, "keep_size", keep, "scale", List.of(0.05, 0.15));
            for (long seed = 0; seed < 10; seed++) {
                try (Sample base = SpatialContract.rectangles()) {
                    Sample in = Sample.builder().image(base.image()).build()
                            .withKeypoints(TargetCodec.decodeKeypoints(corners, labels, SpatialContract.KEYPOINTS, 600, 400));
                    Sample out = SpatialContract.pipeline(t).apply(in, seed);
                    assertThat(out.keypoints().size()).as("keep_size %s seed %d", keep, seed).isEqualTo(4);
                    if (keep) assertThat(new int[] {out.width(), out.height()}).containsExactly(600, 400);
                    out.image().close();
                }
            }
        }
    }

    @Test
    void cornersMoveInwardsByAtMostTheCapAndAreOrdered() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 500; i++) {
            double[][] c = Homographies.jitteredCorners(600, 400, 0.3, rng);
            double[][] frame = {{0, 0}, {600, 0}, {600, 400}, {0, 400}};
            for (int k = 0; k < 4; k++) {
                assertThat(Math.abs(c[k][0] - frame[k][0])).isLessThanOrEqualTo(0.32 * 600 + 1e-3);
                assertThat(Math.abs(c[k][1] - frame[k][1])).isLessThanOrEqualTo(0.32 * 400 + 1e-3);
            }
            List<double[]> shuffled = new ArrayList<>(List.of(c[2], c[0], c[3], c[1]));
            assertThat(Homographies.order(shuffled.toArray(double[][]::new))).isDeepEqualTo(c);
        }
        double[][] q = {{10, 20}, {590, 5}, {580, 390}, {3, 370}};
        Matrix m = Homographies.rectify(q, 600, 400);
        assertThat(m.apply(580, 390)).containsExactly(new double[] {600, 400}, within(1e-3));
        assertThat(Homographies.size(q)).containsExactly(580, 385); // the longer of each pair of opposite sides, truncated
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> create("scale", List.of(-0.1, 0.1))).isInstanceOf(PipelineException.class)
                .hasMessageContaining("Perspective").hasMessageContaining("scale");
        assertThatThrownBy(() -> create("scale", List.of(0.2, 0.1))).isInstanceOf(PipelineException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> create("keep_size", "yes")).isInstanceOf(PipelineException.class).hasMessageContaining("keep_size");
        assertThatThrownBy(() -> create("interpolation", 7)).isInstanceOf(PipelineException.class).hasMessageContaining("interpolation");
    }
}
