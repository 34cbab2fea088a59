package org.augment4j.transform.policy;

import static org.bytedeco.opencv.global.opencv_core.addWeighted;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.AppliedTransform;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * MixUp over a batch (torchvision's {@code v2.MixUp}, here on samples): one {@code λ ~ Beta(alpha, alpha)} per batch
 * ({@code alpha} default 1), each sample paired with a partner from a uniform random permutation of the batch, and
 * every image replaced by {@code λ·a + (1 − λ)·b} (uint8 rounded, float32 as is; an additional image is mixed when the
 * partner has one of the same name, size and type, else kept). A batch operation, not a per-sample transform, so it is
 * not in the pipeline catalogue. All images of the batch must share one size and type.
 *
 * <p>Labels: {@link MixResult} gives each sample's {@code λ} and partner for classification targets. Boxes and
 * keypoints: the union of the sample's and its partner's (the sample's first), with their label columns (which must
 * have the same names); a sample paired with itself keeps its own once. Masks: the sample's own (a segmentation mask
 * is not blended). Each output owns new matrices and records {@code MixUp} {λ, partner} in {@link Sample#applied()}.
 */
public final class MixUp {
    private final double alpha;

    /**
     * @param alpha concentration of the {@code Beta(alpha, alpha)} distribution of {@code λ}, {@code > 0} and finite
     */
    public MixUp(double alpha) {
        Check.that(Double.isFinite(alpha), "MixUp", "alpha must be > 0, got " + alpha);
        Allowed.above(0).check("MixUp", "alpha", alpha);
        this.alpha = alpha;
    }

    /** With torchvision's default alpha = 1. */
    public MixUp() {
        this(1.0);
    }

    /** Concentration of the {@code Beta(alpha, alpha)} distribution of {@code λ}. */
    public double alpha() {
        return alpha;
    }

    /**
     * Mixes a batch: blends each sample with its partner by weight {@code λ}.
     *
     * @param batch the samples, all of one image size and type; not modified
     * @param rng   the source of {@code λ} and the pairing
     * @return the mixed samples (owned by the caller), their weights and partners
     */
    public MixResult mix(List<Sample> batch, RandomGenerator rng) {
        BatchMix.check("MixUp", batch);
        double lam = Dists.beta(alpha, alpha, rng);
        int n = batch.size();
        int[] partners = BatchMix.partners(n, rng);
        double[] lambdas = new double[n];
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Sample a = batch.get(i), b = batch.get(partners[i]);
            lambdas[i] = lam;
            Map<String, Mat> images = new LinkedHashMap<>();
            for (Map.Entry<String, Mat> e : a.images().entrySet()) {
                Mat other = b.images().get(e.getKey());
                Mat m = new Mat();
                if (BatchMix.compatible(e.getValue(), other)) addWeighted(e.getValue(), lam, other, 1 - lam, 0, m);
                else e.getValue().copyTo(m);
                images.put(e.getKey(), m);
            }
            Sample s = a.withImages(images).withMasks(BatchMix.cloneMasks(a));
            if (partners[i] != i) {
                s = s.withBoxes(BatchMix.boxes("MixUp", a.boxes(), BatchMix.range(a.boxes().size()), a.boxes().toArray(), b.boxes(),
                                BatchMix.range(b.boxes().size()), b.boxes().toArray()))
                        .withKeypoints(BatchMix.keypoints("MixUp", a.keypoints(), BatchMix.range(a.keypoints().size()), b.keypoints(),
                                BatchMix.range(b.keypoints().size())));
            }
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("lambda", lam);
            rec.put("partner", partners[i]);
            out.add(s.withApplied(new AppliedTransform("MixUp", rec)));
        }
        return new MixResult(out, lambdas, partners);
    }
}
