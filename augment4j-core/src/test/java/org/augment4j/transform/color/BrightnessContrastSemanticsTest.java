package org.augment4j.transform.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.augment4j.SmallSample.assertClose;

import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.SmallSample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * RandomBrightnessContrast under Albumentations 1.3.1 and 2.0.8 semantics. The 1.3.1 values were printed by
 * Albumentations 1.3.1 on {@link SmallSample}'s image (mean 138.4667) with the same pipeline file.
 */
class BrightnessContrastSemanticsTest {
    private static final String BY_MEAN = """
            {"__class_fullname__": "RandomBrightnessContrast", "always_apply": false, "p": 1, "brightness_limit": [0.15, 0.15],
             "contrast_limit": [-0.2, -0.2], "brightness_by_max": false}""";

    private static Mat run(String version, String transform, Mat image) {
        Compose c = PipelineFile.fromJson("{\"__version__\": \"" + version + "\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1,"
                + " \"transforms\": [" + transform + "]}}");
        try (Sample in = Sample.of(image); Sample out = c.apply(in, 1L, Map.of())) {
            return out.image().clone();
        }
    }

    private static int[][] channel0(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[][] out = new int[SmallSample.H][SmallSample.W];
        for (int y = 0; y < SmallSample.H; y++) for (int x = 0; x < SmallSample.W; x++) out[y][x] = b[(y * SmallSample.W + x) * 3] & 0xff;
        return out;
    }

    @Test
    void from131FileAddsAlphaBetaMean() {
        try (Mat out = run("1.3.1", BY_MEAN, SmallSample.image())) {
            assertClose(channel0(out), new int[][] {
                {16, 22, 27, 33, 39, 44, 50, 55, 61, 67, 72, 78}, {27, 32, 38, 43, 49, 55, 60, 66, 71, 77, 83, 88},
                {37, 43, 48, 54, 59, 65, 71, 76, 82, 87, 93, 99}, {47, 53, 59, 64, 70, 75, 81, 87, 92, 98, 103, 109},
                {58, 63, 69, 75, 80, 86, 91, 97, 103, 108, 114, 119}, {68, 74, 79, 85, 91, 96, 102, 107, 113, 119, 124, 130},
                {79, 84, 90, 95, 101, 107, 112, 118, 123, 129, 135, 140}, {89, 95, 100, 106, 111, 117, 123, 128, 134, 139, 145, 151},
                {99, 105, 111, 116, 122, 127, 133, 139, 144, 150, 155, 161}, {110, 115, 121, 127, 132, 138, 143, 149, 155, 160, 166, 171}});
            assertThat(channel0(out)[0][0]).as("0·0.8 + 0.8·0.15·138.4667 = 16.6").isEqualTo(16);
        }
        try (Mat in = SmallSample.image(); Mat f = new Mat()) {
            in.convertTo(f, opencv_core.CV_32F, 1 / 255.0, 0);
            try (Mat out = run("1.3.1", BY_MEAN, f)) {
                float[] v = Mats.toFloats(out);
                assertThat(v[0]).isCloseTo(0.06516078859567642f, within(1e-5f));
                assertThat(v[2]).isCloseTo(0.37888628244400024f, within(1e-5f));
                assertThat(v[v.length - 1]).isCloseTo(0.18437647819519043f, within(1e-5f));
            }
        }
    }

    @Test
    void from208FileAddsBetaMean() {
        try (Mat out = run("2.0.8", BY_MEAN, SmallSample.image())) {
            assertThat(channel0(out)[0][0]).as("0·0.8 + 0.15·138.4667 = 20.8").isEqualTo(20);
            assertThat(channel0(out)[9][11]).as("(77 + 117) % 256 = 194: 194·0.8 + 20.77 = 175.97").isEqualTo(175);
        }
        RandomBrightnessContrast t = new RandomBrightnessContrast(Range.fixed(0.15), Range.fixed(-0.2), false, false, 1);
        assertThat(t.withSemantics(Semantics.ALBUMENTATIONS_2)).isSameAs(t);
        assertThat(t.withSemantics(Semantics.ALBUMENTATIONS_1_3).toDict()).isEqualTo(t.toDict());
    }

    @Test
    void byMaxIsTheSameInBothReleases() {
        String byMax = BY_MEAN.replace("false", "true").replace("\"always_apply\": true", "\"always_apply\": false");
        try (Mat a = run("1.3.1", byMax, SmallSample.image()); Mat b = run("2.0.8", byMax, SmallSample.image())) {
            assertThat(Mats.toBytes(a)).isEqualTo(Mats.toBytes(b));
        }
    }

    @Test
    void acceptsTheLimitsAlbumentationsAccepts() {
        // AutoAlbument policies use contrast limits up to 4.7; 1.3.1 gives 0·5.7 + 0.15·255 = 38.25 → 38, then 78, 118, ...
        String policy = """
                {"__class_fullname__": "RandomBrightnessContrast", "p": 1, "brightness_limit": [0.15, 0.15],
                 "contrast_limit": [4.7, 4.7], "brightness_by_max": true}""";
        try (Mat out = run("1.3.1", policy, SmallSample.image())) {
            assertThat(channel0(out)[0]).startsWith(38, 78, 118, 157, 197, 237);
        }
        assertThat(TransformRegistry.create("RandomBrightnessContrast", Map.of("brightness_limit", List.of(-2, 0), "contrast_limit", List.of(0.5, 0.1))).toDict())
                .containsEntry("brightness_limit", List.of(-2L, 0L)).containsEntry("contrast_limit", List.of(0.5, 0.1));
    }
}
