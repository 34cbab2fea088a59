package org.augment4j.transform.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.augment4j.CocoFixture;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.Labels;
import org.augment4j.target.Keypoints;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Geometric invariants of every spatial and dropout transform, on real COCO photos with boxes, masks and keypoints. */
class SpatialInvariantsTest {

    /** Each transform with parameters that make it do something visible, p = 1. */
    static final Map<String, Map<String, Object>> TRANSFORMS = new java.util.LinkedHashMap<>();

    static {
        TRANSFORMS.put("HorizontalFlip", Map.of());
        TRANSFORMS.put("VerticalFlip", Map.of());
        TRANSFORMS.put("Transpose", Map.of());
        TRANSFORMS.put("RandomRotate90", Map.of());
        TRANSFORMS.put("Rotate", Map.of("limit", 45));
        TRANSFORMS.put("ShiftScaleRotate", Map.of("shift_limit", 0.1, "scale_limit", 0.2, "rotate_limit", 30));
        TRANSFORMS.put("Affine", Map.of("scale", List.of(0.8, 1.2), "rotate", List.of(-30, 30), "shear", List.of(-10, 10), "translate_percent", List.of(-0.1, 0.1)));
        TRANSFORMS.put("Resize", Map.of("height", 300, "width", 200));
        TRANSFORMS.put("Crop", Map.of("x_min", 10, "y_min", 20, "x_max", 300, "y_max", 250));
        TRANSFORMS.put("CenterCrop", Map.of("height", 200, "width", 300));
        TRANSFORMS.put("RandomCrop", Map.of("height", 256, "width", 256));
        TRANSFORMS.put("RandomSizedCrop", Map.of("min_max_height", List.of(200, 400), "height", 256, "width", 256));
        TRANSFORMS.put("ElasticTransform", Map.of("alpha", 40, "sigma", 6));
        TRANSFORMS.put("CoarseDropout", Map.of("num_holes_range", List.of(2, 6)));
        TRANSFORMS.put("Cutout", Map.of("num_holes", 20, "max_h_size", 40, "max_w_size", 40));
        TRANSFORMS.put("MaskDropout", Map.of("max_objects", 3));
    }

    static Transform create(String name) {
        Map<String, Object> params = new java.util.HashMap<>(TRANSFORMS.get(name));
        params.put("p", 1.0);
        return TransformRegistry.create(name, params);
    }

    static Stream<Arguments> transformsAndSeeds() {
        List<Arguments> out = new ArrayList<>();
        for (String name : TRANSFORMS.keySet()) {
            for (int seed = 0; seed < 4; seed++) out.add(Arguments.of(name, seed, CocoFixture.STEMS.get(seed % CocoFixture.STEMS.size())));
        }
        return out.stream();
    }

    private static Compose pipeline(Transform... ts) {
        return new Compose(List.of(ts), 1.0, CocoFixture.BOXES, CocoFixture.KEYPOINTS, Map.of(), null);
    }

    @ParameterizedTest(name = "{0} seed {1} on {2}")
    @MethodSource("transformsAndSeeds")
    void labelsStayValidAndAligned(String name, int seed, String stem) {
        try (Sample in = CocoFixture.load(stem); Sample out = pipeline(create(name)).apply(in, seed)) {
            for (int i = 0; i < out.boxes().size(); i++) {
                double[] b = out.boxes().get(i);
                assertThat(b[0]).as("x_min of box %d", i).isBetween(0.0, 1.0);
                assertThat(b[1]).as("y_min of box %d", i).isBetween(0.0, 1.0);
                assertThat(b[2]).as("x_max of box %d", i).isBetween(0.0, 1.0).isGreaterThan(b[0]);
                assertThat(b[3]).as("y_max of box %d", i).isBetween(0.0, 1.0).isGreaterThan(b[1]);
            }
            for (int i = 0; i < out.keypoints().size(); i++) {
                double[] k = out.keypoints().get(i);
                assertThat(k[0]).as("x of keypoint %d", i).isGreaterThanOrEqualTo(0).isLessThan(out.width());
                assertThat(k[1]).as("y of keypoint %d", i).isGreaterThanOrEqualTo(0).isLessThan(out.height());
            }
            assertThat(out.boxes().labels().get("category_id")).hasSize(out.boxes().size());
            assertThat(out.keypoints().labels().get("keypoint_labels")).hasSize(out.keypoints().size());
            assertThat(out.mask().rows()).isEqualTo(out.height());
            assertThat(out.mask().cols()).isEqualTo(out.width());
        }
    }

    @ParameterizedTest(name = "{0} seed {1} on {2}")
    @MethodSource("transformsAndSeeds")
    void masksKeepOnlyInputValues(String name, int seed, String stem) {
        try (Sample in = CocoFixture.load(stem); Sample out = pipeline(create(name)).apply(in, seed)) {
            TreeSet<Integer> before = values(in.mask());
            before.add(0); // fill_mask
            assertThat(values(out.mask())).isSubsetOf(before);
        }
    }

    private static TreeSet<Integer> values(Mat m) {
        TreeSet<Integer> s = new TreeSet<>();
        for (byte b : Mats.toBytes(m)) s.add(b & 0xff);
        return s;
    }

    static Stream<Arguments> geometricAndSeeds() {
        return transformsAndSeeds().filter(a -> !List.of("CoarseDropout", "Cutout", "MaskDropout").contains((String) a.get()[0]));
    }

    /** A bright blob drawn at a keypoint ends up where the keypoint says. */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("geometricAndSeeds")
    void keypointsFollowThePixelsUnderThem(String name, int seed, String unused) {
        double kx = 190, ky = 140;
        Mat img = new Mat(300, 400, CV_8UC3, new Scalar(0.0));
        try (Mat dot = new Mat(img, new org.bytedeco.opencv.opencv_core.Rect((int) kx, (int) ky, 1, 1))) {
            dot.put(new Scalar(255.0, 255.0, 255.0, 0.0));
        }
        GaussianBlur(img, img, new Size(0, 0), 2.0);
        KeypointParams kp = KeypointParams.of(KeypointFormat.XY);
        Sample in = Sample.builder().image(img).keypoints(Keypoints.of(new double[][] {{kx, ky, 0, 1}}, Labels.empty())).build();
        Compose c = new Compose(List.of(create(name)), 1.0, null, kp, Map.of(), null);
        try (in; Sample out = c.apply(in, seed)) {
            if (out.keypoints().size() == 0) return; // cropped away: nothing to compare
            double[] k = out.keypoints().get(0);
            Point max = new Point();
            try (Mat ch = new Mat()) {
                org.bytedeco.opencv.global.opencv_core.extractChannel(out.image(), ch, 0);
                minMaxLoc(ch, (org.bytedeco.javacpp.DoublePointer) null, null, null, max, null);
            }
            assertThat(Math.hypot(max.x() - k[0], max.y() - k[1])).as("distance from the blob's peak (%d, %d) to keypoint (%.2f, %.2f)", max.x(), max.y(), k[0], k[1])
                    .isLessThanOrEqualTo(1.5);
        }
    }

    static Stream<Arguments> involutions() {
        return Stream.of("HorizontalFlip", "VerticalFlip", "Transpose").flatMap(n -> CocoFixture.STEMS.stream().limit(3).map(s -> Arguments.of(n, s)));
    }

    @ParameterizedTest(name = "{0} twice on {1}")
    @MethodSource("involutions")
    void flippingTwiceIsTheIdentity(String name, String stem) {
        try (Sample in = CocoFixture.load(stem); Sample out = pipeline(create(name), create(name)).apply(in, 1L)) {
            assertSame(in, out);
        }
    }

    @ParameterizedTest(name = "rot90 k={0} then 4-k")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2, 3})
    void quarterTurnsUndoEachOther(int k) {
        Compose c = pipeline(create("RandomRotate90"), create("RandomRotate90"));
        try (Sample in = CocoFixture.load("000000183709");
             Sample out = c.apply(in, 3L, Map.of(0, Map.of("factor", k), 1, Map.of("factor", (4 - k) % 4)))) {
            assertSame(in, out);
        }
    }

    private static void assertSame(Sample in, Sample out) {
        assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(in.image()));
        assertThat(Mats.toBytes(out.mask())).isEqualTo(Mats.toBytes(in.mask()));
        assertThat(out.boxes().size()).isEqualTo(in.boxes().size());
        for (int i = 0; i < in.boxes().size(); i++) assertThat(out.boxes().get(i)).containsExactly(in.boxes().get(i), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(out.keypoints().size()).isEqualTo(in.keypoints().size());
        for (int i = 0; i < in.keypoints().size(); i++) {
            assertThat(out.keypoints().get(i)[0]).isCloseTo(in.keypoints().get(i)[0], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(out.keypoints().get(i)[1]).isCloseTo(in.keypoints().get(i)[1], org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(out.boxes().labels().asMap()).isEqualTo(in.boxes().labels().asMap());
        assertThat(out.keypoints().labels().asMap()).isEqualTo(in.keypoints().labels().asMap());
    }

    /** Under an elastic warp, a box re-fitted around the warped region stays tight around the warped object. */
    @ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2, 3, 4})
    void elasticBoxesStayTight(int seed) {
        Mat img = new Mat(240, 320, CV_8UC3, new Scalar(0.0));
        try (Mat obj = new Mat(img, new org.bytedeco.opencv.opencv_core.Rect(100, 60, 90, 70))) {
            obj.put(new Scalar(255.0, 255.0, 255.0, 0.0));
        }
        Sample in = Sample.builder().image(img).build().withBoxes(org.augment4j.target.BoundingBoxes.of(
                new double[][] {{100 / 320.0, 60 / 240.0, 190 / 320.0, 130 / 240.0}}, Labels.empty()));
        Compose c = new Compose(List.of(TransformRegistry.create("ElasticTransform", Map.of("alpha", 300, "sigma", 12, "p", 1.0, "interpolation", 0))));
        try (in; Sample out = c.apply(in, seed)) {
            double[] b = out.boxes().get(0);
            int[] bounds = brightBounds(out.image());
            assertThat(b[0] * 320).isCloseTo(bounds[0], org.assertj.core.data.Offset.offset(1.0));
            assertThat(b[1] * 240).isCloseTo(bounds[1], org.assertj.core.data.Offset.offset(1.0));
            assertThat(b[2] * 320).isCloseTo(bounds[2], org.assertj.core.data.Offset.offset(1.0));
            assertThat(b[3] * 240).isCloseTo(bounds[3], org.assertj.core.data.Offset.offset(1.0));
        }
    }

    /** {x1, y1, x2, y2} (edges) of the pixels brighter than 127 in channel 0. */
    private static int[] brightBounds(Mat m) {
        ByteBuffer b = m.createBuffer();
        int x1 = Integer.MAX_VALUE, y1 = Integer.MAX_VALUE, x2 = -1, y2 = -1;
        for (int y = 0; y < m.rows(); y++) {
            for (int x = 0; x < m.cols(); x++) {
                if ((b.get((int) (y * m.step() + x * 3L)) & 0xff) > 127) {
                    x1 = Math.min(x1, x);
                    y1 = Math.min(y1, y);
                    x2 = Math.max(x2, x + 1);
                    y2 = Math.max(y2, y + 1);
                }
            }
        }
        return new int[] {x1, y1, x2, y2};
    }
}
