package org.augment4j.transform.crop;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The crop, resize and pad transforms a pipeline file may name. */
public final class CropCatalogue {
    private CropCatalogue() {}

    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
    }
}
