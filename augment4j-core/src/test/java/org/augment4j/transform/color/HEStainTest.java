package org.augment4j.transform.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class HEStainTest {

    private static int maxDiff(Mat a, Mat b) {
        byte[] x = Mats.toBytes(a), y = Mats.toBytes(b);
        int d = 0;
        for (int i = 0; i < x.length; i++) d = Math.max(d, Math.abs((x[i] & 0xff) - (y[i] & 0xff)));
        return d;
    }

    @Test
    void unitScaleAndNoShiftReconstructsAStainedColourExactly() {
        // a colour that is exactly a mix of the two stains survives the projection round trip
        double[][] s = HEStainMatrices.of("standard");
        double ch = 0.6, ce = 0.4;
        byte[] px = new byte[3];
        for (int j = 0; j < 3; j++) px[j] = (byte) Math.round(255 * Math.exp(-(ch * s[0][j] + ce * s[1][j])));
        Mat image = Mats.fromBytes(new byte[] {px[0], px[1], px[2], px[0], px[1], px[2]}, 1, 2, 3);
        Sample out = new HEStain().apply(Sample.of(image), new HEStain.Stain("standard", new double[] {1, 1}, new double[] {0, 0}));
        assertThat(maxDiff(image, out.image())).isLessThanOrEqualTo(2);
        Mats.release(image, out.image());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void backgroundStaysUnlessAugmented(long seed) {
        Mat white = Images.constant(8, 8, 3, 250);
        HEStain t = new HEStain("preset", "dark", Range.of(0.5, 1.5), Range.of(-0.3, 0.3), false, 1);
        HEStain.Stain s = t.sampleParams(Sample.of(white), new SplittableRandom(seed));
        assertThat(s.preset()).isEqualTo("dark");
        Sample out = t.apply(Sample.of(white), s);
        Sample forced = new HEStain("preset", "dark", Range.of(0.5, 1.5), Range.of(-0.3, 0.3), true, 1).apply(Sample.of(white), s);
        Mat photo = Images.coffee();
        Sample changed = t.apply(Sample.of(photo), new HEStain.Stain("dark", new double[] {1.4, 0.6}, new double[] {0.2, -0.2}));
        assertThat(maxDiff(photo, changed.image())).as("tissue-dark pixels change").isGreaterThan(20);
        assertThat(Mats.toBytes(out.image())).as("bright background is only projected onto the stain plane, not augmented")
                .isEqualTo(Mats.toBytes(new HEStain("preset", "dark", Range.fixed(1), Range.fixed(0), false, 1)
                        .apply(Sample.of(white), new HEStain.Stain("dark", new double[] {1, 1}, new double[] {0, 0})).image()));
        if (Math.abs(s.shiftValues()[0]) + Math.abs(s.shiftValues()[1]) > 0.05) {
            assertThat(maxDiff(forced.image(), out.image())).as("augment_background changes the background too").isGreaterThan(0);
        }
        Mats.release(white, out.image(), forced.image(), photo, changed.image());
    }

    @Test
    void parametersAndErrors() {
        assertThat(TransformRegistry.create("HEStain", Map.of("method", "preset")).toDict()).containsEntry("preset", "standard")
                .containsEntry("intensity_scale_range", List.of(0.7, 1.3));
        assertThatThrownBy(() -> new HEStain("macenko", null, Range.of(0.7, 1.3), Range.of(-0.2, 0.2), false, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HEStain").hasMessageContaining("macenko").hasMessageContaining("not supported");
        assertThatThrownBy(() -> new HEStain("random_preset", "dark", Range.of(0.7, 1.3), Range.of(-0.2, 0.2), false, 1)).hasMessageContaining("preset");
        assertThatThrownBy(() -> new HEStain("preset", "purple", Range.of(0.7, 1.3), Range.of(-0.2, 0.2), false, 1)).hasMessageContaining("purple");
        assertThatThrownBy(() -> new HEStain("preset", null, Range.of(0.7, 1.3), Range.of(-2, 0.2), false, 1)).hasMessageContaining("intensity_shift_range");
    }
}
