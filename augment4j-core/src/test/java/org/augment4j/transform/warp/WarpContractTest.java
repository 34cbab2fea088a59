package org.augment4j.transform.warp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.serial.TransformRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spatial contract (boxes tight on their objects, keypoints on their blobs, label-valued masks) and the JSON / YAML
 * round trip for the warp transforms, over several seeds, with the output size each documents. Box tolerances: 0 px for
 * the exact symmetries (D4, SquareSymmetry, Flip); 2 px for SafeRotate and Perspective (largest_box corners of an
 * axis-aligned object under a rotation or homography stay within a pixel or two of the resampled mask); 2 px for
 * Morphological, which moves no box while erosion shrinks the object's mask by a pixel. Three cases are left to their own
 * tests: SafeRotate's ellipse boxes are meant to sit inside a rotated rectangle's bounds (SafeRotateTest); and because
 * the harness measures a blob's position by its first brightest pixel and its blobs are flat-topped:
 * Perspective zooms of up to 2× (the default scale) widen that top past the harness's 2 px (PerspectiveTest measures
 * the blob centroid instead), and dilation grows it up and left (MorphologicalTest checks that labels stay put exactly).
 */
class WarpContractTest {
    private static final int W = 600, H = 400;

    /** name, parameters, box tolerance, expected output {width, height} (null: checked by the case). */
    static Stream<Arguments> cases() {
        List<Object[]> specs = List.of(
                new Object[] {"D4", Map.of(), 0.0, null},
                new Object[] {"SquareSymmetry", Map.of(), 0.0, null},
                new Object[] {"Flip", Map.of(), 0.0, new int[] {W, H}},
                new Object[] {"SafeRotate", Map.of("limit", 90), 2.0, new int[] {W, H}},
                new Object[] {"SafeRotate", Map.of("limit", 45, "border_mode", 1, "interpolation", 2), 2.0, new int[] {W, H}},
                new Object[] {"Perspective", Map.of("scale", 0.05), 2.0, new int[] {W, H}},
                new Object[] {"Perspective", Map.of("scale", 0.05, "keep_size", false), 2.0, null},
                new Object[] {"Perspective", Map.of("scale", List.of(0.05, 0.1), "fit_output", true), 2.0, new int[] {W, H}},
                new Object[] {"Morphological", Map.of("operation", "erosion"), 2.0, new int[] {W, H}},
                new Object[] {"Morphological", Map.of("scale", List.of(3, 3), "operation", "erosion"), 2.0, new int[] {W, H}});
        List<Arguments> out = new ArrayList<>();
        for (Object[] s : specs) {
            for (long seed = 0; seed < 6; seed++) out.add(Arguments.of(s[0], s[1], seed, s[2], s[3]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("cases")
    void keepsTheContract(String name, Map<String, Object> params, long seed, double tolerance, int[] size) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("p", 1.0);
        Transform t = TransformRegistry.create(name, p);
        try (Sample out = SpatialContract.check(t, seed, tolerance, 0)) {
            assertThat(out.boxes().size() + out.keypoints().size()).isPositive();
            Map<String, Object> applied = out.applied().get(0).params();
            if (size != null) {
                assertThat(new int[] {out.width(), out.height()}).isEqualTo(size);
            } else if (name.equals("Perspective")) {
                assertThat(new int[] {out.width(), out.height()}).isEqualTo(new int[] {(Integer) applied.get("max_width"), (Integer) applied.get("max_height")});
            } else {
                boolean swaps = List.of("r90", "r270", "t", "hvt").contains(applied.get("group_element"));
                assertThat(new int[] {out.width(), out.height()}).isEqualTo(swaps ? new int[] {H, W} : new int[] {W, H});
            }
            assertThat(out.images().get("probe").cols()).isEqualTo(out.width());
            assertThat(out.mask().rows()).isEqualTo(out.height());
        }
        SpatialContract.assertRoundTripSameOutput(t, seed);
    }
}
