package org.augment4j.transform.crop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.augment4j.SmallSample.assertClose;
import static org.augment4j.SmallSample.assertRows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.augment4j.Semantics;
import org.augment4j.SmallSample;
import org.augment4j.serial.TransformRegistry;
import org.junit.jupiter.api.Test;

/**
 * CropAndPad under Albumentations 1.3.1 and 2.0.8 semantics. The 1.3.1 values were printed by Albumentations 1.3.1
 * (OpenCV 4.6.0) on {@link SmallSample} with the same pipeline file.
 */
class CropAndPadSemanticsTest {
    private static final String FILE = """
            {"__class_fullname__": "CropAndPad", "always_apply": false, "p": 1, "px": null, "percent": [-0.2, 0.1, 0.1, -0.25],
             "pad_mode": 0, "pad_cval": 7, "pad_cval_mask": 0, "keep_size": true, "sample_independently": true, "interpolation": 1}""";

    @Test
    void from131FileResizesMasksWithTheImageInterpolation() {
        SmallSample.Result r = SmallSample.run("1.3.1", FILE);
        assertThat(r.maskRows()).isEqualTo(new int[][] {
            {0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 1, 0}, {1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 2, 0}, {1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 2, 0},
            {1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 2, 0}, {1, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 0}, {2, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0},
            {2, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0}, {2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0}, {3, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0},
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
        assertClose(r.channel(0), new int[][] {
            {47, 52, 58, 64, 70, 76, 81, 87, 93, 99, 79, 7}, {58, 63, 69, 75, 81, 87, 92, 98, 104, 110, 87, 7},
            {70, 75, 81, 86, 92, 98, 104, 110, 116, 121, 96, 7}, {81, 87, 92, 98, 104, 110, 116, 122, 127, 133, 105, 7},
            {93, 98, 104, 110, 116, 122, 127, 133, 139, 145, 113, 7}, {105, 110, 116, 122, 127, 133, 139, 145, 151, 157, 122, 7},
            {117, 122, 127, 133, 139, 145, 151, 157, 162, 168, 131, 7}, {128, 133, 139, 145, 151, 157, 163, 168, 174, 180, 140, 7},
            {118, 123, 128, 133, 138, 143, 148, 153, 157, 162, 126, 7}, {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7}});
        assertThat(r.pixel(5, 9)).as("1.3.1 hands pad_cval 7 to OpenCV as Scalar(7)").containsExactly(7, 0, 0);
        assertRows(r.boxes(), new double[][] {{0.0, 0.0, 3.5999999999999996, 3.333333333333333},
            {1.7999999999999998, 0.2777777777777778, 9.600000000000001, 8.333333333333334}}, 1e-9);
        assertRows(r.keypoints(), new double[][] {{7.8, 4.722222222222222, 350.0, 1.2}, {9.6, 7.777777777777779, 0.0, 1.2}}, 1e-9);
    }

    @Test
    void from208FileResizesMasksNearest() {
        SmallSample.Result r = SmallSample.run("2.0.8", FILE);
        int[] mask = r.mask();
        assertThat(Arrays.stream(mask).boxed().toList()).as("only labels of the input").isSubsetOf(0, 1, 2, 3);
        assertThat(mask).isNotEqualTo(SmallSample.run("1.3.1", FILE).mask());
        assertThat(r.pixel(5, 9)).as("2.x fills every channel").containsExactly(7, 7, 7);
        CropAndPad t = (CropAndPad) SmallSample.pipeline("2.0.8", FILE).transforms().get(0);
        assertThat(t.withSemantics(Semantics.ALBUMENTATIONS_2)).isSameAs(t);
        assertThat(t.withSemantics(Semantics.ALBUMENTATIONS_1_3).toDict()).isEqualTo(t.toDict());
    }

    @Test
    void percentsAreNoStricterThanAlbumentations() {
        // 1.3.1 crops percent=-1.0 to one row and column, and draws uniform(0.1, -0.1) happily
        assertThat(TransformRegistry.create("CropAndPad", Map.of("percent", -1.0, "keep_size", false)).toDict()).containsEntry("percent", -1.0);
        assertThat(TransformRegistry.create("CropAndPad", Map.of("percent", List.of(0.1, -0.1))).toDict()).containsEntry("percent", List.of(0.1, -0.1));
        assertThat(TransformRegistry.create("CropAndPad", Map.of("percent", List.of(-1.5, 0.0, List.of(0.2, -0.2), 0.0))).toDict())
                .containsEntry("percent", List.of(-1.5, 0.0, List.of(0.2, -0.2), 0.0));
        // randrange(5, 2) fails in 1.3.1 and 2.0.8 alike
        assertThatThrownBy(() -> TransformRegistry.create("CropAndPad", Map.of("px", List.of(5, 2)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CropAndPad").hasMessageContaining("px");
        assertThatThrownBy(() -> TransformRegistry.create("CropAndPad", Map.of("percent", Double.NaN))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percent");
    }
}
