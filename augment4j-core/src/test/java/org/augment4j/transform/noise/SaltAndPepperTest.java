package org.augment4j.transform.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class SaltAndPepperTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void hitsExactlyTheSampledNumbersOfPixelsInEveryChannel(long seed) {
        SaltAndPepper t = new SaltAndPepper(Range.of(0.05, 0.3), Range.of(0.2, 0.8), 1);
        Mat image = Images.constant(100, 120, 3, 128);
        Sample in = Sample.of(image);
        SaltAndPepper.Noise n = t.sampleParams(in, new SplittableRandom(seed));
        assertThat(n.amount()).isBetween(0.05, 0.3);
        assertThat(n.saltVsPepper()).isBetween(0.2, 0.8);
        int[] v = MultiplicativeNoiseTest.u8(t.apply(in, n).image());
        int hits = (int) (100 * 120 * n.amount()), salt = (int) (hits * n.saltVsPepper());
        int white = 0, black = 0;
        for (int i = 0; i < v.length; i += 3) {
            assertThat(v[i + 1]).isEqualTo(v[i]);
            assertThat(v[i + 2]).isEqualTo(v[i]);
            assertThat(v[i]).isIn(0, 128, 255);
            if (v[i] == 255) white++;
            if (v[i] == 0) black++;
        }
        assertThat(white).isEqualTo(salt);
        assertThat(black).isEqualTo(hits - salt);
        Mats.release(image);
    }

    @Test
    void floatSaltIsOneAndPhotoPixelsElsewhereStay() {
        Mat image = Images.toFloat(Images.coffee());
        Sample out = new SaltAndPepper().apply(Sample.of(image), new SaltAndPepper.Noise(0.1, 0.5, 42));
        float[] a = Mats.toFloats(image), b = Mats.toFloats(out.image());
        int changed = 0;
        for (int i = 0; i < a.length; i++) {
            if (b[i] != a[i]) {
                assertThat(b[i]).isIn(0f, 1f);
                changed++;
            }
        }
        assertThat(changed).isBetween((int) (a.length * 0.09), (int) (a.length * 0.1));
        Mats.release(out.image(), image);
    }

    @Test
    void defaultsAndBadParameters() {
        assertThat(TransformRegistry.create("SaltAndPepper", Map.of()).toDict()).containsEntry("amount", List.of(0.01, 0.06))
                .containsEntry("salt_vs_pepper", List.of(0.4, 0.6)).containsEntry("p", 0.5);
        assertThatThrownBy(() -> new SaltAndPepper(Range.of(0, 1.5), Range.of(0.4, 0.6), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SaltAndPepper").hasMessageContaining("amount");
        assertThatThrownBy(() -> new SaltAndPepper(Range.of(0, 0.1), Range.of(0.6, 0.4), 1)).hasMessageContaining("salt_vs_pepper");
    }
}
