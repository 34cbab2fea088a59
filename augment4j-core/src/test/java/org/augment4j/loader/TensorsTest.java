package org.augment4j.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.TestData;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.transform.pixel.Normalize;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

/** HWC matrices to channels-first arrays: layout, normalisation arithmetic, destinations, masks, refusals. */
class TensorsTest {
    /** A 2 x 3 x C uint8 image whose value at (y, x, c) is 60·c + 10·y + x: each position readable from its value. */
    private static Mat coded(int channels) {
        byte[] px = new byte[2 * 3 * channels];
        for (int y = 0; y < 2; y++)
            for (int x = 0; x < 3; x++)
                for (int c = 0; c < channels; c++) px[(y * 3 + x) * channels + c] = (byte) (60 * c + 10 * y + x);
        return Mats.fromBytes(px, 2, 3, channels);
    }

    @Test
    void chwPutsChannelThenRowThenColumn() {
        try (Mat img = coded(3)) {
            float[] t = Tensors.chw(img);
            assertThat(t).containsExactly(
                    0, 1, 2, 10, 11, 12,          // channel 0, rows 0 and 1
                    60, 61, 62, 70, 71, 72,       // channel 1
                    120, 121, 122, 130, 131, 132  // channel 2
            );
        }
    }

    @Test
    void everyChannelCountAndFloatInputKeepTheLayout() {
        for (int channels : new int[] {1, 3, 4}) {
            try (Mat img = coded(channels); Mat f = new Mat()) {
                img.convertTo(f, opencv_core.CV_32F, 0.5, 0);
                float[] u8 = Tensors.chw(img), f32 = Tensors.chw(f);
                assertThat(u8).hasSize(channels * 6);
                for (int c = 0; c < channels; c++)
                    for (int y = 0; y < 2; y++)
                        for (int x = 0; x < 3; x++) {
                            int at = (c * 2 + y) * 3 + x;
                            assertThat(u8[at]).as("c=%d y=%d x=%d", c, y, x).isEqualTo(60f * c + 10 * y + x);
                            assertThat(f32[at]).isEqualTo((60f * c + 10 * y + x) * 0.5f);
                        }
            }
        }
    }

    @Test
    void aRegionOfInterestIsReadAsItsOwnImage() {
        try (Mat img = coded(3); Rect r = new Rect(1, 0, 2, 2); Mat roi = new Mat(img, r)) {
            assertThat(roi.isContinuous()).isFalse();
            assertThat(Tensors.chw(roi)).containsExactly(1, 2, 11, 12, 61, 62, 71, 72, 121, 122, 131, 132);
        }
    }

    @Test
    void normalisationIsValueOverMaxMinusMeanOverStd() {
        Normalization n = Normalization.of(new double[] {0.5, 0.25, 0.0}, new double[] {0.5, 0.25, 2.0});
        try (Mat img = coded(3)) {
            float[] t = Tensors.chw(img, n);
            float[] raw = Tensors.chw(img);
            double[] mean = {0.5, 0.25, 0.0}, std = {0.5, 0.25, 2.0};
            for (int i = 0; i < t.length; i++) {
                int c = i / 6;
                assertThat((double) t[i]).isCloseTo((raw[i] / 255.0 - mean[c]) / std[c], org.assertj.core.data.Offset.offset(1e-6));
            }
            assertThat(t[0]).isEqualTo(-1f);          // (0/255 - 0.5) / 0.5
            assertThat(t[6]).isEqualTo(((60f - 0.25f * 255f) * (1f / (0.25f * 255f))));
        }
        try (Mat img = coded(1); Mat f = new Mat()) {
            img.convertTo(f, opencv_core.CV_32F, 1 / 255.0, 0);
            float[] t = Tensors.chw(f, Normalization.of(new double[] {0.5}, new double[] {0.5}).withMaxPixelValue(1));
            assertThat((double) t[5]).isCloseTo((12 / 255.0 - 0.5) / 0.5, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void normalisingHereEqualsTheNormalizeTransformBitForBit() {
        try (Mat photo = ImageIO.readRgb(TestData.data("photos/chelsea.png"))) {
            float[] direct = Tensors.chw(photo, Normalization.IMAGENET);
            try (Sample in = Sample.of(photo.clone()); Sample s = new Normalize().apply(in, Seeds.generator(0))) {
                assertThat(Mats.isFloat(s.image())).isTrue();
                assertThat(Tensors.chw(s.image())).isEqualTo(direct);
            }
            try (Mat f = new Mat()) {
                photo.convertTo(f, opencv_core.CV_32F, 1 / 255.0, 0);
                Normalization unit = Normalization.IMAGENET.withMaxPixelValue(1);
                Normalize onFloats = new Normalize(unit.mean(), unit.std(), 1.0, "standard", 1.0);
                try (Sample in = Sample.of(f.clone()); Sample s = onFloats.apply(in, Seeds.generator(0))) {
                    assertThat(Tensors.chw(s.image())).isEqualTo(Tensors.chw(f, unit));
                }
            }
        }
    }

    @Test
    void writesAtAnOffsetAndLeavesTheRestAlone() {
        try (Mat img = coded(3)) {
            float[] dst = new float[25];
            Arrays.fill(dst, -7f);
            assertThat(Tensors.writeChw(img, dst, 4, null)).isEqualTo(18);
            assertThat(Arrays.copyOfRange(dst, 4, 22)).isEqualTo(Tensors.chw(img));
            assertThat(Arrays.copyOfRange(dst, 0, 4)).containsOnly(-7f);
            assertThat(Arrays.copyOfRange(dst, 22, 25)).containsOnly(-7f);
            assertThatThrownBy(() -> Tensors.writeChw(img, dst, 8, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 25").hasMessageContaining("offset 8");
            assertThatThrownBy(() -> Tensors.writeChw(img, dst, -1, null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void writesIntoHeapAndDirectBuffersAtTheirPosition() {
        try (Mat img = coded(3)) {
            float[] want = Tensors.chw(img, Normalization.IMAGENET);
            FloatBuffer heap = FloatBuffer.allocate(40);
            FloatBuffer direct = ByteBuffer.allocateDirect(40 * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
            for (FloatBuffer b : new FloatBuffer[] {heap, direct}) {
                b.position(3);
                assertThat(Tensors.writeChw(img, b, Normalization.IMAGENET)).isEqualTo(18);
                assertThat(b.position()).isEqualTo(21);
                assertThat(Tensors.writeChw(img, b, Normalization.IMAGENET)).isEqualTo(18);
                assertThat(b.position()).isEqualTo(39);
                float[] got = new float[18];
                b.get(3, got);
                assertThat(got).isEqualTo(want);
                b.get(21, got);
                assertThat(got).isEqualTo(want);
                assertThat(b.get(0)).isZero();
                assertThatThrownBy(() -> Tensors.writeChw(img, b, null))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 floats remaining, 18 needed");
                assertThat(b.position()).isEqualTo(39);
            }
            assertThatThrownBy(() -> Tensors.writeChw(img, FloatBuffer.allocate(18).asReadOnlyBuffer(), null)).isInstanceOf(ReadOnlyBufferException.class);
        }
    }

    @Test
    void masksBecomeRowOrderIntsAndLongsChannelsFirst() {
        try (Mat one = coded(1); Mat two = coded(2); Mat wide = new Mat()) {
            one.convertTo(wide, opencv_core.CV_32S, 1000, -5);
            assertThat(Tensors.maskInts(one)).containsExactly(0, 1, 2, 10, 11, 12);
            assertThat(Tensors.maskLongs(wide)).containsExactly(-5, 995, 1995, 9995, 10995, 11995);
            assertThat(Tensors.maskInts(two)).containsExactly(0, 1, 2, 10, 11, 12, 60, 61, 62, 70, 71, 72);
            long[] dst = new long[9];
            Arrays.fill(dst, 42);
            assertThat(Tensors.writeMask(one, dst, 2)).isEqualTo(6);
            assertThat(dst).containsExactly(42, 42, 0, 1, 2, 10, 11, 12, 42);
        }
    }

    @Test
    void refusesWhatItCannotConvertNamingIt() {
        try (Mat d64 = new Mat(2, 2, opencv_core.CV_64FC1); Mat f = new Mat(2, 2, opencv_core.CV_32FC1); Mat empty = new Mat(); Mat img = coded(3)) {
            assertThatThrownBy(() -> Tensors.chw(d64)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uint8 or float32");
            assertThatThrownBy(() -> Tensors.chw(empty)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
            assertThatThrownBy(() -> Tensors.maskInts(f)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integer type");
            Normalization two = Normalization.of(new double[] {0.5, 0.5}, new double[] {0.2, 0.2});
            assertThatThrownBy(() -> Tensors.chw(img, two)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mean holds 2 values").hasMessageContaining("3 channels");
        }
        assertThatThrownBy(() -> Normalization.of(new double[] {0.5}, new double[] {0})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("std");
        assertThatThrownBy(() -> Normalization.IMAGENET.withMaxPixelValue(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPixelValue");
    }
}
