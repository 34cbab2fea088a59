package org.augment4j.transform.color;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The colour, tone and reference-image transforms a pipeline file may name. */
public final class ColorCatalogue {
    private ColorCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("RandomBrightnessContrast", RandomBrightnessContrast::fromDict);
        r.accept("RandomBrightness", RandomBrightness::fromDict);
        r.accept("RandomContrast", RandomContrast::fromDict);
        r.accept("RandomGamma", RandomGamma::fromDict);
        r.accept("HueSaturationValue", HueSaturationValue::fromDict);
        r.accept("ColorJitter", ColorJitter::fromDict);
        r.accept("CLAHE", CLAHE::fromDict);
        r.accept("RandomToneCurve", RandomToneCurve::fromDict);
        r.accept("PlanckianJitter", PlanckianJitter::fromDict);
        r.accept("PlasmaBrightnessContrast", PlasmaBrightnessContrast::fromDict);
        r.accept("PlasmaShadow", PlasmaShadow::fromDict);
        r.accept("Illumination", Illumination::fromDict);
        r.accept("HEStain", HEStain::fromDict);
        r.accept("HistogramMatching", HistogramMatching::fromDict);
        r.accept("FDA", FDA::fromDict);
        r.accept("PixelDistributionAdaptation", PixelDistributionAdaptation::fromDict);
    }
}
