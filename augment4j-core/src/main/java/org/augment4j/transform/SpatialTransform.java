package org.augment4j.transform;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.internal.DisplacementLabels;
import org.augment4j.internal.SampleInternals;
import org.augment4j.internal.Warp;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.DisplacementGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.internal.geometry.LabelGeometry;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A spatial transform: sample parameters, describe the change as one {@link Geometry}, and every target follows it —
 * images with the transform's interpolation, masks with {@code mask_interpolation} (nearest by default) and
 * {@code fill_mask}, boxes and keypoints through the same map.
 */
public abstract class SpatialTransform<P extends Record> extends BasicTransform<P> {
    /** Interpolation, border and fill settings shared by spatial transforms. */
    protected final Resampling resampling;

    /**
     * @param p probability of applying the transform, in [0, 1]
     * @param resampling interpolation, border mode and fills for images and masks
     */
    protected SpatialTransform(double p, Resampling resampling) {
        super(p);
        this.resampling = resampling;
    }

    /** The geometry of one application to a sample of this size. A {@link DisplacementGeometry} is closed by the caller. */
    protected abstract Geometry geometry(Sample sample, P params);

    /**
     * Spatial transforms sample their parameters and geometry from the sample's size, labels and metadata only, so they
     * can run on a sample whose pixels wait in a pending warp (see {@link GeometryFusion}). A subclass that reads
     * pixels or masks to decide returns false.
     */
    @Override
    protected boolean acceptsPendingPixels() {
        return true;
    }

    /**
     * The geometry of one application as steps resampled one after the other: by default the one {@link #geometry}. A
     * transform whose reference implementation warps the whole frame and then slices it (Rotate with crop_border)
     * returns both steps, so that its pixels round as the full-frame warp's do (a warp straight into the slice rounds
     * OpenCV's fixed-point coordinates differently). Every step is computed from the input sample.
     */
    protected List<Geometry> geometrySteps(Sample sample, P params) {
        return List.of(geometry(sample, params));
    }

    @Override
    public final Sample apply(Sample sample, P params) {
        List<Geometry> steps = geometrySteps(sample, params);
        Sample out = sample;
        try {
            for (Geometry g : steps) {
                Sample next = applyStep(out, g);
                if (out != sample) GeometryFusion.release(out, sample, next); // an intermediate step's pixels
                out = next;
            }
            return out;
        } catch (RuntimeException e) {
            if (out != sample) GeometryFusion.release(out, sample, sample);
            throw e;
        } finally {
            for (Geometry g : steps) if (g instanceof DisplacementGeometry d) d.close();
        }
    }

    private Sample applyStep(Sample sample, Geometry g) {
        if (SampleInternals.pending(sample) != null && g instanceof AffineGeometry a && GeometryFusion.canJoin(SampleInternals.pending(sample), a, resampling)) {
            return GeometryFusion.defer(sample, a, resampling, name());
        }
        return GeometryFusion.withPixels(sample, real -> applyGeometry(real, g, resampling, name()));
    }

    /** Carries every target of {@code sample} through {@code g}, and records the step (as {@code name}) for {@link org.augment4j.Inverse}. */
    public static Sample applyGeometry(Sample sample, Geometry g, Resampling r, String name) {
        int w = sample.width(), h = sample.height();
        Map<String, Mat> images = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : sample.images().entrySet()) {
            images.put(e.getKey(), warp(e.getValue(), g, r.interpolation(), r.borderMode(), r.fill()));
        }
        Map<String, Mat> masks = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : sample.masks().entrySet()) {
            masks.put(e.getKey(), warp(e.getValue(), g, r.maskInterpolation(), r.borderMode(), r.fillMask()));
        }
        return moveLabels(sample.withImages(images).withMasks(masks), g, w, h, name);
    }

    /**
     * {@code sample} with its boxes and keypoints carried through {@code g} (from a {@code w × h} image) and the step
     * recorded as {@code name}; images and masks untouched.
     */
    static Sample moveLabels(Sample sample, Geometry g, int w, int h, String name) {
        Sample out = SampleInternals.withStep(sample, new org.augment4j.internal.GeometryStep(name, g instanceof DisplacementGeometry ? null : g, w, h));
        if (g instanceof AffineGeometry a) {
            if (sample.boxes().size() > 0) out = out.withBoxes(sample.boxes().withBoxes(LabelGeometry.boxes(sample.boxes().toArray(), a, w, h)));
            if (sample.keypoints().size() > 0) out = out.withKeypoints(sample.keypoints().withPoints(LabelGeometry.keypoints(sample.keypoints().toArray(), a)));
        } else if (g instanceof org.augment4j.internal.geometry.ProjectiveGeometry pg) {
            if (sample.boxes().size() > 0) out = out.withBoxes(sample.boxes().withBoxes(LabelGeometry.boxes(sample.boxes().toArray(), pg, w, h)));
            if (sample.keypoints().size() > 0) out = out.withKeypoints(sample.keypoints().withPoints(LabelGeometry.keypoints(sample.keypoints().toArray(), pg)));
        } else if (g instanceof DisplacementGeometry d) {
            if (sample.boxes().size() > 0) out = out.withBoxes(sample.boxes().withBoxes(DisplacementLabels.boxes(sample.boxes().toArray(), d, w, h)));
            if (sample.keypoints().size() > 0) out = out.withKeypoints(sample.keypoints().withPoints(DisplacementLabels.keypoints(sample.keypoints().toArray(), d)));
        }
        return out;
    }

    /** {@code m} resampled through {@code g}; a new matrix. */
    static Mat warp(Mat m, Geometry g, int interpolation, int border, Fill fill) {
        try (org.bytedeco.opencv.opencv_core.Scalar value = fill.scalar()) {
            if (g instanceof AffineGeometry a) return Warp.affine(m, a, interpolation, border, value);
            if (g instanceof org.augment4j.internal.geometry.ProjectiveGeometry p) return Warp.perspective(m, p, interpolation, border, value);
            return Warp.remapped(m, (DisplacementGeometry) g, interpolation, border, value);
        }
    }

    /** Nearest-neighbour interpolation, the default for masks. */
    public static final int NEAREST = INTER_NEAREST;
}
