package org.augment4j.compose;

import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_core.merge;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.augment4j.Container;
import org.augment4j.Sample;
import org.augment4j.Transform;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.Keypoints;
import org.augment4j.transform.Targets;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Applies its transforms, in order and each with its own p, to the selected channels of the image only, then writes
 * those channels back; Albumentations' {@code SelectiveChannelTransform} (defaults {@code channels} (0, 1, 2), p = 1).
 * Targets: image (and the additional images, with the same parameters); masks, boxes and keypoints are untouched.
 *
 * <p>The children see an image of {@code channels.length} channels in the order given. They must keep its size,
 * channel count and depth (pixel-level transforms do); anything else is an error. Channels must be distinct and exist
 * in every image.
 */
@Targets(Targets.IMAGE)
public final class SelectiveChannelTransform extends Container {
    private final int[] channels;

    /**
     * @param transforms the transforms to apply to the selected channels, in order
     * @param channels   indices of the channels to select, distinct and non-negative, in the order the children see them
     * @param p          probability of applying the container, in [0, 1]
     */
    public SelectiveChannelTransform(List<? extends Transform> transforms, int[] channels, double p) {
        super(transforms, p);
        Check.that(channels.length > 0, "SelectiveChannelTransform", "channels must name at least one channel");
        for (int c : channels) Check.nonNegative("SelectiveChannelTransform", "channels", c);
        Check.that(Arrays.stream(channels).distinct().count() == channels.length, "SelectiveChannelTransform",
                "channels must be distinct, got " + Arrays.toString(channels));
        this.channels = channels.clone();
    }

    /** Channels 0, 1, 2 with p = 1. */
    public SelectiveChannelTransform(List<? extends Transform> transforms) {
        this(transforms, new int[] {0, 1, 2}, 1.0);
    }

    /** The selected channel indices (a copy). */
    public int[] channels() {
        return channels.clone();
    }

    @Override
    protected List<Pick> choose(Sample sample, RandomGenerator rng) {
        return all(transforms.size(), false);
    }

    @Override
    public Sample applyPicks(Sample sample, List<Pick> picks, Step step) {
        Set<Mat> temporary = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            Map<String, Mat> selected = new LinkedHashMap<>();
            for (Map.Entry<String, Mat> e : sample.images().entrySet()) {
                Mat m = select(e.getKey(), e.getValue());
                temporary.add(m);
                selected.put(e.getKey(), m);
            }
            Sample sub = sample.withImages(selected).withMasks(Map.of()).withBoxes(BoundingBoxes.empty()).withKeypoints(Keypoints.empty());
            Sample out = chain(sub, picks, transforms, step);
            temporary.addAll(out.mats());
            Map<String, Mat> merged = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, Mat> e : sample.images().entrySet()) merged.put(e.getKey(), writeBack(e.getKey(), e.getValue(), out.images().get(e.getKey())));
            } catch (RuntimeException ex) {
                Mats.release(merged.values().toArray(new Mat[0]));
                throw ex;
            }
            return out.withImages(merged).withMasks(sample.masks()).withBoxes(sample.boxes()).withKeypoints(sample.keypoints());
        } finally {
            Mats.release(temporary.toArray(new Mat[0]));
        }
    }

    /** A new matrix holding the selected channels of {@code image}, in order. */
    private Mat select(String name, Mat image) {
        for (int c : channels) {
            Check.that(c < image.channels(), name(), "channel " + c + " does not exist in image '" + name + "' with " + image.channels() + " channel(s)");
        }
        Mat[] parts = new Mat[channels.length];
        try {
            for (int k = 0; k < channels.length; k++) {
                parts[k] = new Mat();
                extractChannel(image, parts[k], channels[k]);
            }
            if (parts.length == 1) {
                Mat only = parts[0];
                parts[0] = null;
                return only;
            }
            Mat out = new Mat();
            try (MatVector v = new MatVector(parts)) {
                merge(v, out);
            }
            return out;
        } finally {
            for (Mat m : parts) if (m != null) m.close();
        }
    }

    /** A copy of {@code original} with the channels of {@code transformed} written back to their places. */
    private Mat writeBack(String name, Mat original, Mat transformed) {
        if (transformed == null || transformed.rows() != original.rows() || transformed.cols() != original.cols()
                || transformed.channels() != channels.length || transformed.depth() != original.depth()) {
            throw new IllegalArgumentException(name() + ": its transforms must keep the size, channel count and depth of the selected channels of '"
                    + name + "' (" + original.cols() + "x" + original.rows() + ", " + channels.length + " channel(s), depth " + original.depth()
                    + "), got " + (transformed == null ? "no image" : Mats.describe(transformed)));
        }
        Mat out = original.clone();
        try (Mat ch = new Mat()) {
            for (int k = 0; k < channels.length; k++) {
                extractChannel(transformed, ch, k);
                insertChannel(ch, out, channels[k]);
            }
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }

    @Override
    protected Map<String, Object> extraArgs() {
        return Map.of("channels", Arrays.stream(channels).boxed().toList());
    }

    @Override
    protected Container copy(List<Transform> children, double p) {
        return new SelectiveChannelTransform(children, channels, p);
    }
}
