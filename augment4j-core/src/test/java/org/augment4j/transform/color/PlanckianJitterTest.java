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

class PlanckianJitterTest {

    @Test
    void coefficientsInterpolateBetweenTableEntriesAndClamp() {
        double[] mid = PlanckianCoefficients.at("blackbody", 6250);
        assertThat(mid[0]).isCloseTo((0.4979 + 0.4816) / 2, within(1e-12));
        assertThat(mid[2]).isCloseTo((0.4468 + 0.4782) / 2, within(1e-12));
        assertThat(PlanckianCoefficients.at("cied", 1000)).containsExactly(0.5829, 0.4421, 0.2288);
        assertThat(PlanckianCoefficients.at("blackbody", 20000)).containsExactly(0.3503, 0.4653, 0.6933);
    }

    @Test
    void scalesRedAndBlueByTheirRatioToGreen() {
        Mat image = Images.constant(4, 4, 3, 100);
        Sample out = new PlanckianJitter().apply(Sample.of(image), new PlanckianJitter.Temperature(6500));
        byte[] b = Mats.toBytes(out.image());
        assertThat(b[0] & 0xff).isEqualTo((int) (100 * (float) (0.4816 / 0.4604)));
        assertThat(b[1] & 0xff).isEqualTo(100);
        assertThat(b[2] & 0xff).isEqualTo((int) (100 * (float) (0.4782 / 0.4604)));
        Mat photo = Images.coffee();
        Sample warm = new PlanckianJitter().apply(Sample.of(photo), new PlanckianJitter.Temperature(3000));
        double[] m = new double[3];
        byte[] w = Mats.toBytes(warm.image());
        for (int i = 0; i < w.length; i++) m[i % 3] += w[i] & 0xff;
        assertThat(m[2]).as("3000 K all but removes blue").isLessThan(m[0] / 50);
        Mats.release(image, out.image(), photo, warm.image());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void samplesWholeKelvinWithinTheLimit(long seed) {
        Sample s = Sample.of(Images.constant(2, 2, 3, 0));
        for (String method : List.of("uniform", "gaussian")) {
            int t = new PlanckianJitter("cied", Range.of(5000, 7000), method, 1).sampleParams(s, new SplittableRandom(seed)).temperature();
            assertThat(t).isBetween(5000, 7000);
        }
    }

    @Test
    void parametersAndErrors() {
        assertThat(TransformRegistry.create("PlanckianJitter", Map.of("mode", "cied")).toDict()).containsEntry("temperature_limit", List.of(4000L, 15000L))
                .containsEntry("sampling_method", "uniform");
        assertThatThrownBy(() -> new PlanckianJitter("cied", Range.of(3000, 9000), "uniform", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PlanckianJitter").hasMessageContaining("temperature_limit");
        assertThatThrownBy(() -> new PlanckianJitter("blackbody", Range.of(7000, 9000), "uniform", 1)).hasMessageContaining("6000");
        assertThatThrownBy(() -> new PlanckianJitter("sunset", null, "uniform", 1)).hasMessageContaining("mode");
        assertThatThrownBy(() -> new PlanckianJitter("blackbody", null, "normal", 1)).hasMessageContaining("sampling_method");
    }
}
