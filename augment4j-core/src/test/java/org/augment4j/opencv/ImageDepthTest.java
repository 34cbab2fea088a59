package org.augment4j.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;

import java.nio.ShortBuffer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The explicit depth conversions: ranges, rounding, clamping and exact round trips. */
class ImageDepthTest {

    @Test
    void everyUint8ValueRoundTripsThroughUint16AndFloat() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        try (Mat u8 = Mats.fromBytes(all, 16, 16, 1); Mat u16 = ImageDepth.toUint16(u8); Mat f = ImageDepth.toFloat32(u8);
             Mat fromU16 = ImageDepth.toUint8(u16); Mat fromF = ImageDepth.toUint8(f)) {
            assertThat(u16.depth()).isEqualTo(CV_16U);
            assertThat(BufferedImagesTest.shorts(u16)[255] & 0xffff).as("255 * 257").isEqualTo(65535);
            assertThat(Mats.toFloats(f)[255]).isEqualTo(1f);
            assertThat(Mats.toFloats(f)[51]).isCloseTo(0.2f, org.assertj.core.data.Offset.offset(1e-7f));
            assertThat(Mats.toBytes(fromU16)).containsExactly(all);
            assertThat(Mats.toBytes(fromF)).containsExactly(all);
        }
    }

    @Test
    void everyUint16ValueRoundTripsThroughFloat() {
        short[] all = new short[65536];
        for (int i = 0; i < all.length; i++) all[i] = (short) i;
        try (Mat u16 = new Mat(256, 256, CV_16U)) {
            ((ShortBuffer) u16.createBuffer()).put(all);
            try (Mat f = ImageDepth.toFloat32(u16); Mat back = ImageDepth.toUint16(f)) {
                assertThat(f.depth()).isEqualTo(CV_32F);
                assertThat(Mats.toFloats(f)[65535]).isEqualTo(1f);
                assertThat(BufferedImagesTest.shorts(back)).containsExactly(all);
            }
        }
    }

    @Test
    void floatIsRoundedAndClampedAndNanBecomesZero() {
        float[] v = {-1f, 0f, 0.5f, 1f, 2f, Float.NaN, 0.25f, 1e-4f};
        try (Mat f = Mats.fromFloats(v, 1, 8, 1); Mat u8 = ImageDepth.toUint8(f); Mat u16 = ImageDepth.toUint16(f)) {
            byte[] b = Mats.toBytes(u8);
            int[] got = new int[b.length];
            for (int i = 0; i < b.length; i++) got[i] = b[i] & 0xff;
            assertThat(got).containsExactly(0, 0, 128, 255, 255, 0, 64, 0);
            short[] s = BufferedImagesTest.shorts(u16);
            assertThat(s[4] & 0xffff).isEqualTo(65535);
            assertThat(s[2] & 0xffff).isEqualTo(32768);
            assertThat(Mats.toFloats(f)[5]).as("the argument is untouched").isNaN();
        }
    }

    @Test
    void otherDepthsAreRefusedByName() {
        try (Mat d = new Mat(2, 3, CV_64F)) {
            assertThatThrownBy(() -> ImageDepth.toUint8(d)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("toUint8 takes a uint8, uint16 or float32 image, got 2x3x1 float64");
        }
    }
}
