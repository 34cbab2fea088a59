package org.augment4j.transform.pytorch;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/**
 * The transforms of Albumentations' {@code albumentations.pytorch.transforms} a pipeline file may name:
 * {@link ToTensorV2} and 0.x's {@link ToTensor}. Both record a {@link TensorLayout} on the sample.
 */
public final class PytorchCatalogue {
    private PytorchCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("ToTensor", ToTensor::fromDict);
        r.accept("ToTensorV2", ToTensorV2::fromDict);
    }
}
