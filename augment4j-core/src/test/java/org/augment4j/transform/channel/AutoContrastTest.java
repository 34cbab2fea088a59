package org.augment4j.transform.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.NoParams;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoContrastTest {

    /** A gray photo squeezed into [lo, hi]. */
    private static Mat squeezed(int lo, int hi) {
        Mat gray = Images.gray(Images.astronaut());
        Mat out = new Mat();
        gray.convertTo(out, gray.type(), (hi - lo) / 255.0, lo);
        gray.close();
        return out;
    }

    private static int[] apply(AutoContrast t, Mat image) {
        Mat out = t.apply(Sample.of(image), NoParams.instance()).image();
        int[] v = Pixels.u8(out);
        out.close();
        return v;
    }

    @Test
    void pilStretchesLinearlyFromTheDarkestToTheBrightestValue() {
        Mat image = squeezed(60, 180);
        int[] in = Pixels.u8(image), out = apply(new AutoContrast(0, null, "pil", 1), image);
        int lo = java.util.Arrays.stream(in).min().orElseThrow(), hi = java.util.Arrays.stream(in).max().orElseThrow();
        assertThat(lo).isGreaterThanOrEqualTo(60);
        for (int i = 0; i < in.length; i++) assertThat(out[i]).isEqualTo((int) Math.rint((in[i] - lo) * 255.0 / (hi - lo)));
        assertThat(java.util.Arrays.stream(out).min().orElseThrow()).isZero();
        assertThat(java.util.Arrays.stream(out).max().orElseThrow()).isEqualTo(255);
        image.close();
    }

    @Test
    void cdfIsMonotoneAndSpansTheFullRange() {
        Mat image = squeezed(60, 180);
        int[] in = Pixels.u8(image), out = apply(new AutoContrast(), image);
        int[] map = new int[256];
        java.util.Arrays.fill(map, -1);
        for (int i = 0; i < in.length; i++) {
            assertThat(map[in[i]] < 0 || map[in[i]] == out[i]).as("a per-value mapping").isTrue();
            map[in[i]] = out[i];
        }
        int last = -1;
        for (int v = 0; v < 256; v++) {
            if (map[v] < 0) continue;
            assertThat(map[v]).isGreaterThanOrEqualTo(last);
            last = map[v];
        }
        assertThat(java.util.Arrays.stream(out).min().orElseThrow()).isZero();
        assertThat(last).isEqualTo(255);
        image.close();
    }

    @ParameterizedTest(name = "cutoff {0}")
    @ValueSource(doubles = {1, 5, 20})
    void cutoffSaturatesAboutThatShareOfPixelsAtEachEnd(double cutoff) {
        Mat image = squeezed(20, 230);
        int[] out = apply(new AutoContrast(cutoff, null, "pil", 1), image);
        long zeros = java.util.Arrays.stream(out).filter(v -> v == 0).count();
        long full = java.util.Arrays.stream(out).filter(v -> v == 255).count();
        assertThat((double) zeros / out.length).isGreaterThanOrEqualTo(cutoff / 100 * 0.9);
        assertThat((double) full / out.length).isGreaterThanOrEqualTo(cutoff / 100 * 0.9);
        image.close();
    }

    @Test
    void ignoredValueStaysAndConstantImagesAreUnchanged() {
        Mat image = squeezed(60, 180);
        int[] in = Pixels.u8(image), out = apply(new AutoContrast(0, 100, "pil", 1), image);
        int changed = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == 100) assertThat(out[i]).isEqualTo(100);
            else if (out[i] != in[i]) changed++;
        }
        assertThat(changed).isGreaterThan(in.length / 2);
        Mat flat = Images.constant(10, 10, 3, 77);
        assertThat(apply(new AutoContrast(), flat)).containsOnly(77);
        Mats.release(image, flat);
    }

    @Test
    void floatImagesGoThroughUint8() {
        Mat u8 = squeezed(60, 180);
        Mat f = Images.toFloat(u8);
        int[] want = apply(new AutoContrast(0, null, "pil", 1), u8);
        Mat out = new AutoContrast(0, null, "pil", 1).apply(Sample.of(f), NoParams.instance()).image();
        float[] got = Mats.toFloats(out);
        for (int i = 0; i < got.length; i++) assertThat(Math.round(got[i] * 255)).isEqualTo(want[i]);
        Mats.release(u8, f, out);
    }

    @Test
    void defaultsAndBadParameters() {
        assertThat(TransformRegistry.create("AutoContrast", Map.of()).toDict()).containsEntry("cutoff", 0.0).containsEntry("ignore", null)
                .containsEntry("method", "cdf").containsEntry("p", 0.5);
        assertThatThrownBy(() -> new AutoContrast(101, null, "cdf", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AutoContrast").hasMessageContaining("cutoff");
        assertThatThrownBy(() -> new AutoContrast(0, 256, "cdf", 1)).hasMessageContaining("ignore");
        assertThatThrownBy(() -> new AutoContrast(0, null, "linear", 1)).hasMessageContaining("method");
    }
}
