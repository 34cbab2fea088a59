package org.augment4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Check;
import org.augment4j.internal.LabelFilter;
import org.augment4j.internal.PendingWarp;
import org.augment4j.opencv.Mats;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.SampleCheck;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.GeometryFusion;

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
 * <p>Build one with {@link #of(Transform...)} (p = 1, no labels) or {@link #builder()}; apply it to
 * {@link Inputs} in the user's formats with {@link #apply(Inputs, long)}, or to a {@link Sample} in internal form.
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

    /** A pipeline of {@code transforms}, in order, applied with p = 1, without labels, additional targets or seed. */
    public static Compose of(Transform... transforms) {
        return new Compose(Arrays.asList(transforms));
    }

    /**
     * A builder of a pipeline: {@code Compose.builder().add(t1).add(t2).bboxParams(BboxParams.of("coco", "category_id")).build()}.
     * Defaults as Albumentations: p = 1, no bbox or keypoint params, no additional targets, no seed; geometry fused.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The transforms, in order (unmodifiable). */
    public List<Transform> transforms() {
        return transforms;
    }

    /** How boxes are given, returned and filtered, or null for a pipeline without boxes. */
    public BboxParams bboxParams() {
        return bboxParams;
    }

    /** How keypoints are given, returned and filtered, or null for a pipeline without keypoints. */
    public KeypointParams keypointParams() {
        return keypointParams;
    }

    /** Extra images and masks by name → {@code "image"} or {@code "mask"} (unmodifiable). */
    public Map<String, String> additionalTargets() {
        return additionalTargets;
    }

    /** Whether runs of affine spatial transforms are resampled once (see {@link org.augment4j.transform.GeometryFusion}). */
    public boolean fusesGeometry() {
        return fuseGeometry;
    }

    /** This pipeline with geometry fusion on or off; labels and parameters are the same either way, pixels may differ slightly. */
    public Compose withGeometryFusion(boolean on) {
        return copy(transforms, p, on, semantics);
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
        return copy(transforms.stream().map(t -> t.withSemantics(semantics)).toList(), p, fuseGeometry, semantics);
    }

    /** This pipeline applied with probability {@code p}, everything else equal. */
    @Override
    public Compose withP(double p) {
        return copy(transforms, p, fuseGeometry, semantics);
    }

    /**
     * A Compose's other parameters are set when it is built ({@link #builder()}); {@code with("p", v)} is {@link #withP}.
     *
     * @throws IllegalArgumentException for any other parameter
     */
    @Override
    public Compose with(String parameter, Object value) {
        if ("p".equals(parameter) && value instanceof Number n) return withP(n.doubleValue());
        throw new IllegalArgumentException(name() + ".with(" + parameter + "): a Compose takes only p here (a number); build it with Compose.builder()");
    }

    /** This pipeline with other transforms, probability, fusion and semantics, everything else equal (subclasses keep their kind). */
    protected Compose copy(List<Transform> children, double p, boolean fuse, Semantics s) {
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

    /**
     * Applies to {@code inputs} given in the user's formats, as Albumentations' {@code pipeline(image=..., bboxes=...)},
     * with the next seed of this pipeline's sequence (or a fresh random seed when it has none). See
     * {@link #apply(Inputs, long)}.
     */
    public Augmented apply(Inputs inputs) {
        Sample in = inputs.toSample(this);
        return new Augmented(apply(in), bboxParams, keypointParams, inputs.maskListSize());
    }

    /**
     * Applies to {@code inputs} given in the user's formats; the same seed gives the same output. Boxes and keypoints
     * are read in this pipeline's declared formats ({@link #bboxParams()}, {@link #keypointParams()}) at the image's
     * size and returned in them by the result, whose labels follow their rows.
     *
     * @throws IllegalArgumentException if the inputs give boxes or keypoints this pipeline has no params for, a label
     *                                  field it does not declare (or leave out one it does), a box or keypoint that is
     *                                  invalid in the declared format, or an image or mask it cannot work on — each
     *                                  message naming the field, row or target
     */
    public Augmented apply(Inputs inputs, long seed) {
        Sample in = inputs.toSample(this);
        return new Augmented(apply(in, seed), bboxParams, keypointParams, inputs.maskListSize());
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

    /**
     * Builds a {@link Compose}, as Albumentations' keyword arguments: {@code Compose.builder().add(new Blur())
     * .p(0.9).bboxParams(BboxParams.of("coco", "category_id")).seed(7).build()}. Not thread-safe; {@link #build()} may
     * be called more than once.
     */
    public static final class Builder {
        private final List<Transform> transforms = new ArrayList<>();
        private double p = 1.0;
        private BboxParams bboxParams;
        private KeypointParams keypointParams;
        private final Map<String, String> additionalTargets = new LinkedHashMap<>();
        private Long seed;
        private boolean fuseGeometry = true;

        private Builder() {}

        /** Appends {@code transform} to the pipeline. */
        public Builder add(Transform transform) {
            transforms.add(java.util.Objects.requireNonNull(transform, "transform"));
            return this;
        }

        /** Appends each of {@code transforms}, in order. */
        public Builder add(Transform... transforms) {
            for (Transform t : transforms) add(t);
            return this;
        }

        /** Replaces the transforms added so far with {@code transforms}, in order. */
        public Builder transforms(List<? extends Transform> transforms) {
            this.transforms.clear();
            for (Transform t : transforms) add(t);
            return this;
        }

        /** Probability of applying the pipeline at all, in [0, 1] (default 1; checked by {@link #build()}). */
        public Builder p(double p) {
            this.p = p;
            return this;
        }

        /** How boxes are given, returned and filtered, or null (default) for no boxes. */
        public Builder bboxParams(BboxParams bboxParams) {
            this.bboxParams = bboxParams;
            return this;
        }

        /** How keypoints are given, returned and filtered, or null (default) for no keypoints. */
        public Builder keypointParams(KeypointParams keypointParams) {
            this.keypointParams = keypointParams;
            return this;
        }

        /** Replaces the additional targets: name → {@code "image"} or {@code "mask"} (checked by {@link #build()}). */
        public Builder additionalTargets(Map<String, String> targets) {
            additionalTargets.clear();
            additionalTargets.putAll(targets);
            return this;
        }

        /** Adds one additional target: {@code name} → {@code "image"} or {@code "mask"} (checked by {@link #build()}). */
        public Builder additionalTarget(String name, String kind) {
            additionalTargets.put(java.util.Objects.requireNonNull(name, "name"), java.util.Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /** A seed making {@link Compose#apply(Sample)} and {@link Compose#apply(Inputs)} reproducible call by call (default: none). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether runs of affine spatial transforms are resampled once (default true; see {@link GeometryFusion}). */
        public Builder fuseGeometry(boolean on) {
            this.fuseGeometry = on;
            return this;
        }

        /**
         * The pipeline.
         *
         * @throws IllegalArgumentException if p is outside [0, 1] or an additional target is neither "image" nor "mask"
         */
        public Compose build() {
            return new Compose(transforms, p, bboxParams, keypointParams, additionalTargets, seed, fuseGeometry);
        }
    }
}
