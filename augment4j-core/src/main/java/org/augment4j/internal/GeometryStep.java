package org.augment4j.internal;

import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.internal.geometry.ProjectiveGeometry;

/**
 * One spatial step a sample went through: the transform's name, its geometry when the map can be inverted (affine or
 * perspective), and the size of the image it was applied to.
 *
 * @param transform the transform's name
 * @param geometry  an {@link AffineGeometry} or {@link ProjectiveGeometry}, or null when the step cannot be inverted
 *                  (displacement fields, tile shuffles, mosaics)
 * @param srcWidth  width of the image the step was applied to
 * @param srcHeight height of the image the step was applied to
 */
public record GeometryStep(String transform, Geometry geometry, int srcWidth, int srcHeight) {

    /** Only affine and perspective geometries can be kept (others make a {@link #notInvertible} step). */
    public GeometryStep {
        if (geometry != null && !(geometry instanceof AffineGeometry || geometry instanceof ProjectiveGeometry)) {
            throw new IllegalArgumentException("only affine and perspective geometries are kept for inversion, got " + geometry.getClass().getSimpleName());
        }
    }

    /** A step that cannot be walked back. */
    public static GeometryStep notInvertible(String transform, int srcWidth, int srcHeight) {
        return new GeometryStep(transform, null, srcWidth, srcHeight);
    }

    /** Whether the step can be walked back (its geometry is known). */
    public boolean invertible() {
        return geometry != null;
    }
}
