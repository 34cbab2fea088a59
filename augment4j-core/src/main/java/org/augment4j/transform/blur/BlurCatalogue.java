package org.augment4j.transform.blur;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The blur, sharpen and compression transforms a pipeline file may name. */
public final class BlurCatalogue {
    private BlurCatalogue() {}

    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
    }
}
