package org.augment4j.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.augment4j.TestData;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Images in and out: files, BufferedImage, arrays and .npy, keeping RGB order, channels and values. */
class ImageConversionTest {

    @Test
    void filesAreReadAsRgb() {
        try (Mat m = ImageIO.readImage(TestData.data("photos/astronaut.png"))) {
            assertThat(m.channels()).isEqualTo(3);
            BufferedImage ref = readWithJava(TestData.data("photos/astronaut.png"));
            int rgb = ref.getRGB(100, 50);
            byte[] px = Mats.toBytes(m);
            int o = (50 * m.cols() + 100) * 3;
            assertThat(px[o] & 0xff).as("red").isEqualTo((rgb >> 16) & 0xff);
            assertThat(px[o + 1] & 0xff).as("green").isEqualTo((rgb >> 8) & 0xff);
            assertThat(px[o + 2] & 0xff).as("blue").isEqualTo(rgb & 0xff);
        }
    }

    private static BufferedImage readWithJava(Path p) {
        try {
            return javax.imageio.ImageIO.read(p.toFile());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"photos/camera.png", "photos/horse.png", "photos/coffee.png"})
    void channelsAreKeptAsStoredAndRoundTripThroughFilesAndBufferedImage(String file, @TempDir Path dir) {
        try (Mat m = ImageIO.readImage(TestData.data(file))) {
            int expected = file.contains("camera") ? 1 : file.contains("horse") ? 4 : 3;
            assertThat(m.channels()).isEqualTo(expected);
            try (Mat back = Mats.fromBufferedImage(Mats.toBufferedImage(m))) {
                assertThat(back.channels()).isEqualTo(expected);
                assertThat(Mats.toBytes(back)).isEqualTo(Mats.toBytes(m));
            }
            Path out = dir.resolve("x.png");
            ImageIO.write(out, m);
            try (Mat again = ImageIO.readImage(out)) {
                assertThat(Mats.toBytes(again)).isEqualTo(Mats.toBytes(m));
            }
        }
    }

    @Test
    void arraysAndNpyRoundTrip(@TempDir Path dir) {
        float[] data = new float[4 * 3 * 3];
        for (int i = 0; i < data.length; i++) data[i] = i / 40f;
        try (Mat f = Mats.fromFloats(data, 4, 3, 3)) {
            assertThat(Mats.isFloat(f)).isTrue();
            assertThat(Mats.toFloats(f)).containsExactly(data);
            Npy.write(dir.resolve("a.npy"), f);
            try (Mat back = Npy.read(dir.resolve("a.npy"))) {
                assertThat(back.rows()).isEqualTo(4);
                assertThat(back.cols()).isEqualTo(3);
                assertThat(Mats.toFloats(back)).containsExactly(data);
            }
        }
        byte[] bytes = {1, 2, 3, 4, 5, 6};
        try (Mat b = Mats.fromBytes(bytes, 1, 2, 3)) {
            assertThat(Mats.toBytes(b)).containsExactly(bytes);
        }
    }

    @Test
    void badShapesAndFilesAreClearErrors(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Mats.fromBytes(new byte[5], 2, 2, 1)).hasMessageContaining("5 values, expected height*width*channels = 4");
        assertThatThrownBy(() -> ImageIO.readImage(dir.resolve("missing.png"))).hasMessageContaining("image file not found");
        Path junk = dir.resolve("junk.png");
        Files.write(junk, new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> ImageIO.readImage(junk)).hasMessageContaining("not a readable image");
    }
}
