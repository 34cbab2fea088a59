package org.augment4j.transform.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomGravelTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void particlesStayInTheRoiAndOnlyTheirPixelsChange(long seed) {
        RandomGravel t = new RandomGravel(new double[] {0.1, 0.4, 0.9, 0.9}, 3, 1);
        Mat image = Images.astronaut();
        Sample in = Sample.of(image);
        RandomGravel.Gravel g = t.sampleParams(in, new SplittableRandom(seed));
        assertThat(g.gravelsInfos()).isNotEmpty();
        boolean[] inside = new boolean[512 * 512];
        for (int[] p : g.gravelsInfos()) {
            assertThat(p[0]).isGreaterThanOrEqualTo((int) (0.4 * 512) - 3);
            assertThat(p[1]).isLessThanOrEqualTo((int) (0.9 * 512) + 3);
            assertThat(p[2]).isGreaterThanOrEqualTo((int) (0.1 * 512) - 3);
            assertThat(p[3]).isLessThanOrEqualTo((int) (0.9 * 512) + 3);
            assertThat(p[4]).isBetween(0, 255);
            for (int y = p[0]; y < p[1]; y++) for (int x = p[2]; x < p[3]; x++) inside[y * 512 + x] = true;
        }
        Mat out = t.apply(in, g).image();
        int[] a = WeatherImages.u8(image), b = WeatherImages.u8(out);
        int changed = 0;
        for (int i = 0; i < inside.length; i++) {
            boolean diff = a[3 * i] != b[3 * i] || a[3 * i + 1] != b[3 * i + 1] || a[3 * i + 2] != b[3 * i + 2];
            if (!inside[i]) assertThat(Math.abs(a[3 * i] - b[3 * i])).as("outside the particles RGB→HLS→RGB is near-lossless").isLessThanOrEqualTo(2);
            else if (diff) changed++;
        }
        assertThat(changed).isGreaterThan(0);
        Mats.release(image, out);
    }

    @Test
    void aParticleSetsTheLightnessOfItsSquare() {
        Mat gray = Images.constant(20, 20, 3, 100);
        Mat out = RandomGravel.gravel(gray, new int[][] {{5, 9, 5, 9, 255}, {12, 14, 12, 14, 0}});
        int[] v = WeatherImages.u8(out);
        assertThat(v[(6 * 20 + 6) * 3]).isEqualTo(255);
        assertThat(v[(12 * 20 + 12) * 3]).isEqualTo(0);
        assertThat(v[(9 * 20 + 9) * 3]).as("max bounds are exclusive").isEqualTo(100);
        Mats.release(gray, out);
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> new RandomGravel(new double[] {0.5, 0.4, 0.5, 0.9}, 2, 1)).hasMessageContaining("gravel_roi");
        assertThatThrownBy(() -> new RandomGravel(new double[] {0.1, 0.4, 0.9, 0.9}, 0, 1)).hasMessageContaining("number_of_patches");
    }
}
