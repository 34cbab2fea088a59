package org.augment4j.transform.weather;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The weather and overlay effects a pipeline file may name. */
public final class WeatherCatalogue {
    private WeatherCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("RandomFog", RandomFog::fromDict);
        r.accept("RandomGravel", RandomGravel::fromDict);
        r.accept("RandomRain", RandomRain::fromDict);
        r.accept("RandomShadow", RandomShadow::fromDict);
        r.accept("RandomSnow", RandomSnow::fromDict);
        r.accept("RandomSunFlare", RandomSunFlare::fromDict);
        r.accept("Spatter", Spatter::fromDict);
        r.accept("TextImage", TextImage::fromDict);
    }
}
