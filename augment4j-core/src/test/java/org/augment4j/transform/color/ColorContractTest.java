package org.augment4j.transform.color;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.augment4j.TestData;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.PixelTransformContractTest;
import org.junit.jupiter.params.provider.Arguments;

/** Every pixel-transform contract check, run on the colour transforms with p = 1. */
class ColorContractTest extends PixelTransformContractTest {

    static final List<String> REFERENCES = List.of(TestData.data("photos/chelsea.png").toString(),
            TestData.data("photos/rocket.jpg").toString());

    static Stream<Arguments> transforms() {
        List<Arguments> out = new ArrayList<>();
        add(out, "RandomBrightnessContrast", () -> new RandomBrightnessContrast(Range.symmetric(0.3), Range.symmetric(0.3), true, false, 1));
        add(out, "RandomBrightnessContrast mean safe", () -> new RandomBrightnessContrast(Range.of(-0.2, 0.4), Range.of(-0.5, 0.2), false, true, 1));
        add(out, "RandomBrightness", () -> new RandomBrightness(Range.symmetric(0.3), 1));
        add(out, "RandomContrast", () -> new RandomContrast(Range.symmetric(0.3), 1));
        add(out, "RandomGamma", () -> new RandomGamma(Range.of(60, 150), 1));
        add(out, "HueSaturationValue", () -> new HueSaturationValue(Range.symmetric(30), Range.symmetric(40), Range.symmetric(30), 1));
        add(out, "ColorJitter", () -> new ColorJitter(Range.of(0.6, 1.4), Range.of(0.5, 1.5), Range.of(0, 2), Range.symmetric(0.3), 1));
        add(out, "ColorJitter default", () -> new ColorJitter(Range.of(0.8, 1.2), Range.of(0.8, 1.2), Range.of(0.8, 1.2), Range.symmetric(0.5), 1));
        add(out, "CLAHE", () -> new CLAHE(Range.of(1, 4), new int[] {8, 8}, 1));
        add(out, "CLAHE coarse", () -> new CLAHE(Range.of(2, 6), new int[] {3, 5}, 1));
        add(out, "RandomToneCurve", () -> new RandomToneCurve(0.2, false, 1));
        add(out, "RandomToneCurve per channel", () -> new RandomToneCurve(0.3, true, 1));
        add(out, "PlanckianJitter", () -> new PlanckianJitter("blackbody", null, "uniform", 1));
        add(out, "PlanckianJitter cied gaussian", () -> new PlanckianJitter("cied", Range.of(5000, 9000), "gaussian", 1));
        add(out, "HistogramMatching", () -> new HistogramMatching(Range.of(0.5, 1), REFERENCES, "hm_metadata", 1));
        add(out, "FDA", () -> new FDA(Range.of(0.01, 0.1), REFERENCES, "fda_metadata", 1));
        add(out, "PixelDistributionAdaptation", () -> new PixelDistributionAdaptation(Range.of(0.25, 1), "pca", REFERENCES, "pda_metadata", 1));
        add(out, "PixelDistributionAdaptation standard", () -> new PixelDistributionAdaptation(Range.of(0.5, 1), "standard", REFERENCES, "pda_metadata", 1));
        add(out, "PixelDistributionAdaptation minmax", () -> new PixelDistributionAdaptation(Range.of(0.5, 1), "minmax", REFERENCES, "pda_metadata", 1));
        add(out, "PlasmaBrightnessContrast", () -> new PlasmaBrightnessContrast(Range.symmetric(0.4), Range.symmetric(0.4), 256, 3, 1));
        add(out, "PlasmaBrightnessContrast smooth", () -> new PlasmaBrightnessContrast(Range.of(0.1, 0.3), Range.fixed(0), 64, 0.5, 1));
        add(out, "PlasmaShadow", () -> new PlasmaShadow(Range.of(0.3, 0.7), 256, 3, 1));
        add(out, "Illumination", () -> new Illumination("linear", Range.of(0.01, 0.2), "both", Range.of(0, 360), Range.of(0.1, 0.9), Range.of(0.2, 1), 1));
        add(out, "Illumination corner", () -> new Illumination("corner", Range.of(0.1, 0.2), "both", Range.of(0, 360), Range.of(0.1, 0.9), Range.of(0.2, 1), 1));
        add(out, "Illumination gaussian", () -> new Illumination("gaussian", Range.of(0.05, 0.2), "brighten", Range.of(0, 360), Range.of(0.2, 0.8), Range.of(0.2, 0.6), 1));
        add(out, "HEStain", () -> new HEStain("random_preset", null, Range.of(0.7, 1.3), Range.of(-0.2, 0.2), false, 1));
        add(out, "HEStain preset background", () -> new HEStain("preset", "h_heavy", Range.of(0.5, 1.5), Range.of(-0.3, 0.3), true, 1));
        return out.stream();
    }
}
