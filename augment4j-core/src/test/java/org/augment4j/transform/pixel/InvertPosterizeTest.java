package org.augment4j.transform.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.NoParams;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two pixel transforms that existed before: InvertImg and Posterize. */
class InvertPosterizeTest {

    @Test
    void invertIsMaxMinusValueForUint8AndFloat() {
        Mat image = Images.astronaut();
        int[] a = Images.u8(image), b = Images.u8(new InvertImg().apply(Sample.of(image), NoParams.instance()).image());
        for (int i = 0; i < a.length; i++) assertThat(b[i]).isEqualTo(255 - a[i]);
        Mat f = Images.toFloat(Images.ramp(4));
        float[] x = Mats.toFloats(f), y = Mats.toFloats(new InvertImg().apply(Sample.of(f), NoParams.instance()).image());
        for (int i = 0; i < x.length; i++) assertThat((double) y[i]).isCloseTo(1 - x[i], within(1e-7));
        Mats.release(image, f);
    }

    @ParameterizedTest(name = "num_bits {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void posterizeKeepsOnlyTheTopBits(int bits) {
        Mat image = Images.coffee();
        int[] a = Images.u8(image), b = Images.u8(new Posterize().apply(Sample.of(image), new Posterize.Bits(bits)).image());
        int mask = (0xff << (8 - bits)) & 0xff;
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i] & ~mask).isZero();
            assertThat(b[i]).isEqualTo(a[i] & mask);
        }
        Mats.release(image);
    }

    @Test
    void posterizeReadsScalarAndRangeAndRejectsBadBits() {
        assertThat(TransformRegistry.create("Posterize", Map.of("num_bits", 3)).toDict()).containsEntry("num_bits", List.of(3L, 3L));
        assertThatThrownBy(() -> new Posterize(Range.of(0, 4), 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num_bits");
        assertThatThrownBy(() -> TransformRegistry.create("InvertImg", Map.of("p", 2))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p");
    }
}
