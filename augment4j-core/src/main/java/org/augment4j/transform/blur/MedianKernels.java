package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_core.BORDER_ISOLATED;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * The exact 7 × 7 median of a uint8 image (1, 3 or 4 channels, each channel on its own, border replicated),
 * byte-identical to OpenCV's {@code medianBlur(src, dst, 7)} and several times faster single-threaded: OpenCV uses a
 * per-pixel histogram for apertures above 5; this computes the median with a pruned comparator network whose every wire
 * is a whole image (or a row-strided view of one), so one comparator is one OpenCV SIMD {@code min} or {@code max} over
 * many pixels.
 *
 * <p>The network follows Adams, "Fast median filters using separable sorting networks" (ACM TOG 2021):
 * <ol>
 *   <li>every horizontal run of 7 pixels is sorted once (16 comparators), giving 7 rank images, the runs;</li>
 *   <li>the 7 × 7 window of output row {@code y} is the 7 runs of rows {@code y-3..y+3}. Consecutive runs are merged in
 *       pairs once (14 sorted values per pair, every second row). Windows of four consecutive output rows share 2 pairs:
 *       those are merged once per group of four rows (stage A, which keeps the 22 ranks 3..24 of 28 that can still
 *       matter); each two rows add the pair they share (stage B, keeping ranks 17..24 of 42); each row adds its last
 *       run and takes rank 24 of 49 as max<sub>i</sub> min(b<sub>i</sub>, r<sub>7-i</sub>) (stage C).</li>
 * </ol>
 * Row-strided views (a step of two or four rows) let each stage run on all its rows at once. Merges are Batcher's
 * odd–even merges, generated here and simplified: comparators whose order is already known from the sorted inputs are
 * dropped, and walking the network backwards from the needed outputs drops every comparator that cannot reach them and
 * keeps only the {@code min} or the {@code max} half where only one is read. That leaves 512 operations per group of
 * four output rows (about 128 whole-image operations per output pixel; OpenCV's {@code min}/{@code max} run at about
 * 30 bytes/ns here whatever the size). The work runs in horizontal strips of about {@link #STRIP_BYTES} bytes of each
 * intermediate image, to bound the memory.
 *
 * <p>Thread-safe: the compiled network is an immutable constant; every call allocates (and frees) its own buffers.
 */
public final class MedianKernels {
    /**
     * Bytes of one image row times the output rows of a strip, at most (128 rows of 512 RGB pixels): OpenCV's
     * {@code min}/{@code max} cost about the same per byte at any size (measured), so strips only bound the memory
     * (twice the budget measured slower: fresh buffers) while keeping each call's bytes large against its overhead
     * (about 0.2 µs) — narrow images get tall strips.
     */
    static final int STRIP_BYTES = 128 * 512 * 3;

    /** The aperture this class computes. */
    public static final int KSIZE = 7;

    private static final Plan PLAN = Plan.build();

    private MedianKernels() {}

    /** Whether {@link #median7} takes {@code image}: a non-empty 2-D uint8 matrix of 1, 3 or 4 channels (those OpenCV's medianBlur takes). */
    public static boolean supports(Mat image) {
        int cn = image.channels();
        return image.dims() == 2 && image.depth() == CV_8U && !image.empty() && (cn == 1 || cn == 3 || cn == 4);
    }

    /**
     * The 7 × 7 median of {@code src} (border replicated), each channel on its own: a new matrix of the same size and type,
     * equal to OpenCV's {@code medianBlur(src, dst, 7)} byte for byte. {@code src} may be a region of a larger matrix.
     *
     * @throws IllegalArgumentException if {@code src} is not a non-empty 2-D uint8 matrix of 1, 3 or 4 channels
     */
    public static Mat median7(Mat src) {
        int rows = STRIP_BYTES / Math.max(1, src.cols() * src.channels());
        return median7(src, Math.max(8, rows & ~3));
    }

    /** {@link #median7(Mat)} in strips of {@code strip} output rows (a positive multiple of 4; the result is the same). */
    static Mat median7(Mat src, int strip) {
        if (strip <= 0 || strip % 4 != 0) throw new IllegalArgumentException("median7: strip must be a positive multiple of 4, got " + strip);
        if (!supports(src)) {
            throw new IllegalArgumentException("median7: src must be a non-empty 2-D uint8 image of 1, 3 or 4 channels, got dims="
                    + src.dims() + " depth=" + src.depth() + " channels=" + src.channels() + " size=" + src.rows() + "x" + src.cols());
        }
        int rows = src.rows(), cols = src.cols();
        int rows4 = (rows + 3) & ~3; // stages A-C run on groups of four rows: rows beyond the image are computed and cut off
        strip = Math.min(strip, rows4);
        Mat out = new Mat(rows4, cols, src.type());
        try (Mat padded = new Mat(); Workspace ws = new Workspace(PLAN, strip, cols, src.type(), out)) {
            // ISOLATED: a region's border replicates its own edge, not the parent's pixels (as medianBlur does)
            copyMakeBorder(src, padded, 3, 3 + rows4 - rows, 3, 3, BORDER_REPLICATE | BORDER_ISOLATED);
            for (int y0 = 0; y0 < rows4; y0 += strip) {
                ws.compute(padded, Math.min(y0, rows4 - strip)); // the last strip overlaps the one before: same values again
            }
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
        if (rows4 == rows) return out;
        try (out; Mat top = out.rowRange(0, rows)) {
            return top.clone();
        }
    }

    /**
     * The compiled programs of the five stages (see the class comment). Rows are counted in the padded strip: output row
     * {@code 4m + t} of a strip reads the runs of rows {@code 4m + t .. 4m + t + 6}.
     */
    record Plan(MedianNetwork.Program runs, MedianNetwork.Program pairs, MedianNetwork.Program a, MedianNetwork.Program b,
            MedianNetwork.Program c) {
        /** For output row {@code t} of a group of four: the run that stage C adds (B of rows 0-1 for t < 2, else of rows 2-3). */
        static final int[] C_RUN = {0, 7, 2, 9};
        /** Pair {@code j} = runs {@code 2j+1, 2j+2}; group {@code m}: A merges pairs {@code 2m+1, 2m+2}, B adds {@code 2m} or {@code 2m+3}. */
        static final int[] B_PAIR = {0, 3};

        /** An optimal 7-input sorting network (16 comparators, Knuth TAOCP 5.3.4). */
        static final int[][] SORT7 = {{0, 6}, {2, 3}, {4, 5}, {0, 2}, {1, 4}, {3, 6}, {0, 1}, {2, 5}, {3, 4}, {1, 2}, {4, 6},
            {2, 3}, {4, 5}, {1, 2}, {3, 4}, {5, 6}};

        static Plan build() {
            MedianNetwork runs = new MedianNetwork();
            int[] px = runs.wires(7);
            for (int[] c : SORT7) runs.compare(px[c[0]], px[c[1]]);

            // Pairs: the 14 merged values of two consecutive runs.
            MedianNetwork pairs = new MedianNetwork();
            int[] p1 = pairs.chain(7), p2 = pairs.chain(7);
            int[] pSorted = pairs.merge(p1, p2);

            // A: ranks 3..24 of 2 pairs (ranks 0..2 lie below rank 17 of B's 42, ranks 25..27 above 24).
            MedianNetwork a = new MedianNetwork();
            int[] a1 = a.chain(14), a2 = a.chain(14);
            int[] aSorted = a.merge(a1, a2);

            // B: ranks 17..24 of A's 28 and one more pair = ranks 14..21 of (A's ranks 3..24, the pair's 14).
            MedianNetwork b = new MedianNetwork();
            int[] bA = b.chain(22), bP = b.chain(14);
            int[] bSorted = b.merge(bA, bP);

            // C: rank 24 of 49 = rank 7 of (B's ranks 17..24, the last run r): max over i of min(b[i], r[7 - i]), r[7] = +inf.
            MedianNetwork c = new MedianNetwork();
            int[] cb = c.chain(8), cr = c.chain(7);
            int acc = cb[0];
            for (int i = 1; i < 8; i++) {
                c.compare(cb[i], cr[7 - i]); // min lands in cb[i]
                c.compare(acc, cb[i]);       // max lands in cb[i]
                acc = cb[i];
            }
            Plan plan = new Plan(runs.compile(new int[][] {px}, px),
                    pairs.compile(new int[][] {p1, p2}, pSorted),
                    a.compile(new int[][] {a1, a2}, Arrays.copyOfRange(aSorted, 3, 25)),
                    b.compile(new int[][] {bA, bP}, Arrays.copyOfRange(bSorted, 14, 22)),
                    c.compile(new int[][] {cb, cr}, new int[] {acc}));
            for (MedianNetwork.Program p : List.of(plan.runs(), plan.pairs())) { // read through strided views of their own buffers
                for (int s : p.outputs()) {
                    if (s < p.inputs()) throw new IllegalStateException("a run or pair output is left in an input slot");
                }
            }
            return plan;
        }

        /** Whole-image min/max operations per group of four output rows (the run sort counted for four rows). */
        int operationsPerFourRows() {
            return 4 * runs.operations() + 2 * pairs.operations() + a.operations() + 2 * b.operations() + 4 * c.operations();
        }
    }

    /** The buffers and views of one call, for strips of {@code strip} output rows; closes them all. */
    private static final class Workspace implements AutoCloseable {
        private final Plan plan;
        private final int strip, cols, type;
        private final Mat out;
        private final List<Mat> owned = new ArrayList<>();
        private final Mat[] runSlots, pairSlots, aSlots, bSlots, cSlots;
        /** Rank r of the runs: every second row from strip row 1 or 2 for the pairs; every fourth from C_RUN[t] for C. */
        private final Mat[][] runsBy2 = new Mat[7][3], runsBy4 = new Mat[7][4];
        /** Rank k of the pairs from pair o (0..3), every second pair. */
        private final Mat[][] pairsBy2 = new Mat[14][4];

        Workspace(Plan plan, int strip, int cols, int type, Mat out) {
            this.plan = plan;
            this.strip = strip;
            this.cols = cols;
            this.type = type;
            this.out = out;
            int groups = strip / 4;
            try {
                runSlots = slots(plan.runs(), strip + 6);
                pairSlots = slots(plan.pairs(), 2 * groups + 2);
                aSlots = slots(plan.a(), groups);
                bSlots = slots(plan.b(), groups);
                cSlots = slots(plan.c(), groups);
                for (int r = 0; r < 7; r++) {
                    Mat run = runSlots[plan.runs().outputs()[r]];
                    for (int o = 1; o <= 2; o++) runsBy2[r][o] = own(strided(run, o, 2, 2 * groups + 2));
                    for (int t = 0; t < 4; t++) runsBy4[r][t] = own(strided(run, Plan.C_RUN[t], 4, groups));
                }
                for (int k = 0; k < 14; k++) {
                    Mat pair = pairSlots[plan.pairs().outputs()[k]];
                    for (int o = 0; o < 4; o++) pairsBy2[k][o] = own(strided(pair, o, 2, groups));
                }
            } catch (RuntimeException | Error e) {
                close();
                throw e;
            }
        }

        private Mat[] slots(MedianNetwork.Program p, int rows) {
            Mat[] s = new Mat[p.inputs() + p.scratch()];
            for (int i = p.inputs(); i < s.length; i++) s[i] = own(new Mat(rows, cols, type));
            return s;
        }

        private Mat own(Mat m) {
            owned.add(m);
            return m;
        }

        /** {@code count} rows of the continuous matrix {@code m}: rows {@code first, first + step, ...}. */
        private static Mat strided(Mat m, int first, int step, int count) {
            long rowBytes = (long) m.cols() * m.elemSize();
            BytePointer start = new BytePointer(m.data()).position(first * rowBytes);
            return new Mat(count, m.cols(), m.type(), start, step * rowBytes);
        }

        /** Output rows {@code y .. y + strip - 1} ({@code y} a multiple of 4) from padded rows {@code y .. y + strip + 5}. */
        void compute(Mat padded, int y) {
            List<Mat> temp = new ArrayList<>();
            try {
                for (int k = 0; k < 7; k++) {
                    try (Rect roi = new Rect(k, y, cols, strip + 6)) {
                        runSlots[k] = temp(temp, new Mat(padded, roi));
                    }
                }
                run(plan.runs(), runSlots, null);
                for (int r = 0; r < 7; r++) {
                    pairSlots[r] = runsBy2[r][1];
                    pairSlots[7 + r] = runsBy2[r][2];
                }
                run(plan.pairs(), pairSlots, null);
                bindPairs(aSlots, 0, 1);
                bindPairs(aSlots, 14, 2);
                run(plan.a(), aSlots, null);
                for (int half = 0; half < 2; half++) {
                    for (int i = 0; i < 22; i++) bSlots[i] = aSlots[plan.a().outputs()[i]];
                    bindPairs(bSlots, 22, Plan.B_PAIR[half]);
                    run(plan.b(), bSlots, null);
                    for (int t = 2 * half; t < 2 * half + 2; t++) {
                        for (int i = 0; i < 8; i++) cSlots[i] = bSlots[plan.b().outputs()[i]];
                        for (int r = 0; r < 7; r++) cSlots[8 + r] = runsBy4[r][t];
                        run(plan.c(), cSlots, temp(temp, strided(out, y + t, 4, strip / 4)));
                    }
                }
            } finally {
                for (Mat m : temp) m.close();
            }
        }

        private static Mat temp(List<Mat> temp, Mat m) {
            temp.add(m);
            return m;
        }

        private void bindPairs(Mat[] slots, int first, int offset) {
            for (int k = 0; k < 14; k++) slots[first + k] = pairsBy2[k][offset];
        }

        /** Runs {@code p} on {@code slots}; with a {@code target}, the write of the program's one output goes there. */
        private static void run(MedianNetwork.Program p, Mat[] slots, Mat target) {
            int[] ops = p.ops();
            int last = target == null ? -1 : p.finalWrite();
            for (int k = 0, n = ops.length / 4; k < n; k++) {
                Mat x = slots[ops[4 * k + 1]], y = slots[ops[4 * k + 2]];
                Mat dst = k == last ? target : slots[ops[4 * k + 3]];
                if (ops[4 * k] == MedianNetwork.MIN) opencv_core.min(x, y, dst);
                else opencv_core.max(x, y, dst);
            }
            if (target != null && last < 0) slots[p.outputs()[0]].copyTo(target);
        }

        @Override
        public void close() {
            for (Mat m : owned) m.close();
        }
    }
}
