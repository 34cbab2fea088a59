package org.augment4j;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.augment4j.opencv.Mats;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.SampleCheck;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.GeometryFusion;
import org.augment4j.transform.PendingWarp;
import org.augment4j.transform.Check;

/**
 * Runs transforms in order, with probability {@code p}; Albumentations' {@code Compose}. It owns the label
 * parameters: after every transform (when {@code check_each_transform}) and at the end, boxes are clipped and filtered
 * and keypoints outside the image dropped, labels going with them.
 *
 * <p>Randomness: {@link #apply(Sample, long)} gives the same output for the same seed, bit for bit. A Compose built with
 * a seed gives a reproducible sequence from {@link #apply(Sample)}: call {@code i} uses seed {@code mix(seed, i)}.
 * Intermediate native matrices are released as soon as a later transform replaces them; the result never shares a
 * matrix with the input, so the caller closes each independently. Immutable and thread-safe.
 *
 * <p>Subclassed only by {@code ReplayCompose}, which records the parameters of a run.
 */
public class Compose implements Transform {
    private final List<Transform> transforms;
    private final double p;
    private final BboxParams bboxParams;
    private final KeypointParams keypointParams;
    private final Map<String, String> additionalTargets;
    private final Long seed;
    private final boolean fuseGeometry;
    private final Semantics semantics;
    private final AtomicLong calls = new AtomicLong();

    /** A pipeline of transforms applied with p = 1 and no labels. */
    public Compose(List<? extends Transform> transforms) {
        this(transforms, 1.0, null, null, Map.of(), null);
    }

    /**
     * @param transforms        the transforms, in order
     * @param p                 probability of applying any of them
     * @param bboxParams        how boxes are read and filtered, or null for no boxes
     * @param keypointParams    how keypoints are read and filtered, or null for no keypoints
     * @param additionalTargets extra images and masks by name → {@code "image"} or {@code "mask"}
     * @param seed              seed for {@link #apply(Sample)}, or null for a fresh random seed per call
     */
    public Compose(List<? extends Transform> transforms, double p, BboxParams bboxParams, KeypointParams keypointParams,
                   Map<String, String> additionalTargets, Long seed) {
        this(transforms, p, bboxParams, keypointParams, additionalTargets, seed, true);
    }

    /**
     * As {@link #Compose(List, double, BboxParams, KeypointParams, Map, Long)}, choosing whether consecutive affine
     * spatial transforms are resampled once ({@code fuseGeometry}, the default; see
     * {@link org.augment4j.transform.GeometryFusion}) or one by one, for exact step-by-step parity with Albumentations.
     */
    public Compose(List<? extends Transform> transforms, double p, BboxParams bboxParams, KeypointParams keypointParams,
                   Map<String, String> additionalTargets, Long seed, boolean fuseGeometry) {
        this(transforms, p, bboxParams, keypointParams, additionalTargets, seed, fuseGeometry, Semantics.ALBUMENTATIONS_2);
    }

    /** As above, recording the {@link Semantics} the transforms were given (what {@link #withSemantics} builds). */
    protected Compose(List<? extends Transform> transforms, double p, BboxParams bboxParams, KeypointParams keypointParams,
                      Map<String, String> additionalTargets, Long seed, boolean fuseGeometry, Semantics semantics) {
        this.semantics = java.util.Objects.requireNonNull(semantics, "semantics");
        this.fuseGeometry = fuseGeometry;
        this.transforms = List.copyOf(transforms);
        this.p = Check.probability("Compose", p);
        this.bboxParams = bboxParams;
        this.keypointParams = keypointParams;
        for (Map.Entry<String, String> e : additionalTargets.entrySet()) {
            if (!e.getValue().equals("image") && !e.getValue().equals("mask")) {
                throw new IllegalArgumentException("Compose: additional target '" + e.getKey() + "' must be 'image' or 'mask', got '" + e.getValue() + "'");
            }
        }
        this.additionalTargets = Collections.unmodifiableMap(new LinkedHashMap<>(additionalTargets));
        this.seed = seed;
    }

    public List<Transform> transforms() {
        return transforms;
    }

    public BboxParams bboxParams() {
        return bboxParams;
    }

    public KeypointParams keypointParams() {
        return keypointParams;
    }

    public Map<String, String> additionalTargets() {
        return additionalTargets;
    }

    /** Whether runs of affine spatial transforms are resampled once (see {@link org.augment4j.transform.GeometryFusion}). */
    public boolean fusesGeometry() {
        return fuseGeometry;
    }

    /** This pipeline with geometry fusion on or off; labels and parameters are the same either way, pixels may differ slightly. */
    public Compose withGeometryFusion(boolean on) {
        return copy(transforms, on, semantics);
    }

    /**
     * The Albumentations release this pipeline follows where releases differ: {@link Semantics#ALBUMENTATIONS_2} for a
     * Java-built pipeline, the release that wrote the file for a loaded one. Saving writes its dialect.
     */
    public Semantics semantics() {
        return semantics;
    }

    /** This pipeline with every transform following {@code semantics} where Albumentations releases differ. */
    @Override
    public Compose withSemantics(Semantics semantics) {
        return copy(transforms.stream().map(t -> t.withSemantics(semantics)).toList(), fuseGeometry, semantics);
    }

    /** This pipeline with other transforms, fusion and semantics, everything else equal (subclasses keep their kind). */
    protected Compose copy(List<Transform> children, boolean fuse, Semantics s) {
        return new Compose(children, p, bboxParams, keypointParams, additionalTargets, seed, fuse, s);
    }

    /** The seed given at construction, or null. */
    public Long seed() {
        return seed;
    }

    @Override
    public double probability() {
        return p;
    }

    /** Applies with the next seed of this pipeline's sequence (or a fresh random seed when it has none). */
    public Sample apply(Sample sample) {
        long s = seed == null ? new SplittableRandom().nextLong() : Seeds.mix(seed, calls.getAndIncrement());
        return apply(sample, s);
    }

    /** Applies with a generator derived from {@code seed}: the same seed gives the same output. */
    public Sample apply(Sample sample, long seed) {
        return apply(sample, Seeds.generator(seed));
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator rng) {
        return run(sample, rng, Map.of(), false, Container.plain(rng));
    }

    @Override
    public Sample applyAlways(Sample sample, RandomGenerator rng) {
        return run(sample, rng, Map.of(), true, Container.plain(rng));
    }

    /**
     * Applies through {@code step} (see {@link Container.Step}): goes ahead when {@code always} or a draw against p says
     * so, then offers every transform in order to the step, filtering labels as {@link #apply(Sample, RandomGenerator)}.
     */
    public final Sample applyWith(Sample sample, RandomGenerator rng, boolean always, Container.Step step) {
        return run(sample, rng, Map.of(), always, step);
    }

    /**
     * Applies with some top-level transforms pinned: {@code forced} maps a transform's index to parameters under
     * Albumentations' recorded names ({@code {0: {"factor": 1}}}); pinned transforms are applied whatever their p.
     */
    public Sample apply(Sample sample, long seed, Map<Integer, Map<String, Object>> forced) {
        for (Integer i : forced.keySet()) {
            if (i < 0 || i >= transforms.size()) throw new IllegalArgumentException("forced parameters for transform " + i + ", but the pipeline has " + transforms.size());
            if (!(transforms.get(i) instanceof BasicTransform<?>)) throw new IllegalArgumentException("transform " + i + " (" + transforms.get(i).name() + ") is a container; only single transforms can be forced");
        }
        RandomGenerator rng = Seeds.generator(seed);
        return run(sample, rng, forced, false, Container.plain(rng));
    }

    private Sample run(Sample input, RandomGenerator rng, Map<Integer, Map<String, Object>> forced, boolean always, Container.Step step) {
        SampleCheck.image(input);
        BboxParams bp = bboxParams != null ? bboxParams : input.bboxParams();
        KeypointParams kp = keypointParams != null ? keypointParams : input.keypointParams();
        Sample current = input.withLabelParams(bp, kp);
        Set<org.bytedeco.opencv.opencv_core.Mat> owned = input.mats();
        if (!step.proceeds(() -> always || !forced.isEmpty() || rng.nextDouble() < p)) return detach(current, owned);
        if (fuseGeometry) current = current.withPending(PendingWarp.empty());
        try {
            for (Container.Pick pick : step.picks(() -> Container.all(transforms.size(), false))) {
                int i = pick.index();
                Transform t = transforms.get(i);
                if (!(t instanceof BasicTransform<?>)) current = materialize(current, owned); // containers see real pixels
                Sample next = forced.containsKey(i) ? ((BasicTransform<?>) t).applyForced(current, rng, forced.get(i)) : step.apply(i, t, current, pick.always());
                if (next != current) {
                    SampleCheck.image(next);
                    if (bp != null && bp.checkEachTransform()) next = next.withBoxes(LabelFilter.boxes(next.boxes(), bp, next.width(), next.height()));
                    if (kp != null && kp.checkEachTransform()) next = next.withKeypoints(LabelFilter.keypoints(next.keypoints(), kp, next.width(), next.height()));
                    Sample.releaseReplaced(current, next, owned);
                    current = fuseGeometry && next.pending() == null ? next.withPending(PendingWarp.empty()) : next;
                }
            }
            current = materialize(current, owned);
        } catch (RuntimeException e) {
            Sample.releaseReplaced(current, input, owned);
            throw e;
        }
        if (bp != null) current = current.withBoxes(LabelFilter.boxes(current.boxes(), bp, current.width(), current.height()));
        if (kp != null) current = current.withKeypoints(LabelFilter.keypoints(current.keypoints(), kp, current.width(), current.height()));
        return detach(current, owned);
    }

    /** {@code s} with its pending warp resampled (see {@link GeometryFusion}); the replaced matrices are released unless the caller owns them. */
    private static Sample materialize(Sample s, Set<org.bytedeco.opencv.opencv_core.Mat> owned) {
        Sample real = GeometryFusion.materialize(s);
        if (real != s) Sample.releaseReplaced(s, real, owned);
        return real;
    }

    /** The sample with copies of any matrix the caller owns, so that the result can always be closed on its own. */
    private static Sample detach(Sample s, Set<org.bytedeco.opencv.opencv_core.Mat> callerOwned) {
        Map<String, org.bytedeco.opencv.opencv_core.Mat> images = new LinkedHashMap<>(s.images());
        Map<String, org.bytedeco.opencv.opencv_core.Mat> masks = new LinkedHashMap<>(s.masks());
        boolean copied = false;
        for (Map<String, org.bytedeco.opencv.opencv_core.Mat> m : List.of(images, masks)) {
            for (Map.Entry<String, org.bytedeco.opencv.opencv_core.Mat> e : m.entrySet()) {
                if (callerOwned.contains(e.getValue())) {
                    e.setValue(e.getValue().clone());
                    copied = true;
                }
            }
        }
        return copied ? s.withImages(images).withMasks(masks) : s;
    }

    @Override
    public Map<String, Object> toDict() {
        return toDict(transforms.stream().map(Transform::toDict).toList());
    }

    /** The {@code to_dict} map with {@code children} in place of the transforms' own maps (how replays annotate them). */
    public Map<String, Object> toDict(List<?> children) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("__class_fullname__", name());
        d.put("p", p);
        d.put("transforms", children);
        d.put("bbox_params", bboxParams == null ? null : org.augment4j.serial.LabelParamsJson.toDict(bboxParams));
        d.put("keypoint_params", keypointParams == null ? null : org.augment4j.serial.LabelParamsJson.toDict(keypointParams));
        d.put("additional_targets", additionalTargets);
        d.put("is_check_shapes", true);
        if (seed != null) d.put("seed", seed);
        return d;
    }
}
