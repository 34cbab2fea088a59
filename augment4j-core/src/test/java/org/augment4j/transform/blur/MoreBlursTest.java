package org.augment4j.transform.blur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.augment4j.transform.blur.BlurEffectsTest.apply;
import static org.augment4j.transform.blur.BlurEffectsTest.roughness;
import static org.augment4j.transform.blur.BlurEffectsTest.u8;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Defocus, ZoomBlur, GlassBlur, AdvancedBlur and RingingOvershoot: kernels and effects. */
class MoreBlursTest {

    @Test
    void defocusBlursMoreWithALargerRadius() {
        Mat image = Images.astronaut();
        Mat small = apply(new Defocus(), image, new Defocus.Disc(2, 0.2)), large = apply(new Defocus(), image, new Defocus.Disc(10, 0.2));
        assertThat(roughness(small)).isLessThan(roughness(image));
        assertThat(roughness(large)).isLessThan(roughness(small) * 0.7);
        Mats.release(image, small, large);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void zoomFactorsStartAtOneAndStepBelowTheMaximum(long seed) {
        ZoomBlur t = new ZoomBlur(Range.of(1.1, 1.3), Range.of(0.01, 0.03), 1);
        Sample s = Sample.of(Images.constant(8, 8, 1, 0));
        double[] z = t.sampleParams(s, new SplittableRandom(seed)).zoomFactors();
        assertThat(z[0]).isEqualTo(1.0);
        double step = z[1] - z[0];
        assertThat(step).isBetween(0.01 - 1e-12, 0.03 + 1e-12);
        for (int i = 1; i < z.length; i++) assertThat(z[i] - z[i - 1]).isCloseTo(step, within(1e-9));
        assertThat(z[z.length - 1]).isLessThan(1.3);
        assertThat(z[z.length - 1] + step).isGreaterThanOrEqualTo(1.1 - 1e-9);
        Mats.release(s.image());
    }

    @Test
    void zoomBlurWithOnlyTheUnitFactorIsTheIdentityAndMoreFactorsBlur() {
        Mat image = Images.coffee();
        Mat same = apply(new ZoomBlur(), image, new ZoomBlur.Zoom(new double[] {1.0}));
        assertThat(u8(same)).isEqualTo(u8(image));
        Mat zoomed = apply(new ZoomBlur(), image, new ZoomBlur.Zoom(new double[] {1.0, 1.05, 1.1, 1.15, 1.2}));
        assertThat(roughness(zoomed)).isLessThan(roughness(image) * 0.8);
        Mats.release(image, same, zoomed);
    }

    @Test
    void exactGlassShuffleWithoutBlurPermutesPixelsAndLeavesTheFirstRowAlone() {
        Mat image = Images.coffee();
        Mat out = apply(new GlassBlur(0, 4, 2, "exact", 1), image, new GlassBlur.Shuffle(9));
        int[] a = u8(image), b = u8(out);
        assertThat(b).isNotEqualTo(a);
        assertThat(Arrays.copyOf(b, image.cols() * 3)).isEqualTo(Arrays.copyOf(a, image.cols() * 3));
        int[] sa = a.clone(), sb = b.clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        assertThat(sb).as("a permutation of the same values").isEqualTo(sa);
        Mat fast = apply(new GlassBlur(), image, new GlassBlur.Shuffle(9));
        assertThat(roughness(fast)).isLessThan(roughness(image));
        Mats.release(image, out, fast);
    }

    @Test
    void advancedKernelIsNormalisedAndStretchedAlongTheLongerSigma() {
        Range noNoise = Range.fixed(1);
        float[] round = AdvancedBlur.kernel(new AdvancedBlur.Kernel(7, 1, 1, 0, 1, 5), noNoise);
        assertThat(round[1]).isCloseTo(round[7], within(1e-7f));
        float[] wide = AdvancedBlur.kernel(new AdvancedBlur.Kernel(7, 2, 0.5, 0, 1, 5), noNoise);
        assertThat(wide[3 * 7]).as("row centre, first column").isGreaterThan(wide[3] * 10);
        float[] tall = AdvancedBlur.kernel(new AdvancedBlur.Kernel(7, 2, 0.5, 90, 1, 5), noNoise);
        assertThat(tall[3]).isGreaterThan(tall[3 * 7] * 10);
        double sum = 0;
        for (float v : AdvancedBlur.kernel(new AdvancedBlur.Kernel(9, 0.7, 1.3, 33, 3, 8), Range.of(0.75, 1.25))) sum += v;
        assertThat(sum).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void ringingKernelUsesBesselJ1() {
        assertThat(RingingOvershoot.besselJ1(1)).isCloseTo(0.4400505857, within(1e-9));
        assertThat(RingingOvershoot.besselJ1(5)).isCloseTo(-0.3275791376, within(1e-9));
        assertThat(RingingOvershoot.besselJ1(10)).isCloseTo(0.0434727462, within(1e-9));
        assertThat(RingingOvershoot.besselJ1(150)).as("large-x asymptote").isCloseTo(Math.sqrt(2 / (Math.PI * 150)) * Math.cos(150 - 3 * Math.PI / 4), within(2e-4));
        float[] k = RingingOvershoot.kernel(9, Math.PI / 3);
        double sum = 0;
        for (float v : k) sum += v;
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        assertThat(k[4 * 9 + 4]).isGreaterThan(k[4 * 9 + 5]);
        assertThat(k[0]).isCloseTo(k[80], within(1e-7f));
        Mat image = Images.astronaut();
        Mat out = apply(new RingingOvershoot(), image, new RingingOvershoot.Kernel(15, Math.PI / 4));
        assertThat(roughness(out)).isLessThan(roughness(image));
        Mats.release(image, out);
    }

    @Test
    void badParametersNameTheParameter() {
        assertThatThrownBy(() -> new Defocus(Range.of(0, 3), Range.of(0.1, 0.5), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Defocus").hasMessageContaining("radius");
        assertThatThrownBy(() -> new Defocus(Range.of(1, 3), Range.of(-0.1, 0.5), 1)).hasMessageContaining("alias_blur");
        assertThatThrownBy(() -> new ZoomBlur(Range.of(0.5, 1.3), Range.of(0.01, 0.03), 1)).hasMessageContaining("max_factor");
        assertThatThrownBy(() -> new ZoomBlur(Range.of(1, 1.3), Range.of(0, 0.03), 1)).hasMessageContaining("step_factor");
        assertThatThrownBy(() -> new GlassBlur(0.7, 0, 2, "fast", 1)).hasMessageContaining("max_delta");
        assertThatThrownBy(() -> new GlassBlur(0.7, 4, 0, "fast", 1)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new GlassBlur(0.7, 4, 2, "slow", 1)).hasMessageContaining("mode");
        assertThatThrownBy(() -> new AdvancedBlur(Range.of(3, 7), Range.of(0.2, 1), Range.of(0.2, 1), Range.of(-90, 90), Range.of(1.5, 8), Range.of(0.9, 1.1), 1))
                .hasMessageContaining("beta_limit");
        assertThatThrownBy(() -> new AdvancedBlur(Range.of(3, 7), Range.of(0, 1), Range.of(0, 1), Range.of(-90, 90), Range.of(0.5, 8), Range.of(0.9, 1.1), 1))
                .hasMessageContaining("sigma_x_limit");
        assertThatThrownBy(() -> new RingingOvershoot(Range.of(7, 15), Range.of(0, 4), 1)).hasMessageContaining("cutoff");
        assertThatThrownBy(() -> TransformRegistry.create("GlassBlur", Map.of("max_delta", 1.5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max_delta");
        assertThat(TransformRegistry.create("Defocus", Map.of("radius", 6)).toDict()).containsEntry("radius", java.util.List.of(1L, 6L));
        assertThat(TransformRegistry.create("AdvancedBlur", Map.of("rotate_limit", 30)).toDict()).containsEntry("rotate_limit", java.util.List.of(-30L, 30L));
    }
}
