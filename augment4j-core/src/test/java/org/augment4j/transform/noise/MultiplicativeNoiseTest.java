package org.augment4j.transform.noise;

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

class MultiplicativeNoiseTest {

    static int[] u8(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void oneFactorScalesEveryValueAndTruncates(long seed) {
        MultiplicativeNoise t = new MultiplicativeNoise(Range.of(0.5, 1.5), false, false, 1);
        Mat image = Images.astronaut();
        Sample in = Sample.of(image);
        MultiplicativeNoise.Factors f = t.sampleParams(in, new SplittableRandom(seed));
        assertThat(f.multiplier()).hasSize(1);
        float m = f.multiplier().get(0).floatValue();
        assertThat((double) m).isBetween(0.5, 1.5);
        int[] a = u8(image), b = u8(t.apply(in, f).image());
        for (int i = 0; i < a.length; i++) assertThat(b[i]).isEqualTo((int) Math.min(255f, a[i] * m));
        Mats.release(image);
    }

    @Test
    void perChannelFactorsScaleEachChannel() {
        MultiplicativeNoise t = new MultiplicativeNoise(Range.of(0.5, 1.5), true, false, 1);
        Mat image = Images.constant(8, 8, 3, 100);
        Sample in = Sample.of(image);
        MultiplicativeNoise.Factors f = t.sampleParams(in, new SplittableRandom(9));
        assertThat(f.multiplier()).hasSize(3);
        int[] b = u8(t.apply(in, f).image());
        for (int i = 0; i < b.length; i++) assertThat(b[i]).isEqualTo((int) (100 * f.multiplier().get(i % 3).floatValue()));
        Mats.release(image);
    }

    @Test
    void elementwiseFactorsAreUniformInTheRangeAndSharedUnlessPerChannel() {
        Mat image = Images.toFloat(Images.constant(200, 200, 3, 102)); // 0.4
        Sample shared = new MultiplicativeNoise(Range.of(0.5, 1.5), false, true, 1).apply(Sample.of(image), new MultiplicativeNoise.Factors(List.of(), 4));
        Sample own = new MultiplicativeNoise(Range.of(0.5, 1.5), true, true, 1).apply(Sample.of(image), new MultiplicativeNoise.Factors(List.of(), 4));
        float[] s = Mats.toFloats(shared.image()), o = Mats.toFloats(own.image());
        double mean = 0;
        int sameShared = 0, sameOwn = 0;
        for (int i = 0; i < s.length; i += 3) {
            mean += s[i];
            if (s[i] == s[i + 1] && s[i] == s[i + 2]) sameShared++;
            if (o[i] == o[i + 1] && o[i] == o[i + 2]) sameOwn++;
        }
        mean /= s.length / 3.0;
        assertThat(mean).isCloseTo(0.4, within(0.005));
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float x : o) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertThat((double) min).isBetween(0.2, 0.21);
        assertThat((double) max).isBetween(0.59, 0.6);
        assertThat(sameShared).isEqualTo(200 * 200);
        assertThat(sameOwn).isLessThan(100);
        Mats.release(shared.image(), own.image(), image);
    }

    @Test
    void floatImagesAreClippedToOne() {
        Mat image = Images.toFloat(Images.coffee());
        Sample out = new MultiplicativeNoise(Range.fixed(3), false, false, 1).apply(Sample.of(image), new MultiplicativeNoise.Factors(List.of(3.0), 0));
        float[] a = Mats.toFloats(image), b = Mats.toFloats(out.image());
        for (int i = 0; i < a.length; i += 31) assertThat((double) b[i]).isCloseTo(Math.min(1, a[i] * 3.0), within(1e-6));
        Mats.release(out.image(), image);
    }

    @Test
    void defaultsAndBadParameters() {
        assertThat(TransformRegistry.create("MultiplicativeNoise", Map.of()).toDict()).containsEntry("multiplier", List.of(0.9, 1.1))
                .containsEntry("per_channel", false).containsEntry("elementwise", false).containsEntry("p", 0.5);
        assertThat(TransformRegistry.create("MultiplicativeNoise", Map.of("multiplier", 1.2)).toDict()).containsEntry("multiplier", List.of(1.2, 1.2));
        assertThatThrownBy(() -> new MultiplicativeNoise(Range.of(-0.1, 1), false, false, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MultiplicativeNoise").hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new MultiplicativeNoise(Range.of(1.2, 1.1), false, false, 1)).hasMessageContaining("multiplier");
    }
}
