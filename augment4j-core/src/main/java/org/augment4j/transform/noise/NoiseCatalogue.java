package org.augment4j.transform.noise;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;
import org.augment4j.transform.channel.AutoContrast;
import org.augment4j.transform.channel.ChannelDropout;
import org.augment4j.transform.channel.ChannelShuffle;
import org.augment4j.transform.channel.ChromaticAberration;
import org.augment4j.transform.channel.FancyPCA;
import org.augment4j.transform.channel.FromFloat;
import org.augment4j.transform.channel.ToFloat;
import org.augment4j.transform.channel.ToRGB;
import org.augment4j.transform.channel.ToSepia;

/** The noise and channel transforms a pipeline file may name. */
public final class NoiseCatalogue {
    private NoiseCatalogue() {}

    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
        r.accept("AdditiveNoise", AdditiveNoise::fromDict);
        r.accept("AutoContrast", AutoContrast::fromDict);
        r.accept("ChannelDropout", ChannelDropout::fromDict);
        r.accept("ChannelShuffle", ChannelShuffle::fromDict);
        r.accept("ChromaticAberration", ChromaticAberration::fromDict);
        r.accept("FancyPCA", FancyPCA::fromDict);
        r.accept("FromFloat", FromFloat::fromDict);
        r.accept("ISONoise", ISONoise::fromDict);
        r.accept("MultiplicativeNoise", MultiplicativeNoise::fromDict);
        r.accept("SaltAndPepper", SaltAndPepper::fromDict);
        r.accept("ShotNoise", ShotNoise::fromDict);
        r.accept("ToFloat", ToFloat::fromDict);
        r.accept("ToRGB", ToRGB::fromDict);
        r.accept("ToSepia", ToSepia::fromDict);
    }
}
