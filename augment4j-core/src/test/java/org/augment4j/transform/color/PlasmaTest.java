package org.augment4j.transform.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlasmaTest {

    @ParameterizedTest(name = "{0}x{1} seed {2}")
    @CsvSource({"512,512,1", "300,451,2", "17,5,3", "1,1,4", "2,3,5"})
    void patternSpansZeroToOneAndIsSeeded(int rows, int cols, long seed) {
        try (Mat a = PlasmaKernels.pattern(rows, cols, 3, seed); Mat b = PlasmaKernels.pattern(rows, cols, 3, seed); Mat c = PlasmaKernels.pattern(rows, cols, 3, seed + 1)) {
            assertThat(a.rows()).isEqualTo(rows);
            assertThat(a.cols()).isEqualTo(cols);
            float[] v = Mats.toFloats(a);
            float min = 2, max = -1;
            for (float x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            assertThat(min).isGreaterThanOrEqualTo(0f);
            assertThat(max).isLessThanOrEqualTo(1f);
            if (rows * cols > 4) {
                assertThat((double) min).isCloseTo(0, within(1e-6));
                assertThat((double) max).isCloseTo(1, within(1e-6));
                assertThat(Mats.toFloats(c)).isNotEqualTo(v);
            }
            assertThat(Mats.toFloats(b)).isEqualTo(v);
        }
    }

    @Test
    void shadowOnlyDarkensAndFollowsThePattern() {
        Mat image = Images.coffee();
        PlasmaShadow t = new PlasmaShadow();
        Sample out = t.apply(Sample.of(image), new PlasmaShadow.Shadow(0.6, 99));
        int[] a = u8(image), b = u8(out.image());
        float[] p = Mats.toFloats(PlasmaKernels.pattern(image.rows(), image.cols(), 3, 99));
        for (int i = 0; i < a.length; i += 13) {
            assertThat(b[i]).isLessThanOrEqualTo(a[i]);
            assertThat((double) b[i]).isCloseTo(a[i] * (1 - 0.6f * p[i / 3]), within(1.0));
        }
        Sample none = t.apply(Sample.of(image), new PlasmaShadow.Shadow(0, 99));
        assertThat(Mats.toBytes(none.image())).isEqualTo(Mats.toBytes(image));
        Mats.release(image, out.image(), none.image());
    }

    @Test
    void brightnessFollowsThePatternAndContrastKeepsTheMean() {
        Mat image = Images.astronaut();
        PlasmaBrightnessContrast t = new PlasmaBrightnessContrast();
        Sample out = t.apply(Sample.of(image), new PlasmaBrightnessContrast.Factors(0.2, 0, 5));
        int[] a = u8(image), b = u8(out.image());
        float[] p = Mats.toFloats(PlasmaKernels.pattern(image.rows(), image.cols(), 3, 5));
        for (int i = 0; i < a.length; i += 17) assertThat((double) b[i]).isCloseTo(Math.min(255, a[i] + 0.2 * 255 * p[i / 3]), within(1.0));
        Mat gray = Images.constant(64, 64, 1, 100);
        Sample c = t.apply(Sample.of(gray), new PlasmaBrightnessContrast.Factors(0, 0.5, 5));
        assertThat(u8(c.image())).as("contrast around the mean leaves a constant image alone").containsOnly(100);
        Mats.release(image, out.image(), gray, c.image());
    }

    @Test
    void parametersAndErrors() {
        assertThat(TransformRegistry.create("PlasmaShadow", Map.of("roughness", 0.5)).toDict()).containsEntry("shadow_intensity_range", List.of(0.3, 0.7))
                .containsEntry("plasma_size", 256).containsEntry("roughness", 0.5);
        assertThat(TransformRegistry.create("PlasmaBrightnessContrast", Map.of()).toDict()).containsEntry("brightness_range", List.of(-0.3, 0.3));
        assertThatThrownBy(() -> new PlasmaShadow(Range.of(0.3, 1.5), 256, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PlasmaShadow").hasMessageContaining("shadow_intensity_range");
        assertThatThrownBy(() -> new PlasmaBrightnessContrast(Range.symmetric(0.3), Range.symmetric(0.3), 256, 0, 1)).hasMessageContaining("roughness");
        assertThatThrownBy(() -> new PlasmaBrightnessContrast(Range.symmetric(0.3), Range.symmetric(0.3), 0, 3, 1)).hasMessageContaining("plasma_size");
    }

    private static int[] u8(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }
}
