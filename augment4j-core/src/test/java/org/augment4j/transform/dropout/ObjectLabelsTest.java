package org.augment4j.transform.dropout;

import static org.assertj.core.api.Assertions.assertThat;

import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Objects of a mask on the shapes OpenCV could read as a scalar operand (fuzz finding K1): a 1 x 1 and a 4 x 1 mask
 * are labelled like any other.
 */
class ObjectLabelsTest {

    @ParameterizedTest(name = "{0} x {1}: {2}")
    @CsvSource({"1, 1, '7', 1", "4, 1, '1 1 0 2', 2", "4, 1, '3 0 3 3', 2", "1, 4, '5 5 0 5', 2", "2, 2, '1 2 2 1', 2"})
    void tinyMasksAreLabelledByValueAndConnectivity(int rows, int cols, String values, int objects) {
        String[] v = values.split(" ");
        byte[] px = new byte[v.length];
        for (int i = 0; i < v.length; i++) px[i] = (byte) Integer.parseInt(v[i]);
        try (Mat mask = Mats.fromBytes(px, rows, cols, 1); ObjectLabels labels = ObjectLabels.of(mask)) {
            assertThat(labels.count()).isEqualTo(objects);
            for (int i = 0; i < px.length; i++) {
                int x = i % cols, y = i / cols;
                assertThat(labels.at(x, y) > 0).as("pixel %d labelled iff non-zero", i).isEqualTo(px[i] != 0);
            }
        }
    }
}
