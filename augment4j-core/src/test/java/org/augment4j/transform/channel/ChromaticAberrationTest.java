package org.augment4j.transform.channel;

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

class ChromaticAberrationTest {

    @Test
    void zeroDistortionChangesNothingAndGreenNeverMoves() {
        Mat image = Images.astronaut();
        ChromaticAberration t = new ChromaticAberration();
        Mat same = t.apply(Sample.of(image), new ChromaticAberration.Coefficients(0, 0, 0, 0)).image();
        assertThat(Mats.toBytes(same)).isEqualTo(Mats.toBytes(image));
        Mat moved = t.apply(Sample.of(image), new ChromaticAberration.Coefficients(0.2, 0.1, -0.2, -0.1)).image();
        double[] a = Pixels.values(image), b = Pixels.values(moved);
        assertThat(Pixels.channel(b, 3, 1)).isEqualTo(Pixels.channel(a, 3, 1));
        assertThat(Pixels.channel(b, 3, 0)).isNotEqualTo(Pixels.channel(a, 3, 0));
        assertThat(Pixels.channel(b, 3, 2)).isNotEqualTo(Pixels.channel(a, 3, 2));
        int cx = 256 * 3 * 512 + 256 * 3;
        assertThat(b[cx]).as("the centre pixel stays").isEqualTo(a[cx]);
        Mats.release(image, same, moved);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void modesDecideTheSigns(long seed) {
        Mat image = Images.ramp(3);
        Sample in = Sample.of(image);
        var gp = new ChromaticAberration(Range.symmetric(1), Range.symmetric(1), "green_purple", 1, 1).sampleParams(in, new SplittableRandom(seed));
        var pg = new ChromaticAberration(Range.symmetric(1), Range.symmetric(1), "purple_green", 1, 1).sampleParams(in, new SplittableRandom(seed));
        for (var k : List.of(gp, pg)) {
            assertThat(Math.signum(k.secondaryDistortionRed())).isEqualTo(Math.signum(k.primaryDistortionRed()));
        }
        assertThat(Math.signum(gp.primaryDistortionBlue())).isEqualTo(Math.signum(gp.primaryDistortionRed()));
        assertThat(Math.signum(gp.secondaryDistortionBlue())).isEqualTo(Math.signum(gp.secondaryDistortionRed()));
        assertThat(Math.signum(pg.primaryDistortionBlue())).isEqualTo(-Math.signum(pg.primaryDistortionRed()));
        assertThat(Math.signum(pg.secondaryDistortionBlue())).isEqualTo(-Math.signum(pg.secondaryDistortionRed()));
        Mats.release(image);
    }

    @Test
    void onlyRgbAndBadParameters() {
        Mat rgba = Images.rgba(Images.coffee());
        assertThatThrownBy(() -> new ChromaticAberration().apply(Sample.of(rgba), new ChromaticAberration.Coefficients(0.1, 0.1, 0.1, 0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ChromaticAberration").hasMessageContaining("4 channel");
        assertThatThrownBy(() -> new ChromaticAberration(Range.symmetric(0.1), Range.symmetric(0.1), "rainbow", 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mode");
        assertThatThrownBy(() -> new ChromaticAberration(Range.symmetric(0.1), Range.symmetric(0.1), "random", 7, 1)).hasMessageContaining("interpolation");
        assertThatThrownBy(() -> new ChromaticAberration(Range.of(0.1, -0.1), Range.symmetric(0.1), "random", 1, 1))
                .hasMessageContaining("primary_distortion_limit");
        assertThat(TransformRegistry.create("ChromaticAberration", Map.of("primary_distortion_limit", 0.1)).toDict())
                .containsEntry("primary_distortion_limit", List.of(-0.1, 0.1)).containsEntry("secondary_distortion_limit", List.of(-0.05, 0.05))
                .containsEntry("mode", "green_purple").containsEntry("interpolation", 1).containsEntry("p", 0.5);
        Mats.release(rgba);
    }
}
