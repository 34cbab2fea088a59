package org.augment4j.transform.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextImageTest {

    private static final List<Map<String, Object>> META = List.of(
            Map.of("bbox", List.of(0.1, 0.1, 0.9, 0.4), "text", "Hello world"),
            Map.of("bbox", List.of(0.1, 0.6, 0.5, 0.9), "text", "augment4j"));

    private static TextImage black() {
        return new TextImage(null, List.of("the"), Arrays.asList((String) null), Range.fixed(1), Range.fixed(0.8), new double[] {0, 0, 0}, false,
                "textimage_metadata", 1);
    }

    @ParameterizedTest(name = "float {0}")
    @ValueSource(booleans = {false, true})
    void blackTextDarkensOnlyInsideTheBoxes(boolean asFloat) {
        Mat white = Images.constant(100, 200, 3, 255);
        Mat image = asFloat ? Images.toFloat(white) : white;
        Sample in = Sample.of(image).withMetadata("textimage_metadata", META);
        TextImage t = black();
        TextImage.Overlay o = t.sampleParams(in, new SplittableRandom(1));
        assertThat(o.texts()).containsExactlyInAnyOrder("Hello world", "augment4j");
        assertThat(o.fontSizes()).containsExactlyInAnyOrder(24, 24);           // int(0.8 · (40 − 10)), int(0.8 · (90 − 60))
        Mat out = t.apply(in, o).image();
        assertThat(Mats.isFloat(out)).isEqualTo(asFloat);
        try (Mat u8 = new Mat()) {
            out.convertTo(u8, org.bytedeco.opencv.global.opencv_core.CV_8U, asFloat ? 255 : 1, 0);
            int[] v = WeatherImages.u8(u8);
            int dark = 0;
            for (int i = 0; i < v.length; i += 3) {
                int x = (i / 3) % 200, y = (i / 3) / 200;
                boolean inBox = (x >= 20 && y >= 10 && y < 45) || (x >= 20 && y >= 60 && y < 95);
                if (!inBox) assertThat(v[i]).as("(%d, %d) outside the text boxes", x, y).isEqualTo(255);
                assertThat(v[i]).isEqualTo(v[i + 1]).isEqualTo(v[i + 2]);   // black on white stays gray
                if (v[i] < 128) dark++;
            }
            assertThat(dark).as("text ink").isGreaterThan(200);
        }
        Mats.release(white, image, out);
    }

    @Test
    void grayAndRgbaImagesKeepTheirChannels() {
        for (Mat image : new Mat[] {Images.gray(Images.constant(100, 200, 3, 255)), Images.rgba(Images.constant(100, 200, 3, 255))}) {
            Sample in = Sample.of(image).withMetadata("textimage_metadata", META);
            TextImage t = black();
            Mat out = t.apply(in, t.sampleParams(in, new SplittableRandom(6))).image();
            assertThat(out.channels()).isEqualTo(image.channels());
            assertThat(WeatherImages.changed(image, out)).isGreaterThan(100);
            Mats.release(image, out);
        }
    }

    @Test
    void withoutMetadataTheImageIsUnchanged() {
        Mat image = Images.astronaut();
        TextImage t = black();
        Sample in = Sample.of(image);
        Mat out = t.apply(in, t.sampleParams(in, new SplittableRandom(2))).image();
        assertThat(WeatherImages.u8(out)).isEqualTo(WeatherImages.u8(image));
        Mats.release(image, out);
    }

    @Test
    void fractionPicksBoxesAndWordAugmentationsChangeTheText() {
        TextImage t = new TextImage(null, List.of("the"), List.of("deletion"), Range.fixed(0.5), Range.fixed(0.8), new double[] {0}, false, "meta", 1);
        Sample in = Sample.of(Images.coffee()).withMetadata("meta", List.of(
                Map.of("bbox", List.of(0.0, 0.0, 0.5, 0.5), "text", "one two three four"),
                Map.of("bbox", List.of(0.5, 0.5, 1.0, 1.0), "text", "five six")));
        TextImage.Overlay o = t.sampleParams(in, new SplittableRandom(3));
        assertThat(o.texts()).hasSize(1);
        String original = o.bboxIndices()[0] == 0 ? "one two three four" : "five six";
        assertThat(o.texts()[0].split(" ")).hasSize(original.split(" ").length / 2);
        assertThat(original.split(" ")).contains(o.texts()[0].split(" "));
        Mats.release(in.image());
    }

    @Test
    void clearBackgroundInpaintsTheBoxes() {
        Mat image = Images.coffee();
        TextImage t = new TextImage(null, List.of("the"), Arrays.asList((String) null), Range.fixed(1), Range.fixed(0.01), new double[] {0, 0, 0}, true,
                "textimage_metadata", 1);
        Sample in = Sample.of(image).withMetadata("textimage_metadata", META);
        Mat out = t.apply(in, t.sampleParams(in, new SplittableRandom(4))).image();
        assertThat(WeatherImages.changed(image, out)).isGreaterThan(0);
        Mats.release(image, out);
    }

    @Test
    void badParametersAreNamedAndFilesRoundTrip() {
        assertThatThrownBy(() -> new TextImage("/no/such/font.ttf", List.of("the"), List.of(), Range.fixed(1), Range.fixed(0.8), new double[] {0}, false, "k", 1))
                .hasMessageContaining("font_path");
        assertThatThrownBy(() -> new TextImage(null, List.of("the"), List.of("shout"), Range.fixed(1), Range.fixed(0.8), new double[] {0}, false, "k", 1))
                .hasMessageContaining("augmentations");
        assertThatThrownBy(() -> new TextImage(null, List.of("the"), List.of(), Range.of(0, 2), Range.fixed(0.8), new double[] {0}, false, "k", 1))
                .hasMessageContaining("fraction_range");
        assertThatThrownBy(() -> new TextImage(null, List.of("the"), List.of(), Range.fixed(1), Range.of(0, 3), new double[] {0}, false, "k", 1))
                .hasMessageContaining("font_size_fraction_range");
        assertThatThrownBy(() -> new TextImage(null, List.of("the"), List.of(), Range.fixed(1), Range.fixed(0.8), new double[] {300}, false, "k", 1))
                .hasMessageContaining("font_color");
        TextImage t = (TextImage) TransformRegistry.create("TextImage", Map.of("augmentations", List.of("swap", "insertion"), "metadata_key", "k"));
        assertThat(t.toDict()).containsEntry("augmentations", List.of("swap", "insertion")).containsEntry("metadata_key", "k");
        assertThat(TransformRegistry.create("TextImage", t.toDict()).toDict()).isEqualTo(t.toDict());
    }
}
