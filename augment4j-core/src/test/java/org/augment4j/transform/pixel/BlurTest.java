package org.augment4j.transform.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.Range;
import org.augment4j.transform.blur.Blur;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlurTest {

    @ParameterizedTest(name = "blur_limit [{0}, {1}] -> {2}")
    @CsvSource({"3, 7, 3 5 7", "3, 3, 3", "4, 8, 5 7 9", "5, 6, 5 7", "7, 7, 7", "9, 13, 9 11 13"})
    void samplesOddKernelSizesUniformly(int lo, int hi, String expected) {
        Blur t = new Blur(Range.of(lo, hi), 1);
        Sample s = Sample.of(Images.constant(4, 4, 1, 0));
        TreeSet<Integer> seen = new TreeSet<>();
        int[] counts = new int[64];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 3000; i++) {
            int k = t.sampleParams(s, rng).ksize();
            seen.add(k);
            counts[k]++;
        }
        List<Integer> want = java.util.Arrays.stream(expected.split(" ")).map(Integer::valueOf).toList();
        assertThat(seen).containsExactlyElementsOf(want);
        for (int k : want) assertThat(counts[k]).as("k=%d", k).isBetween(3000 / want.size() - 200, 3000 / want.size() + 200);
        Mats.release(s.image());
    }

    @Test
    void constantImagesStayConstant() {
        for (Mat image : new Mat[] {Images.constant(40, 30, 3, 77), Images.toFloat(Images.constant(40, 30, 1, 77))}) {
            Sample out = new Blur().apply(Sample.of(image), new Blur.Kernel(7));
            double[] v = Images.values(out.image());
            double first = v[0];
            assertThat(java.util.Arrays.stream(v).map(x -> Math.abs(x - first)).max().orElseThrow()).isLessThan(1e-6);
            assertThat(first).isCloseTo(Mats.isFloat(image) ? 77 / 255.0 : 77, within(1e-6));
            Mats.release(out.image(), image);
        }
    }

    @Test
    void interiorPixelIsTheRoundedBoxMeanAndThePhotoGetsSmoother() {
        Mat image = Images.astronaut();
        Sample out = new Blur().apply(Sample.of(image), new Blur.Kernel(5));
        int[] a = Images.u8(image), b = Images.u8(out.image());
        int w = image.cols();
        for (int[] rc : new int[][] {{100, 100}, {250, 300}, {400, 37}}) {
            for (int c = 0; c < 3; c++) {
                int sum = 0;
                for (int dy = -2; dy <= 2; dy++) for (int dx = -2; dx <= 2; dx++) sum += a[((rc[0] + dy) * w + rc[1] + dx) * 3 + c];
                assertThat(b[(rc[0] * w + rc[1]) * 3 + c]).isCloseTo((int) Math.round(sum / 25.0), within(1));
            }
        }
        assertThat(neighbourDifference(b, w)).isLessThan(neighbourDifference(a, w) * 0.7);
        assertThat(Images.channelMean(Images.values(out.image()), 3, 0)).isCloseTo(Images.channelMean(Images.values(image), 3, 0), within(1.0));
        Mats.release(out.image(), image);
    }

    private static double neighbourDifference(int[] v, int w) {
        double s = 0;
        for (int i = 3; i < v.length; i++) if ((i / 3) % w != 0) s += Math.abs(v[i] - v[i - 3]);
        return s;
    }

    @Test
    void readsScalarLimitAsThreeToX() {
        Blur t = (Blur) TransformRegistry.create("Blur", Map.of("blur_limit", 11));
        assertThat(t.toDict()).containsEntry("blur_limit", List.of(3L, 11L)).containsEntry("p", 0.5);
        assertThat(new Blur().toDict()).containsEntry("blur_limit", List.of(3L, 7L));
    }

    @Test
    void badLimitsNameTheParameter() {
        assertThatThrownBy(() -> new Blur(Range.of(1, 7), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Blur").hasMessageContaining("blur_limit").hasMessageContaining(">= 3");
        assertThatThrownBy(() -> new Blur(Range.of(9, 5), 1)).hasMessageContaining("blur_limit");
        assertThatThrownBy(() -> new Blur(Range.of(3, 5.5), 1)).hasMessageContaining("blur_limit");
        assertThatThrownBy(() -> TransformRegistry.create("Blur", Map.of("blur_limit", 2))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blur_limit");
    }
}
