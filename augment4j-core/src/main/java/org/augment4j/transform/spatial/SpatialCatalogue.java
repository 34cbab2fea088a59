package org.augment4j.transform.spatial;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The spatial and label-aware transforms a pipeline file may name. */
public final class SpatialCatalogue {
    private SpatialCatalogue() {}

    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("HorizontalFlip", HorizontalFlip::fromDict);
    }
}
