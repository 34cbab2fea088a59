package org.augment4j.transform.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EqualizeTest {

    private static Mat run(Equalize t, Mat image) {
        return t.apply(Sample.of(image), NoParams.instance()).image();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cv", "pil"})
    void byChannelsIsAMonotoneMapPerChannelThatStretchesTheRange(String mode) {
        Mat image = Images.coffee();
        int[] a = Images.u8(image), b = Images.u8(run(new Equalize(mode, true, 1), image));
        for (int c = 0; c < 3; c++) {
            int[] map = new int[256];
            Arrays.fill(map, -1);
            int lo = 255, hi = 0;
            for (int i = c; i < a.length; i += 3) {
                assertThat(map[a[i]] == -1 || map[a[i]] == b[i]).as("one output per input value").isTrue();
                map[a[i]] = b[i];
                lo = Math.min(lo, b[i]);
                hi = Math.max(hi, b[i]);
            }
            int prev = -1;
            for (int v = 0; v < 256; v++) {
                if (map[v] < 0) continue;
                assertThat(map[v]).as("monotone").isGreaterThanOrEqualTo(prev);
                prev = map[v];
            }
            assertThat(hi).isGreaterThanOrEqualTo(250);
            assertThat(lo).isLessThanOrEqualTo(5);
        }
        Mats.release(image);
    }

    @Test
    void equalizedHistogramIsFlatterThanTheOriginal() {
        Mat gray = Images.gray(Images.astronaut());
        int[] a = Images.u8(gray), b = Images.u8(run(new Equalize(), gray));
        assertThat(spread(b)).isGreaterThan(spread(a));
        Mats.release(gray);
    }

    private static double spread(int[] v) {
        double m = Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(Arrays.stream(v).mapToDouble(x -> (x - m) * (x - m)).average().orElseThrow());
    }

    @Test
    void pilTableMatchesPillowOnAWorkedExample() {
        long[] h = new long[256];
        h[0] = 300;
        h[128] = 300;
        h[255] = 300;
        // step = (900 - 300) // 255 = 2; n starts at 1: lut[0] = 0, lut[1..128] = 301 // 2 = 150, lut[129..] = min(601 // 2, 255)
        byte[] lut = Equalize.pilTable(h);
        assertThat(lut[0] & 0xff).isZero();
        assertThat(lut[128] & 0xff).isEqualTo(150);
        assertThat(lut[255] & 0xff).isEqualTo(255);
        long[] flat = new long[256];
        flat[7] = 1000;
        assertThat(Equalize.pilTable(flat)).as("one value: unchanged").isNull();
        long[] few = new long[256];
        few[1] = 100;
        few[2] = 100;
        assertThat(Equalize.pilTable(few)).as("step 0: unchanged").isNull();
    }

    @Test
    void pilModeOnAThreeValueImage() {
        byte[] px = new byte[900];
        for (int i = 0; i < 900; i++) px[i] = (byte) (i < 300 ? 0 : i < 600 ? 128 : 255);
        Mat image = Mats.fromBytes(px, 30, 30, 1);
        assertThat(Images.u8(run(new Equalize("pil", true, 1), image))).containsOnly(0, 150, 255);
        assertThat(Equalize.histogram(image)[128]).isEqualTo(300);
        Mats.release(image);
    }

    @Test
    void lumaModeKeepsGrayPixelsGrayAndKeepsAlpha() {
        Mat gray = Images.rgbFromGray(Images.gray(Images.astronaut()));
        int[] o = Images.u8(run(new Equalize("cv", false, 1), gray));
        for (int i = 0; i < o.length; i += 3) {
            assertThat(Math.abs(o[i] - o[i + 1])).isLessThanOrEqualTo(1);
            assertThat(Math.abs(o[i] - o[i + 2])).isLessThanOrEqualTo(1);
        }
        Mat rgba = Images.rgba(Images.coffee());
        int[] a = Images.u8(rgba), b = Images.u8(run(new Equalize("pil", false, 1), rgba));
        for (int i = 3; i < a.length; i += 4) assertThat(b[i]).isEqualTo(a[i]);
        Mats.release(gray, rgba);
    }

    @Test
    void filesMayGiveNoMaskOnly() {
        assertThat(TransformRegistry.create("Equalize", Map.of("mode", "pil", "by_channels", false, "always_apply", false, "p", 1)).toDict())
                .containsEntry("mode", "pil").containsEntry("by_channels", false);
        Map<String, Object> v2 = new java.util.HashMap<>(Map.of("mode", "cv", "mask_params", List.of()));
        v2.put("mask", null);
        assertThat(TransformRegistry.create("Equalize", v2).toDict()).containsEntry("mode", "cv");
        assertThatThrownBy(() -> TransformRegistry.create("Equalize", Map.of("mask", List.of(List.of(1, 0)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask");
    }

    @Test
    void badParametersAndImagesNameTheProblem() {
        assertThatThrownBy(() -> new Equalize("skimage", true, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Equalize").hasMessageContaining("mode").hasMessageContaining("skimage");
        Mat f = Images.toFloat(Images.ramp(3));
        assertThatThrownBy(() -> run(new Equalize(), f)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Equalize").hasMessageContaining("uint8");
        Mats.release(f);
    }
}
