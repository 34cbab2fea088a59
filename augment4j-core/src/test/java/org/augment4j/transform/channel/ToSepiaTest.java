package org.augment4j.transform.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.transform.NoParams;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class ToSepiaTest {

    private static double sepia(int row, double r, double g, double b) {
        double[] m = ToSepia.SEPIA[row];
        return m[0] * r + m[1] * g + m[2] * b;
    }

    @Test
    void uint8IsTheSepiaMatrixAsOpenCvTransformComputesIt() {
        Mat image = Images.astronaut();
        Sample out = new ToSepia(1).apply(Sample.of(image), NoParams.instance());
        int[] a = Pixels.u8(image), b = Pixels.u8(out.image());
        int off = 0;
        for (int i = 0; i < a.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                double want = Math.min(255, Math.max(0, sepia(c, a[i], a[i + 1], a[i + 2])));
                assertThat((double) b[i + c]).as("pixel %d channel %d", i / 3, c).isCloseTo(want, within(1.0));
                if (b[i + c] != (int) Math.round(want)) off++;
            }
        }
        assertThat(off).as("values off the exactly rounded result (OpenCV's fixed-point coefficients)").isLessThan(a.length / 10);
        Mats.release(out.image(), image);
    }

    @Test
    void floatIsTheSepiaMatrixClippedToOne() {
        Mat image = Images.toFloat(Images.coffee());
        Sample out = new ToSepia(1).apply(Sample.of(image), NoParams.instance());
        float[] a = Mats.toFloats(image), b = Mats.toFloats(out.image());
        for (int i = 0; i < a.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                double want = Math.min(1, sepia(c, a[i], a[i + 1], a[i + 2]));
                assertThat((double) b[i + c]).isCloseTo(want, within(1e-5));
            }
        }
        Mats.release(out.image(), image);
    }

    @Test
    void grayIsUnchangedAndRgbaIsAnError() {
        Mat gray = Images.gray(Images.coffee());
        Sample out = new Compose(List.of(new ToSepia(1))).apply(Sample.of(gray), 1L);
        assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(gray));
        Mat rgba = Images.rgba(Images.coffee());
        assertThatThrownBy(() -> new ToSepia(1).apply(Sample.of(rgba), NoParams.instance())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ToSepia").hasMessageContaining("4 channel");
        Mats.release(out.image(), gray, rgba);
    }
}
