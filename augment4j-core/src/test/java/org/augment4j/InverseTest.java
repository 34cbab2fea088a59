package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.Angles;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.Keypoints;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Test-time augmentation: labels predicted on the augmented image map back onto the original. */
class InverseTest {

    private static Transform t(String name, Object... kv) {
        Map<String, Object> p = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) p.put((String) kv[i], kv[i + 1]);
        p.putIfAbsent("p", 1.0);
        return TransformRegistry.create(name, p);
    }

    /** Flips, quarter turns, a crop that keeps every object, a resize and a transpose undo exactly. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void axisAlignedChainsUndoExactly(long seed) {
        // The crop keeps every object whole, so every box must come back exactly.
        List<Transform> ts = List.of(t("Crop", "x_min", 40, "y_min", 30, "x_max", 580, "y_max", 350), t("HorizontalFlip", "p", 0.5),
                t("RandomRotate90"), t("Resize", "height", 300, "width", 270), t("Transpose", "p", 0.5));
        Compose c = new Compose(ts, 1, SpatialContract.BOXES, SpatialContract.KEYPOINTS, Map.of(), null);
        try (Sample in = SpatialContract.rectangles(); Sample out = c.apply(in, seed)) {
            assertThat(out.steps()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(Inverse.originalSize(out)).containsExactly(600, 400);
            BoundingBoxes back = Inverse.boxes(out, out.boxes());
            Keypoints kback = Inverse.keypoints(out, out.keypoints());
            assertThat(back.size()).isEqualTo(3);
            assertThat(kback.size()).isEqualTo(6);
            for (int i = 0; i < back.size(); i++) {
                int obj = (Integer) back.labels().get("obj").get(i);
                double[] want = in.boxes().get(obj - 1), got = back.get(i);
                for (int k = 0; k < 4; k++) assertThat(got[k]).isCloseTo(want[k], offset(1e-9));
            }
            for (int i = 0; i < kback.size(); i++) {
                double[] got = kback.get(i);
                double[] want = findNearest(in.keypoints(), got);
                assertThat(got[0]).isCloseTo(want[0], offset(1e-6));
                assertThat(got[1]).isCloseTo(want[1], offset(1e-6));
                assertThat(Angles.normalize(got[2])).isCloseTo(Angles.normalize(want[2]), offset(1e-9));
            }
        }
    }

    private static double[] findNearest(Keypoints kps, double[] p) {
        double[] best = null;
        double d = Double.MAX_VALUE;
        for (int i = 0; i < kps.size(); i++) {
            double[] k = kps.get(i);
            double e = Math.hypot(k[0] - p[0], k[1] - p[1]);
            if (e < d) {
                d = e;
                best = k;
            }
        }
        return best;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void rotationsAndAffineWarpsComeBackAroundTheOriginal(long seed) {
        Compose c = new Compose(List.of(t("Affine", "scale", List.of(0.8, 1.1), "rotate", List.of(-20, 20), "translate_percent", List.of(-0.05, 0.05))),
                1, SpatialContract.BOXES, SpatialContract.KEYPOINTS, Map.of(), null);
        try (Sample in = SpatialContract.rectangles(); Sample out = c.apply(in, seed)) {
            BoundingBoxes back = Inverse.boxes(out, out.boxes());
            for (int i = 0; i < back.size(); i++) {
                int obj = (Integer) back.labels().get("obj").get(i);
                double[] want = in.boxes().get(obj - 1), got = back.get(i);
                assertThat(got[0]).isLessThanOrEqualTo(want[0] + 1e-9);
                assertThat(got[1]).isLessThanOrEqualTo(want[1] + 1e-9);
                assertThat(got[2]).isGreaterThanOrEqualTo(Math.min(1, want[2]) - 1e-9);
                assertThat(got[3]).isGreaterThanOrEqualTo(Math.min(1, want[3]) - 1e-9);
            }
            Keypoints kback = Inverse.keypoints(out, out.keypoints());
            for (int i = 0; i < kback.size(); i++) {
                double[] got = kback.get(i), want = findNearest(in.keypoints(), got);
                assertThat(Math.hypot(got[0] - want[0], got[1] - want[1])).isLessThan(1e-6);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void displacementWarpsCannotBeWalkedBack() {
        Compose c = new Compose(List.of(t("HorizontalFlip"), t("ElasticTransform", "alpha", 20, "sigma", 5)), 1, SpatialContract.BOXES, null, Map.of(), null);
        try (Sample in = SpatialContract.rectangles(); Sample out = c.apply(in, 1L)) {
            assertThatThrownBy(() -> Inverse.boxes(out, out.boxes())).hasMessageContaining("cannot map labels back through ElasticTransform");
        }
    }
}
