package org.augment4j.transform.dropout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.TargetCodec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Documented behaviour of the hole-cutting transforms: fills, hole shapes and places, 1.3 names, bad parameters. */
class HoleTransformsTest {

    private static Transform create(String name, Map<String, Object> params) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("p", 1.0);
        return TransformRegistry.create(name, p);
    }

    private static Sample gray(int type) {
        return Sample.of(new Mat(100, 200, type, new Scalar(200.0, 200.0, 200.0, 200.0)));
    }

    private static final Map<Integer, Map<String, Object>> TWO_HOLES = Map.of(0, Map.of("holes", List.of(List.of(10, 10, 60, 50), List.of(100, 20, 150, 80))));

    @Test
    void randomFillDrawsEveryPixelFromTheSeedAndLeavesTheRestAlone() {
        Compose c = new Compose(List.of(create("CoarseDropout", Map.of("fill", "random"))));
        try (Sample in = gray(CV_8UC3); Sample a = c.apply(in, 5L, TWO_HOLES); Sample b = c.apply(in, 5L, TWO_HOLES); Sample d = c.apply(in, 6L, TWO_HOLES)) {
            byte[] px = Mats.toBytes(a.image());
            assertThat(px).isEqualTo(Mats.toBytes(b.image())).isNotEqualTo(Mats.toBytes(d.image()));
            Set<Integer> values = new HashSet<>();
            for (int y = 10; y < 50; y++) for (int x = 10; x < 60; x++) values.add(px[(y * 200 + x) * 3] & 0xff);
            assertThat(values.size()).isGreaterThan(200);
            assertThat(px[(5 * 200 + 5) * 3] & 0xff).isEqualTo(200);
            assertThat(px[(90 * 200 + 190) * 3 + 2] & 0xff).isEqualTo(200);
        }
    }

    @Test
    void randomUniformFillGivesEachHoleOneColour() {
        Compose c = new Compose(List.of(create("CoarseDropout", Map.of("fill", "random_uniform"))));
        try (Sample in = gray(CV_8UC3); Sample a = c.apply(in, 3L, TWO_HOLES)) {
            byte[] px = Mats.toBytes(a.image());
            for (int[] h : new int[][] {{10, 10, 60, 50}, {100, 20, 150, 80}}) {
                Set<String> colours = new HashSet<>();
                for (int y = h[1]; y < h[3]; y++) {
                    for (int x = h[0]; x < h[2]; x++) {
                        int o = (y * 200 + x) * 3;
                        colours.add((px[o] & 0xff) + "," + (px[o + 1] & 0xff) + "," + (px[o + 2] & 0xff));
                    }
                }
                assertThat(colours).hasSize(1);
            }
            assertThat(px[(10 * 200 + 10) * 3]).isNotEqualTo(px[(20 * 200 + 100) * 3]);
        }
    }

    @Test
    void randomFillOfFloatImagesStaysInTheUnitRange() {
        Compose c = new Compose(List.of(create("Erasing", Map.of("fill", "random", "scale", List.of(0.05, 0.1)))));
        try (Sample in = Sample.of(new Mat(100, 200, CV_32FC3, new Scalar(5.0, 5.0, 5.0, 0))); Sample out = c.apply(in, 1L)) {
            FloatBuffer b = out.image().createBuffer();
            int changed = 0;
            for (int i = 0; i < 100 * 200 * 3; i++) {
                float v = b.get(i);
                if (v != 5f) {
                    assertThat(v).isBetween(0f, 1f);
                    changed++;
                }
            }
            assertThat(changed).isGreaterThan((int) (0.04 * 100 * 200 * 3));
        }
    }

    @Test
    void inpaintingFillsHolesFromTheirSurroundings() {
        Compose c = new Compose(List.of(create("CoarseDropout", Map.of("fill", "inpaint_telea"))));
        try (Sample in = gray(CV_8UC3); Sample out = c.apply(in, 1L, TWO_HOLES)) {
            byte[] px = Mats.toBytes(out.image());
            assertThat(px[(30 * 200 + 35) * 3] & 0xff).isBetween(195, 205);
        }
        try (Sample in = gray(CV_8UC4)) {
            assertThatThrownBy(() -> c.apply(in, 1L, TWO_HOLES)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inpaint_telea");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void erasingCutsOneRectangleOfTheAskedAreaAndRatio(long seed) {
        Compose c = new Compose(List.of(create("Erasing", Map.of())));
        try (Sample in = SpatialContract.rectangles(); Sample out = c.apply(in, seed)) {
            int[][] holes = HoleContractTest.holes(out);
            assertThat(holes).hasNumberOfRows(1);
            int[] h = holes[0];
            double w = h[2] - h[0], ht = h[3] - h[1];
            assertThat(w * ht / (600.0 * 400)).isBetween(0.02 * 0.9, 0.33 * 1.1);
            assertThat(w / ht).isBetween(0.3 * 0.9, 3.3 * 1.1);
        }
    }

    @Test
    void erasingCutsNothingWhenNoRectangleFits() {
        Transform t = create("Erasing", Map.of("scale", List.of(0.9, 1.0), "ratio", List.of(3.0, 3.3)));
        try (Sample in = gray(CV_8UC3); Sample out = new Compose(List.of(t)).apply(in, 1L)) {
            assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(in.image()));
        }
    }

    @Test
    void gridDropoutPutsOneHoleInEachCell() {
        Transform t = create("GridDropout", Map.of("holes_number_xy", List.of(4, 3), "random_offset", false, "shift_xy", List.of(10, 5), "fill", 0));
        try (Sample in = SpatialContract.rectangles(); Sample out = new Compose(List.of(t)).apply(in, 4L)) {
            int[][] holes = HoleContractTest.holes(out);
            assertThat(holes).hasNumberOfRows(12);
            Set<Integer> xs = new HashSet<>(), ys = new HashSet<>();
            for (int[] h : holes) {
                assertThat(h[2] - h[0]).isEqualTo(75);          // half of a 150-pixel cell
                assertThat(h[3] - h[1]).isBetween(66, 67);      // half of a 133/134-pixel cell, truncated
                assertThat((h[0] - 10) % 150).isZero();          // shifted by 10 from the cell's left edge
                xs.add(h[0]);
                ys.add(h[1]);
            }
            assertThat(xs).containsExactlyInAnyOrder(10, 160, 310, 460);
            assertThat(ys).hasSize(3);
        }
    }

    @Test
    void gridDropoutUnitSizeAndItsLimit() {
        Transform t = create("GridDropout", Map.of("unit_size_range", List.of(20, 20)));
        try (Sample in = SpatialContract.rectangles(); Sample out = new Compose(List.of(t)).apply(in, 1L)) {
            assertThat(HoleContractTest.holes(out)).hasNumberOfRows(30 * 20);
        }
        Transform tooBig = create("GridDropout", Map.of("unit_size_range", List.of(300, 500)));
        try (Sample in = SpatialContract.rectangles()) {
            assertThatThrownBy(() -> new Compose(List.of(tooBig)).apply(in, 1L)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unit_size_range");
        }
    }

    @Test
    void gridDropoutReadsAlbumentations13Names() {
        Transform t = TransformRegistry.create("GridDropout", Map.of("ratio", 0.3, "unit_size_min", 10, "unit_size_max", 20, "holes_number_x", 5,
                "holes_number_y", 4, "shift_x", 3, "shift_y", 2, "random_offset", false, "fill_value", 9, "mask_fill_value", 1));
        assertThat(t.toDict()).containsEntry("unit_size_range", List.of(10L, 20L)).containsEntry("holes_number_xy", List.of(5, 4))
                .containsEntry("shift_xy", List.of(3, 2)).containsEntry("fill", 9L).containsEntry("fill_mask", 1L).containsEntry("ratio", 0.3);
        assertThat(new GridDropout().toDict()).containsEntry("ratio", 0.5).containsEntry("random_offset", true).containsEntry("p", 0.5);
    }

    @Test
    void xyMaskingCutsFullStripes() {
        Transform t = create("XYMasking", Map.of("num_masks_x", 2, "mask_x_length", 30, "num_masks_y", List.of(1, 1), "mask_y_length", List.of(5, 9)));
        try (Sample in = SpatialContract.rectangles(); Sample out = new Compose(List.of(t)).apply(in, 2L)) {
            int[][] holes = HoleContractTest.holes(out);
            assertThat(holes).hasNumberOfRows(3);
            assertThat(holes[0][1]).isZero();
            assertThat(holes[0][3]).isEqualTo(400);
            assertThat(holes[0][2] - holes[0][0]).isEqualTo(30);
            assertThat(holes[1][2] - holes[1][0]).isEqualTo(30);
            assertThat(holes[2][0]).isZero();
            assertThat(holes[2][2]).isEqualTo(600);
            assertThat(holes[2][3] - holes[2][1]).isBetween(5, 9);
        }
        Transform tooLong = create("XYMasking", Map.of("num_masks_x", 1, "mask_x_length", 700));
        try (Sample in = SpatialContract.rectangles()) {
            assertThatThrownBy(() -> new Compose(List.of(tooLong)).apply(in, 1L)).hasMessageContaining("mask_x_length");
        }
    }

    @Test
    void constrainedDropoutCutsInsideTheChosenObjectsOnly() {
        Transform t = create("ConstrainedCoarseDropout", Map.of("num_holes_range", List.of(2, 2), "mask_indices", List.of(1, 3),
                "hole_height_range", List.of(0.2, 0.3), "hole_width_range", List.of(0.2, 0.3)));
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(t).apply(in, 9L)) {
            int[][] holes = HoleContractTest.holes(out);
            assertThat(holes).hasNumberOfRows(4);
            for (int[] h : holes) {
                int cx = (h[0] + h[2]) / 2, cy = (h[1] + h[3]) / 2;
                int[] o1 = SpatialContract.OBJECTS[0], o3 = SpatialContract.OBJECTS[2];
                boolean in1 = cx >= o1[0] && cx < o1[2] && cy >= o1[1] && cy < o1[3], in3 = cx >= o3[0] && cx < o3[2] && cy >= o3[1] && cy < o3[3];
                assertThat(in1 || in3).as("hole %s centred on object 1 or 3", java.util.Arrays.toString(h)).isTrue();
            }
        }
    }

    @Test
    void constrainedDropoutFindsBoxesByTheFirstLabelField() {
        BboxParams voc = BboxParams.of(BboxFormat.PASCAL_VOC, "name", "id");
        Transform t = create("ConstrainedCoarseDropout", Map.of("num_holes_range", List.of(3, 3), "bbox_labels", List.of("dog"),
                "hole_height_range", List.of(0.3, 0.5), "hole_width_range", List.of(0.3, 0.5)));
        Map<String, List<?>> labels = Map.of("name", List.of("cat", "dog"), "id", List.of("dog", "cat"));
        try (Sample in = gray(CV_8UC3).withBoxes(TargetCodec.decodeBoxes(new double[][] {{10, 10, 60, 50}, {120, 30, 190, 90}}, labels, voc, 200, 100));
             Sample out = new Compose(List.of(t), 1.0, voc, null, Map.of(), null).apply(in, 1L)) {
            int[][] holes = HoleContractTest.holes(out);
            assertThat(holes).hasNumberOfRows(3);
            for (int[] h : holes) assertThat(h[0] >= 120 && h[2] <= 190 && h[1] >= 30 && h[3] <= 90).isTrue();
        }
    }

    @Test
    void constrainedDropoutWithoutItsObjectsDoesNothing() {
        for (Transform t : List.of(create("ConstrainedCoarseDropout", Map.of("mask_indices", List.of(7))), create("ConstrainedCoarseDropout", Map.of()),
                create("ConstrainedCoarseDropout", Map.of("bbox_labels", List.of("nothing"))))) {
            try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(t).apply(in, 1L)) {
                assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(in.image()));
                assertThat(out.keypoints().size()).isEqualTo(in.keypoints().size());
            }
        }
    }

    @Test
    void holesDropBoxesBelowThePipelinesMinVisibility() {
        // Object 1 is 140 x 110 pixels at (60, 50); a hole over its left 60% leaves 40% visible.
        BboxParams strict = SpatialContract.BOXES.withMinVisibility(0.5);
        Map<Integer, Map<String, Object>> sixty = Map.of(0, Map.of("holes", List.of(List.of(0, 0, 144, 400))));
        Map<Integer, Map<String, Object>> forty = Map.of(0, Map.of("holes", List.of(List.of(0, 0, 116, 400))));
        Transform t = new GridDropout();
        Compose c = new Compose(List.of(t), 1.0, strict, SpatialContract.KEYPOINTS, Map.of("probe", "image"), null);
        try (Sample in = SpatialContract.rectangles(); Sample a = c.apply(in, 1L, sixty); Sample b = c.apply(in, 1L, forty)) {
            assertThat(a.boxes().labels().get("obj")).containsExactly(2, 3);
            assertThat(b.boxes().labels().get("obj")).containsExactly(1, 2, 3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GridDropout", "Erasing", "XYMasking"})
    void fillMaskWritesTheHolesOfEveryMask(String name) {
        Map<String, Object> p = new HashMap<>(Map.of("fill_mask", 9));
        if (name.equals("XYMasking")) p.putAll(Map.of("num_masks_x", 3, "mask_x_length", List.of(10, 40)));
        Transform t = create(name, p);
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(t).apply(in, 7L)) {
            int[][] holes = HoleContractTest.holes(out);
            byte[] mask = Mats.toBytes(out.mask()), src = Mats.toBytes(in.mask());
            for (int y = 0; y < 400; y++) {
                for (int x = 0; x < 600; x++) {
                    int expected = HoleContractTest.covered(holes, x, y) ? 9 : src[y * 600 + x] & 0xff;
                    if ((mask[y * 600 + x] & 0xff) != expected) throw new AssertionError(name + ": mask at " + x + "," + y + " is " + mask[y * 600 + x] + ", expected " + expected);
                }
            }
        }
    }

    @Test
    void badParametersNameThemselves() {
        assertThatThrownBy(() -> create("CoarseDropout", Map.of("fill", "bogus"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fill");
        assertThatThrownBy(() -> create("Erasing", Map.of("scale", List.of(0.5, 0.2)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> create("Erasing", Map.of("ratio", List.of(0, 2)))).hasMessageContaining("ratio");
        assertThatThrownBy(() -> create("GridDropout", Map.of("ratio", 0))).hasMessageContaining("ratio");
        assertThatThrownBy(() -> create("GridDropout", Map.of("unit_size_range", List.of(1, 5)))).hasMessageContaining("unit_size_range");
        assertThatThrownBy(() -> create("GridDropout", Map.of("holes_number_xy", List.of(0, 5)))).hasMessageContaining("holes_number_xy");
        assertThatThrownBy(() -> create("XYMasking", Map.of("num_masks_x", 2))).hasMessageContaining("mask_x_length");
        assertThatThrownBy(() -> create("XYMasking", Map.of("mask_x_length", -1))).hasMessageContaining("mask_x_length");
        assertThatThrownBy(() -> create("ConstrainedCoarseDropout", Map.of("mask_indices", List.of(0)))).hasMessageContaining("mask_indices");
        assertThatThrownBy(() -> create("ConstrainedCoarseDropout", Map.of("bbox_labels", List.of(1), "hole_height_range", List.of(0.5, 2))))
                .hasMessageContaining("hole_height_range");
        assertThatThrownBy(() -> create("PixelDropout", Map.of("dropout_prob", 1.5))).hasMessageContaining("dropout_prob");
    }

    @Test
    void defaultsAreAlbumentations208s() {
        assertThat(new Erasing().toDict()).containsEntry("scale", List.of(0.02, 0.33)).containsEntry("ratio", List.of(0.3, 3.3))
                .containsEntry("fill", 0L).containsEntry("fill_mask", null).containsEntry("p", 0.5);
        assertThat(create("ConstrainedCoarseDropout", Map.of("mask_indices", List.of(1))).toDict()).containsEntry("num_holes_range", List.of(1L, 1L))
                .containsEntry("hole_height_range", List.of(0.1, 0.1)).containsEntry("bbox_labels", null);
        assertThat(new CoarseDropout().toDict()).containsEntry("fill", 0L);
        assertThat(create("CoarseDropout", Map.of("fill", "random_uniform")).toDict()).containsEntry("fill", "random_uniform");
    }
}
