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
 *   <li>the 7 × 7 window of output row {@code y} is the 7 runs of rows {@code y-3..y+3}. Windows of four consecutive
 *       output rows share 4 runs: those are merged once per group of four rows (stage A, which keeps the 22 ranks
 *       3..24 of 28 that can still matter); each pair of rows adds its 2 shared runs (stage B, keeping ranks 17..24 of
 *       42); each row adds its last run and takes rank 24 of 49 as max<sub>i</sub> min(b<sub>i</sub>,
 *       r<sub>7-i</sub>) (stage C).</li>
 * </ol>
 * Row-strided views (a step of four rows) let stages A–C run on every fourth row at once. Merges are Batcher's
 * odd–even merges, generated here and simplified: comparators whose order is already known from the sorted inputs are
 * dropped, and walking the network backwards from the needed outputs drops every comparator that cannot reach them and
 * keeps only the {@code min} or the {@code max} half where only one is read. Per output pixel that is about 150
 * whole-image operations. The work runs in horizontal strips of {@value #STRIP} output rows so that the intermediate
 * images stay in cache.
 *
 * <p>Thread-safe: the compiled network is an immutable constant; every call allocates (and frees) its own buffers.
 */
public final class MedianKernels {
    /** Output rows per strip (a multiple of 4). */
    static final int STRIP = 32;

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
        if (!supports(src)) {
            throw new IllegalArgumentException("median7: src must be a non-empty 2-D uint8 image of 1, 3 or 4 channels, got dims="
                    + src.dims() + " depth=" + src.depth() + " channels=" + src.channels() + " size=" + src.rows() + "x" + src.cols());
        }
        int rows = src.rows(), cols = src.cols();
        int rows4 = (rows + 3) & ~3; // stages A-C run on groups of four rows: rows beyond the image are computed and cut off
        int strip = Math.min(STRIP, rows4);
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

    /** The compiled programs of the four stages (see the class comment). */
    record Plan(MedianNetwork.Program runs, MedianNetwork.Program a, MedianNetwork.Program b, MedianNetwork.Program c) {
        /** Row offsets (within a group of four output rows, in padded rows) of the runs each stage reads. */
        static final int[] A_RUNS = {3, 4, 5, 6};
        static final int[] B_RUNS_EVEN = {1, 2};
        static final int[] B_RUNS_ODD = {7, 8};
        /** For output row {@code t} of a group: the run that stage C adds, and whether it uses the even pair's B. */
        static final int[] C_RUN = {0, 7, 2, 9};

        /** An optimal 7-input sorting network (16 comparators, Knuth TAOCP 5.3.4). */
        static final int[][] SORT7 = {{0, 6}, {2, 3}, {4, 5}, {0, 2}, {1, 4}, {3, 6}, {0, 1}, {2, 5}, {3, 4}, {1, 2}, {4, 6},
            {2, 3}, {4, 5}, {1, 2}, {3, 4}, {5, 6}};

        static Plan build() {
            MedianNetwork runs = new MedianNetwork();
            int[] px = runs.wires(7);
            for (int[] c : SORT7) runs.compare(px[c[0]], px[c[1]]);

            // A: ranks 3..24 of the 28 values of 4 sorted runs (ranks 0..2 lie below rank 17 of B's 42, 25..27 above 24).
            MedianNetwork a = new MedianNetwork();
            int[][] ar = {a.chain(7), a.chain(7), a.chain(7), a.chain(7)};
            int[] aSorted = a.merge(a.merge(ar[0], ar[1]), a.merge(ar[2], ar[3]));

            // B: ranks 17..24 of A's 28 and 2 more runs = ranks 14..21 of (A's ranks 3..24, the 14 merged values).
            MedianNetwork b = new MedianNetwork();
            int[] bA = b.chain(22), b1 = b.chain(7), b2 = b.chain(7);
            int[] bMerged = b.merge(bA, b.merge(b1, b2));

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
                    a.compile(ar, Arrays.copyOfRange(aSorted, 3, 25)),
                    b.compile(new int[][] {bA, b1, b2}, Arrays.copyOfRange(bMerged, 14, 22)),
                    c.compile(new int[][] {cb, cr}, new int[] {acc}));
            for (int s : plan.runs().outputs()) { // the runs are read through strided views of their own buffers
                if (s < plan.runs().inputs()) throw new IllegalStateException("run sort leaves an output in an input slot");
            }
            return plan;
        }
    }

    /** The buffers and views of one call, for strips of {@code strip} output rows; closes them all. */
    private static final class Workspace implements AutoCloseable {
        private final Plan plan;
        private final int strip, cols, type;
        private final Mat out;
        private final List<Mat> owned = new ArrayList<>();
        private final Mat[] runSlots, aSlots, bSlots, cSlots;
        /** views[r][o]: rank {@code r} of the runs, every fourth row from padded row offset {@code o} of the strip. */
        private final Mat[][] views = new Mat[7][10];

        Workspace(Plan plan, int strip, int cols, int type, Mat out) {
            this.plan = plan;
            this.strip = strip;
            this.cols = cols;
            this.type = type;
            this.out = out;
            try {
                runSlots = slots(plan.runs(), strip + 6);
                aSlots = slots(plan.a(), strip / 4);
                bSlots = slots(plan.b(), strip / 4);
                cSlots = slots(plan.c(), strip / 4);
                for (int r = 0; r < 7; r++) {
                    Mat run = runSlots[plan.runs().outputs()[r]];
                    for (int o = 0; o < 10; o++) views[r][o] = own(strided(run, o, strip / 4));
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

        /** {@code count} rows of the continuous matrix {@code m}, every fourth from row {@code first}. */
        private static Mat strided(Mat m, int first, int count) {
            long rowBytes = (long) m.cols() * m.elemSize();
            BytePointer start = new BytePointer(m.data()).position(first * rowBytes);
            return new Mat(count, m.cols(), m.type(), start, 4 * rowBytes);
        }

        /** Output rows {@code y .. y + strip - 1} (a multiple of 4 apart from 0) from padded rows {@code y .. y + strip + 5}. */
        void compute(Mat padded, int y) {
            List<Mat> temp = new ArrayList<>();
            try {
                for (int k = 0; k < 7; k++) {
                    try (Rect roi = new Rect(k, y, cols, strip + 6)) {
                        runSlots[k] = temp(temp, new Mat(padded, roi));
                    }
                }
                run(plan.runs(), runSlots, null);
                bind(aSlots, 0, Plan.A_RUNS);
                run(plan.a(), aSlots, null);
                for (int pair = 0; pair < 2; pair++) {
                    for (int i = 0; i < 22; i++) bSlots[i] = aSlots[plan.a().outputs()[i]];
                    bind(bSlots, 22, pair == 0 ? Plan.B_RUNS_EVEN : Plan.B_RUNS_ODD);
                    run(plan.b(), bSlots, null);
                    for (int t = 2 * pair; t < 2 * pair + 2; t++) {
                        for (int i = 0; i < 8; i++) cSlots[i] = bSlots[plan.b().outputs()[i]];
                        bind(cSlots, 8, new int[] {Plan.C_RUN[t]});
                        run(plan.c(), cSlots, temp(temp, strided(out, y + t, strip / 4)));
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

        /** Binds input slots from {@code first}: all 7 ranks of each run offset in turn. */
        private void bind(Mat[] slots, int first, int[] offsets) {
            for (int j = 0; j < offsets.length; j++) {
                for (int r = 0; r < 7; r++) slots[first + 7 * j + r] = views[r][offsets[j]];
            }
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
