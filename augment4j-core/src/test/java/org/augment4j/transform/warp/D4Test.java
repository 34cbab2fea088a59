package org.augment4j.transform.warp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.Angles;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every D4 group element is exactly OpenCV's flip / rotate / transpose, and boxes and keypoints follow exactly. */
class D4Test {

    /** The element done with OpenCV's own operations. */
    private static Mat reference(Mat src, String element) {
        Mat dst = new Mat();
        switch (element) {
            case "e" -> src.copyTo(dst);
            case "r90" -> opencv_core.rotate(src, dst, ROTATE_90_COUNTERCLOCKWISE);
            case "r180" -> opencv_core.rotate(src, dst, ROTATE_180);
            case "r270" -> opencv_core.rotate(src, dst, ROTATE_90_CLOCKWISE);
            case "v" -> opencv_core.flip(src, dst, 0);
            case "h" -> opencv_core.flip(src, dst, 1);
            case "t" -> opencv_core.transpose(src, dst);
            default -> {
                try (Mat half = new Mat()) {
                    opencv_core.rotate(src, half, ROTATE_180);
                    opencv_core.transpose(half, dst);
                }
            }
        }
        return dst;
    }

    /** Albumentations 2.0.8's bboxes_d4 on a normalised box. */
    private static double[] box(double[] b, String e) {
        double x1 = b[0], y1 = b[1], x2 = b[2], y2 = b[3];
        return switch (e) {
            case "e" -> new double[] {x1, y1, x2, y2};
            case "r90" -> new double[] {y1, 1 - x2, y2, 1 - x1};
            case "r180" -> new double[] {1 - x2, 1 - y2, 1 - x1, 1 - y1};
            case "r270" -> new double[] {1 - y2, x1, 1 - y1, x2};
            case "v" -> new double[] {x1, 1 - y2, x2, 1 - y1};
            case "h" -> new double[] {1 - x2, y1, 1 - x1, y2};
            case "t" -> new double[] {y1, x1, y2, x2};
            default -> new double[] {1 - y2, 1 - x2, 1 - y1, 1 - x1};
        };
    }

    /** Albumentations 2.0.8's keypoints_d4 position, and the linear part of the map, {x, y, a, b, c, d}. */
    private static double[] point(double x, double y, String e, int w, int h) {
        return switch (e) {
            case "e" -> new double[] {x, y, 1, 0, 0, 1};
            case "r90" -> new double[] {y, w - 1 - x, 0, 1, -1, 0};
            case "r180" -> new double[] {w - 1 - x, h - 1 - y, -1, 0, 0, -1};
            case "r270" -> new double[] {h - 1 - y, x, 0, -1, 1, 0};
            case "v" -> new double[] {x, h - 1 - y, 1, 0, 0, -1};
            case "h" -> new double[] {w - 1 - x, y, -1, 0, 0, 1};
            case "t" -> new double[] {y, x, 0, 1, 1, 0};
            default -> new double[] {h - 1 - y, w - 1 - x, 0, -1, -1, 0};
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"e", "r90", "r180", "r270", "v", "hvt", "h", "t"})
    void groupElementIsExactlyTheOpenCvOperation(String element) {
        D4 d4 = new D4(1.0);
        try (Sample in = SpatialContract.rectangles()) {
            int w = in.width(), h = in.height();
            Sample angled = in.withKeypoints(in.keypoints().withPoints(withAngle(in.keypoints().toArray(), 0.3)));
            try (Sample out = d4.applyForced(angled, new SplittableRandom(1), Map.of("group_element", element))) {
                for (String name : List.of("image", "probe")) {
                    try (Mat want = reference(in.images().get(name), element)) {
                        assertThat(out.images().get(name).cols()).isEqualTo(want.cols());
                        assertThat(Mats.toBytes(out.images().get(name))).as(name).isEqualTo(Mats.toBytes(want));
                    }
                }
                try (Mat want = reference(in.mask(), element)) {
                    assertThat(Mats.toBytes(out.mask())).as("mask").isEqualTo(Mats.toBytes(want));
                }
                for (int i = 0; i < in.boxes().size(); i++) {
                    assertThat(out.boxes().get(i)).containsExactly(box(in.boxes().get(i), element), within(1e-12));
                }
                for (int i = 0; i < in.keypoints().size(); i++) {
                    double[] k = in.keypoints().get(i), got = out.keypoints().get(i);
                    double[] want = point(k[0], k[1], element, w, h);
                    assertThat(got[0]).isCloseTo(want[0], within(1e-9));
                    assertThat(got[1]).isCloseTo(want[1], within(1e-9));
                    // The angle follows the reflected / rotated direction (cos 0.3, sin 0.3).
                    double dx = want[2] * Math.cos(0.3) + want[3] * Math.sin(0.3), dy = want[4] * Math.cos(0.3) + want[5] * Math.sin(0.3);
                    assertThat(Angles.normalize(got[2] - Math.atan2(dy, dx) + 1e-9)).isCloseTo(1e-9, within(1e-8));
                }
            }
        }
    }

    private static double[][] withAngle(double[][] kps, double a) {
        for (double[] k : kps) k[2] = a;
        return kps;
    }

    @Test
    void drawsAllEightElementsUniformly() {
        D4 d4 = new D4();
        Map<String, Integer> counts = new HashMap<>();
        SplittableRandom rng = new SplittableRandom(7);
        try (Sample in = SpatialContract.rectangles()) {
            for (int i = 0; i < 800; i++) counts.merge(d4.sampleParams(in, rng).groupElement(), 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(D4.ELEMENTS);
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(60, 140));
    }

    @Test
    void squareSymmetryIsD4UnderItsOwnName() {
        Transform sq = TransformRegistry.create("SquareSymmetry", Map.of());
        Transform d4 = TransformRegistry.create("D4", Map.of());
        assertThat(sq).isInstanceOf(SquareSymmetry.class);
        assertThat(sq.toDict()).containsEntry("__class_fullname__", "SquareSymmetry").containsEntry("p", 1.0);
        assertThat(d4.toDict()).containsEntry("__class_fullname__", "D4").containsEntry("p", 1.0).hasSize(2);
        for (long seed = 0; seed < 8; seed++) {
            try (Sample in = SpatialContract.rectangles(); Sample a = SpatialContract.pipeline(sq).apply(in, seed);
                 Sample b = SpatialContract.pipeline(d4).apply(in, seed)) {
                assertThat(a.applied().get(0).params()).isEqualTo(b.applied().get(0).params());
                assertThat(Mats.toBytes(a.image())).isEqualTo(Mats.toBytes(b.image()));
                assertThat(a.boxes().toArray()).isDeepEqualTo(b.boxes().toArray());
            }
        }
    }

    @Test
    void rejectsAnUnknownGroupElementAndABadP() {
        try (Sample in = SpatialContract.rectangles()) {
            assertThatThrownBy(() -> new D4().applyForced(in, new SplittableRandom(0), Map.of("group_element", "r45")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group_element").hasMessageContaining("r45");
        }
        assertThatThrownBy(() -> new SquareSymmetry(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SquareSymmetry").hasMessageContaining("p must be");
    }
}
