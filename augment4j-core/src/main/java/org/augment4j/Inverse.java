package org.augment4j;

import java.util.List;
import org.augment4j.internal.GeometryStep;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.LabelGeometry;
import org.augment4j.internal.geometry.ProjectiveGeometry;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.Keypoints;

/**
 * Test-time augmentation: maps boxes and keypoints predicted on an augmented image back onto the original image, by
 * walking the sample's {@link Sample#steps() spatial steps} backwards. Works for every step whose map is invertible —
 * flips, transposes, quarter turns, crops (with their offset), resizes, pads, rotations, affine and perspective warps;
 * a displacement-field warp (elastic, grid, optical distortion) or a mosaic in the chain is an error naming it.
 *
 * <p>Rows are never dropped, so prediction {@code i} stays result {@code i}; boxes are clipped to the original image.
 * Under a rotation a box comes back as the bounding box of its mapped corners (larger than the box it came from).
 */
public final class Inverse {
    private Inverse() {}

    /** Boxes (internal, normalised to the augmented image) mapped back onto the original image, normalised to it. */
    public static BoundingBoxes boxes(Sample augmented, BoundingBoxes predicted) {
        double[][] b = predicted.toArray();
        for (GeometryStep step : reversed(augmented)) {
            int outW = step.geometry().outWidth(), outH = step.geometry().outHeight();
            b = step.geometry() instanceof AffineGeometry a
                    ? LabelGeometry.boxes(b, a.inverse(step.srcWidth(), step.srcHeight()), outW, outH)
                    : LabelGeometry.boxes(b, ((ProjectiveGeometry) step.geometry()).inverse(step.srcWidth(), step.srcHeight()), outW, outH);
        }
        for (double[] box : b) {
            for (int k = 0; k < 4; k++) box[k] = Math.min(1, Math.max(0, box[k]));
        }
        return predicted.withBoxes(b);
    }

    /** Keypoints (internal, pixels of the augmented image) mapped back onto the original image, angle and scale undone. */
    public static Keypoints keypoints(Sample augmented, Keypoints predicted) {
        double[][] k = predicted.toArray();
        for (GeometryStep step : reversed(augmented)) {
            k = step.geometry() instanceof AffineGeometry a
                    ? LabelGeometry.keypoints(k, a.inverse(step.srcWidth(), step.srcHeight()))
                    : LabelGeometry.keypoints(k, ((ProjectiveGeometry) step.geometry()).inverse(step.srcWidth(), step.srcHeight()));
        }
        return predicted.withPoints(k);
    }

    /** {width, height} of the original image: the input of the first spatial step (or the sample's own size). */
    public static int[] originalSize(Sample augmented) {
        List<GeometryStep> steps = augmented.steps();
        return steps.isEmpty() ? new int[] {augmented.width(), augmented.height()} : new int[] {steps.get(0).srcWidth(), steps.get(0).srcHeight()};
    }

    private static List<GeometryStep> reversed(Sample s) {
        for (GeometryStep step : s.steps()) {
            if (!step.invertible()) {
                throw new IllegalArgumentException("cannot map labels back through " + step.transform() + ": its spatial map is not invertible");
            }
        }
        List<GeometryStep> r = new java.util.ArrayList<>(s.steps());
        java.util.Collections.reverse(r);
        return r;
    }
}
