package org.augment4j.transform.dropout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hole-cutting transform on the spatial contract's photo: holes never move a box (tolerance 0) nor a keypoint;
 * exactly the keypoints under a recorded hole go, exactly the boxes left with no visible pixel go, everything else
 * stays with its labels; the holes hold the fill; masks stay untouched without fill_mask; JSON and YAML round trips
 * give the same output.
 */
class HoleContractTest {

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        Map<String, Map<String, Object>> t = new java.util.LinkedHashMap<>();
        t.put("CoarseDropout", Map.of("num_holes_range", List.of(4, 8), "hole_height_range", List.of(0.1, 0.3), "hole_width_range", List.of(0.1, 0.3), "fill", 7));
        t.put("Erasing", Map.of("scale", List.of(0.1, 0.4), "fill", 7));
        t.put("GridDropout", Map.of("ratio", 0.6, "fill", 7));
        t.put("XYMasking", Map.of("num_masks_x", List.of(1, 3), "num_masks_y", List.of(1, 3), "mask_x_length", List.of(10, 60),
                "mask_y_length", List.of(10, 60), "fill", 7));
        t.put("ConstrainedCoarseDropout", Map.of("num_holes_range", List.of(1, 3), "hole_height_range", List.of(0.3, 0.6),
                "hole_width_range", List.of(0.3, 0.6), "mask_indices", List.of(1, 3), "fill", 7));
        t.put("ConstrainedCoarseDropout/boxes", Map.of("num_holes_range", List.of(2, 4), "hole_height_range", List.of(0.2, 0.5),
                "hole_width_range", List.of(0.2, 0.5), "bbox_labels", List.of(2), "fill", 7));
        for (Map.Entry<String, Map<String, Object>> e : t.entrySet()) {
            for (long seed = 1; seed <= 6; seed++) out.add(Arguments.of(e.getKey(), e.getValue(), seed));
        }
        return out;
    }

    private static Transform create(String key, Map<String, Object> params) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("p", 1.0);
        return TransformRegistry.create(key.split("/")[0], p);
    }

    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource("cases")
    void holesDropExactlyTheLabelsTheyHide(String key, Map<String, Object> params, long seed) {
        Transform t = create(key, params);
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.check(t, seed, 0, 0)) {
            int[][] holes = holes(out);
            assertThat(holes).as("%s seed %d cut no hole", key, seed).isNotEmpty();
            double[][] kpsIn = in.keypoints().toArray();
            List<double[]> expectedKps = new ArrayList<>();
            List<Object> expectedKpLabels = new ArrayList<>();
            for (int i = 0; i < kpsIn.length; i++) {
                if (!covered(holes, (int) Math.floor(kpsIn[i][0]), (int) Math.floor(kpsIn[i][1]))) {
                    expectedKps.add(kpsIn[i]);
                    expectedKpLabels.add(in.keypoints().labels().get("kp_obj").get(i));
                }
            }
            assertThat(out.keypoints().toArray()).isDeepEqualTo(expectedKps.toArray(double[][]::new));
            assertThat(out.keypoints().labels().get("kp_obj")).isEqualTo(expectedKpLabels);
            List<Object> expectedBoxes = new ArrayList<>();
            for (int i = 0; i < SpatialContract.OBJECTS.length; i++) {
                if (visible(holes, SpatialContract.OBJECTS[i]) > 0) expectedBoxes.add(i + 1);
            }
            assertThat(out.boxes().labels().get("obj")).isEqualTo(expectedBoxes);
            for (int i = 0; i < out.boxes().size(); i++) {
                int obj = (Integer) out.boxes().labels().get("obj").get(i);
                assertThat(out.boxes().get(i)).containsExactly(in.boxes().get(obj - 1));
            }
            assertThat(Mats.toBytes(out.mask())).isEqualTo(Mats.toBytes(in.mask()));
            byte[] px = Mats.toBytes(out.image());
            int w = out.width();
            for (int[] h : holes) {
                for (int y = h[1]; y < h[3]; y += 3) {
                    for (int x = h[0]; x < h[2]; x += 3) assertThat(px[(y * w + x) * 3] & 0xff).isEqualTo(7);
                }
            }
        }
        SpatialContract.assertRoundTripSameOutput(t, seed);
    }

    @SuppressWarnings("unchecked")
    static int[][] holes(Sample out) {
        List<List<Number>> h = (List<List<Number>>) out.applied().get(0).params().get("holes");
        return h.stream().map(r -> r.stream().mapToInt(Number::intValue).toArray()).toArray(int[][]::new);
    }

    static boolean covered(int[][] holes, int x, int y) {
        for (int[] h : holes) if (x >= h[0] && x < h[2] && y >= h[1] && y < h[3]) return true;
        return false;
    }

    /** Pixels of the box {x1, y1, x2, y2} under no hole. */
    static int visible(int[][] holes, int[] box) {
        int n = 0;
        for (int y = box[1]; y < box[3]; y++) for (int x = box[0]; x < box[2]; x++) if (!covered(holes, x, y)) n++;
        return n;
    }
}
