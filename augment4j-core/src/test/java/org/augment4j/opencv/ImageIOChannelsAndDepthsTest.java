package org.augment4j.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.augment4j.TestData;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ImageIO in RGB order on every path (bytes, files, BufferedImage), its depth rules for writing, and 16-bit files. */
class ImageIOChannelsAndDepthsTest {
    @TempDir
    Path dir;

    @Test
    void decodedBytesAreRgbLikeFiles() throws IOException {
        byte[] png = javaPng(0xffff0000, BufferedImage.TYPE_INT_RGB);
        try (Mat m = ImageIO.decode(png, ReadMode.AS_STORED, "red png")) {
            assertThat(m.channels()).isEqualTo(3);
            assertThat(pixel(m, 0)).as("red first, not BGR").containsExactly(255, 0, 0);
        }
        try (Mat m = ImageIO.decode(javaPng(0x80ff0000, BufferedImage.TYPE_INT_ARGB), ReadMode.AS_STORED, "half-transparent red")) {
            assertThat(pixel(m, 0)).containsExactly(255, 0, 0, 0x80);
        }
        try (Mat m = ImageIO.decode(javaPng(0x80ff0000, BufferedImage.TYPE_INT_ARGB), ReadMode.RGB, "rgb")) {
            assertThat(pixel(m, 0)).as("alpha dropped").containsExactly(255, 0, 0);
        }
        try (Mat m = ImageIO.decode(png, ReadMode.GRAY, "gray")) {
            assertThat(pixel(m, 0)).as("luma 0.299 * 255").containsExactly(76);
        }
        Path file = TestData.data("photos/astronaut.png");
        try (Mat fromBytes = ImageIO.decode(Files.readAllBytes(file), ReadMode.AS_STORED, "astronaut"); Mat fromFile = ImageIO.readImage(file)) {
            assertThat(Mats.toBytes(fromBytes)).isEqualTo(Mats.toBytes(fromFile));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tif", "jpg"})
    void pureRedStaysRedThroughWriteReadAndBufferedImage(String ext) throws IOException {
        byte[] red = new byte[4 * 4 * 3];
        for (int i = 0; i < red.length; i += 3) red[i] = (byte) 255;
        Path file = dir.resolve("red." + ext);
        try (Mat m = Mats.fromBytes(red, 4, 4, 3)) {
            ImageIO.write(file, m);
        }
        int tolerance = ext.equals("jpg") ? 2 : 0;
        BufferedImage java = javax.imageio.ImageIO.read(file.toFile());
        assertThat(java).as("javax.imageio reads ." + ext).isNotNull();
        int rgb = java.getRGB(1, 1);
        assertThat((rgb >> 16) & 0xff).as("red read by javax.imageio").isGreaterThanOrEqualTo(255 - tolerance);
        assertThat(rgb & 0xff).as("blue read by javax.imageio").isLessThanOrEqualTo(tolerance);
        try (Mat back = ImageIO.readImage(file); Mat viaJava = BufferedImages.toMat(BufferedImages.toBufferedImage(back))) {
            int[] p = pixel(back, 5);
            assertThat(p[0]).isGreaterThanOrEqualTo(255 - tolerance);
            assertThat(p[2]).isLessThanOrEqualTo(tolerance);
            assertThat(Mats.toBytes(viaJava)).isEqualTo(Mats.toBytes(back));
        }
    }

    @Test
    void writingFloatIsAClearErrorNamingFileTypeAndFix() {
        Path file = dir.resolve("out.png");
        try (Mat f = Mats.fromFloats(new float[2 * 3 * 3], 2, 3, 3)) {
            assertThatThrownBy(() -> ImageIO.write(file, f)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("2x3x3 float32")
                    .hasMessageContaining("ImageDepth.toUint8(image)").hasMessageContaining("FromFloat");
        }
        assertThat(file).doesNotExist();
        try (Mat u16 = new Mat(2, 2, CV_16U); Mat two = new Mat(2, 2, org.bytedeco.opencv.global.opencv_core.CV_8UC2)) {
            assertThatThrownBy(() -> ImageIO.write(dir.resolve("a.jpg"), u16)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a.jpg").hasMessageContaining("uint16").hasMessageContaining(".png");
            assertThatThrownBy(() -> ImageIO.write(dir.resolve("b.png"), two)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 channels");
        }
        try (Mat u8 = new Mat(2, 2, CV_8U)) {
            assertThatThrownBy(() -> ImageIO.write(dir.resolve("c.nosuchformat"), u8)).isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("c.nosuchformat");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "tif"})
    void sixteenBitGrayRoundTripsExactlyWhenReadUnchanged(String ext) {
        int[] values = {0, 1, 255, 256, 257, 1000, 32768, 40000, 65534, 65535, 12345, 999};
        short[] px = new short[values.length];
        for (int i = 0; i < px.length; i++) px[i] = (short) values[i];
        Path file = dir.resolve("depth16." + ext);
        try (Mat m = new Mat(3, 4, CV_16U)) {
            ((java.nio.ShortBuffer) m.createBuffer()).put(px);
            ImageIO.write(file, m);
        }
        try (Mat back = ImageIO.readUnchanged(file)) {
            assertThat(back.depth()).isEqualTo(CV_16U);
            assertThat(back.channels()).isEqualTo(1);
            assertThat(BufferedImagesTest.shorts(back)).containsExactly(px);
        }
        try (Mat u8 = ImageIO.readImage(file); Mat rgb = ImageIO.readRgb(file)) {
            assertThat(u8.depth()).as("the pipeline default stays uint8").isEqualTo(CV_8U);
            assertThat(u8.channels()).isEqualTo(1);
            byte[] b = Mats.toBytes(u8);
            for (int i = 0; i < values.length; i++) assertThat(b[i] & 0xff).as("round(%d / 257)", values[i]).isEqualTo((int) Math.round(values[i] / 257.0));
            assertThat(rgb.channels()).isEqualTo(3);
            assertThat(pixel(rgb, 9)).containsExactly(255, 255, 255);
        }
        try (Mat mask = ImageIO.readMask(file)) {
            assertThat(mask.depth()).isEqualTo(CV_8U);
            assertThat(Mats.toBytes(mask)[9] & 0xff).isEqualTo(255);
        }
    }

    @Test
    void sixteenBitRgbKeepsChannelOrderThroughPng() throws IOException {
        short[] px = {(short) 60000, 300, 7, (short) 65535, 0, 256};
        Path file = dir.resolve("rgb16.png");
        try (Mat m = new Mat(1, 2, org.bytedeco.opencv.global.opencv_core.CV_16UC3)) {
            ((java.nio.ShortBuffer) m.createBuffer()).put(px);
            ImageIO.write(file, m);
        }
        try (Mat back = ImageIO.readUnchanged(file)) {
            assertThat(back.channels()).isEqualTo(3);
            assertThat(BufferedImagesTest.shorts(back)).containsExactly(px);
        }
        try (Mat viaJava = BufferedImages.toMat(javax.imageio.ImageIO.read(file.toFile()))) {
            assertThat(BufferedImagesTest.shorts(viaJava)).as("an independent decoder sees red first").containsExactly(px);
        }
        try (Mat bytes = ImageIO.decode(Files.readAllBytes(file), ReadMode.UNCHANGED, "rgb16")) {
            assertThat(BufferedImagesTest.shorts(bytes)).containsExactly(px);
        }
    }

    private static byte[] javaPng(int argb, int type) throws IOException {
        BufferedImage img = new BufferedImage(3, 2, type);
        for (int y = 0; y < 2; y++) for (int x = 0; x < 3; x++) img.setRGB(x, y, argb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(javax.imageio.ImageIO.write(img, "png", out)).isTrue();
        return out.toByteArray();
    }

    private static int[] pixel(Mat m, int index) {
        byte[] px = Mats.toBytes(m);
        int c = m.channels();
        int[] out = new int[c];
        for (int b = 0; b < c; b++) out[b] = px[index * c + b] & 0xff;
        return out;
    }
}
