package org.augment4j.transform.noise;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The noise and channel transforms a pipeline file may name. */
public final class NoiseCatalogue {
    private NoiseCatalogue() {}

    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
    }
}
