package org.augment4j.compose;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.Semantics;
import org.augment4j.Transform;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.PipelineFile;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointParams;

/**
 * A {@link Compose} that records what each run did, to apply exactly the same to another sample; Albumentations'
 * {@code ReplayCompose} (default {@code save_key} "replay").
 *
 * <p>Every output carries, in {@link Sample#metadata()} under {@code save_key} (see {@link #replayOf(Sample)}), the
 * replay: the pipeline's {@code to_dict} tree where each transform has {@code applied} and {@code params} (its sampled
 * parameters under Albumentations' names, the record of {@link Sample#applied()}), and each container has
 * {@code params: {"chosen": [...]}}, the children it picked in order. It is plain JSON data: save it, then
 * {@link #replay(Map, Sample)} builds the pipeline from it and applies the same choices and parameters to any sample
 * (pinned with {@code applyForced}, so parameters that depend on the image size are re-derived from it only where the
 * transform itself records fractions).
 *
 * <p>Limits: a transform picked twice by one container (SomeOf or RandomOrder with replacement) replays its last
 * parameters both times; a {@link Transform} that is neither a {@code BasicTransform} nor a container is replayed by
 * running it again. {@link #apply(Sample, long, Map)} (pinned parameters) records nothing.
 */
public final class ReplayCompose extends Compose {
    /** Albumentations' default {@code save_key}. */
    public static final String DEFAULT_SAVE_KEY = "replay";
    private final String saveKey;

    /**
     * @param transforms        the transforms, in order
     * @param p                 probability of applying any of them
     * @param bboxParams        how boxes are read and filtered, or null for no boxes
     * @param keypointParams    how keypoints are read and filtered, or null for no keypoints
     * @param additionalTargets extra images and masks by name → {@code "image"} or {@code "mask"}
     * @param seed              seed for {@code apply(Sample)}, or null for a fresh random seed per call
     * @param saveKey           the metadata key the replay is stored under (Albumentations' {@code save_key}), non-blank
     */
    public ReplayCompose(List<? extends Transform> transforms, double p, BboxParams bboxParams, KeypointParams keypointParams,
                         Map<String, String> additionalTargets, Long seed, String saveKey) {
        this(transforms, p, bboxParams, keypointParams, additionalTargets, seed, saveKey, true);
    }

    /** As above, with geometry fusion on or off (see {@link Compose#withGeometryFusion}). */
    public ReplayCompose(List<? extends Transform> transforms, double p, BboxParams bboxParams, KeypointParams keypointParams,
                         Map<String, String> additionalTargets, Long seed, String saveKey, boolean fuseGeometry) {
        this(transforms, p, bboxParams, keypointParams, additionalTargets, seed, saveKey, fuseGeometry, Semantics.ALBUMENTATIONS_2);
    }

    private ReplayCompose(List<? extends Transform> transforms, double p, BboxParams bboxParams, KeypointParams keypointParams,
                          Map<String, String> additionalTargets, Long seed, String saveKey, boolean fuseGeometry, Semantics semantics) {
        super(transforms, p, bboxParams, keypointParams, additionalTargets, seed, fuseGeometry, semantics);
        if (saveKey == null || saveKey.isBlank()) throw new IllegalArgumentException("ReplayCompose: save_key must be a non-empty string");
        this.saveKey = saveKey;
    }

    /** A pipeline applied with p = 1, no labels, and the replay under {@value #DEFAULT_SAVE_KEY}. */
    public ReplayCompose(List<? extends Transform> transforms) {
        this(transforms, 1.0, null, null, Map.of(), null, DEFAULT_SAVE_KEY);
    }

    @Override
    public ReplayCompose withGeometryFusion(boolean on) {
        return (ReplayCompose) super.withGeometryFusion(on);
    }

    @Override
    public ReplayCompose withSemantics(Semantics semantics) {
        return (ReplayCompose) super.withSemantics(semantics);
    }

    @Override
    protected ReplayCompose copy(List<Transform> children, double p, boolean fuse, Semantics s) {
        return new ReplayCompose(children, p, bboxParams(), keypointParams(), additionalTargets(), seed(), saveKey, fuse, s);
    }

    /** The metadata key under which outputs carry their replay. */
    public String saveKey() {
        return saveKey;
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator rng) {
        return recorded(sample, rng, false);
    }

    @Override
    public Sample applyAlways(Sample sample, RandomGenerator rng) {
        return recorded(sample, rng, true);
    }

    private Sample recorded(Sample sample, RandomGenerator rng, boolean always) {
        Replay.Node root = new Replay.Node(this);
        Sample out = applyWith(sample, rng, always, Replay.recorder(root, rng));
        return out.withMetadata(saveKey, Replay.tree(root));
    }

    /** The replay an output of this pipeline carries. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> replayOf(Sample output) {
        Object r = output.metadata().get(saveKey);
        if (!(r instanceof Map)) throw new IllegalArgumentException("ReplayCompose: the sample carries no replay under '" + saveKey + "'");
        return (Map<String, Object>) r;
    }

    /**
     * Applies a saved replay to {@code sample}: the same containers' choices and the same parameters.
     *
     * @throws PipelineException when the replay is malformed, naming the JSON path
     */
    public static Sample replay(Map<String, Object> savedReplay, Sample sample) {
        return replay(savedReplay, sample, Map.of());
    }

    /** As {@link #replay(Map, Sample)}, for a pipeline holding {@link Lambda}s, handed over by name. */
    public static Sample replay(Map<String, Object> savedReplay, Sample sample, Map<String, ? extends Transform> lambdas) {
        Object name = savedReplay.get("__class_fullname__");
        String shortName = name instanceof String s ? s.substring(s.lastIndexOf('.') + 1) : "";
        if (!shortName.equals("Compose") && !shortName.equals("ReplayCompose")) {
            throw new PipelineException("$.__class_fullname__", "a replay is the tree of a ReplayCompose or Compose, got " + name);
        }
        Compose pipeline = PipelineFile.fromTree(Replay.strip(savedReplay), PipelineFile.Options.defaults().withLambdas(lambdas));
        return Replay.play(savedReplay, pipeline, sample, Seeds.generator(0), "$");
    }

    @Override
    public Map<String, Object> toDict(List<?> children) {
        Map<String, Object> d = new java.util.LinkedHashMap<>(super.toDict(children));
        d.put("save_key", saveKey);
        return d;
    }
}
