package org.augment4j.transform.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.PixelTransformContractTest;
import org.junit.jupiter.params.provider.Arguments;

/** The pixel contract for the Pillow-style operations the policies use. */
class EnhanceContractTest extends PixelTransformContractTest {

    static Stream<Arguments> transforms() {
        List<Arguments> out = new ArrayList<>();
        for (String k : List.of("brightness", "color", "contrast", "sharpness")) add(out, "Enhance " + k, () -> new Enhance(k, Range.of(0.1, 1.9), 1));
        add(out, "Enhance strong contrast", () -> new Enhance("contrast", Range.fixed(2.5), 1));
        add(out, "PilAutoContrast", () -> new PilAutoContrast(1));
        return out.stream();
    }
}
