package org.augment4j.transform.pixel;

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
import org.augment4j.transform.noise.GaussNoise;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaussNoiseTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void sampleStdMatchesTheSampledSigmaOnMidGray(long seed) {
        GaussNoise t = new GaussNoise(Range.of(0.04, 0.1), Range.fixed(0), true, 1, 1);
        Mat image = Images.constant(256, 256, 3, 128);
        Sample in = Sample.of(image);
        GaussNoise.Noise n = t.sampleParams(in, new SplittableRandom(seed));
        assertThat(n.sigma()).isBetween(0.04, 0.1);
        Sample out = t.apply(in, n);
        double[] v = Images.values(out.image());
        for (int c = 0; c < 3; c++) {
            assertThat(Images.channelStd(v, 3, c)).as("channel %d", c).isCloseTo(n.sigma() * 255, within(n.sigma() * 255 * 0.03));
            assertThat(Images.channelMean(v, 3, c)).as("mean, minus 0.5 for the truncation").isCloseTo(127.5, within(0.3));
        }
        Mats.release(out.image(), image);
    }

    @Test
    void meanRangeShiftsTheImageAndFloatImagesGetFractionNoise() {
        GaussNoise t = new GaussNoise(Range.fixed(0.05), Range.fixed(-0.1), true, 1, 1);
        Mat image = Images.toFloat(Images.constant(200, 200, 1, 128));
        Sample out = t.apply(Sample.of(image), new GaussNoise.Noise(0.05, -0.1, 77));
        double[] v = Images.values(out.image());
        assertThat(Images.channelMean(v, 1, 0)).isCloseTo(128 / 255.0 - 0.1, within(0.002));
        assertThat(Images.channelStd(v, 1, 0)).isCloseTo(0.05, within(0.0015));
        assertThat(java.util.Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(java.util.Arrays.stream(v).max().orElseThrow()).isLessThanOrEqualTo(1.0);
        Mats.release(out.image(), image);
    }

    @Test
    void sharedNoiseIsTheSameInEveryChannelPerChannelNoiseIsNot() {
        Mat image = Images.constant(64, 64, 3, 128);
        Sample shared = new GaussNoise(Range.fixed(0.1), Range.fixed(0), false, 1, 1).apply(Sample.of(image), new GaussNoise.Noise(0.1, 0, 5));
        Sample own = new GaussNoise(Range.fixed(0.1), Range.fixed(0), true, 1, 1).apply(Sample.of(image), new GaussNoise.Noise(0.1, 0, 5));
        int[] s = Images.u8(shared.image()), o = Images.u8(own.image());
        int sameShared = 0, sameOwn = 0;
        for (int i = 0; i < s.length; i += 3) {
            if (s[i] == s[i + 1] && s[i] == s[i + 2]) sameShared++;
            if (o[i] == o[i + 1] && o[i] == o[i + 2]) sameOwn++;
        }
        assertThat(sameShared).isEqualTo(64 * 64);
        assertThat(sameOwn).isLessThan(64 * 64 / 10);
        Mats.release(shared.image(), own.image(), image);
    }

    @Test
    void theSeedDecidesTheNoise() {
        GaussNoise t = new GaussNoise();
        Mat image = Images.coffee();
        Sample a = t.apply(Sample.of(image), new GaussNoise.Noise(0.2, 0, 1));
        Sample b = t.apply(Sample.of(image), new GaussNoise.Noise(0.2, 0, 1));
        Sample c = t.apply(Sample.of(image), new GaussNoise.Noise(0.2, 0, 2));
        assertThat(Mats.toBytes(b.image())).isEqualTo(Mats.toBytes(a.image()));
        assertThat(Mats.toBytes(c.image())).isNotEqualTo(Mats.toBytes(a.image()));
        Mats.release(a.image(), b.image(), c.image(), image);
    }

    @Test
    void coarseNoiseFromAScaleFactorCoversTheWholeImage() {
        GaussNoise t = new GaussNoise(Range.fixed(0.1), Range.fixed(0), true, 0.25, 1);
        Mat image = Images.constant(101, 77, 3, 128);
        Sample out = t.apply(Sample.of(image), new GaussNoise.Noise(0.1, 0, 3));
        assertThat(out.image().rows()).isEqualTo(101);
        assertThat(out.image().cols()).isEqualTo(77);
        double[] v = Images.values(out.image());
        double std = Images.channelStd(v, 3, 0);
        assertThat(std).as("bilinear upsampling smooths but keeps noise").isBetween(3.0, 25.5);
        Mats.release(out.image(), image);
    }

    @Test
    void albumentations13VarianceIsReadAsPixelVariance() {
        GaussNoise t = (GaussNoise) TransformRegistry.create("GaussNoise", Map.of("var_limit", List.of(100.0, 100.0), "mean", 0, "per_channel", true, "always_apply", false, "p", 1.0));
        Mat image = Images.constant(128, 128, 1, 100);
        Sample in = Sample.of(image);
        GaussNoise.Noise n = t.sampleParams(in, new SplittableRandom(3));
        assertThat(n.sigma() * 255).isCloseTo(10.0, within(1e-9));
        Sample out = t.apply(in, n);
        assertThat(Images.channelStd(Images.values(out.image()), 1, 0)).isCloseTo(10.0, within(0.4));
        assertThat(t.toDict()).containsEntry("var_limit", List.of(100L, 100L)).containsEntry("mean", 0.0).doesNotContainKey("std_range");
        GaussNoise scalar = (GaussNoise) TransformRegistry.create("GaussNoise", Map.of("var_limit", 40));
        assertThat(scalar.toDict()).containsEntry("var_limit", List.of(0L, 40L));
        Mats.release(out.image(), image);
    }

    @Test
    void defaultsAreAlbumentations2() {
        assertThat(new GaussNoise().toDict()).containsEntry("std_range", List.of(0.2, 0.44)).containsEntry("mean_range", List.of(0L, 0L))
                .containsEntry("per_channel", true).containsEntry("noise_scale_factor", 1.0).containsEntry("p", 0.5);
        assertThat(TransformRegistry.create("GaussNoise", Map.of()).toDict()).isEqualTo(new GaussNoise().toDict());
    }

    @Test
    void badParametersNameTheParameter() {
        assertThatThrownBy(() -> new GaussNoise(Range.of(0.5, 0.2), Range.fixed(0), true, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GaussNoise").hasMessageContaining("std_range");
        assertThatThrownBy(() -> new GaussNoise(Range.of(0.1, 1.5), Range.fixed(0), true, 1, 1)).hasMessageContaining("std_range");
        assertThatThrownBy(() -> new GaussNoise(Range.fixed(0.1), Range.of(-2, 0), true, 1, 1)).hasMessageContaining("mean_range");
        assertThatThrownBy(() -> new GaussNoise(Range.fixed(0.1), Range.fixed(0), true, 0, 1)).hasMessageContaining("noise_scale_factor");
        assertThatThrownBy(() -> GaussNoise.ofVariance(Range.of(-1, 5), 0, true, 1, 1)).hasMessageContaining("var_limit");
        assertThatThrownBy(() -> TransformRegistry.create("GaussNoise", Map.of("var_limit", 10, "std_range", List.of(0.1, 0.2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("var_limit").hasMessageContaining("std_range");
        assertThatThrownBy(() -> TransformRegistry.create("GaussNoise", Map.of("per_channel", "yes"))).hasMessageContaining("per_channel");
    }
}
