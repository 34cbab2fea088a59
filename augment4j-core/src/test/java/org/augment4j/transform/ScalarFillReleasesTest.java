package org.augment4j.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.augment4j.SmallSample;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A one-number fill in a 1.3.1 file colours only the first channel ({@link ScalarFill}): Albumentations 1.3.1
 * (OpenCV 4.6.0) run on {@link SmallSample} with these very maps, seeds 0 to 2, gave border pixels (7, 0, 0) and never
 * (7, 7, 7), and masks the mask fill (Perspective: pad_val, as 1.3.1 warps masks with the image's fill); 2.x fills
 * every channel. Per-channel fills are the same in both.
 */
class ScalarFillReleasesTest {
    /** Each map, whether the corner pixel (0, 0) is border, and the mask fill 1.3.1 uses. */
    static Stream<Arguments> transforms() {
        return Stream.of(
                Arguments.of("{\"__class_fullname__\": \"Rotate\", \"p\": 1, \"limit\": [45, 45], \"border_mode\": 0, \"value\": 7, \"mask_value\": 5}", true, 5),
                Arguments.of("{\"__class_fullname__\": \"PadIfNeeded\", \"p\": 1, \"min_height\": 14, \"min_width\": 16, \"border_mode\": 0, \"value\": 7, \"mask_value\": 5}", true, 5),
                Arguments.of("{\"__class_fullname__\": \"ElasticTransform\", \"p\": 1, \"alpha\": 0, \"sigma\": 50, \"alpha_affine\": 10, \"border_mode\": 0, \"value\": 7, \"mask_value\": 5}", false, 5),
                Arguments.of("{\"__class_fullname__\": \"GridDistortion\", \"p\": 1, \"num_steps\": 5, \"distort_limit\": [0.5, 0.5], \"border_mode\": 0, \"value\": 7, \"mask_value\": 5}", false, 5),
                Arguments.of("{\"__class_fullname__\": \"OpticalDistortion\", \"p\": 1, \"distort_limit\": [1.5, 1.5], \"border_mode\": 0, \"value\": 7, \"mask_value\": 5}", true, 5),
                Arguments.of("{\"__class_fullname__\": \"Perspective\", \"p\": 1, \"scale\": [0.3, 0.3], \"fit_output\": true, \"pad_mode\": 0, \"pad_val\": 7, \"mask_pad_val\": 5}", false, 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void a131FileFillsTheFirstChannelOnly(String transform, boolean cornerIsBorder, int maskFill131) {
        SmallSample.Result old = SmallSample.run("1.3.1", transform);
        assertThat(pixels(old)).as("1.3.1").contains(List.of(7, 0, 0)).doesNotContain(List.of(7, 7, 7));
        if (cornerIsBorder) assertThat(old.pixel(0, 0)).containsExactly(7, 0, 0);
        assertThat(Arrays.stream(old.mask()).boxed()).as("1.3.1 mask").contains(maskFill131);

        SmallSample.Result now = SmallSample.run("2.0.8", transform);
        assertThat(pixels(now)).as("2.0.8").contains(List.of(7, 7, 7)).doesNotContain(List.of(7, 0, 0));
        if (cornerIsBorder) assertThat(now.pixel(0, 0)).containsExactly(7, 7, 7);
        assertThat(Arrays.stream(now.mask()).boxed()).as("2.0.8 mask").contains(5).doesNotContain(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void perChannelFillsMeanTheSameInBothReleases(String transform, boolean cornerIsBorder, int maskFill131) {
        String perChannel = transform.replace("\": 7,", "\": [7, 8, 9],");
        assertThat(pixels(SmallSample.run("1.3.1", perChannel))).contains(List.of(7, 8, 9));
        assertThat(pixels(SmallSample.run("2.0.8", perChannel))).contains(List.of(7, 8, 9));
    }

    private static Set<List<Integer>> pixels(SmallSample.Result r) {
        Set<List<Integer>> out = new HashSet<>();
        for (int y = 0; y < r.height(); y++) for (int x = 0; x < r.width(); x++) out.add(Arrays.stream(r.pixel(x, y)).boxed().toList());
        return out;
    }
}
