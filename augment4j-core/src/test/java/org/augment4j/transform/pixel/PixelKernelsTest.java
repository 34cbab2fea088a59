package org.augment4j.transform.pixel;

import static org.assertj.core.api.Assertions.assertThat;

import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shared pixel kernels, including the 1×1 images where OpenCV's array overloads read the image as a scalar. */
class PixelKernelsTest {

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,1,1", "1,1,3", "1,1,4", "2,3,3", "1,5,1"})
    void clipKeepsShapeAndClampsValues(int rows, int cols, int channels) {
        float[] v = new float[rows * cols * channels];
        for (int i = 0; i < v.length; i++) v[i] = (i % 3 - 1) * 2f; // -2, 0, 2
        try (Mat m = Mats.fromFloats(v, rows, cols, channels)) {
            PixelKernels.clipInPlace(m, 0, 1);
            assertThat(m.rows()).isEqualTo(rows);
            assertThat(m.cols()).isEqualTo(cols);
            assertThat(m.channels()).isEqualTo(channels);
            float[] out = Mats.toFloats(m);
            for (int i = 0; i < v.length; i++) assertThat(out[i]).isEqualTo(Math.min(1f, Math.max(0f, v[i])));
        }
    }
}
