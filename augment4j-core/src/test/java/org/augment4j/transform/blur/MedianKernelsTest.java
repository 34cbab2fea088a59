package org.augment4j.transform.blur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC2;
import static org.bytedeco.opencv.global.opencv_imgproc.medianBlur;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.augment4j.Sample;
import org.augment4j.TestData;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.transform.Range;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The network median equals OpenCV's {@code medianBlur(.., 7)} byte for byte, and frees what it allocates. */
class MedianKernelsTest {

    private static Mat random(int rows, int cols, int channels, int levels, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] b = new byte[rows * cols * channels];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (levels == 256 ? rng.nextInt(256) : 255 * rng.nextInt(levels) / (levels - 1));
        return Mats.fromBytes(b, rows, cols, channels);
    }

    private static void assertSameAsOpenCv(Mat src, String what) {
        try (Mat expected = new Mat(); Mat got = MedianKernels.median7(src)) {
            medianBlur(src, expected, 7);
            assertThat(got.type()).as(what).isEqualTo(src.type());
            assertThat(got.rows()).as(what).isEqualTo(src.rows());
            assertThat(got.cols()).as(what).isEqualTo(src.cols());
            assertThat(Mats.toBytes(got)).as(what).isEqualTo(Mats.toBytes(expected));
        }
    }

    static Stream<Arguments> shapes() {
        int[][] sizes = {{1, 1}, {1, 9}, {9, 1}, {2, 2}, {7, 7}, {8, 13}, {64, 47}, {512, 512}, {37, 70}, {4, 1}, {1, 4}, {65, 33}};
        return Stream.of(sizes).flatMap(s -> Stream.of(1, 3, 4).map(cn -> Arguments.of(s[0], s[1], cn)));
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void equalsOpenCvOnRandomImages(int rows, int cols, int channels) {
        for (int levels : new int[] {256, 2, 3}) { // full range, two-valued, three-valued (many ties)
            try (Mat src = random(rows, cols, channels, levels, 31L * rows + 7L * cols + channels + levels)) {
                assertSameAsOpenCv(src, rows + "x" + cols + "x" + channels + " with " + levels + " levels");
            }
        }
    }

    @ParameterizedTest(name = "strips of {0} rows")
    @ValueSource(ints = {4, 8, 12, 20, 64})
    void theStripHeightDoesNotChangeTheResult(int strip) {
        try (Mat src = random(53, 41, 3, 256, strip); Mat expected = new Mat(); Mat got = MedianKernels.median7(src, strip)) {
            medianBlur(src, expected, 7);
            assertThat(Mats.toBytes(got)).isEqualTo(Mats.toBytes(expected));
        }
        try (Mat empty = new Mat()) {
            assertThatThrownBy(() -> MedianKernels.median7(empty, 6)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 6");
        }
    }

    @Test
    void equalsOpenCvOnFlatAndStripedImages() {
        byte[] constant = new byte[40 * 30 * 3];
        for (int i = 0; i < constant.length; i++) constant[i] = (byte) (i % 3 == 0 ? 17 : i % 3 == 1 ? 200 : 0);
        try (Mat flat = Mats.fromBytes(constant, 40, 30, 3)) {
            assertSameAsOpenCv(flat, "flat");
        }
        byte[] stripes = new byte[50 * 61];
        for (int i = 0; i < stripes.length; i++) stripes[i] = (byte) (((i % 61) / 3 + (i / 61) / 2) % 2 * 255); // two values, blocky
        try (Mat s = Mats.fromBytes(stripes, 50, 61, 1)) {
            assertSameAsOpenCv(s, "stripes");
        }
    }

    @Test
    void equalsOpenCvOnRegionsOfLargerImages() {
        try (Mat big = random(90, 120, 3, 256, 5); Rect r = new Rect(11, 7, 75, 61); Mat roi = new Mat(big, r)) {
            assertThat(roi.isContinuous()).isFalse();
            assertSameAsOpenCv(roi, "75x61 region");
        }
        try (Mat big = random(40, 40, 1, 256, 6); Rect r = new Rect(3, 2, 1, 30); Mat column = new Mat(big, r)) {
            assertSameAsOpenCv(column, "one-column region");
        }
    }

    static List<Path> cocoPhotos() throws IOException {
        try (Stream<Path> s = Files.list(TestData.data("coco/images"))) {
            return s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cocoPhotos")
    void equalsOpenCvOnPhotos(Path photo) {
        try (Mat rgb = ImageIO.readRgb(photo)) {
            assertSameAsOpenCv(rgb, photo.getFileName().toString());
            try (Mat gray = new Mat()) {
                org.bytedeco.opencv.global.opencv_imgproc.cvtColor(rgb, gray, org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY);
                assertSameAsOpenCv(gray, photo.getFileName() + " (gray)");
            }
        }
    }

    @Test
    void theCompiledNetworkSelectsTheMedianOfEveryZeroOneInput() {
        // 0-1 principle: a min/max network selects rank k of all inputs iff it does so for all inputs of 0s and 1s.
        // Seven sorted runs of 0s and 1s: each is 0^z 1^(7-z), z in 0..7, so 8^7 cases; 64 cases per long.
        MedianKernels.Plan plan = MedianKernels.Plan.build();
        int cases = 1 << 21;
        long[][] runs = new long[7][7 * (cases / 64)]; // runs[run][rank * words + word]
        int words = cases / 64;
        for (int c = 0; c < cases; c++) {
            for (int run = 0; run < 7; run++) {
                int zeros = (c >> (3 * run)) & 7;
                for (int rank = zeros; rank < 7; rank++) runs[run][rank * words + c / 64] |= 1L << (c % 64);
            }
        }
        long mismatches = 0;
        for (int w = 0; w < words; w++) {
            // output row 0 of a group: pair 0 = runs 1-2, A = pairs 1-2 (runs 3-6), C adds run 0
            long[] a = run(plan.a(), w, words, run(plan.pairs(), w, words, runs[3], runs[4]), run(plan.pairs(), w, words, runs[5], runs[6]));
            long[] b = run(plan.b(), w, words, a, run(plan.pairs(), w, words, runs[1], runs[2]));
            long[] median = run(plan.c(), w, words, b, runs[0]);
            long expected = 0;
            for (int bit = 0; bit < 64; bit++) {
                int c = w * 64 + bit, ones = 0;
                for (int run = 0; run < 7; run++) ones += 7 - ((c >> (3 * run)) & 7);
                if (ones >= 25) expected |= 1L << bit;
            }
            mismatches += Long.bitCount(median[0] ^ expected);
        }
        assertThat(mismatches).isZero();
        // the run sort sorts all 128 inputs of 7 bits
        for (int bits = 0; bits < 128; bits++) {
            long[] in = new long[7];
            for (int i = 0; i < 7; i++) in[i] = (bits >> i) & 1;
            long[] sorted = run(plan.runs(), in);
            for (int i = 0; i < 7; i++) assertThat(sorted[i]).as("input %s rank %d", bits, i).isEqualTo(i >= 7 - Integer.bitCount(bits) ? 1 : 0);
        }
    }

    @Test
    void theSimplifiedNetworkKeepsItsSize() {
        // run sort 16 comparators (32 ops), pair merge 42, A 100, B 72, C 14: 4*32 + 2*42 + 100 + 2*72 + 4*14
        MedianKernels.Plan plan = MedianKernels.Plan.build();
        assertThat(plan.c().operations()).isEqualTo(14);
        assertThat(plan.operationsPerFourRows()).isEqualTo(512);
    }

    /** Runs a program on word {@code w} of each run (rank-major: {@code run[rank * words + w]}) and on stage outputs. */
    private static long[] run(MedianNetwork.Program p, int w, int words, long[]... groups) {
        long[] in = new long[p.inputs()];
        int k = 0;
        for (long[] g : groups) {
            boolean isRun = g.length == 7 * words;
            int n = isRun ? 7 : g.length;
            for (int r = 0; r < n; r++) in[k++] = isRun ? g[r * words + w] : g[r];
        }
        assertThat(k).isEqualTo(p.inputs());
        return run(p, in);
    }

    private static long[] run(MedianNetwork.Program p, long[] inputs) {
        long[] slot = new long[p.inputs() + p.scratch()];
        System.arraycopy(inputs, 0, slot, 0, inputs.length);
        int[] ops = p.ops();
        for (int k = 0; k < ops.length; k += 4) {
            long x = slot[ops[k + 1]], y = slot[ops[k + 2]];
            slot[ops[k + 3]] = ops[k] == MedianNetwork.MIN ? x & y : x | y;
        }
        long[] out = new long[p.outputs().length];
        for (int i = 0; i < out.length; i++) out[i] = slot[p.outputs()[i]];
        return out;
    }

    @Test
    void freesEveryNativeAllocation() {
        try (Mat src = random(200, 150, 3, 256, 9)) {
            MedianKernels.median7(src).close(); // warm-up: lazily created constants
            long before = Pointer.totalCount();
            MedianKernels.median7(src).close();
            try (Rect r = new Rect(0, 0, 150, 199); Mat odd = new Mat(src, r)) { // rows not a multiple of 4: the cut-off path
                MedianKernels.median7(odd).close();
            }
            assertThat(Pointer.totalCount() - before).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void rejectsWhatOpenCvsMedianRejects() {
        try (Mat f = new Mat(10, 10, CV_32FC3); Mat two = new Mat(10, 10, CV_8UC2); Mat empty = new Mat()) {
            assertThat(MedianKernels.supports(f)).isFalse();
            assertThat(MedianKernels.supports(two)).isFalse();
            assertThat(MedianKernels.supports(empty)).isFalse();
            assertThatThrownBy(() -> MedianKernels.median7(two)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels=2");
        }
        try (Mat one = new Mat(10, 10, CV_8UC(4))) {
            assertThat(MedianKernels.supports(one)).isTrue();
        }
    }

    @Test
    void medianBlurTakesTheNetworkForApertureSevenFrom20000BytesAnd16Columns() {
        try (Mat small = new Mat(80, 80, CV_8UC(3)); Mat gray = new Mat(140, 140, CV_8UC(1)); Mat big = new Mat(82, 82, CV_8UC(3));
             Mat narrow = new Mat(4000, 15, CV_8UC(3)); Mat tall = new Mat(4000, 16, CV_8UC(3))) {
            assertThat(MedianBlur.useNetwork(small, 7)).isFalse(); // 19200 bytes
            assertThat(MedianBlur.useNetwork(gray, 7)).isFalse();  // 19600 bytes
            assertThat(MedianBlur.useNetwork(big, 7)).isTrue();    // 20172 bytes
            assertThat(MedianBlur.useNetwork(big, 5)).isFalse();
            assertThat(MedianBlur.useNetwork(narrow, 7)).isFalse();
            assertThat(MedianBlur.useNetwork(tall, 7)).isTrue();
        }
    }

    @Test
    void medianBlurWithApertureSevenEqualsOpenCvForUint8AndFloat() {
        MedianBlur seven = new MedianBlur(Range.of(7, 7), 1);
        MedianBlur.Kernel k = seven.sampleParams(null, new SplittableRandom(1));
        assertThat(k.ksize()).isEqualTo(7);
        try (Sample in = Sample.of(random(130, 90, 3, 256, 11)); Mat expected = new Mat()) {
            medianBlur(in.image(), expected, 7);
            try (Sample out = seven.apply(in, k)) {
                assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(expected));
            }
            try (Mat f = new Mat(); Mat back = new Mat()) { // float32 goes through uint8: the same median, divided by 255
                in.image().convertTo(f, org.bytedeco.opencv.global.opencv_core.CV_32F, 1 / 255.0, 0);
                try (Sample fs = Sample.of(f.clone()); Sample out = seven.apply(fs, k)) {
                    assertThat(out.image().type()).isEqualTo(CV_32FC3);
                    out.image().convertTo(back, org.bytedeco.opencv.global.opencv_core.CV_8U, 255, 0);
                    assertThat(Mats.toBytes(back)).isEqualTo(Mats.toBytes(expected));
                }
            }
        }
    }
}
