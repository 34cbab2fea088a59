package org.augment4j.transform.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.PixelTransformContractTest;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The pixel contract for the channel transforms that keep dtype and channel count. Left out on purpose, each tested in
 * {@link DtypeAndChannelCountTest} instead: ToFloat (always float32 output) and FromFloat (always uint8 output) — the
 * inherited dtype check only knows "same dtype as the input" or Normalize's "always float32" and cannot be told about
 * either; ToRGB — the contract feeds a 3-channel photo and expects 1-channel input to keep 1 channel.
 */
class ChannelContractTest extends PixelTransformContractTest {

    static Stream<Arguments> transforms() {
        List<Arguments> out = new ArrayList<>();
        add(out, "ChannelShuffle", () -> new ChannelShuffle(1));
        add(out, "ChannelDropout", () -> new ChannelDropout(Range.of(1, 1), 0, 1));
        add(out, "ChannelDropout 1-2", () -> new ChannelDropout(Range.of(1, 2), 0, 1));
        add(out, "ToSepia", () -> new ToSepia(1));
        add(out, "AutoContrast", () -> new AutoContrast(0, null, "cdf", 1));
        add(out, "AutoContrast pil cutoff ignore", () -> new AutoContrast(2.5, 200, "pil", 1));
        add(out, "ChromaticAberration", () -> new ChromaticAberration(Range.symmetric(0.02), Range.symmetric(0.05), "green_purple", 1, 1));
        add(out, "ChromaticAberration strong random cubic", () -> new ChromaticAberration(Range.symmetric(0.3), Range.symmetric(0.3), "random", 2, 1));
        add(out, "FancyPCA", () -> new FancyPCA(0.1, 1));
        add(out, "FancyPCA strong", () -> new FancyPCA(5, 1));
        return out.stream();
    }
}
