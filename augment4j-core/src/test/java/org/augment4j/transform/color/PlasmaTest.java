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

    /**
     * The pattern's texture against Albumentations 2.0.8's own {@code generate_plasma_pattern}, run here from its source
     * (numpy's generator, 40 seeds each; the RNGs differ, so statistics are compared, not pixels): the mean absolute
     * difference of horizontal neighbours and the standard deviation. Reference means (± one standard deviation over the
     * seeds): 424×640 at roughness 0.5: 0.0060 ± 0.0006, std 0.157 ± 0.017; 0.7: 0.0428 ± 0.0022, std 0.123 ± 0.006;
     * 3.0 (the default, which is why the gallery's plasma pictures look grainy: Albumentations' noise grows with each
     * refinement step when roughness > 1): 0.1466 ± 0.0024, std 0.158 ± 0.003. 256×256: 0.0170 / 0.0718 / 0.1501.
     */
    @ParameterizedTest(name = "{0}x{1} roughness {2}")
    @CsvSource({"424, 640, 0.5, 0.0060, 0.1566", "424, 640, 0.7, 0.0428, 0.1229", "424, 640, 3.0, 0.1466, 0.1580",
        "256, 256, 0.5, 0.0170, 0.1514", "256, 256, 0.7, 0.0718, 0.1328", "256, 256, 3.0, 0.1501, 0.1617"})
    void textureMatchesAlbumentationsOwnPattern(int rows, int cols, double roughness, double neighbourDiff, double std) {
        double diff = 0, sd = 0;
        int seeds = 20;
        for (long seed = 0; seed < seeds; seed++) {
            Mat p = PlasmaKernels.pattern(rows, cols, roughness, seed);
            float[] v = Mats.toFloats(p);
            double d = 0, mean = 0, sq = 0;
            for (int y = 0; y < rows; y++) for (int x = 0; x + 1 < cols; x++) d += Math.abs(v[y * cols + x + 1] - v[y * cols + x]);
            for (float f : v) mean += f;
            mean /= v.length;
            for (float f : v) sq += (f - mean) * (f - mean);
            diff += d / (rows * (cols - 1.0));
            sd += Math.sqrt(sq / v.length);
            p.close();
        }
        assertThat(diff / seeds).as("mean neighbour difference").isCloseTo(neighbourDiff, within(0.1 * neighbourDiff + 0.001));
        assertThat(sd / seeds).as("standard deviation").isCloseTo(std, within(0.025));
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
