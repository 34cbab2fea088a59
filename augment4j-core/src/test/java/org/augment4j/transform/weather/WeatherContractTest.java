package org.augment4j.transform.weather;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.PixelTransformContractTest;
import org.junit.jupiter.params.provider.Arguments;

/** Every pixel-transform promise, checked for the weather family. */
class WeatherContractTest extends PixelTransformContractTest {

    static Stream<Arguments> transforms() {
        List<Arguments> out = new ArrayList<>();
        add(out, "RandomShadow", () -> new RandomShadow(new double[] {0, 0.3, 1, 1}, Range.of(1, 3), 6, Range.of(0.3, 0.8), 1));
        add(out, "RandomFog", () -> new RandomFog(Range.of(0.3, 1), 0.1, 1));
        return out.stream();
    }
}
