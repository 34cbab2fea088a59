package org.augment4j.transform.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.AppliedTransform;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.target.BboxParams;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * CutMix over a batch (torchvision's {@code v2.CutMix}, here on samples): one {@code λ ~ Beta(alpha, alpha)} per batch
 * ({@code alpha} default 1) and one rectangle, centred on a uniform pixel {@code (rx, ry)} with half-sizes
 * {@code int(½√(1 − λ)·W)} × {@code int(½√(1 − λ)·H)}, clipped to the image; each sample is paired with a partner from a
 * uniform random permutation, and the partner's pixels inside the rectangle are pasted onto it (every image and mask
 * the partner has under the same name, size and type). The reported weight is the adjusted
 * {@code λ = 1 − area(rectangle) / (W·H)}. A batch operation, not a per-sample transform, so it is not in the pipeline
 * catalogue. All images of the batch must share one size and type.
 *
 * <p>Labels (with {@code v} the sample's {@code min_visibility}, 0 when it has no bbox params):
 * <ul>
 *   <li>the sample's own boxes are kept unchanged, except those whose part outside the rectangle is less than
 *       {@code v} of their area, or nothing at all (fully covered): those are dropped;</li>
 *   <li>the partner's boxes are clipped to the rectangle and kept when the clipped part is not empty and at least
 *       {@code v} of their area;</li>
 *   <li>keypoints: the sample's outside the rectangle and the partner's inside it;</li>
 *   <li>the sample's rows first, with their label columns (which must have the same names in both).</li>
 * </ul>
 * A sample paired with itself is left as it is (λ = 1). Each output owns new matrices and records {@code CutMix}
 * {λ, partner, rectangle [x1, y1, x2, y2] in pixels} in {@link Sample#applied()}.
 */
public final class CutMix {
    private final double alpha;

    /**
     * @param alpha concentration of the {@code Beta(alpha, alpha)} distribution of {@code λ}, {@code > 0} and finite
     */
    public CutMix(double alpha) {
        Check.that(Double.isFinite(alpha), "CutMix", "alpha must be > 0, got " + alpha);
        Allowed.above(0).check("CutMix", "alpha", alpha);
        this.alpha = alpha;
    }

    /** With torchvision's default alpha = 1. */
    public CutMix() {
        this(1.0);
    }

    /** Concentration of the {@code Beta(alpha, alpha)} distribution of {@code λ}. */
    public double alpha() {
        return alpha;
    }

    /**
     * Mixes a batch: pastes a rectangle of each sample's partner onto it.
     *
     * @param batch the samples, all of one image size and type; not modified
     * @param rng   the source of {@code λ}, the rectangle and the pairing
     * @return the mixed samples (owned by the caller), their weights and partners
     */
    public MixResult mix(List<Sample> batch, RandomGenerator rng) {
        BatchMix.check("CutMix", batch);
        double lam = Dists.beta(alpha, alpha, rng);
        int w = batch.get(0).width(), h = batch.get(0).height();
        int rx = rng.nextInt(w), ry = rng.nextInt(h);
        double r = 0.5 * Math.sqrt(1 - lam);
        int hw = (int) (r * w), hh = (int) (r * h);
        int x1 = Math.max(rx - hw, 0), y1 = Math.max(ry - hh, 0), x2 = Math.min(rx + hw, w), y2 = Math.min(ry + hh, h);
        double adjusted = 1 - (double) (x2 - x1) * (y2 - y1) / ((double) w * h);
        int n = batch.size();
        int[] partners = BatchMix.partners(n, rng);
        double[] lambdas = new double[n];
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean self = partners[i] == i;
            lambdas[i] = self ? 1.0 : adjusted;
            Sample a = batch.get(i), b = batch.get(partners[i]);
            int[] rect = self ? new int[] {0, 0, 0, 0} : new int[] {x1, y1, x2, y2};
            Sample s = a.withImages(paste(a.images(), b.images(), rect)).withMasks(paste(a.masks(), b.masks(), rect));
            if (!self) s = labels(s, a, b, rect, w, h);
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("lambda", lambdas[i]);
            rec.put("partner", partners[i]);
            rec.put("rectangle", List.of(rect[0], rect[1], rect[2], rect[3]));
            out.add(s.withApplied(new AppliedTransform("CutMix", rec)));
        }
        return new MixResult(out, lambdas, partners);
    }

    /** Copies of {@code base} with {@code from}'s pixels inside {@code rect} where {@code from} has a compatible matrix. */
    private static Map<String, Mat> paste(Map<String, Mat> base, Map<String, Mat> from, int[] rect) {
        Map<String, Mat> out = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : base.entrySet()) {
            Mat m = e.getValue().clone();
            Mat other = from.get(e.getKey());
            if (rect[2] > rect[0] && rect[3] > rect[1] && BatchMix.compatible(m, other)) {
                try (Rect roi = new Rect(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1]); Mat src = new Mat(other, roi); Mat dst = new Mat(m, roi)) {
                    src.copyTo(dst);
                }
            }
            out.put(e.getKey(), m);
        }
        return out;
    }

    /** The joined boxes and keypoints, as documented. */
    private static Sample labels(Sample s, Sample a, Sample b, int[] rect, int w, int h) {
        BboxParams bp = a.bboxParams();
        double v = bp == null ? 0 : bp.minVisibility();
        double[] r = {(double) rect[0] / w, (double) rect[1] / h, (double) rect[2] / w, (double) rect[3] / h};
        double[][] own = a.boxes().toArray(), theirs = b.boxes().toArray();
        List<Integer> keepA = new ArrayList<>(), keepB = new ArrayList<>();
        for (int i = 0; i < own.length; i++) {
            double area = area(own[i]);
            double outside = area - area(intersect(own[i], r));
            if (area > 0 && outside > 1e-12 && outside / area >= v) keepA.add(i);
        }
        for (int i = 0; i < theirs.length; i++) {
            double[] c = intersect(theirs[i], r);
            double area = area(theirs[i]), inside = area(c);
            if (inside > 0 && inside / area >= v) {
                theirs[i] = c;
                keepB.add(i);
            }
        }
        double[][] kpA = a.keypoints().toArray(), kpB = b.keypoints().toArray();
        List<Integer> kA = new ArrayList<>(), kB = new ArrayList<>();
        for (int i = 0; i < kpA.length; i++) if (!inside(kpA[i], rect)) kA.add(i);
        for (int i = 0; i < kpB.length; i++) if (inside(kpB[i], rect)) kB.add(i);
        return s.withBoxes(BatchMix.boxes("CutMix", a.boxes(), ints(keepA), own, b.boxes(), ints(keepB), theirs))
                .withKeypoints(BatchMix.keypoints("CutMix", a.keypoints(), ints(kA), b.keypoints(), ints(kB)));
    }

    static double[] intersect(double[] b, double[] r) {
        return new double[] {Math.max(b[0], r[0]), Math.max(b[1], r[1]), Math.min(b[2], r[2]), Math.min(b[3], r[3])};
    }

    static double area(double[] b) {
        return Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
    }

    private static boolean inside(double[] k, int[] rect) {
        return k[0] >= rect[0] && k[0] < rect[2] && k[1] >= rect[1] && k[1] < rect[3];
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}
