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
        add(out, "RandomRain", () -> new RandomRain(Range.of(-20, 20), null, 1, new double[] {200, 200, 200}, 7, 0.7, "default", 1));
        add(out, "RandomRain heavy", () -> new RandomRain(Range.fixed(5), 15, 2, new double[] {150, 160, 255}, 1, 1, "heavy", 1));
        add(out, "RandomSnow bleach", () -> new RandomSnow(Range.of(0.1, 0.5), 2.5, "bleach", 1));
        add(out, "RandomSnow texture", () -> new RandomSnow(Range.of(0.2, 0.4), 1.5, "texture", 1));
        add(out, "RandomSunFlare overlay", () -> new RandomSunFlare(new double[] {0, 0, 1, 0.5}, Range.of(0, 1), Range.of(3, 8), 150, new double[] {255, 240, 200}, "overlay", 1));
        add(out, "RandomSunFlare physics", () -> new RandomSunFlare(new double[] {0.2, 0.1, 0.8, 0.4}, Range.of(0.2, 0.6), Range.of(6, 10), 60, new double[] {255, 255, 255}, "physics_based", 1));
        add(out, "RandomGravel", () -> new RandomGravel(new double[] {0.1, 0.4, 0.9, 0.9}, 4, 1));
        add(out, "Spatter rain", () -> new Spatter(Range.of(0.6, 0.7), Range.of(0.2, 0.3), Range.of(1, 3), Range.of(0.6, 0.7), Range.of(0.5, 0.8), "rain", null, 1));
        add(out, "Spatter mud", () -> new Spatter(Range.fixed(0.65), Range.fixed(0.3), Range.fixed(2), Range.fixed(0.68), Range.fixed(0.6), "mud", new double[] {120, 40, 40}, 1));
        add(out, "TextImage", () -> new TextImage(null, List.of("the", "a"), java.util.Arrays.asList("swap", null), Range.of(0.5, 1), Range.of(0.5, 0.9), new double[] {255, 0, 0}, true, "textimage_metadata", 1));
        return out.stream();
    }
}
