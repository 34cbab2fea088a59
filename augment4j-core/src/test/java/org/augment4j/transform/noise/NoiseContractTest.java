package org.augment4j.transform.noise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.PixelTransformContractTest;
import org.junit.jupiter.params.provider.Arguments;

/** The pixel contract for the noise transforms. */
class NoiseContractTest extends PixelTransformContractTest {

    static Stream<Arguments> transforms() {
        List<Arguments> out = new ArrayList<>();
        add(out, "MultiplicativeNoise", () -> new MultiplicativeNoise(Range.of(0.7, 1.3), false, false, 1));
        add(out, "MultiplicativeNoise per channel", () -> new MultiplicativeNoise(Range.of(0.7, 1.3), true, false, 1));
        add(out, "MultiplicativeNoise elementwise", () -> new MultiplicativeNoise(Range.of(0.5, 1.5), false, true, 1));
        add(out, "MultiplicativeNoise elementwise per channel", () -> new MultiplicativeNoise(Range.of(0.5, 1.5), true, true, 1));
        add(out, "SaltAndPepper", () -> new SaltAndPepper(Range.of(0.01, 0.06), Range.of(0.4, 0.6), 1));
        add(out, "SaltAndPepper heavy", () -> new SaltAndPepper(Range.of(0.3, 0.5), Range.of(0, 1), 1));
        add(out, "ShotNoise", () -> new ShotNoise(Range.of(0.1, 0.3), 1));
        add(out, "ShotNoise fine", () -> new ShotNoise(Range.of(0.001, 0.01), 1));
        add(out, "ISONoise", () -> new ISONoise(Range.of(0.01, 0.05), Range.of(0.1, 0.5), 1));
        add(out, "ISONoise strong", () -> new ISONoise(Range.of(0.5, 1), Range.of(1, 3), 1));
        add(out, "AdditiveNoise", () -> new AdditiveNoise("uniform", "constant", null, 1, 1));
        add(out, "AdditiveNoise gaussian per pixel", () -> new AdditiveNoise("gaussian", "per_pixel",
                Map.of("mean_range", List.of(-0.05, 0.05), "std_range", List.of(0.05, 0.1)), 1, 1));
        add(out, "AdditiveNoise laplace shared approx", () -> new AdditiveNoise("laplace", "shared", null, 0.5, 1));
        add(out, "AdditiveNoise beta per pixel", () -> new AdditiveNoise("beta", "per_pixel", null, 1, 1));
        add(out, "AdditiveNoise uniform ranges", () -> new AdditiveNoise("uniform", "constant",
                Map.of("ranges", List.of(List.of(-0.2, 0.2), List.of(0, 0.1), List.of(-0.1, 0))), 1, 1));
        return out.stream();
    }
}
