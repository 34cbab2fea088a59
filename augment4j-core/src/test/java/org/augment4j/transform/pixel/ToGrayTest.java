package org.augment4j.transform.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToGrayTest {

    private static Mat run(ToGray t, Mat image) {
        return t.apply(Sample.of(image), NoParams.instance()).image();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"weighted_average", "from_lab", "desaturation", "average", "max"})
    void everyOutputChannelIsTheSameGray(String method) {
        Mat image = Images.astronaut();
        Mat out = run(new ToGray(3, method, 1), image);
        int[] o = Images.u8(out);
        assertThat(out.channels()).isEqualTo(3);
        for (int i = 0; i < o.length; i += 3) {
            assertThat(o[i + 1]).isEqualTo(o[i]);
            assertThat(o[i + 2]).isEqualTo(o[i]);
        }
        Mats.release(out, image);
    }

    @Test
    void weightedAverageUsesTheRec601Weights() {
        Mat image = Images.coffee();
        int[] in = Images.u8(image), o = Images.u8(run(new ToGray(), image));
        for (int i = 0; i < in.length; i += 3) {
            double want = 0.299 * in[i] + 0.587 * in[i + 1] + 0.114 * in[i + 2];
            assertThat((double) o[i]).isCloseTo(want, within(1.0));
        }
        Mats.release(image);
    }

    @Test
    void simpleMethodsMatchTheirDefinitionsExactly() {
        Mat image = Images.random(20, 30, 3, 4);
        int[] in = Images.u8(image);
        int[] max = Images.u8(run(new ToGray(1, "max", 1), image));
        int[] avg = Images.u8(run(new ToGray(1, "average", 1), image));
        int[] des = Images.u8(run(new ToGray(1, "desaturation", 1), image));
        for (int p = 0; p < max.length; p++) {
            int r = in[3 * p], g = in[3 * p + 1], b = in[3 * p + 2];
            assertThat(max[p]).isEqualTo(Math.max(r, Math.max(g, b)));
            assertThat(avg[p]).as("numpy mean then astype(uint8)").isEqualTo((r + g + b) / 3);
            assertThat(des[p]).isEqualTo((Math.max(r, Math.max(g, b)) + Math.min(r, Math.min(g, b))) / 2);
        }
        Mats.release(image);
    }

    @Test
    void fromLabIsMonotoneOnAGrayRampAndWorksOnFloat() {
        Mat ramp = Images.ramp(1);
        Mat rgb = Images.rgbFromGray(ramp);
        int[] o = Images.u8(run(new ToGray(1, "from_lab", 1), rgb));
        int[] in = Images.u8(ramp);
        for (int i = 0; i < in.length; i++) for (int j = 0; j < in.length; j++) if (in[i] < in[j]) assertThat(o[i]).isLessThanOrEqualTo(o[j]);
        assertThat(o[0]).isZero();
        Mat f = Images.toFloat(rgb);
        float[] fo = Mats.toFloats(run(new ToGray(1, "from_lab", 1), f));
        for (int i = 0; i < fo.length; i++) assertThat((double) fo[i]).isCloseTo(o[i] / 255.0, within(1e-6));
        Mats.release(ramp, rgb, f);
    }

    @Test
    void outputChannelCountFollowsTheParameter() {
        Mat image = Images.coffee();
        assertThat(run(new ToGray(1, "weighted_average", 1), image).channels()).isEqualTo(1);
        assertThat(run(new ToGray(4, "weighted_average", 1), image).channels()).isEqualTo(4);
        Mat rgba = Images.rgba(image);
        assertThat(run(new ToGray(), rgba).channels()).isEqualTo(3);
        Mats.release(image, rgba);
    }

    @Test
    void grayInputIsReturnedAsACopy() {
        Mat gray = Images.gray(Images.coffee());
        Mat out = run(new ToGray(), gray);
        assertThat(out).isNotSameAs(gray);
        assertThat(Mats.toBytes(out)).isEqualTo(Mats.toBytes(gray));
        Mats.release(out, gray);
    }

    @Test
    void readsBoth13And2xFiles() {
        assertThat(TransformRegistry.create("ToGray", Map.of("always_apply", false, "p", 1)).toDict()).containsOnlyKeys("__class_fullname__", "p");
        assertThat(TransformRegistry.create("ToGray", Map.of("num_output_channels", 1, "method", "max")).toDict())
                .containsEntry("num_output_channels", 1).containsEntry("method", "max");
    }

    @Test
    void badParametersNameTheParameter() {
        assertThatThrownBy(() -> new ToGray(2, "max", 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ToGray").hasMessageContaining("num_output_channels");
        assertThatThrownBy(() -> new ToGray(3, "pca", 1)).hasMessageContaining("pca");
        assertThatThrownBy(() -> new ToGray(3, "luma", 1)).hasMessageContaining("method").hasMessageContaining("luma");
        assertThatThrownBy(() -> TransformRegistry.create("ToGray", Map.of("num_output_channels", 1.5))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num_output_channels");
    }
}
