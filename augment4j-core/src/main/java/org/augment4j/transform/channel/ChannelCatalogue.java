package org.augment4j.transform.channel;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The channel transforms a pipeline file may name. */
public final class ChannelCatalogue {
    private ChannelCatalogue() {}

    /** Registers each transform of this package under its Albumentations name. */
    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("AutoContrast", AutoContrast::fromDict);
        r.accept("ChannelDropout", ChannelDropout::fromDict);
        r.accept("ChannelShuffle", ChannelShuffle::fromDict);
        r.accept("ChromaticAberration", ChromaticAberration::fromDict);
        r.accept("FancyPCA", FancyPCA::fromDict);
        r.accept("FromFloat", FromFloat::fromDict);
        r.accept("ToFloat", ToFloat::fromDict);
        r.accept("ToRGB", ToRGB::fromDict);
        r.accept("ToSepia", ToSepia::fromDict);
    }
}
