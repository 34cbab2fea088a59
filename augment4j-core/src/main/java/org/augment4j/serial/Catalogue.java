package org.augment4j.serial;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;

/** Every transform a pipeline file may name, by Albumentations name; split by family so each list stays short. */
final class Catalogue {
    private Catalogue() {}

    static void register(BiConsumer<String, Function<Params, Transform>> r) {
        org.augment4j.transform.spatial.SpatialCatalogue.register(r);
        org.augment4j.transform.crop.CropCatalogue.register(r);
        org.augment4j.transform.warp.WarpCatalogue.register(r);
        org.augment4j.transform.distortion.DistortionCatalogue.register(r);
        org.augment4j.transform.dropout.DropoutCatalogue.register(r);
        org.augment4j.transform.mix.MixCatalogue.register(r);
        org.augment4j.transform.pixel.PixelCatalogue.register(r);
        org.augment4j.transform.blur.BlurCatalogue.register(r);
        org.augment4j.transform.noise.NoiseCatalogue.register(r);
        org.augment4j.transform.channel.ChannelCatalogue.register(r);
        org.augment4j.transform.color.ColorCatalogue.register(r);
        org.augment4j.transform.weather.WeatherCatalogue.register(r);
        org.augment4j.transform.policy.PolicyCatalogue.register(r);
        org.augment4j.compose.ComposeCatalogue.register(r);
        org.augment4j.transform.pytorch.PytorchCatalogue.register(r);
    }
}
