package org.augment4j.transform.blur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.augment4j.transform.blur.BlurEffectsTest.apply;
import static org.augment4j.transform.blur.BlurEffectsTest.u8;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

class SuperpixelsTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void flagsFollowPReplace(long seed) {
        Superpixels t = new Superpixels(Range.of(0.2, 0.2), Range.of(300, 300), 128, 1, 1);
        Sample s = Sample.of(Images.constant(8, 8, 3, 0));
        Superpixels.Replace r = t.sampleParams(s, new SplittableRandom(seed));
        assertThat(r.nSegments()).isEqualTo(300);
        assertThat(r.replaceSamples()).hasSize(300);
        assertThat(Arrays.stream(r.replaceSamples()).sum()).isBetween(30, 90);
        Mats.release(s.image());
    }

    @Test
    void replacingEverySuperpixelLeavesFewColoursAndKeepsTheMean() {
        Mat image = Images.astronaut();
        int[] all = new int[100];
        Arrays.fill(all, 1);
        Mat out = apply(new Superpixels(Range.fixed(1), Range.fixed(100), null, 1, 1), image, new Superpixels.Replace(100, all));
        int[] o = u8(out), a = u8(image);
        Set<Integer> colours = new HashSet<>();
        for (int i = 0; i < o.length; i += 3) colours.add((o[i] << 16) | (o[i + 1] << 8) | o[i + 2]);
        assertThat(colours.size()).as("one colour per superpixel").isBetween(40, 250);
        for (int c = 0; c < 3; c++) {
            double ma = 0, mo = 0;
            for (int i = c; i < a.length; i += 3) {
                ma += a[i];
                mo += o[i];
            }
            assertThat(mo / (a.length / 3)).as("channel %d mean", c).isCloseTo(ma / (a.length / 3), within(0.5));
        }
        Mats.release(image, out);
    }

    @Test
    void noFlagsIsTheIdentityAndShrinkingKeepsTheSize() {
        Mat image = Images.coffee();
        Mat same = apply(new Superpixels(), image, new Superpixels.Replace(100, new int[100]));
        assertThat(u8(same)).isEqualTo(u8(image));
        int[] some = new int[100];
        for (int i = 0; i < 100; i += 2) some[i] = 1;
        Mat out = apply(new Superpixels(), image, new Superpixels.Replace(100, some));
        assertThat(out.rows()).isEqualTo(image.rows());
        assertThat(out.cols()).isEqualTo(image.cols());
        assertThat(u8(out)).isNotEqualTo(u8(image));
        Mats.release(image, same, out);
    }

    @Test
    void readsNullMaxSizeAndRejectsBadParameters() {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("max_size", null);
        params.put("n_segments", 50);
        assertThat(TransformRegistry.create("Superpixels", params).toDict()).containsEntry("max_size", null).containsEntry("n_segments", List.of(50L, 50L));
        assertThat(TransformRegistry.create("Superpixels", Map.of()).toDict()).containsEntry("max_size", 128).containsEntry("p_replace", List.of(0L, 0.1));
        assertThatThrownBy(() -> new Superpixels(Range.of(0, 1.5), Range.fixed(100), 128, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Superpixels").hasMessageContaining("p_replace");
        assertThatThrownBy(() -> new Superpixels(Range.of(0, 0.1), Range.fixed(0), 128, 1, 1)).hasMessageContaining("n_segments");
        assertThatThrownBy(() -> new Superpixels(Range.of(0, 0.1), Range.fixed(100), 0, 1, 1)).hasMessageContaining("max_size");
        assertThatThrownBy(() -> new Superpixels(Range.of(0, 0.1), Range.fixed(100), 128, 7, 1)).hasMessageContaining("interpolation");
    }
}
