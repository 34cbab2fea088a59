package org.augment4j.compose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.Keypoints;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Java functions as a transform; Albumentations' {@code Lambda} (default p = 1). Targets: image (and the additional
 * images), mask (and the other masks), bboxes, keypoints — each through its function, or unchanged when none is given.
 *
 * <p>The image and mask functions must not modify the matrix they get; they return a new one (or the same one,
 * unchanged). Boxes are in internal form (normalised {@code [x_min, y_min, x_max, y_max]}), keypoints in pixels
 * {@code [x, y, angle, scale]}; labels ride along.
 *
 * <p>A Lambda holds code, so a pipeline holding one cannot be saved: {@link #toDict()} (and so
 * {@code PipelineFile.save}) fails naming it. Albumentations writes a lambda by {@code __name__} only; such a file
 * loads here when the lambdas are handed over by name ({@code PipelineFile.Options.withLambdas}), and replays record
 * them the same way.
 */
public final class Lambda extends BasicTransform<NoParams> {
    private final String lambdaName;
    private final UnaryOperator<Mat> image;
    private final UnaryOperator<Mat> mask;
    private final UnaryOperator<BoundingBoxes> bboxes;
    private final UnaryOperator<Keypoints> keypoints;

    /**
     * @param name      the name it is known by in replays and in files written by Albumentations (required)
     * @param image     applied to every image, or null
     * @param mask      applied to every mask, or null
     * @param bboxes    applied to the boxes, or null
     * @param keypoints applied to the keypoints, or null
     */
    public Lambda(String name, UnaryOperator<Mat> image, UnaryOperator<Mat> mask, UnaryOperator<BoundingBoxes> bboxes,
                  UnaryOperator<Keypoints> keypoints, double p) {
        super(p);
        Check.that(name != null && !name.isBlank(), "Lambda", "name is required (it names the lambda in replays and errors)");
        this.lambdaName = name;
        this.image = image;
        this.mask = mask;
        this.bboxes = bboxes;
        this.keypoints = keypoints;
    }

    /** A Lambda that applies {@code image} to the images only, with p = 1. */
    public static Lambda ofImage(String name, UnaryOperator<Mat> image) {
        return new Lambda(name, image, null, null, null, 1.0);
    }

    /** The name given at construction. */
    public String lambdaName() {
        return lambdaName;
    }

    @Override
    public NoParams sampleParams(Sample sample, RandomGenerator rng) {
        return NoParams.instance();
    }

    @Override
    public Sample apply(Sample sample, NoParams params) {
        Sample out = sample;
        if (image != null) out = out.withImages(map(sample.images(), image));
        if (mask != null) out = out.withMasks(map(sample.masks(), mask));
        if (bboxes != null) out = out.withBoxes(bboxes.apply(sample.boxes()));
        if (keypoints != null) out = out.withKeypoints(keypoints.apply(sample.keypoints()));
        return out;
    }

    private static Map<String, Mat> map(Map<String, Mat> in, UnaryOperator<Mat> f) {
        Map<String, Mat> out = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : in.entrySet()) out.put(e.getKey(), f.apply(e.getValue()));
        return out;
    }

    /** Always fails: a Lambda cannot be written to a pipeline file. */
    @Override
    protected Map<String, Object> args() {
        throw new UnsupportedOperationException("Lambda '" + lambdaName + "' cannot be saved to a pipeline file: it holds Java code"
                + " (remove it before saving, or save the rest and add it back after loading)");
    }

    @Override
    public String toString() {
        return "Lambda(" + lambdaName + ", p=" + probability() + ")";
    }
}
