package org.augment4j.transform.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Randomly permutes the channels. Albumentations' {@code ChannelShuffle}: no parameters but p = 0.5. Targets: image
 * (uint8 or float32, any number of channels: with 4 the alpha channel takes part in the permutation, as in
 * Albumentations; a 1-channel image is returned unchanged).
 *
 * <p>The sampled {@code channels_shuffled} lists, for each output channel, the input channel it comes from.
 */
public final class ChannelShuffle extends PixelTransform<ChannelShuffle.Order> {
    /** Output channel {@code i} is input channel {@code channelsShuffled.get(i)}; empty for a 1-channel image. */
    public record Order(List<Integer> channelsShuffled) {
        /** Copies {@code channelsShuffled} into an unmodifiable list. */
        public Order {
            channelsShuffled = List.copyOf(channelsShuffled);
        }
    }

    /** @param p probability of applying the transform, in [0, 1] */
    public ChannelShuffle(double p) {
        super(p);
    }

    /** With Albumentations' default p = 0.5. */
    public ChannelShuffle() {
        this(0.5);
    }

    static ChannelShuffle fromDict(Params r) {
        return new ChannelShuffle(r.p(0.5));
    }

    @Override
    public Order sampleParams(Sample sample, RandomGenerator rng) {
        int n = sample.image().channels();
        if (n == 1) return new Order(List.of());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        for (int i = n - 1; i > 0; i--) Collections.swap(order, i, rng.nextInt(i + 1)); // Fisher–Yates, as random.shuffle
        return new Order(order);
    }

    @Override
    protected Mat applyToImage(Mat image, Order o) {
        if (o.channelsShuffled().isEmpty() || image.channels() == 1) return image.clone();
        if (o.channelsShuffled().size() != image.channels()) {
            throw new IllegalArgumentException(name() + ": channels_shuffled " + o.channelsShuffled() + " does not fit an image with "
                    + image.channels() + " channel(s)");
        }
        return ChannelKernels.permute(image, o.channelsShuffled());
    }

    @Override
    protected Map<String, Object> args() {
        return new LinkedHashMap<>();
    }
}
