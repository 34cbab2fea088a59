package org.augment4j.transform.crop;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/**
 * The crop, resize and pad transforms a pipeline file may name. (Crop, CenterCrop, RandomCrop, RandomSizedCrop and
 * Resize live in {@code transform.spatial} and are registered by its catalogue.)
 */
public final class CropCatalogue {
    private CropCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("AtLeastOneBBoxRandomCrop", AtLeastOneBBoxRandomCrop::fromDict);
        r.accept("BBoxSafeRandomCrop", BBoxSafeRandomCrop::fromDict);
        r.accept("RandomSizedBBoxSafeCrop", RandomSizedBBoxSafeCrop::fromDict);
        r.accept("RandomCropNearBBox", RandomCropNearBBox::fromDict);
        r.accept("CropAndPad", CropAndPad::fromDict);
        r.accept("CropNonEmptyMaskIfExists", CropNonEmptyMaskIfExists::fromDict);
        r.accept("RandomCropFromBorders", RandomCropFromBorders::fromDict);
        r.accept("RandomResizedCrop", RandomResizedCrop::fromDict);
        r.accept("LongestMaxSize", LongestMaxSize::fromDict);
        r.accept("SmallestMaxSize", SmallestMaxSize::fromDict);
        r.accept("RandomScale", RandomScale::fromDict);
        r.accept("Pad", Pad::fromDict);
        r.accept("PadIfNeeded", PadIfNeeded::fromDict);
    }
}
