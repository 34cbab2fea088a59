package org.augment4j.transform.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2Lab;
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

class ClaheToneCurveTest {

    private static int[] u8(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }

    private static double lStd(Mat rgb) {
        try (Mat lab = new Mat()) {
            cvtColor(rgb, lab, COLOR_RGB2Lab);
            int[] v = u8(lab);
            double s = 0, s2 = 0;
            int n = 0;
            for (int i = 0; i < v.length; i += 3, n++) {
                s += v[i];
                s2 += (double) v[i] * v[i];
            }
            return Math.sqrt(s2 / n - (s / n) * (s / n));
        }
    }

    @Test
    void claheRaisesLocalContrastOfALowContrastPhotoAndKeepsConstantsConstant() {
        Mat photo = Images.coffee();
        Mat flat = new Mat();
        photo.convertTo(flat, -1, 0.3, 90); // squeeze into a narrow band
        Sample out = new CLAHE().apply(Sample.of(flat), new CLAHE.ClipLimit(4));
        assertThat(lStd(out.image())).isGreaterThan(1.5 * lStd(flat));
        Mat constant = Images.constant(64, 64, 1, 77);
        Sample c = new CLAHE().apply(Sample.of(constant), new CLAHE.ClipLimit(2));
        assertThat(u8(c.image())).hasSize(64 * 64).containsOnly(u8(c.image())[0]);
        Mats.release(photo, flat, out.image(), constant, c.image());
    }

    @Test
    void claheOnGrayMatchesOpenCvDirectlyAndFloatGoesThroughUint8() {
        Mat gray = Images.gray(Images.astronaut());
        Sample out = new CLAHE(Range.fixed(3), new int[] {4, 4}, 1).apply(Sample.of(gray), new CLAHE.ClipLimit(3));
        try (var clahe = org.bytedeco.opencv.global.opencv_imgproc.createCLAHE(3, new org.bytedeco.opencv.opencv_core.Size(4, 4)); Mat want = new Mat()) {
            clahe.apply(gray, want);
            assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(want));
        }
        Mat f = Images.toFloat(gray);
        Sample fo = new CLAHE(Range.fixed(3), new int[] {4, 4}, 1).apply(Sample.of(f), new CLAHE.ClipLimit(3));
        float[] got = Mats.toFloats(fo.image());
        int[] want = u8(out.image());
        for (int i = 0; i < got.length; i += 37) assertThat((double) got[i]).isCloseTo(want[i] / 255.0, within(1e-6));
        Mats.release(gray, out.image(), f, fo.image());
    }

    @Test
    void claheParameters() {
        assertThat(TransformRegistry.create("CLAHE", Map.of("clip_limit", 6, "tile_grid_size", List.of(4, 2))).toDict())
                .containsEntry("clip_limit", List.of(1L, 6L)).containsEntry("tile_grid_size", List.of(4, 2));
        assertThatThrownBy(() -> new CLAHE(Range.of(1, 4), new int[] {0, 8}, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLAHE").hasMessageContaining("tile_grid_size");
        assertThatThrownBy(() -> new CLAHE(Range.of(-1, 4), new int[] {8, 8}, 1)).hasMessageContaining("clip_limit");
        assertThatThrownBy(() -> TransformRegistry.create("CLAHE", Map.of("tile_grid_size", List.of(1.5, 2)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tile_grid_size");
    }

    @Test
    void toneCurveTableIsTheBezierAndIdentityAtThirds() {
        byte[] id = RandomToneCurve.table(1 / 3.0, 2 / 3.0);
        for (int i = 0; i < 256; i++) assertThat(id[i] & 0xff).as("value %d", i).isEqualTo(i);
        byte[] t = RandomToneCurve.table(0.1, 0.9);
        double x = 100 / 255.0;
        assertThat(t[100] & 0xff).isEqualTo((int) Math.rint((3 * (1 - x) * (1 - x) * x * 0.1 + 3 * (1 - x) * x * x * 0.9 + x * x * x) * 255));
        assertThat(t[0] & 0xff).isEqualTo(0);
        assertThat(t[255] & 0xff).isEqualTo(255);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void toneCurveIsMonotoneOnAPhotoAndPerChannelSamplesOnePerChannel(long seed) {
        Mat image = Images.astronaut();
        RandomToneCurve t = new RandomToneCurve(0.1, true, 1);
        RandomToneCurve.Curve c = t.sampleParams(Sample.of(image), new SplittableRandom(seed));
        assertThat(c.lowY()).hasSize(3);
        for (double v : c.lowY()) assertThat(v).isBetween(0.0, 1.0);
        assertThat(new RandomToneCurve().sampleParams(Sample.of(image), new SplittableRandom(seed)).highY()).hasSize(1);
        Sample out = t.apply(Sample.of(image), c);
        int[] a = u8(image), b = u8(out.image());
        for (int i = 0; i < a.length; i += 41) assertThat(b[i]).isEqualTo(RandomToneCurve.table(c.lowY()[i % 3], c.highY()[i % 3])[a[i]] & 0xff);
        assertThatThrownBy(() -> new RandomToneCurve(2, false, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        Mats.release(image, out.image());
    }
}
