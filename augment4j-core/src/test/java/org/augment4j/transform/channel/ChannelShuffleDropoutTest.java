package org.augment4j.transform.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelShuffleDropoutTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void shuffleMovesWholeChannelsAsRecorded(long seed) {
        Mat image = Images.coffee();
        ChannelShuffle t = new ChannelShuffle(1);
        Sample in = Sample.of(image);
        ChannelShuffle.Order o = t.sampleParams(in, new SplittableRandom(seed));
        assertThat(new HashSet<>(o.channelsShuffled())).containsExactlyInAnyOrder(0, 1, 2);
        Sample out = t.apply(in, o);
        double[] a = Pixels.values(image), b = Pixels.values(out.image());
        for (int c = 0; c < 3; c++) {
            assertThat(Pixels.channel(b, 3, c)).as("output channel %d", c).isEqualTo(Pixels.channel(a, 3, o.channelsShuffled().get(c)));
        }
        Mats.release(out.image(), image);
    }

    @Test
    void shuffleVisitsEveryPermutationAndLeavesGrayAlone() {
        Mat image = Images.ramp(3);
        ChannelShuffle t = new ChannelShuffle(1);
        var seen = new HashSet<List<Integer>>();
        for (long s = 0; s < 200; s++) seen.add(t.sampleParams(Sample.of(image), new SplittableRandom(s)).channelsShuffled());
        assertThat(seen).hasSize(6);
        Mat gray = Images.gray(Images.coffee());
        Sample out = t.apply(Sample.of(gray), t.sampleParams(Sample.of(gray), new SplittableRandom(1)));
        assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(gray));
        Mats.release(out.image(), gray, image);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void dropoutFillsExactlyTheChosenChannels(long seed) {
        Mat image = Images.rgba(Images.astronaut());
        ChannelDropout t = new ChannelDropout(Range.of(1, 3), 77, 1);
        Sample in = Sample.of(image);
        ChannelDropout.Dropped d = t.sampleParams(in, new SplittableRandom(seed));
        assertThat(d.channelsToDrop()).hasSizeBetween(1, 3).doesNotHaveDuplicates().allMatch(c -> c >= 0 && c < 4);
        Sample out = t.apply(in, d);
        double[] a = Pixels.values(image), b = Pixels.values(out.image());
        for (int c = 0; c < 4; c++) {
            double[] got = Pixels.channel(b, 4, c);
            if (d.channelsToDrop().contains(c)) assertThat(got).containsOnly(77.0);
            else assertThat(got).isEqualTo(Pixels.channel(a, 4, c));
        }
        Mats.release(out.image(), image);
    }

    @Test
    void dropoutOnFloatImagesUsesTheFillAsGiven() {
        Mat image = Images.toFloat(Images.coffee());
        ChannelDropout t = new ChannelDropout(Range.of(2, 2), 0.25, 1);
        Sample out = t.apply(Sample.of(image), new ChannelDropout.Dropped(List.of(0, 2)));
        double[] b = Pixels.values(out.image());
        assertThat(Pixels.channel(b, 3, 0)).containsOnly(0.25);
        assertThat(Pixels.channel(b, 3, 2)).containsOnly(0.25);
        assertThat(Pixels.channel(b, 3, 1)).isEqualTo(Pixels.channel(Pixels.values(image), 3, 1));
        Mats.release(out.image(), image);
    }

    @Test
    void dropoutRefusesGrayImagesAndRangesThatCouldDropEverything() {
        Mat gray = Images.gray(Images.coffee());
        Mat rgb = Images.coffee();
        assertThatThrownBy(() -> new ChannelDropout().sampleParams(Sample.of(gray), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ChannelDropout").hasMessageContaining("1 channel");
        assertThatThrownBy(() -> new ChannelDropout(Range.of(1, 3), 0, 1).sampleParams(Sample.of(rgb), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel_drop_range").hasMessageContaining("3 channel");
        Mats.release(gray, rgb);
    }

    @Test
    void dropoutParametersByName() {
        assertThatThrownBy(() -> new ChannelDropout(Range.of(0, 1), 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ChannelDropout").hasMessageContaining("channel_drop_range");
        assertThatThrownBy(() -> new ChannelDropout(Range.of(2, 1), 0, 1)).hasMessageContaining("channel_drop_range");
        assertThatThrownBy(() -> new ChannelDropout(Range.of(1, 1.5), 0, 1)).hasMessageContaining("channel_drop_range");
        assertThat(TransformRegistry.create("ChannelDropout", Map.of()).toDict())
                .containsEntry("channel_drop_range", List.of(1L, 1L)).containsEntry("fill", 0.0).containsEntry("p", 0.5);
        assertThat(TransformRegistry.create("ChannelDropout", Map.of("channel_drop_range", List.of(1, 2), "fill_value", 9)).toDict())
                .as("1.3 fill_value").containsEntry("fill", 9.0).containsEntry("channel_drop_range", List.of(1L, 2L));
        assertThatThrownBy(() -> TransformRegistry.create("ChannelDropout", Map.of("fill_value", 9, "fill", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fill_value");
        assertThat(TransformRegistry.create("ChannelShuffle", Map.of()).toDict()).containsEntry("p", 0.5).hasSize(2);
    }
}
