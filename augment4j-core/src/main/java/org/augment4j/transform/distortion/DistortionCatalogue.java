package org.augment4j.transform.distortion;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The displacement-field distortions (grid, optical, piecewise affine, thin-plate spline, grid elastic) a pipeline file may name. */
public final class DistortionCatalogue {
    private DistortionCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("GridDistortion", GridDistortion::fromDict);
        r.accept("OpticalDistortion", OpticalDistortion::fromDict);
        r.accept("PiecewiseAffine", PiecewiseAffine::fromDict);
        r.accept("ThinPlateSpline", ThinPlateSpline::fromDict);
        r.accept("GridElasticDeform", GridElasticDeform::fromDict);
    }
}
