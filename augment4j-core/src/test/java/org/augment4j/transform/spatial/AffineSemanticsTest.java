package org.augment4j.transform.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.augment4j.SmallSample.assertClose;
import static org.augment4j.SmallSample.assertRows;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.SmallSample;
import org.augment4j.internal.Records;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.BoxMethod;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.junit.jupiter.api.Test;

/**
 * Affine and ShiftScaleRotate under Albumentations 1.3.1 and 2.0.8 semantics. The 1.3.1 values were printed by
 * Albumentations 1.3.1 (OpenCV 4.6.0, scikit-image 0.19.3) on {@link SmallSample} with the same pipeline file.
 */
class AffineSemanticsTest {
    /** Affine with float translate_percent, rotation, x and y shear and a one-number cval, as 1.3.1 wrote it. */
    private static final String SHEAR = """
            {"__class_fullname__": "Affine", "always_apply": false, "p": 1, "interpolation": 1, "mask_interpolation": 0, "cval": 7,
             "mode": 0, "scale": {"x": [1.1, 1.1], "y": [1.1, 1.1]}, "translate_percent": {"x": [0.1, 0.1], "y": [-0.05, -0.05]},
             "translate_px": null, "rotate": [20, 20], "fit_output": false, "shear": {"x": [-6, -6], "y": [5, 5]}, "cval_mask": 0,
             "keep_ratio": false, "rotate_method": "largest_box"}""";
    private static final String FIT = """
            {"__class_fullname__": "Affine", "always_apply": false, "p": 1, "interpolation": 1, "mask_interpolation": 0, "cval": 0,
             "mode": 0, "scale": {"x": [0.9, 0.9], "y": [0.9, 0.9]}, "translate_percent": null, "translate_px": {"x": [0, 0], "y": [0, 0]},
             "rotate": [-25, -25], "fit_output": true, "shear": {"x": [-8, -8], "y": [0, 0]}, "cval_mask": 0, "keep_ratio": false,
             "rotate_method": "largest_box"}""";
    private static final String SSR = """
            {"__class_fullname__": "ShiftScaleRotate", "always_apply": false, "p": 1, "shift_limit_x": [0.1, 0.1],
             "shift_limit_y": [-0.05, -0.05], "scale_limit": [0.10000000000000009, 0.10000000000000009], "rotate_limit": [20, 20],
             "interpolation": 1, "border_mode": 0, "value": 7, "mask_value": null, "rotate_method": "largest_box"}""";

    @Test
    void affineFrom131FileFollowsTheScikitImageChain() {
        SmallSample.Result r = SmallSample.run("1.3.1", SHEAR);
        assertThat(r.maskRows()).isEqualTo(new int[][] {
            {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3}, {0, 0, 0, 0, 1, 1, 1, 1, 1, 3, 3, 3}, {0, 0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 3},
            {0, 0, 0, 0, 1, 2, 2, 2, 2, 3, 3, 3}, {0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 0, 0}, {0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 0, 0},
            {0, 1, 1, 1, 1, 3, 3, 3, 3, 3, 0, 0}, {0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 0, 1}, {0, 2, 2, 2, 2, 2, 3, 3, 3, 0, 1, 0},
            {0, 0, 2, 2, 2, 2, 3, 0, 0, 0, 0, 0}});
        assertClose(r.channel(0), new int[][] {
            {7, 7, 10, 17, 29, 40, 52, 63, 74, 85, 97, 108}, {5, 7, 16, 27, 38, 50, 61, 72, 84, 95, 106, 118},
            {3, 14, 25, 36, 48, 59, 71, 82, 93, 104, 115, 127}, {12, 23, 34, 46, 57, 69, 80, 91, 102, 114, 125, 136},
            {16, 33, 44, 55, 66, 78, 89, 101, 112, 123, 134, 146}, {16, 42, 53, 65, 76, 87, 98, 110, 121, 132, 144, 155},
            {11, 50, 63, 74, 85, 97, 108, 119, 130, 141, 153, 164}, {7, 48, 72, 83, 95, 106, 117, 128, 140, 151, 163, 174},
            {7, 42, 81, 92, 104, 115, 127, 138, 149, 160, 144, 86}, {7, 31, 91, 102, 114, 125, 136, 147, 123, 70, 7, 7}});
        assertThat(r.pixel(0, 0)).as("1.3.1 hands cval 7 to OpenCV as Scalar(7): first channel only").containsExactly(7, 0, 0);
        assertRows(r.boxes(), new double[][] {{1.2391926773247828, 0.0304544298658731, 7.33632460087054, 6.63882586519566},
            {5.09470819180938, 0.0, 12.0, 9.80444054246106}}, 1e-9);
        assertRows(r.keypoints(), new double[][] {{2.7779559642254954, 4.036361219445386, 54.927906172208345, 2.2},
            {11.191840115355134, 3.9965630813089716, 14.927906172208361, 1.1}}, 1e-9);
        assertThat(r.keypointLabels()).map(o -> ((Number) o).intValue()).containsExactly(0, 1);
    }

    @Test
    void affineFrom208FileKeepsThe2xMap() {
        SmallSample.Result old = SmallSample.run("1.3.1", SHEAR), now = SmallSample.run("2.0.8", SHEAR);
        assertThat(now.pixel(0, 0)).as("2.x fills every channel").containsExactly(7, 7, 7);
        assertThat(now.keypoints()[0][0]).isNotCloseTo(old.keypoints()[0][0], within(0.05));
        Affine t = (Affine) SmallSample.pipeline("2.0.8", SHEAR).transforms().get(0);
        try (Sample s = Sample.of(SmallSample.image())) {
            assertThat(Records.toMap(t.sampleParams(s, new SplittableRandom(1)))).as("2.x truncates 0.1 × 12 px")
                    .containsEntry("translate_x", 1.0).containsEntry("translate_y", 0.0);
            assertThat(Records.toMap(t.withSemantics(Semantics.ALBUMENTATIONS_1_3).sampleParams(s, new SplittableRandom(1))))
                    .as("1.3.1 keeps the fraction").containsEntry("translate_x", 0.1 * 12).containsEntry("translate_y", -0.05 * 10);
        }
        assertThat(t.withSemantics(Semantics.ALBUMENTATIONS_2)).isSameAs(t);
        assertThat(t.withSemantics(Semantics.ALBUMENTATIONS_1_3).toDict()).as("the parameters are those of the file").isEqualTo(t.toDict());
    }

    @Test
    void affineFitOutputSizesTheCanvasFromPixelCentresAs131() {
        SmallSample.Result r = SmallSample.run("1.3.1", FIT);
        assertThat(new int[] {r.width(), r.height()}).containsExactly(15, 12);
        assertThat(r.maskRows()[4]).containsExactly(0, 0, 1, 1, 1, 1, 2, 2, 1, 1, 2, 2, 2, 2, 2);
        assertThat(r.maskRows()[11]).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0);
        assertClose(new int[][] {r.channel(0)[6], r.channel(0)[11]}, new int[][] {
            {57, 104, 104, 105, 105, 105, 106, 106, 107, 107, 107, 108, 108, 26, 0}, {0, 0, 0, 0, 0, 0, 0, 6, 94, 188, 6, 0, 0, 0, 0}});
        assertRows(r.boxes(), new double[][] {{2.776377534387083, 1.135159946717511, 8.815463102106104, 6.056156169154185},
            {3.4254589717416706, 3.4099118601393164, 12.281129229379125, 11.3545541471663}}, 1e-9);
        assertRows(r.keypoints(), new double[][] {{4.572404805747117, 3.025123404585904, 4.999999999999995, 1.8},
            {9.09691319082555, 8.330908082575991, 325.0, 0.9}, {8.972447091662834, 10.97715239159086, 335.0, 0.9},
            {4.41157618362172, 0.0, 65.0, 0.9}}, 1e-9);
    }

    @Test
    void affineEllipseBoxesAreCentredHalfAPixelUpLeftAs131() {
        String ellipse = "{\"__class_fullname__\": \"Affine\", \"p\": 1, \"scale\": 1.0, \"translate_px\": 0, \"shear\": 0, \"rotate\": [30, 30],"
                + " \"rotate_method\": \"ellipse\"}";
        assertRows(SmallSample.run("1.3.1", ellipse).boxes(), new double[][] {{0.0, 1.881958965576728, 4.71976869069539, 6.153939256442598},
            {4.105378438042296, 0.8478633219615208, 10.80071035599395, 7.917680896242667}}, 1e-4);
    }

    @Test
    void affineCloseToTheIdentityLeavesEverythingAsIs() {
        SmallSample.Result r = SmallSample.run("1.3.1", "{\"__class_fullname__\": \"Affine\", \"p\": 1, \"scale\": 1.0, \"translate_px\": 0,"
                + " \"shear\": 0, \"rotate\": [1e-7, 1e-7]}");
        try (Sample in = Sample.of(SmallSample.image())) {
            assertThat(r.image()).isEqualTo(unsigned(in));
        }
        assertRows(r.keypoints(), new double[][] {{2, 3, 30, 2}, {9.5, 6.25, 350, 1}, {11, 9, 0, 1}, {0, 0, 90, 1}}, 1e-12);
    }

    @Test
    void ssrFrom131FileUsesOneScaleAndFractionalShifts() {
        SmallSample.Result r = SmallSample.run("1.3.1", SSR);
        assertThat(r.maskRows()).isEqualTo(new int[][] {
            {0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2}, {0, 0, 0, 0, 1, 1, 1, 1, 2, 3, 3, 3}, {0, 0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 3},
            {0, 0, 0, 0, 2, 2, 2, 2, 2, 3, 3, 3}, {0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 0, 0}, {0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 0, 0},
            {0, 1, 1, 1, 1, 2, 3, 3, 3, 3, 0, 0}, {0, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 0}, {0, 0, 2, 2, 2, 2, 3, 3, 3, 0, 0, 1},
            {0, 0, 2, 2, 2, 2, 3, 0, 0, 0, 0, 0}});
        assertClose(new int[][] {r.channel(0)[0], r.channel(0)[9]}, new int[][] {
            {7, 9, 15, 24, 34, 44, 54, 64, 74, 85, 95, 104}, {7, 12, 90, 105, 115, 125, 135, 145, 125, 83, 36, 7}});
        assertThat(r.pixel(0, 9)).containsExactly(7, 0, 0);
        assertRows(r.boxes(), new double[][] {{0.5268019550445604, 0.36535246854200243, 7.199999999999999, 6.381110788291179},
            {4.614896242143104, 0.0, 12.0, 9.7158117093776}}, 1e-9);
        assertRows(r.keypoints(), new double[][] {{2.5178501734868988, 3.766284727507076, 49.99999999999999, 2.2},
            {11.49303630735991, 4.304019664379931, 9.99999999999999, 1.1}}, 1e-9);

        String ellipse = SSR.replace("\"largest_box\"", "\"ellipse\"");
        assertRows(SmallSample.run("1.3.1", ellipse).boxes(), new double[][] {{1.1719506740570065, 1.102079033851623, 6.554851520061494, 5.644383907318115},
            {5.712429428100586, 0.8045917749404905, 12.0, 8.687539279460907}}, 1e-4);
    }

    @Test
    void ssrSamplesOneScaleIn13AndTwoIn2() {
        ShiftScaleRotate t2 = new ShiftScaleRotate(Range.of(-0.1, 0.1), Range.of(-0.1, 0.1), Range.of(-0.3, 0.3), Range.of(-30, 30),
                Resampling.defaults(), BoxMethod.LARGEST_BOX, 1);
        ShiftScaleRotate t13 = t2.withSemantics(Semantics.ALBUMENTATIONS_1_3);
        boolean twoScales = false, fractional = false;
        try (Sample s = Sample.of(SmallSample.image())) {
            for (long seed = 0; seed < 50; seed++) {
                Affine.Sampled a = t13.sampleParams(s, new SplittableRandom(seed)), b = t2.sampleParams(s, new SplittableRandom(seed));
                assertThat(a.scaleY()).isEqualTo(a.scaleX());
                assertThat(b.translateX()).isEqualTo(Math.rint(b.translateX()));
                twoScales |= b.scaleX() != b.scaleY();
                fractional |= a.translateX() != Math.rint(a.translateX());
            }
        }
        assertThat(twoScales).as("2.x draws x and y scales apart").isTrue();
        assertThat(fractional).as("1.3.1 keeps shifts fractional").isTrue();
    }

    @Test
    void rangesAreNoStricterThanAlbumentations() {
        assertThat(create("Affine", "scale", List.of(1.2, 0.8), "rotate", List.of(400, -400), "shear", -50).toDict())
                .containsEntry("scale", Map.of("x", List.of(1.2, 0.8), "y", List.of(1.2, 0.8)));
        assertThat(create("Affine", "scale", -1.0).toDict()).containsEntry("scale", Map.of("x", List.of(-1L, -1L), "y", List.of(-1L, -1L)));
        assertThat(create("ShiftScaleRotate", "shift_limit", 2, "scale_limit", List.of(0.5, -0.5), "rotate_limit", 720).toDict())
                .containsEntry("shift_limit_x", List.of(-2L, 2L)).containsEntry("scale_limit", List.of(0.5, -0.5));
        assertThatThrownBy(() -> create("Affine", "scale", 0)).isInstanceOf(PipelineException.class).hasMessageContaining("Affine")
                .hasMessageContaining("scale").hasMessageContaining("0");
        assertThatThrownBy(() -> create("ShiftScaleRotate", "scale_limit", List.of(-1, -1))).isInstanceOf(PipelineException.class)
                .hasMessageContaining("ShiftScaleRotate").hasMessageContaining("scale_limit");
        assertThatThrownBy(() -> new ShiftScaleRotate(Range.of(0, Double.POSITIVE_INFINITY), Range.fixed(0), Range.fixed(0), Range.fixed(0),
                Resampling.defaults(), BoxMethod.LARGEST_BOX, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shift_limit_x")
                .hasMessageContaining("Infinity");
    }

    private static org.augment4j.Transform create(String name, Object... kv) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return TransformRegistry.create(name, m);
    }

    private static int[] unsigned(Sample s) {
        byte[] b = org.augment4j.opencv.Mats.toBytes(s.image());
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }
}
