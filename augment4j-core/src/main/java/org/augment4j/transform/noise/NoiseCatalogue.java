package org.augment4j.transform.noise;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The noise transforms a pipeline file may name. */
public final class NoiseCatalogue {
    private NoiseCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("GaussNoise", GaussNoise::fromDict);
        r.accept("AdditiveNoise", AdditiveNoise::fromDict);
        r.accept("ISONoise", ISONoise::fromDict);
        r.accept("MultiplicativeNoise", MultiplicativeNoise::fromDict);
        r.accept("SaltAndPepper", SaltAndPepper::fromDict);
        r.accept("ShotNoise", ShotNoise::fromDict);
    }
}
