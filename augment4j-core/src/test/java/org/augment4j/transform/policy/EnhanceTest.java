package org.augment4j.transform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.nio.ByteBuffer;
import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.NoParams;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnhanceTest {

    private static int[] u8(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }

    private static Mat apply(String kind, double factor, Mat image) {
        return new Enhance(kind, factor).apply(Sample.of(image), new Enhance.Factor(factor)).image();
    }

    @ParameterizedTest(name = "factor {0}")
    @ValueSource(doubles = {0.1, 0.7, 1.0, 1.3, 1.9})
    void brightnessScalesEveryValue(double f) {
        Mat photo = Images.coffee();
        int[] a = u8(photo), b = u8(apply("brightness", f, photo));
        for (int i = 0; i < a.length; i += 7) assertThat((double) b[i]).isCloseTo(Math.min(255, a[i] * f), org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void colorZeroIsGreyAndOneIsIdentity() {
        Mat photo = Images.astronaut();
        int[] grey = u8(apply("color", 0, photo));
        for (int i = 0; i < grey.length; i += 3) {
            assertThat(grey[i + 1]).isEqualTo(grey[i]);
            assertThat(grey[i + 2]).isEqualTo(grey[i]);
        }
        assertThat(u8(apply("color", 1, photo))).isEqualTo(u8(photo));
        int[] a = u8(photo), more = u8(apply("color", 1.5, photo));
        // more saturation: the spread between channels grows
        long spreadA = 0, spreadB = 0;
        for (int i = 0; i < a.length; i += 3) {
            spreadA += Math.abs(a[i] - a[i + 2]);
            spreadB += Math.abs(more[i] - more[i + 2]);
        }
        assertThat(spreadB).isGreaterThan(spreadA);
    }

    @Test
    void contrastZeroIsTheRoundedMeanGrey() {
        Mat photo = Images.coffee();
        int[] g = u8(Images.gray(photo));
        double mean = 0;
        for (int v : g) mean += v;
        int expected = (int) Math.floor(mean / g.length + 0.5);
        int[] out = u8(apply("contrast", 0, photo));
        assertThat(out).containsOnly(expected);
    }

    @Test
    void sharpnessKeepsConstantImagesAndBorders() {
        Mat c = Images.constant(40, 50, 3, 77);
        assertThat(u8(apply("sharpness", 0, c))).containsOnly(77);
        Mat photo = Images.random(30, 40, 3, 5);
        Mat out = apply("sharpness", 2.0, photo);
        int[] a = u8(photo), b = u8(out);
        for (int x = 0; x < 40 * 3; x++) assertThat(b[x]).isEqualTo(a[x]);       // first row untouched
        assertThat(b).isNotEqualTo(a);
        // factor 0 is the SMOOTH filter: the centre pixel (1,1) of channel 0 is (Σ neighbours + 5·centre) / 13
        Mat smooth = apply("sharpness", 0, photo);
        int s = 0, w = 40 * 3;
        for (int dy = 0; dy < 3; dy++) for (int dx = 0; dx < 3; dx++) s += a[dy * w + dx * 3] * (dx == 1 && dy == 1 ? 5 : 1);
        assertThat((double) u8(smooth)[w + 3]).isCloseTo(s / 13.0, org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void autoContrastStretchesEachChannelToTheFullRange() {
        Mat image = Mats.zeros(2, 2, CV_8UC3);
        ByteBuffer buf = image.createBuffer();
        int[] v = {50, 10, 90, 100, 10, 90, 150, 10, 200, 75, 10, 100};
        for (int i = 0; i < v.length; i++) buf.put(i, (byte) v[i]);
        int[] out = u8(new PilAutoContrast(1).apply(Sample.of(image), NoParams.instance()).image());
        assertThat(out).containsExactly(0, 10, 0, 127, 10, 0, 255, 10, 255, 63, 10, 23);
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> new Enhance("blur", Range.fixed(1), 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> new Enhance("color", Range.of(-1, 1), 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("factor_range");
        assertThat(TransformRegistry.create("Enhance", Map.of("kind", "sharpness", "factor_range", java.util.List.of(0.5, 1.5))).toDict())
                .containsEntry("kind", "sharpness");
    }
}
