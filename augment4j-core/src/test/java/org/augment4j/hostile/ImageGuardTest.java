package org.augment4j.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.augment4j.TestData;
import org.augment4j.opencv.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F3 and F4 of docs/reliability.md: truncated JPEGs and decompression bombs are refused before OpenCV decodes them,
 * while complete photos (with EXIF thumbnails, progressive or not) still read.
 */
class ImageGuardTest {
    @TempDir
    Path tmp;

    @Test
    void truncatedJpegIsRefusedNotGrayFilled() throws IOException {
        byte[] jpg = Files.readAllBytes(TestData.data("photos/rocket.jpg"));
        for (double f : new double[] {0.3, 0.6, 0.99}) {
            Path p = tmp.resolve("cut" + f + ".jpg");
            Files.write(p, Arrays.copyOf(jpg, (int) (jpg.length * f)));
            assertThatThrownBy(() -> ImageIO.readImage(p)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("truncated JPEG");
        }
    }

    @Test
    void completeJpegsStillRead() throws IOException {
        try (var files = Files.walk(TestData.data())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jpg")).toList()) {
                try (Mat m = ImageIO.readImage(p)) {
                    assertThat(m.cols()).as(p.toString()).isPositive();
                }
            }
        }
    }

    @Test
    void pixelLimitIsCheckedFromTheHeader() throws IOException {
        Path png = tmp.resolve("bomb.png");
        Files.write(png, HostileInputTest.pngHeader(100_000, 100_000));
        assertThatThrownBy(() -> ImageIO.readImage(png)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("more than the limit of " + ImageIO.DEFAULT_MAX_PIXELS);
        Path jpg = tmp.resolve("bomb.jpg");
        Files.write(jpg, HostileInputTest.jpegHeader(60_000, 60_000));
        assertThatThrownBy(() -> ImageIO.readMask(jpg)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("60000x60000");
    }

    @Test
    void encodedBytesGetTheSameChecksAsFiles() throws IOException {
        assertThatThrownBy(() -> ImageIO.decode(HostileInputTest.pngHeader(100_000, 100_000), org.augment4j.opencv.ReadMode.AS_STORED, "row 7"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("row 7").hasMessageContaining("more than the limit of " + ImageIO.DEFAULT_MAX_PIXELS);
        byte[] jpg = Files.readAllBytes(TestData.data("photos/rocket.jpg"));
        assertThatThrownBy(() -> ImageIO.decode(Arrays.copyOf(jpg, jpg.length / 2), org.augment4j.opencv.ReadMode.AS_STORED, "row 8"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("truncated JPEG");
        assertThatThrownBy(() -> ImageIO.decode(new byte[] {1, 2, 3}, org.augment4j.opencv.ReadMode.AS_STORED, "row 9"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("not a readable image");
        try (Mat m = ImageIO.decode(jpg, org.augment4j.opencv.ReadMode.AS_STORED, "row 10");
             Mat fromFile = ImageIO.readImage(TestData.data("photos/rocket.jpg"))) {
            assertThat(m.cols()).isEqualTo(fromFile.cols());
            assertThat(m.rows()).isEqualTo(fromFile.rows());
        }
    }
}
