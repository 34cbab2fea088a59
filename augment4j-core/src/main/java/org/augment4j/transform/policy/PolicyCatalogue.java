package org.augment4j.transform.policy;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/**
 * The augmentation policies a pipeline file may name (torchvision's RandAugment, TrivialAugmentWide, AutoAugment,
 * AugMix) and the Pillow-style pixel operations they use (Enhance, PilAutoContrast). The batch mixes
 * ({@link MixUp}, {@link CutMix}) work on batches, not samples, so they are not pipeline transforms.
 */
public final class PolicyCatalogue {
    private PolicyCatalogue() {}

    /** Registers this package's transforms with {@code r}, by class name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("AugMix", AugMix::fromDict);
        r.accept("AutoAugment", AutoAugment::fromDict);
        r.accept("Enhance", Enhance::fromDict);
        r.accept("PilAutoContrast", PilAutoContrast::fromDict);
        r.accept("RandAugment", RandAugment::fromDict);
        r.accept("TrivialAugmentWide", TrivialAugmentWide::fromDict);
    }
}
