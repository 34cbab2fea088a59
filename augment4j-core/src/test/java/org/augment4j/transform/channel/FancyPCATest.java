package org.augment4j.transform.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FancyPCATest {

    @Test
    void zeroFactorsChangeNothing() {
        Mat image = Images.coffee();
        Mat out = new FancyPCA().apply(Sample.of(image), new FancyPCA.Alphas(List.of(0.0, 0.0, 0.0))).image();
        assertThat(Mats.toBytes(out)).isEqualTo(Mats.toBytes(image));
        Mats.release(out, image);
    }

    @ParameterizedTest(name = "component {0}")
    @ValueSource(ints = {0, 1, 2})
    void oneFactorMovesEveryPixelAlongOneEigenvectorByItsCentredChannel(int k) {
        Mat image = Images.toFloat(Images.astronaut());
        Double[] alphas = {0.0, 0.0, 0.0};
        alphas[k] = 0.3;
        Mat out = new FancyPCA().apply(Sample.of(image), new FancyPCA.Alphas(List.of(alphas))).image();
        float[] a = Mats.toFloats(image), b = Mats.toFloats(out);
        double mu = Pixels.channelMean(Pixels.values(image), 3, k);
        double[] dir = null;
        int checked = 0;
        for (int i = 0; i < a.length; i += 3) {
            double centred = a[i + k] - mu;
            if (Math.abs(centred) < 0.2 || b[i] <= 0 || b[i] >= 1 || b[i + 1] <= 0 || b[i + 1] >= 1 || b[i + 2] <= 0 || b[i + 2] >= 1) continue;
            double[] d = {(b[i] - a[i]) / centred, (b[i + 1] - a[i + 1]) / centred, (b[i + 2] - a[i + 2]) / centred};
            if (dir == null) dir = d;
            for (int c = 0; c < 3; c++) assertThat(d[c]).as("pixel %d channel %d", i / 3, c).isCloseTo(dir[c], within(2e-4));
            checked++;
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(Math.abs(dir[0]) + Math.abs(dir[1]) + Math.abs(dir[2])).isGreaterThan(1e-4);
        Mats.release(out, image);
    }

    @Test
    void grayImagesScaleTheirDeviationFromTheMean() {
        Mat gray = Images.toFloat(Images.gray(Images.coffee()));
        double[] v = Pixels.values(gray);
        double mu = Pixels.channelMean(v, 1, 0), var = 0;
        for (double x : v) var += (x - mu) * (x - mu);
        double s = 0.2 * Math.sqrt(var / v.length);
        float[] out = Mats.toFloats(new FancyPCA().apply(Sample.of(gray), new FancyPCA.Alphas(List.of(0.2))).image());
        for (int i = 0; i < v.length; i += 7) assertThat((double) out[i]).isCloseTo(Math.min(1, Math.max(0, v[i] + s * (v[i] - mu))), within(1e-5));
        Mats.release(gray);
    }

    @Test
    void factorsAreDrawnPerChannelAndParametersChecked() {
        Mat rgba = Images.rgba(Images.coffee());
        FancyPCA.Alphas a = new FancyPCA(0.1, 1).sampleParams(Sample.of(rgba), new SplittableRandom(3));
        assertThat(a.alphaVector()).hasSize(4);
        assertThat(TransformRegistry.create("FancyPCA", Map.of()).toDict()).containsEntry("alpha", 0.1).containsEntry("p", 0.5);
        assertThatThrownBy(() -> new FancyPCA(-0.1, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FancyPCA")
                .hasMessageContaining("alpha");
        Mats.release(rgba);
    }
}
