package org.augment4j.transform.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

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

class HsvJitterTest {

    private static int[] u8(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }

    private static int[] hsv(Mat rgb) {
        try (Mat h = new Mat()) {
            cvtColor(rgb, h, COLOR_RGB2HSV);
            return u8(h);
        }
    }

    @ParameterizedTest(name = "hue shift {0}")
    @ValueSource(ints = {-50, -7, 13, 90})
    void hueShiftRotatesOpenCvHueModulo180OnSaturatedColours(int shift) {
        // fully saturated, bright pure colours survive the HSV round trip: hue moves by the shift mod 180
        byte[] px = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255, 0};
        Mat image = Mats.fromBytes(px, 1, 4, 3);
        Sample out = new HueSaturationValue().apply(Sample.of(image), new HueSaturationValue.Shifts(shift, 0, 0));
        int[] before = hsv(image), after = hsv(out.image());
        for (int i = 0; i < before.length; i += 3) {
            assertThat(after[i]).as("hue of pixel %d", i / 3).isCloseTo(Math.floorMod(before[i] + shift, 180), within(1));
            assertThat(after[i + 2]).as("value unchanged").isEqualTo(255);
        }
        Mats.release(out.image(), image);
    }

    @Test
    void valueShiftOnAPhotoMovesVAndGrayGetsTheValueShiftOnly() {
        Mat image = Images.coffee();
        Sample out = new HueSaturationValue().apply(Sample.of(image), new HueSaturationValue.Shifts(0, 0, -40));
        int[] before = hsv(image), after = hsv(out.image());
        double moved = 0;
        int n = 0;
        for (int i = 2; i < before.length; i += 3 * 7, n++) moved += after[i] - before[i];
        assertThat(moved / n).isBetween(-41.0, -30.0);
        Mat gray = Images.gray(image);
        Sample g = new HueSaturationValue().apply(Sample.of(gray), new HueSaturationValue.Shifts(30, 30, 25));
        int[] a = u8(gray), b = u8(g.image());
        for (int i = 0; i < a.length; i++) assertThat(b[i]).isEqualTo(Math.min(255, a[i] + 25));
        Mats.release(out.image(), image, gray, g.image());
    }

    @Test
    void hueTablesWrapLikeNumpyMod() {
        assertThat(HsvKernels.hueTable(-10)[5] & 0xff).isEqualTo(175);
        assertThat(HsvKernels.hueTable(10.5)[175] & 0xff).isEqualTo(5);
        assertThat(HsvKernels.clipTable(-10.5)[5] & 0xff).isEqualTo(0);
        assertThat(HsvKernels.clipTable(10.5)[250] & 0xff).isEqualTo(255);
    }

    @Test
    void hsvBadLimitsAndDict() {
        assertThatThrownBy(() -> new HueSaturationValue(Range.of(-300, 0), Range.symmetric(1), Range.symmetric(1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HueSaturationValue").hasMessageContaining("hue_shift_limit");
        assertThat(TransformRegistry.create("HueSaturationValue", Map.of("sat_shift_limit", 10)).toDict()).containsEntry("sat_shift_limit", List.of(-10L, 10L))
                .containsEntry("hue_shift_limit", List.of(-20L, 20L)).containsEntry("val_shift_limit", List.of(-20L, 20L));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void jitterSamplesInRangeAndAPermutation(long seed) {
        ColorJitter.Factors f = new ColorJitter().sampleParams(Sample.of(Images.constant(2, 2, 3, 1)), new SplittableRandom(seed));
        assertThat(f.brightness()).isBetween(0.8, 1.2);
        assertThat(f.hue()).isBetween(-0.5, 0.5);
        assertThat(f.order()).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void jitterKernelsFollowTorchvision() {
        Mat image = Images.astronaut();
        int[] a = u8(image);
        // brightness only
        Sample b = new ColorJitter().apply(Sample.of(image), new ColorJitter.Factors(1.3, 1, 1, 0, new int[] {3, 2, 1, 0}));
        int[] got = u8(b.image());
        for (int i = 0; i < a.length; i += 53) assertThat(got[i]).isEqualTo((int) Math.min(255, a[i] * 1.3f));
        // saturation 0 gives gray in every channel
        Sample s = new ColorJitter().apply(Sample.of(image), new ColorJitter.Factors(1, 1, 0, 0, new int[] {0, 1, 2, 3}));
        int[] g = u8(s.image()), gray = u8(Images.gray(image));
        for (int i = 0; i < gray.length; i += 31) assertThat(new int[] {g[3 * i], g[3 * i + 1], g[3 * i + 2]}).containsOnly(gray[i]);
        // contrast 0 gives the rounded mean of the gray image
        Sample c = new ColorJitter().apply(Sample.of(image), new ColorJitter.Factors(1, 0, 1, 0, new int[] {0, 1, 2, 3}));
        double mean = java.util.Arrays.stream(gray).average().orElseThrow();
        assertThat(u8(c.image())).containsOnly((int) (mean + 0.5));
        // a half turn of hue on pure red gives cyan
        Mat red = Mats.fromBytes(new byte[] {(byte) 255, 0, 0}, 1, 1, 3);
        Sample h = new ColorJitter().apply(Sample.of(red), new ColorJitter.Factors(1, 1, 1, 0.5, new int[] {0, 1, 2, 3}));
        assertThat(u8(h.image())).containsExactly(0, 255, 255);
        Mats.release(image, b.image(), s.image(), c.image(), red, h.image());
    }

    @Test
    void jitterReadsScalarsLikeTorchvision() {
        ColorJitter t = (ColorJitter) TransformRegistry.create("ColorJitter", Map.of("brightness", 0.3, "contrast", 1.5, "hue", 0.1, "saturation", List.of(0.5, 2)));
        assertThat(t.toDict()).containsEntry("brightness", List.of(0.7, 1.3)).containsEntry("contrast", List.of(0L, 2.5))
                .containsEntry("saturation", List.of(0.5, 2L)).containsEntry("hue", List.of(-0.1, 0.1));
        assertThatThrownBy(() -> new ColorJitter(Range.of(0.8, 1.2), Range.of(0.8, 1.2), Range.of(0.8, 1.2), Range.of(-0.7, 0), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ColorJitter").hasMessageContaining("hue");
        assertThatThrownBy(() -> new ColorJitter(Range.of(-1, 1.2), Range.of(0.8, 1.2), Range.of(0.8, 1.2), Range.of(0, 0), 1)).hasMessageContaining("brightness");
    }
}
