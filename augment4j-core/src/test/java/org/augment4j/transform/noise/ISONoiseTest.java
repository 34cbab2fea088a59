package org.augment4j.transform.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HLS;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

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
import org.junit.jupiter.params.provider.ValueSource;

class ISONoiseTest {

    private static float[] hls(Mat rgbFloat) {
        try (Mat h = new Mat()) {
            cvtColor(rgbFloat, h, COLOR_RGB2HLS);
            return Mats.toFloats(h);
        }
    }

    @Test
    void aFlatGrayImageHasNoLightnessSpreadAndSoNoNoise() {
        Mat image = Images.constant(64, 64, 3, 90);
        Sample out = new ISONoise(Range.fixed(1), Range.fixed(2), 1).apply(Sample.of(image), new ISONoise.Iso(1, 2, 7));
        assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(image));
        Mats.release(out.image(), image);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void lightnessGainsWholePoissonStepsTowardsWhite(long seed) {
        Mat image = Images.toFloat(Images.astronaut());
        double intensity = 0.3;
        Mat out = new ISONoise().apply(Sample.of(image), new ISONoise.Iso(0, intensity, seed)).image();
        float[] a = hls(image), b = hls(out);
        double sumL = 0, sumSq = 0, steps = 0;
        int n = 0, measured = 0;
        for (int i = 1; i < a.length; i += 3, n++) {
            sumL += a[i];
            sumSq += a[i] * a[i];
        }
        double sigmaL = Math.sqrt(sumSq / n - (sumL / n) * (sumL / n));
        for (int i = 1; i < a.length; i += 3) {
            double room = intensity * (1 - a[i]);
            if (room < 0.05 || a[i] < 0.05 || b[i] >= 0.999f) continue; // too close to the ends, or clipped at white
            double k = (b[i] - a[i]) / room;
            assertThat(k).as("pixel %d", i / 3).isCloseTo(Math.rint(k), within(0.05)).isGreaterThan(-0.05);
            steps += Math.rint(k);
            measured++;
        }
        assertThat(steps / measured).isCloseTo(sigmaL * intensity, within(0.01));
        Mats.release(out, image);
    }

    @Test
    void onlyRgbImages() {
        Mat rgba = Images.rgba(Images.coffee());
        assertThatThrownBy(() -> new ISONoise().apply(Sample.of(rgba), new ISONoise.Iso(0.01, 0.1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISONoise").hasMessageContaining("4 channel");
        Mats.release(rgba);
    }

    @Test
    void defaultsAndBadParameters() {
        assertThat(TransformRegistry.create("ISONoise", Map.of()).toDict()).containsEntry("color_shift", List.of(0.01, 0.05))
                .containsEntry("intensity", List.of(0.1, 0.5)).containsEntry("p", 0.5);
        assertThatThrownBy(() -> new ISONoise(Range.of(0, 1.5), Range.of(0.1, 0.5), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISONoise").hasMessageContaining("color_shift");
        assertThatThrownBy(() -> new ISONoise(Range.of(0, 0.1), Range.of(-1, 0.5), 1)).hasMessageContaining("intensity");
    }
}
