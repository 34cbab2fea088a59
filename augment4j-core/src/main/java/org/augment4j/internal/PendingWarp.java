package org.augment4j.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.transform.Resampling;

/**
 * Affine steps whose labels have moved but whose pixels have not yet been resampled (see {@link org.augment4j.transform.GeometryFusion}):
 * each step with its own resampling settings and the size of its input. Immutable.
 *
 * @param steps the deferred steps, in order
 */
public record PendingWarp(List<Step> steps) {
    /** One deferred step: its geometry, its resampling settings and the size of the image it applies to. */
    public record Step(AffineGeometry geometry, Resampling resampling, int inWidth, int inHeight) {}

    private static final PendingWarp EMPTY = new PendingWarp(List.of());

    /** Copies {@code steps} into an unmodifiable list. */
    public PendingWarp {
        steps = List.copyOf(steps);
    }

    /** No step yet: fusion is allowed, nothing is deferred. */
    public static PendingWarp empty() {
        return EMPTY;
    }

    /** Whether no step is deferred. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** These steps and then {@code step}. */
    public PendingWarp then(Step step) {
        List<Step> l = new ArrayList<>(steps);
        l.add(step);
        return new PendingWarp(Collections.unmodifiableList(l));
    }

    /** The last step. */
    public Step last() {
        return steps.get(steps.size() - 1);
    }

    /** All steps as one geometry (labels are carried step by step; only the image matrix of this one is used). */
    public AffineGeometry composed() {
        AffineGeometry g = steps.get(0).geometry();
        for (int i = 1; i < steps.size(); i++) g = g.then(steps.get(i).geometry());
        return g;
    }

    /** Width after the last step. */
    public int outWidth() {
        return last().geometry().outWidth();
    }

    /** Height after the last step. */
    public int outHeight() {
        return last().geometry().outHeight();
    }
}
