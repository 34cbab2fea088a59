package org.augment4j.transform.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
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

class BrightnessContrastTest {

    private static int[] u8(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 99})
    void matchesAlphaTimesValuePlusBetaTimesMax(long seed) {
        RandomBrightnessContrast t = new RandomBrightnessContrast(Range.symmetric(0.4), Range.symmetric(0.4), true, false, 1);
        Mat image = Images.astronaut();
        Sample in = Sample.of(image);
        RandomBrightnessContrast.AlphaBeta ab = t.sampleParams(in, new SplittableRandom(seed));
        assertThat(ab.alpha()).isBetween(0.6, 1.4);
        assertThat(ab.beta()).isBetween(-0.4, 0.4);
        Sample out = t.apply(in, ab);
        int[] a = u8(image), b = u8(out.image());
        for (int i = 0; i < a.length; i += 97) {
            float f = (float) a[i] * (float) ab.alpha() + (float) (ab.beta() * 255);
            assertThat(b[i]).as("value %d", i).isEqualTo((int) Math.min(255, Math.max(0, f)));
        }
        Mats.release(out.image(), image);
    }

    @Test
    void brightnessByMeanUsesTheImageMean() {
        Mat image = Images.constant(8, 8, 3, 100);
        Sample out = new RandomBrightnessContrast(Range.fixed(0.5), Range.fixed(0), false, false, 1).apply(Sample.of(image), new RandomBrightnessContrast.AlphaBeta(1, 0.5));
        assertThat(u8(out.image())).containsOnly(150);
        Mats.release(out.image(), image);
    }

    @Test
    void floatImagesAreScaledAndClipped() {
        Mat image = Images.toFloat(Images.ramp(3));
        Sample out = new RandomBrightnessContrast().apply(Sample.of(image), new RandomBrightnessContrast.AlphaBeta(1.5, -0.1));
        float[] a = Mats.toFloats(image), b = Mats.toFloats(out.image());
        for (int i = 0; i < a.length; i++) assertThat((double) b[i]).isCloseTo(Math.min(1, Math.max(0, a[i] * 1.5 - 0.1)), within(1e-6));
        Mats.release(out.image(), image);
    }

    @Test
    void safeRangeKeepsZeroAndMaxInside() {
        RandomBrightnessContrast.AlphaBeta s = RandomBrightnessContrast.safe(1.3, 0.2, 255);
        assertThat(s.beta()).isEqualTo(0.2);
        assertThat(s.alpha()).isCloseTo((255 - 0.2) / 255, within(1e-12));
        assertThat(RandomBrightnessContrast.safe(1.1, -0.2, 1).beta()).isEqualTo(0);
        assertThat(RandomBrightnessContrast.safe(-0.5, 0.3, 1).alpha()).isEqualTo(-0.3);
    }

    @Test
    void aliasesMoveOnlyTheirOwnFactor() {
        SplittableRandom rng = new SplittableRandom(5);
        Sample in = Sample.of(Images.constant(2, 2, 3, 10));
        assertThat(new RandomBrightness(Range.symmetric(0.3), 1).sampleParams(in, rng).alpha()).isEqualTo(1);
        assertThat(new RandomContrast(Range.symmetric(0.3), 1).sampleParams(in, rng).beta()).isEqualTo(0);
        Mat image = Images.coffee();
        Sample out = new RandomContrast().apply(Sample.of(image), new RandomBrightnessContrast.AlphaBeta(0.5, 0));
        int[] a = u8(image), b = u8(out.image());
        for (int i = 0; i < a.length; i += 101) assertThat(b[i]).isEqualTo((int) (a[i] * 0.5f));
        Mats.release(out.image(), image, in.image());
    }

    @Test
    void readsAlbumentationsNamesAndAliases() {
        RandomBrightnessContrast t = (RandomBrightnessContrast) TransformRegistry.create("RandomBrightnessContrast", Map.of("brightness_limit", 0.1, "contrast_limit", List.of(-0.3, 0.1)));
        assertThat(t.toDict()).containsEntry("brightness_limit", List.of(-0.1, 0.1)).containsEntry("contrast_limit", List.of(-0.3, 0.1))
                .containsEntry("brightness_by_max", true).containsEntry("ensure_safe_range", false).containsEntry("p", 0.5);
        assertThat(TransformRegistry.create("RandomBrightness", Map.of("limit", 0.4)).toDict()).containsEntry("limit", List.of(-0.4, 0.4));
        assertThat(TransformRegistry.create("RandomContrast", Map.of()).toDict()).containsEntry("limit", List.of(-0.2, 0.2));
    }

    @Test
    void badLimitsNameTheParameter() {
        assertThatThrownBy(() -> new RandomBrightnessContrast(Range.of(Double.NEGATIVE_INFINITY, 0), Range.symmetric(0.2), true, false, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RandomBrightnessContrast").hasMessageContaining("brightness_limit");
        assertThatThrownBy(() -> new RandomBrightnessContrast(Range.symmetric(0.2), Range.of(0.5, Double.POSITIVE_INFINITY), true, false, 1))
                .hasMessageContaining("contrast_limit").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> new RandomBrightness(Range.of(0, 3), 1)).hasMessageContaining("RandomBrightness").hasMessageContaining("limit");
        assertThatThrownBy(() -> TransformRegistry.create("RandomContrast", Map.of("limit", "big"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void gammaMatchesTheFormula() {
        Mat image = Images.astronaut();
        RandomGamma t = new RandomGamma();
        for (long seed : new long[] {1, 7, 42}) {
            RandomGamma.Gamma g = t.sampleParams(Sample.of(image), new SplittableRandom(seed));
            assertThat(g.gamma()).isBetween(0.8, 1.2);
            Sample out = t.apply(Sample.of(image), g);
            int[] a = u8(image), b = u8(out.image());
            for (int i = 0; i < a.length; i += 89) {
                double want = Math.pow(a[i] / 255.0, g.gamma()) * 255;
                assertThat((double) b[i]).isCloseTo(Math.floor(want), within(1.0));
                assertThat((double) b[i]).isLessThanOrEqualTo(want + 1e-9);
            }
            Mats.release(out.image());
        }
        Mat f = Images.toFloat(image);
        Sample out = t.apply(Sample.of(f), new RandomGamma.Gamma(2));
        float[] a = Mats.toFloats(f), b = Mats.toFloats(out.image());
        for (int i = 0; i < a.length; i += 89) assertThat((double) b[i]).isCloseTo((double) a[i] * a[i], within(1e-6));
        assertThatThrownBy(() -> new RandomGamma(Range.of(-10, 120), 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma_limit");
        Mats.release(out.image(), image, f);
    }
}
