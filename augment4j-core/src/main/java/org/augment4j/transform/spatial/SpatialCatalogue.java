package org.augment4j.transform.spatial;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The spatial and label-aware transforms a pipeline file may name. */
public final class SpatialCatalogue {
    private SpatialCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("HorizontalFlip", HorizontalFlip::fromDict);
        r.accept("VerticalFlip", VerticalFlip::fromDict);
        r.accept("Transpose", Transpose::fromDict);
        r.accept("RandomRotate90", RandomRotate90::fromDict);
        r.accept("Rotate", Rotate::fromDict);
        r.accept("ShiftScaleRotate", ShiftScaleRotate::fromDict);
        r.accept("Affine", Affine::fromDict);
        r.accept("Resize", Resize::fromDict);
        r.accept("Crop", Crop::fromDict);
        r.accept("CenterCrop", CenterCrop::fromDict);
        r.accept("RandomCrop", RandomCrop::fromDict);
        r.accept("RandomSizedCrop", RandomSizedCrop::fromDict);
        r.accept("ElasticTransform", ElasticTransform::fromDict);
    }
}
