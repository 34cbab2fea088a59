package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BenchScaling}: reading per-size bench CSVs, the µs/MP ratio and its verdict, the table and the plot. */
class BenchScalingTest {
    @TempDir
    Path tmp;

    private Map<String, TreeMap<Integer, Double>> rates() throws Exception {
        // Blur: 4x the pixels at 4x the time (ratio 1); Rotate: 16x the pixels at 32x the time (ratio 2);
        // CenterCrop: the same time at every size (a fixed-size crop)
        Files.writeString(tmp.resolve("bench-512.csv"), "transform,images_per_sec\nBlur,1000.00\nRotate,800.00\nCenterCrop,50000.00\n");
        Files.writeString(tmp.resolve("bench-1024.csv"), "transform,images_per_sec\nBlur,250.00\nRotate,100.00\nCenterCrop,50000.00\n");
        Files.writeString(tmp.resolve("bench-2048.csv"), "transform,images_per_sec,reference,ratio\nBlur,62.50,,\nRotate,25.00,,\nCenterCrop,50000.00,,\n");
        Files.writeString(tmp.resolve("notes.csv"), "ignored");
        return BenchScaling.read(BenchScaling.csvFiles(tmp));
    }

    @Test
    void ratiosCompareMicrosPerMegapixelAtTheLargestSizeWithThatAt512() throws Exception {
        Map<String, TreeMap<Integer, Double>> r = rates();
        assertThat(r.keySet()).containsExactly("Blur", "Rotate", "CenterCrop");
        assertThat(r.get("Blur").keySet()).containsExactly(512, 1024, 2048);
        assertThat(BenchScaling.ratio(r.get("Blur"))).isCloseTo(1.0, within(1e-9));
        assertThat(BenchScaling.ratio(r.get("Rotate"))).isCloseTo(2.0, within(1e-9));
        assertThat(BenchScaling.microsPerMegapixel(1000, 1000)).isCloseTo(1000, within(1e-9));
        assertThat(BenchScaling.verdict("Blur", 1.0)).isEqualTo("ok");
        assertThat(BenchScaling.verdict("Rotate", 2.0)).contains("above 1.3");
        assertThat(BenchScaling.verdict("CenterCrop", 1 / 16.0)).startsWith("fixed output");
    }

    @Test
    void theTableHasOneLinePerRowWithTimesPerImageAndPerMegapixel() throws Exception {
        List<String> lines = BenchScaling.table(rates()).lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("µs/img 512", "µs/img 2048", "µs/MP 512", "µs/MP 2048 ÷ 512");
        // Rotate at 2048: 40000 µs per image, 9537 µs per MP (4.19 MP); at 512: 1250 µs, 4768 µs/MP
        assertThat(lines.get(3)).startsWith("| Rotate | geometric warps |").contains("| 1250 |", "| 40000 |", "| 4768 |", "| 9537 |", "| 2.00 |", "above 1.3");
    }

    @Test
    void familyMeansAreGeometricMeansAndThePlotIsDrawn() throws Exception {
        Map<String, TreeMap<Integer, Double>> fam = BenchScaling.familyMeans(rates());
        assertThat(fam.keySet()).containsExactly("crops & resize", "geometric warps", "blurs");
        assertThat(fam.get("blurs").get(512)).isCloseTo(1000.0, within(1e-6));
        Path png = tmp.resolve("plot.png");
        try (Mat img = BenchScaling.plot(fam, 900, 560)) {
            ImageIO.write(png, img);
        }
        try (Mat back = ImageIO.readRgb(png)) {
            assertThat(new int[] {back.cols(), back.rows()}).containsExactly(900, 560);
            byte[] px = Mats.toBytes(back);
            long coloured = 0;
            for (int i = 0; i < px.length; i += 3) {
                int r = px[i] & 0xff, g = px[i + 1] & 0xff, b = px[i + 2] & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) coloured++;
            }
            assertThat(coloured).as("pixels of the family lines").isGreaterThan(500);
        }
    }

    @Test
    void aFileThatIsNotABenchCsvIsRejected() throws Exception {
        Files.writeString(tmp.resolve("bench-256.csv"), "name,value\nx,1\n");
        assertThatThrownBy(() -> BenchScaling.read(BenchScaling.csvFiles(tmp))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bench-256.csv");
    }
}
