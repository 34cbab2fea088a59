package org.augment4j.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BufferedImage ↔ Mat: exact round trips for each type, RGB order, 16-bit and float images, explicit conversions. */
class BufferedImagesTest {
    private static final int W = 7;
    private static final int H = 5;

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR})
    void rgbTypesGiveRgbMatsAndComeBackExactly(int type) {
        BufferedImage img = randomImage(type, 1);
        try (Mat m = BufferedImages.toMat(img)) {
            assertThat(m.depth()).isEqualTo(CV_8U);
            assertThat(m.channels()).isEqualTo(3);
            assertThat(m.rows()).isEqualTo(H);
            assertThat(m.cols()).isEqualTo(W);
            byte[] px = Mats.toBytes(m);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int o = (y * W + x) * 3;
                    int rgb = img.getRGB(x, y);
                    assertThat(new int[] {px[o] & 0xff, px[o + 1] & 0xff, px[o + 2] & 0xff}).as("pixel %d,%d", x, y)
                            .containsExactly((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
                }
            }
            BufferedImage back = BufferedImages.toBufferedImage(m, type);
            assertThat(back.getType()).isEqualTo(type);
            assertThat(data(back)).isEqualTo(data(img));
            try (Mat again = BufferedImages.toMat(BufferedImages.toBufferedImage(m))) {
                assertThat(Mats.toBytes(again)).isEqualTo(px);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB})
    void alphaTypesGiveRgbaMatsAndComeBackExactly(int type) {
        BufferedImage img = randomImage(type, 2);
        try (Mat m = BufferedImages.toMat(img)) {
            assertThat(m.channels()).isEqualTo(4);
            byte[] px = Mats.toBytes(m);
            for (int i = 0; i < W * H; i++) {
                int argb = img.getRGB(i % W, i / W);
                assertThat(new int[] {px[4 * i] & 0xff, px[4 * i + 1] & 0xff, px[4 * i + 2] & 0xff, px[4 * i + 3] & 0xff})
                        .containsExactly((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, argb >>> 24);
            }
            assertThat(data(BufferedImages.toBufferedImage(m, type))).isEqualTo(data(img));
            assertThat(BufferedImages.toBufferedImage(m).getType()).isEqualTo(BufferedImage.TYPE_4BYTE_ABGR);
        }
    }

    @Test
    void byteGrayIsOneChannelAndExact() {
        BufferedImage img = randomImage(BufferedImage.TYPE_BYTE_GRAY, 3);
        try (Mat m = BufferedImages.toMat(img)) {
            assertThat(m.channels()).isEqualTo(1);
            assertThat(Mats.toBytes(m)).isEqualTo(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
            BufferedImage back = BufferedImages.toBufferedImage(m);
            assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(data(back)).isEqualTo(data(img));
        }
    }

    @Test
    void ushortGrayIsCv16uWithValuesAbove255() {
        BufferedImage img = randomImage(BufferedImage.TYPE_USHORT_GRAY, 4);
        img.getRaster().setSample(0, 0, 0, 65535);
        img.getRaster().setSample(1, 0, 0, 256);
        try (Mat m = BufferedImages.toMat(img)) {
            assertThat(m.depth()).isEqualTo(CV_16U);
            assertThat(m.channels()).isEqualTo(1);
            short[] values = shorts(m);
            assertThat(values[0] & 0xffff).isEqualTo(65535);
            assertThat(values[1] & 0xffff).isEqualTo(256);
            assertThat(values).isEqualTo(((DataBufferUShort) img.getRaster().getDataBuffer()).getData());
            BufferedImage back = BufferedImages.toBufferedImage(m);
            assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_USHORT_GRAY);
            assertThat(data(back)).isEqualTo(data(img));
            try (Mat u8 = ImageDepth.toUint8(m)) {
                assertThat(Mats.toBytes(u8)[0] & 0xff).isEqualTo(255);
                assertThat(Mats.toBytes(u8)[1] & 0xff).as("round(256 / 257)").isEqualTo(1);
            }
        }
    }

    @Test
    void sixteenBitRgbRoundTripsThroughJavaImageIoPng() throws IOException {
        short[] px = new short[W * H * 3];
        Random rnd = new Random(5);
        for (int i = 0; i < px.length; i++) px[i] = (short) rnd.nextInt(65536);
        px[0] = (short) 60000; // pixel 0 is pure 16-bit red
        px[1] = 0;
        px[2] = 0;
        try (Mat m = fromShorts(px, 3)) {
            BufferedImage img = BufferedImages.toBufferedImage(m);
            assertThat(img.getRaster().getTransferType()).isEqualTo(DataBuffer.TYPE_USHORT);
            assertThat(img.getRGB(0, 0)).as("red stays red: 60000 / 65535 * 255 = 233.4").isEqualTo(0xffe90000);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            assertThat(javax.imageio.ImageIO.write(img, "png", png)).isTrue();
            BufferedImage read = javax.imageio.ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
            try (Mat back = BufferedImages.toMat(read)) {
                assertThat(back.depth()).isEqualTo(CV_16U);
                assertThat(back.channels()).isEqualTo(3);
                assertThat(shorts(back)).isEqualTo(px);
            }
            try (Mat decoded = ImageIO.decode(png.toByteArray(), ReadMode.UNCHANGED, "16-bit png")) {
                assertThat(shorts(decoded)).as("OpenCV reads Java's 16-bit PNG in RGB order").isEqualTo(px);
            }
        }
    }

    @Test
    void floatImagesConvertOnlyExplicitly() {
        float[] px = new float[W * H * 3];
        for (int i = 0; i < px.length; i++) px[i] = (i % 11) / 10f;
        px[0] = 1.5f;
        px[1] = -0.25f;
        px[2] = 0.5f;
        try (Mat f = Mats.fromFloats(px, H, W, 3)) {
            assertThatThrownBy(() -> BufferedImages.toBufferedImage(f)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("float32").hasMessageContaining("toUint8BufferedImage").hasMessageContaining("toFloatBufferedImage");
            BufferedImage exact = BufferedImages.toFloatBufferedImage(f);
            assertThat(exact.getRaster().getTransferType()).isEqualTo(DataBuffer.TYPE_FLOAT);
            try (Mat back = BufferedImages.toMat(exact)) {
                assertThat(back.depth()).isEqualTo(CV_32F);
                assertThat(Mats.toFloats(back)).as("not clamped").containsExactly(px);
            }
            BufferedImage eight = BufferedImages.toUint8BufferedImage(f);
            assertThat(eight.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
            int rgb = eight.getRGB(0, 0);
            assertThat(new int[] {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff}).as("clamped, rounded").containsExactly(255, 0, 128);
            try (Mat again = BufferedImages.toFloatMat(eight)) {
                float[] v = Mats.toFloats(again);
                for (int i = 3; i < px.length; i++) assertThat(v[i]).isCloseTo(px[i], org.assertj.core.data.Offset.offset(0.5f / 255 + 1e-6f));
            }
        }
    }

    @Test
    void uint8RoundTripsThroughFloatExactly() {
        BufferedImage img = randomImage(BufferedImage.TYPE_3BYTE_BGR, 6);
        try (Mat f = BufferedImages.toFloatMat(img); Mat u8 = ImageDepth.toUint8(f); Mat direct = BufferedImages.toMat(img)) {
            assertThat(f.depth()).isEqualTo(CV_32F);
            for (float v : Mats.toFloats(f)) assertThat(v).isBetween(0f, 1f);
            assertThat(Mats.toBytes(u8)).isEqualTo(Mats.toBytes(direct));
        }
    }

    @Test
    void otherTypesGoThroughTheColourModel() {
        BufferedImage pre = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        pre.setRGB(0, 0, 0xffff0000);
        pre.setRGB(1, 0, 0x80ff0000);
        try (Mat m = BufferedImages.toMat(pre)) {
            assertThat(m.channels()).isEqualTo(4);
            byte[] px = Mats.toBytes(m);
            assertThat(new int[] {px[0] & 0xff, px[1] & 0xff, px[2] & 0xff, px[3] & 0xff}).containsExactly(255, 0, 0, 255);
            assertThat(px[7] & 0xff).as("alpha").isEqualTo(0x80);
            assertThat(px[4] & 0xff).as("red, premultiplication undone").isEqualTo(255);
        }
        BufferedImage indexed = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.setRGB(2, 1, 0xff0000ff);
        try (Mat m = BufferedImages.toMat(indexed)) {
            assertThat(m.channels()).isEqualTo(3);
            byte[] px = Mats.toBytes(m);
            int o = (W + 2) * 3;
            assertThat(new int[] {px[o] & 0xff, px[o + 1] & 0xff, px[o + 2] & 0xff}).containsExactly(0, 0, 255);
        }
        try (Mat red = Mats.fromBytes(new byte[] {(byte) 255, 0, 0}, 1, 1, 3)) {
            BufferedImage b = BufferedImages.toBufferedImage(red, BufferedImage.TYPE_USHORT_565_RGB);
            assertThat(b.getType()).isEqualTo(BufferedImage.TYPE_USHORT_565_RGB);
            assertThat(b.getRGB(0, 0)).isEqualTo(0xffff0000);
        }
    }

    @Test
    void subImagesAreReadFromTheirOwnWindow() {
        BufferedImage img = randomImage(BufferedImage.TYPE_3BYTE_BGR, 7);
        BufferedImage sub = img.getSubimage(2, 1, 3, 3);
        try (Mat m = BufferedImages.toMat(sub)) {
            assertThat(m.cols()).isEqualTo(3);
            byte[] px = Mats.toBytes(m);
            for (int i = 0; i < 9; i++) {
                int rgb = sub.getRGB(i % 3, i / 3);
                assertThat(new int[] {px[3 * i] & 0xff, px[3 * i + 1] & 0xff, px[3 * i + 2] & 0xff})
                        .containsExactly((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
            }
        }
        BufferedImage ints = randomImage(BufferedImage.TYPE_INT_RGB, 8).getSubimage(1, 1, 4, 2);
        try (Mat m = BufferedImages.toMat(ints)) {
            byte[] px = Mats.toBytes(m);
            int rgb = ints.getRGB(3, 1);
            int o = (4 + 3) * 3;
            assertThat(new int[] {px[o] & 0xff, px[o + 1] & 0xff, px[o + 2] & 0xff}).containsExactly((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
        }
    }

    @Test
    void pureRedStaysRedInEveryColourType() {
        try (Mat red = Mats.fromBytes(new byte[] {(byte) 255, 0, 0}, 1, 1, 3);
             Mat redA = Mats.fromBytes(new byte[] {(byte) 255, 0, 0, (byte) 255}, 1, 1, 4)) {
            for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR}) {
                assertThat(BufferedImages.toBufferedImage(red, type).getRGB(0, 0)).as("type %d", type).isEqualTo(0xffff0000);
            }
            for (int type : new int[] {BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB}) {
                assertThat(BufferedImages.toBufferedImage(redA, type).getRGB(0, 0)).as("type %d", type).isEqualTo(0xffff0000);
            }
        }
    }

    @Test
    void mismatchedTypesAreClearErrors() {
        try (Mat gray = Mats.fromBytes(new byte[4], 2, 2, 1); Mat two = new Mat(2, 2, org.bytedeco.opencv.global.opencv_core.CV_8UC2)) {
            assertThatThrownBy(() -> BufferedImages.toBufferedImage(gray, BufferedImage.TYPE_INT_RGB)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("TYPE_INT_RGB holds 3-channel uint8 images, got 2x2x1 uint8");
            assertThatThrownBy(() -> BufferedImages.toBufferedImage(gray, BufferedImage.TYPE_USHORT_GRAY))
                    .hasMessageContaining("ImageDepth.toUint16(image)");
            assertThatThrownBy(() -> BufferedImages.toBufferedImage(two)).hasMessageContaining("got 2x2x2 uint8");
            assertThatThrownBy(() -> BufferedImages.toBufferedImage(gray, BufferedImage.TYPE_CUSTOM)).hasMessageContaining("TYPE_CUSTOM");
        }
    }

    /** An image of {@code type} with random pixels (alpha too where the type has it). */
    private static BufferedImage randomImage(int type, long seed) {
        BufferedImage img = new BufferedImage(W, H, type);
        Random rnd = new Random(seed);
        var r = img.getRaster();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int b = 0; b < r.getNumBands(); b++) r.setSample(x, y, b, rnd.nextInt(1 << r.getSampleModel().getSampleSize(b)));
            }
        }
        return img;
    }

    private static Object data(BufferedImage img) {
        DataBuffer db = img.getRaster().getDataBuffer();
        if (db instanceof DataBufferByte b) return b.getData();
        if (db instanceof DataBufferUShort s) return s.getData();
        return ((DataBufferInt) db).getData();
    }

    static short[] shorts(Mat m) {
        short[] out = new short[(int) (m.total() * m.channels())];
        ((ShortBuffer) m.createBuffer()).get(out);
        return out;
    }

    static Mat fromShorts(short[] px, int channels) {
        Mat m = new Mat(H, W, org.bytedeco.opencv.global.opencv_core.CV_MAKETYPE(CV_16U, channels));
        ((ShortBuffer) m.createBuffer()).put(px);
        return m;
    }
}
