package org.augment4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.augment4j.internal.GeometryStep;
import org.augment4j.opencv.Mats;
import org.augment4j.target.BboxParams;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.Keypoints;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One training sample: the image plus everything that must move with it — extra named images, named masks, bounding
 * boxes and keypoints (in internal form, see {@link BoundingBoxes} and {@link Keypoints}).
 *
 * <p>A sample is an immutable value over native matrices: {@code with…} methods return a new sample sharing the
 * unchanged parts. Transforms never modify a matrix they were given; they return new ones, and {@link Compose} releases
 * intermediate matrices as soon as they are replaced. The caller owns the matrices of the samples it creates and of the
 * result; {@link #close()} releases all of them. After {@code close()}, this sample's accessors and {@code with…}
 * methods throw {@link IllegalStateException} ("sample is closed"), as does applying a transform to it.
 */
public final class Sample implements AutoCloseable {
    static {
        org.augment4j.internal.SampleInternals.install(new org.augment4j.internal.SampleInternals.Access() {
            @Override
            public org.augment4j.internal.PendingWarp pending(Sample sample) {
                return sample.pending();
            }

            @Override
            public Sample withPending(Sample sample, org.augment4j.internal.PendingWarp pending) {
                return sample.withPending(pending);
            }

            @Override
            public Sample withStep(Sample sample, GeometryStep step) {
                return sample.withStep(step);
            }
        });
    }

    /** The name of the main image. */
    public static final String IMAGE = "image";
    /** The name of the main mask. */
    public static final String MASK = "mask";

    private final Map<String, Mat> images;
    private final Map<String, Mat> masks;
    private final BoundingBoxes boxes;
    private final Keypoints keypoints;
    private final BboxParams bboxParams;
    private final KeypointParams keypointParams;
    private final List<AppliedTransform> applied;
    private final Map<String, Object> metadata;
    private final List<GeometryStep> steps;
    private final org.augment4j.internal.PendingWarp pending;
    /** Set by {@link #close()}; checked by the accessors (a plain field: a cheap guard against use after close in the closing thread). */
    private boolean closed;

    private Sample(Map<String, Mat> images, Map<String, Mat> masks, BoundingBoxes boxes, Keypoints keypoints,
                   BboxParams bboxParams, KeypointParams keypointParams, List<AppliedTransform> applied, Map<String, Object> metadata,
                   List<GeometryStep> steps, org.augment4j.internal.PendingWarp pending) {
        this.images = images;
        this.masks = masks;
        this.boxes = boxes;
        this.keypoints = keypoints;
        this.bboxParams = bboxParams;
        this.keypointParams = keypointParams;
        this.applied = applied;
        this.metadata = metadata;
        this.steps = steps;
        this.pending = pending;
    }

    /** A sample holding just an image. */
    public static Sample of(Mat image) {
        return builder().image(image).build();
    }

    /** A builder for a sample with several images, masks, boxes or keypoints. */
    public static Builder builder() {
        return new Builder();
    }

    /** The main image (HWC, RGB, uint8 or float32). */
    public Mat image() {
        ensureOpen();
        return images.get(IMAGE);
    }

    /** All images, the main one first under {@link #IMAGE}. */
    public Map<String, Mat> images() {
        ensureOpen();
        return images;
    }

    /** The main mask, or null. */
    public Mat mask() {
        ensureOpen();
        return masks.get(MASK);
    }

    /** All masks by name. */
    public Map<String, Mat> masks() {
        ensureOpen();
        return masks;
    }

    /**
     * The boxes in internal form: <b>normalised</b> {@code [x_min, y_min, x_max, y_max]} (fractions of the width and
     * height), whatever format the pipeline declares. For boxes in the declared format use {@code Augmented.bboxes()}.
     */
    public BoundingBoxes boxes() {
        ensureOpen();
        return boxes;
    }

    /** The keypoints in internal form: {@code [x, y, angle_radians, scale]} in pixels. */
    public Keypoints keypoints() {
        ensureOpen();
        return keypoints;
    }

    /** The box parameters of the pipeline running this sample (label-aware transforms filter with them), or null. */
    public BboxParams bboxParams() {
        return bboxParams;
    }

    /** The keypoint parameters of the pipeline running this sample, or null. */
    public KeypointParams keypointParams() {
        return keypointParams;
    }

    /** Image width in pixels (after any pending warp). */
    public int width() {
        ensureOpen();
        return pending != null && !pending.isEmpty() ? pending.outWidth() : image().cols();
    }

    /** Image height in pixels (after any pending warp). */
    public int height() {
        ensureOpen();
        return pending != null && !pending.isEmpty() ? pending.outHeight() : image().rows();
    }

    /**
     * The affine warp still to be applied to the images and masks, or null. Inside a {@link Compose} that fuses
     * geometry, a run of spatial transforms moves the labels and sizes at once and leaves the pixels to one resampling
     * at the end of the run; until then {@link #images()} and {@link #masks()} hold the pixels from before the run.
     */
    org.augment4j.internal.PendingWarp pending() {
        return pending;
    }

    /** This sample with {@code p} as its pending warp (null: none). */
    Sample withPending(org.augment4j.internal.PendingWarp p) {
        ensureOpen();
        return new Sample(images, masks, boxes, keypoints, bboxParams, keypointParams, applied, metadata, steps, p);
    }

    /** Transforms applied so far, with their sampled parameters, in order. */
    public List<AppliedTransform> applied() {
        return applied;
    }

    /** This sample with other images (same names, same size), everything else equal. */
    public Sample withImages(Map<String, Mat> newImages) {
        ensureOpen();
        return new Sample(Collections.unmodifiableMap(new LinkedHashMap<>(newImages)), masks, boxes, keypoints, bboxParams, keypointParams, applied, metadata, steps, pending);
    }

    /** This sample with other masks, everything else equal. */
    public Sample withMasks(Map<String, Mat> newMasks) {
        ensureOpen();
        return new Sample(images, Collections.unmodifiableMap(new LinkedHashMap<>(newMasks)), boxes, keypoints, bboxParams, keypointParams, applied, metadata, steps, pending);
    }

    /** This sample with other boxes (normalised), everything else equal. */
    public Sample withBoxes(BoundingBoxes b) {
        ensureOpen();
        return new Sample(images, masks, b, keypoints, bboxParams, keypointParams, applied, metadata, steps, pending);
    }

    /** This sample with other keypoints (pixels), everything else equal. */
    public Sample withKeypoints(Keypoints k) {
        ensureOpen();
        return new Sample(images, masks, boxes, k, bboxParams, keypointParams, applied, metadata, steps, pending);
    }

    /** This sample with the label parameters of the pipeline running it. */
    public Sample withLabelParams(BboxParams bp, KeypointParams kp) {
        ensureOpen();
        return new Sample(images, masks, boxes, keypoints, bp, kp, applied, metadata, steps, pending);
    }

    /** This sample with one more entry in its {@link #applied()} log. */
    public Sample withApplied(AppliedTransform a) {
        ensureOpen();
        List<AppliedTransform> log = new ArrayList<>(applied.size() + 1);
        log.addAll(applied);
        log.add(a);
        return new Sample(images, masks, boxes, keypoints, bboxParams, keypointParams, Collections.unmodifiableList(log), metadata, steps, pending);
    }

    /** This sample with an empty {@link #applied()} log. */
    public Sample withoutApplied() {
        ensureOpen();
        return new Sample(images, masks, boxes, keypoints, bboxParams, keypointParams, List.of(), metadata, steps, pending);
    }

    /**
     * Extra per-sample data read by label-aware and multi-image transforms, by Albumentations' key (for example
     * {@code mosaic_metadata}: a list of further samples for Mosaic). Never transformed; never owned by the sample.
     */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** This sample with one more metadata entry. */
    public Sample withMetadata(String key, Object value) {
        ensureOpen();
        Map<String, Object> m = new LinkedHashMap<>(metadata);
        m.put(key, value);
        return new Sample(images, masks, boxes, keypoints, bboxParams, keypointParams, applied, Collections.unmodifiableMap(m), steps, pending);
    }

    /** The spatial steps applied so far, in order: what {@link Inverse} walks back. */
    public List<GeometryStep> steps() {
        return steps;
    }

    /** This sample with one more spatial step. */
    Sample withStep(GeometryStep step) {
        ensureOpen();
        List<GeometryStep> l = new ArrayList<>(steps.size() + 1);
        l.addAll(steps);
        l.add(step);
        return new Sample(images, masks, boxes, keypoints, bboxParams, keypointParams, applied, metadata, Collections.unmodifiableList(l), pending);
    }

    /** Every native matrix of the sample, by identity. */
    public Set<Mat> mats() {
        ensureOpen();
        Set<Mat> s = Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(images.values());
        s.addAll(masks.values());
        return s;
    }

    /**
     * Releases the matrices of {@code old} that {@code next} no longer holds, except those in {@code protect}
     * (matrices owned by the caller). How pipelines free intermediate results deterministically.
     */
    public static void releaseReplaced(Sample old, Sample next, Set<Mat> protect) {
        Set<Mat> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(next.mats());
        keep.addAll(protect);
        for (Mat m : old.mats()) if (!keep.contains(m)) Mats.release(m);
    }

    /**
     * Releases every matrix of this sample; afterwards its accessors throw {@link IllegalStateException}. Closing again
     * does nothing. Other samples sharing these matrices (made with {@code with…} methods) see them released.
     */
    @Override
    public void close() {
        if (closed) return;
        for (Mat m : mats()) Mats.release(m);
        closed = true;
    }

    /** Whether {@link #close()} has been called on this sample. */
    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("sample is closed: close() released its images and masks; use the sample before closing it, or build a new one");
        }
    }

    /** Builds a sample. */
    public static final class Builder {
        private final Map<String, Mat> images = new LinkedHashMap<>();
        private final Map<String, Mat> masks = new LinkedHashMap<>();
        private BoundingBoxes boxes = BoundingBoxes.empty();
        private Keypoints keypoints = Keypoints.empty();

        /** The main image. */
        public Builder image(Mat image) {
            images.put(IMAGE, image);
            return this;
        }

        /** An additional image, transformed with the same parameters as the main one. */
        public Builder image(String name, Mat image) {
            images.put(name, image);
            return this;
        }

        /** The main mask. */
        public Builder mask(Mat mask) {
            masks.put(MASK, mask);
            return this;
        }

        /** A named mask. */
        public Builder mask(String name, Mat mask) {
            masks.put(name, mask);
            return this;
        }

        /** Boxes in internal form (see {@link org.augment4j.target.TargetCodec} to convert from a user format). */
        public Builder boxes(BoundingBoxes b) {
            boxes = b;
            return this;
        }

        /** The keypoints, in pixels. */
        public Builder keypoints(Keypoints k) {
            keypoints = k;
            return this;
        }

        /** The sample; it needs at least the image. */
        public Sample build() {
            if (!images.containsKey(IMAGE)) throw new IllegalArgumentException("a sample needs an image");
            Map<String, Mat> imgs = new LinkedHashMap<>();
            imgs.put(IMAGE, images.get(IMAGE));
            imgs.putAll(images);
            return new Sample(Collections.unmodifiableMap(imgs), Collections.unmodifiableMap(new LinkedHashMap<>(masks)),
                    boxes, keypoints, null, null, List.of(), Map.of(), List.of(), null);
        }
    }
}
