package org.augment4j.transform.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ToFloat, FromFloat and ToRGB change dtype or channel count by design, so they are checked here, not by the pixel contract. */
class DtypeAndChannelCountTest {

    static List<Transform> transforms() {
        return List.of(new ToFloat(null, 1), new ToFloat(1000.0, 1), new FromFloat("uint8", null, 1), new FromFloat("uint8", 100.0, 1),
                new ToRGB(3, 1), new ToRGB(4, 1));
    }

    @ParameterizedTest
    @MethodSource("transforms")
    void maskUntouchedInputUnmodifiedDeterministicAndRoundTrips(Transform t) {
        Mat image = Images.gray(Images.astronaut());
        Mat mask = Images.random(image.rows(), image.cols(), 1, 5);
        byte[] before = Mats.toBytes(image), maskBefore = Mats.toBytes(mask);
        Compose pipeline = new Compose(List.of(t));
        Sample a = pipeline.apply(Sample.builder().image(image).mask(mask).image("twin", image.clone()).build(), 3L);
        Sample b = pipeline.apply(Sample.builder().image(image).mask(mask).image("twin", image.clone()).build(), 4L);
        assertThat(Mats.toBytes(image)).isEqualTo(before);
        assertThat(Mats.toBytes(a.mask())).isEqualTo(maskBefore);
        assertThat(a.image().rows()).isEqualTo(image.rows());
        assertThat(bytes(b.image())).isEqualTo(bytes(a.image()));
        assertThat(bytes(a.images().get("twin"))).isEqualTo(bytes(a.image()));
        Compose back = PipelineFile.fromJson(PipelineFile.toJson(pipeline));
        assertThat(back.toDict()).isEqualTo(pipeline.toDict());
        assertThat(PipelineFile.fromYaml(PipelineFile.toYaml(pipeline)).toDict()).isEqualTo(pipeline.toDict());
        Mats.release(a.image(), b.image(), image, mask);
    }

    private static Object bytes(Mat m) {
        return Mats.isFloat(m) ? Mats.toFloats(m) : Mats.toBytes(m);
    }

    private static Mat run(Transform t, Mat image) {
        return new Compose(List.of(t)).apply(Sample.of(image), 1L).image();
    }

    @Test
    void toFloatDividesByTheDtypeMaximumOrMaxValue() {
        Mat image = Images.coffee();
        Mat f = run(new ToFloat(), image);
        assertThat(Mats.isFloat(f)).isTrue();
        assertThat(f.channels()).isEqualTo(3);
        int[] u = Pixels.u8(image);
        float[] v = Mats.toFloats(f);
        for (int i = 0; i < u.length; i += 97) assertThat((double) v[i]).isCloseTo(u[i] / 255.0, within(1e-6));
        float[] w = Mats.toFloats(run(new ToFloat(510.0, 1), image));
        for (int i = 0; i < u.length; i += 97) assertThat((double) w[i]).isCloseTo(u[i] / 510.0, within(1e-6));
        Mat again = run(new ToFloat(), f);
        assertThat(Mats.toFloats(again)).as("float input, max 1: unchanged").isEqualTo(v);
        Mats.release(f, again, image);
    }

    @Test
    void fromFloatUndoesToFloatAndRoundsAndSaturates() {
        Mat image = Images.astronaut();
        Mat f = run(new ToFloat(), image);
        Mat back = run(new FromFloat(), f);
        assertThat(back.depth()).isEqualTo(image.depth());
        assertThat(Mats.toBytes(back)).isEqualTo(Mats.toBytes(image));
        Mat small = Mats.fromFloats(new float[] {0f, 0.5f, 0.501f, 1.2f, -0.3f, 0.25f}, 1, 6, 1);
        assertThat(Pixels.u8(run(new FromFloat("uint8", 10.0, 1), small))).containsExactly(0, 5, 5, 12, 0, 2);
        assertThat(Pixels.u8(run(new FromFloat(), small))).containsExactly(0, 128, 128, 255, 0, 64);
        Mats.release(f, back, image, small);
    }

    @Test
    void toRgbReplicatesGrayKeepsRgbAndRefusesOtherCounts() {
        Mat gray = Images.gray(Images.coffee());
        Mat rgb = run(new ToRGB(), gray);
        assertThat(rgb.channels()).isEqualTo(3);
        double[] g = Pixels.values(gray), v = Pixels.values(rgb);
        for (int c = 0; c < 3; c++) assertThat(Pixels.channel(v, 3, c)).isEqualTo(g);
        Mat four = run(new ToRGB(4, 1), Images.toFloat(gray));
        assertThat(four.channels()).isEqualTo(4);
        assertThat(Mats.isFloat(four)).isTrue();
        Mat coffee = Images.coffee();
        assertThat(Mats.toBytes(run(new ToRGB(), coffee))).isEqualTo(Mats.toBytes(coffee));
        Mat rgba = Images.rgba(coffee);
        assertThatThrownBy(() -> run(new ToRGB(), rgba)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ToRGB")
                .hasMessageContaining("4 channel");
        Mats.release(gray, rgb, four, coffee, rgba);
    }

    @Test
    void defaultsAndBadParameters() {
        assertThat(TransformRegistry.create("ToFloat", Map.of()).toDict()).containsEntry("max_value", null).containsEntry("p", 1.0);
        assertThat(TransformRegistry.create("FromFloat", Map.of()).toDict()).containsEntry("dtype", "uint8").containsEntry("max_value", null)
                .containsEntry("p", 1.0);
        assertThat(TransformRegistry.create("ToRGB", Map.of()).toDict()).containsEntry("num_output_channels", 3).containsEntry("p", 1.0);
        assertThatThrownBy(() -> new ToFloat(0.0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_value");
        assertThatThrownBy(() -> new FromFloat("uint16", null, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dtype");
        assertThatThrownBy(() -> new FromFloat("uint8", -1.0, 1)).hasMessageContaining("max_value");
        assertThatThrownBy(() -> new ToRGB(0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num_output_channels");
        assertThatThrownBy(() -> TransformRegistry.create("FromFloat", Map.of("dtype", "float64"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dtype");
    }
}
