package org.augment4j.transform;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.augment4j.Sample;
import org.augment4j.internal.PendingWarp;
import org.augment4j.internal.SampleInternals;
import org.augment4j.internal.Warp;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Matrix;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Fused geometry (DESIGN §2): a run of affine spatial transforms resampled once. Each transform of the run samples its
 * parameters and moves the labels as usual (so labels, the applied log and the {@link org.augment4j.Inverse} trail are
 * exactly those of step-by-step application); only the pixels wait in the sample's {@link PendingWarp} until a
 * transform that needs them, or the end of the pipeline, resamples images and masks with the composed matrix.
 *
 * <p>A step joins a run only where the border semantics stay those of step-by-step application: every step but the
 * last of a run is axis-aligned and takes its pixels from an integer-aligned rectangle inside its input (flips,
 * quarter turns, crops, resizes), so the one warp reads that rectangle of the original image and the last step's
 * border and fill begin exactly at its edges; all steps share one image and one mask interpolation (nearest, linear,
 * cubic or Lanczos — area averaging cannot be fused). Pixels then differ from step-by-step ones by interpolation
 * alone: one resampling instead of several. A run whose
 * steps are each a fast path (flips, quarter turns, crops, plain resizes) while their composition is not is applied
 * step by step, which is faster than one general warp. Pure functions over immutable samples; nothing is cached.
 */
public final class GeometryFusion {
    private GeometryFusion() {}

    /** Whether {@code g} (with {@code r}) may join the run deferred in {@code pending}. */
    public static boolean canJoin(PendingWarp pending, AffineGeometry g, Resampling r) {
        if (!fusable(r.interpolation()) || !fusable(r.maskInterpolation())) return false;
        if (pending.isEmpty()) return true;
        PendingWarp.Step last = pending.last();
        return last.resampling().interpolation() == r.interpolation() && last.resampling().maskInterpolation() == r.maskInterpolation()
                && inputRegion(last.geometry(), last.inWidth(), last.inHeight()) != null;
    }

    private static boolean fusable(int interpolation) {
        return interpolation == INTER_NEAREST || interpolation == INTER_LINEAR || interpolation == INTER_CUBIC || interpolation == INTER_LANCZOS4;
    }

    /**
     * For an axis-aligned {@code g} (flips, quarter turns, crops, resizes) whose whole output comes from an
     * integer-aligned rectangle inside its {@code w × h} input: that rectangle {x0, y0, x1, y1}; otherwise null. Such
     * steps never reach a border, and the rectangle is where a following step's border begins.
     */
    static int[] inputRegion(AffineGeometry g, int w, int h) {
        Matrix e = g.image().shifted(0.5); // pixel-edge coordinates
        boolean straight = Math.abs(e.get(0, 1)) < 1e-9 && Math.abs(e.get(1, 0)) < 1e-9;
        boolean turned = Math.abs(e.get(0, 0)) < 1e-9 && Math.abs(e.get(1, 1)) < 1e-9;
        if (!straight && !turned) return null;
        Matrix inv = e.inverse();
        double[] a = inv.apply(0, 0), b = inv.apply(g.outWidth(), g.outHeight());
        double[] v = {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])};
        int[] r = new int[4];
        for (int i = 0; i < 4; i++) {
            r[i] = (int) Math.round(v[i]);
            if (Math.abs(v[i] - r[i]) > 1e-6) return null;
        }
        return r[0] >= 0 && r[1] >= 0 && r[2] <= w && r[3] <= h && r[2] > r[0] && r[3] > r[1] ? r : null;
    }

    /** {@code sample} with {@code g} deferred: labels moved and the step recorded now, pixels left for later. */
    static Sample defer(Sample sample, AffineGeometry g, Resampling r, String name) {
        int w = sample.width(), h = sample.height();
        Sample moved = SpatialTransform.moveLabels(sample, g, w, h, name);
        return SampleInternals.withPending(moved, SampleInternals.pending(sample).then(new PendingWarp.Step(g, r, w, h)));
    }

    /**
     * {@code sample} with its pending warp applied to images and masks (no pending warp left), or {@code sample} itself
     * when nothing is pending. The new matrices belong to the result; the old ones are left to their owner (see
     * {@link #release}).
     */
    public static Sample materialize(Sample sample) {
        PendingWarp pending = SampleInternals.pending(sample);
        if (pending == null) return sample;
        if (pending.isEmpty()) return SampleInternals.withPending(sample, null);
        Map<String, Mat> images = new LinkedHashMap<>();
        Map<String, Mat> masks = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Mat> e : sample.images().entrySet()) images.put(e.getKey(), resample(e.getValue(), pending, GeometryFusion::image));
            for (Map.Entry<String, Mat> e : sample.masks().entrySet()) masks.put(e.getKey(), resample(e.getValue(), pending, GeometryFusion::mask));
        } catch (RuntimeException e) {
            images.values().forEach(org.augment4j.opencv.Mats::release);
            masks.values().forEach(org.augment4j.opencv.Mats::release);
            throw e;
        }
        return SampleInternals.withPending(sample.withImages(images).withMasks(masks), null);
    }

    /**
     * Runs {@code body} on {@code sample} with its pixels resampled first, frees what that resampling made and the
     * result does not keep (on failure too), and keeps the pipeline fusing afterwards when it was.
     */
    public static Sample withPixels(Sample sample, UnaryOperator<Sample> body) {
        Sample real = materialize(sample);
        Sample out;
        try {
            out = body.apply(real);
        } catch (RuntimeException e) {
            release(real, sample, sample);
            throw e;
        }
        release(real, sample, out);
        return SampleInternals.pending(sample) != null && SampleInternals.pending(out) == null ? SampleInternals.withPending(out, PendingWarp.empty()) : out;
    }

    /** Releases the matrices of {@code materialized} that neither {@code before} (its source) nor {@code after} holds. */
    public static void release(Sample materialized, Sample before, Sample after) {
        if (materialized == before) return;
        Set<Mat> keep = before.mats();
        keep.addAll(after.mats());
        for (Mat m : materialized.mats()) if (!keep.contains(m)) org.augment4j.opencv.Mats.release(m);
    }

    private static Mat image(Mat m, PendingWarp.Step s) {
        return SpatialTransform.warp(m, s.geometry(), s.resampling().interpolation(), s.resampling().borderMode(), s.resampling().fill());
    }

    private static Mat mask(Mat m, PendingWarp.Step s) {
        return SpatialTransform.warp(m, s.geometry(), s.resampling().maskInterpolation(), s.resampling().borderMode(), s.resampling().fillMask());
    }

    /**
     * One warp by the composed matrix, from the region of {@code src} that the steps before the last read (so that the
     * last step's border starts where it would have), with the last step's border and fill; or step by step where every
     * step is a fast path and their composition is not.
     */
    private static Mat resample(Mat src, PendingWarp pending, BiFunction<Mat, PendingWarp.Step, Mat> stepWarp) {
        List<PendingWarp.Step> steps = pending.steps();
        PendingWarp.Step last = pending.last();
        if (steps.size() == 1) return stepWarp.apply(src, last);
        AffineGeometry composed = pending.composed();
        boolean stepwise = !Warp.isFast(composed, src.cols(), src.rows())
                && steps.stream().allMatch(s -> Warp.isFast(s.geometry(), s.inWidth(), s.inHeight()));
        if (stepwise) {
            Mat cur = src;
            for (PendingWarp.Step s : steps) {
                Mat next = stepWarp.apply(cur, s);
                if (cur != src) cur.close();
                cur = next;
            }
            return cur;
        }
        int[] r = inputRegion(new PendingWarp(steps.subList(0, steps.size() - 1)).composed(), src.cols(), src.rows());
        try (Rect rect = new Rect(r[0], r[1], r[2] - r[0], r[3] - r[1]); Mat roi = new Mat(src, rect)) {
            Matrix m = Matrix.translation(r[0], r[1]).then(composed.image());
            AffineGeometry fromRoi = AffineGeometry.of(m, composed.rule(), composed.outWidth(), composed.outHeight());
            return stepWarp.apply(roi, new PendingWarp.Step(fromRoi, last.resampling(), roi.cols(), roi.rows()));
        }
    }
}
