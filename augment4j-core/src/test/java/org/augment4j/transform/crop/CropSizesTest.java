package org.augment4j.transform.crop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;

import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Output sizes and placements as Albumentations documents them, on the 600 × 400 contract photo. */
class CropSizesTest {

    static Transform create(String name, Map<String, Object> params) {
        return TransformRegistry.create(name, params);
    }

    /** Runs {@code t} (p forced to 1 by the params) on the contract sample; the caller closes the result. */
    static Sample run(Transform t, long seed) {
        try (Sample in = SpatialContract.rectangles()) {
            return SpatialContract.pipeline(t).apply(in, seed);
        }
    }

    static byte[] region(Mat m, int x, int y, int w, int h) {
        try (Rect r = new Rect(x, y, w, h); Mat roi = new Mat(m, r); Mat copy = roi.clone()) {
            return Mats.toBytes(copy);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}x{3}")
    @CsvSource(delimiter = ';', value = {
        "LongestMaxSize; {\"max_size\": 512}; 512; 341",
        "LongestMaxSize; {\"max_size\": 1200}; 1200; 800",
        "LongestMaxSize; {\"max_size_hw\": [300, null]}; 450; 300",
        "LongestMaxSize; {\"max_size_hw\": [300, 300]}; 300; 200",
        "SmallestMaxSize; {\"max_size\": 200}; 300; 200",
        "SmallestMaxSize; {\"max_size_hw\": [null, 300]}; 300; 200",
        "SmallestMaxSize; {\"max_size_hw\": [500, 500]}; 750; 500",
        "PadIfNeeded; {\"min_height\": 512, \"min_width\": 512}; 600; 512",
        "PadIfNeeded; {}; 1024; 1024",
        "PadIfNeeded; {\"pad_height_divisor\": 64, \"min_height\": null, \"pad_width_divisor\": 64, \"min_width\": null}; 640; 448",
        "PadIfNeeded; {\"min_height\": 300, \"pad_width_divisor\": 7}; 602; 400",
        "Pad; {\"padding\": [10, 20, 30, 40]}; 640; 460",
        "Pad; {\"padding\": [10, 20]}; 620; 440",
        "Pad; {\"padding\": 5}; 610; 410",
        "CropAndPad; {\"px\": -20, \"keep_size\": false}; 560; 360",
        "CropAndPad; {\"px\": -20}; 600; 400",
        "CropAndPad; {\"px\": 10, \"keep_size\": false}; 620; 420",
        "CropAndPad; {\"percent\": 0.1, \"keep_size\": false}; 720; 480",
        "CropAndPad; {\"px\": [-10, 20, 30, -40], \"keep_size\": false}; 580; 420",
        "CropAndPad; {\"px\": -300, \"keep_size\": false}; 600; 201",
        "RandomResizedCrop; {\"size\": [200, 300]}; 300; 200",
        "RandomResizedCrop; {\"height\": 64, \"width\": 32}; 32; 64",
        "RandomSizedBBoxSafeCrop; {\"height\": 128, \"width\": 96}; 96; 128",
        "RandomScale; {\"scale_limit\": [0.5, 0.5]}; 900; 600",
        "RandomScale; {\"scale_limit\": [-0.25, -0.25]}; 450; 300",
        "Crop; {\"x_min\": 100, \"y_min\": 30, \"x_max\": 700, \"y_max\": 450, \"pad_if_needed\": true}; 600; 420",
        "CenterCrop; {\"height\": 500, \"width\": 300, \"pad_if_needed\": true}; 300; 500",
        "RandomCrop; {\"height\": 700, \"width\": 700, \"pad_if_needed\": true}; 700; 700",
        "CropNonEmptyMaskIfExists; {\"height\": 64, \"width\": 48}; 48; 64",
        "AtLeastOneBBoxRandomCrop; {\"height\": 64, \"width\": 48}; 48; 64"})
    void outputSizeAsDocumented(String name, String json, int width, int height) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> params = new java.util.HashMap<>(new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class));
        params.put("p", 1.0);
        try (Sample out = run(create(name, params), 3)) {
            assertThat(out.width()).isEqualTo(width);
            assertThat(out.height()).isEqualTo(height);
            assertThat(out.mask().cols()).isEqualTo(width);
            assertThat(out.mask().rows()).isEqualTo(height);
        }
    }

    @Test
    void padIfNeededCentresTheImageOnAZeroCanvas() {
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(new PadIfNeeded(512, 512)).apply(in, 1)) {
            assertThat(region(out.image(), 0, 56, 600, 400)).isEqualTo(Mats.toBytes(in.image()));
            assertThat(region(out.image(), 0, 0, 600, 56)).containsOnly(0);
            assertThat(region(out.image(), 0, 456, 600, 56)).containsOnly(0);
            double[] kp = out.keypoints().get(0);
            assertThat(kp[0]).isEqualTo(in.keypoints().get(0)[0]);
            assertThat(kp[1]).isEqualTo(in.keypoints().get(0)[1] + 56);
        }
    }

    @ParameterizedTest
    @CsvSource({"top_left,0,0", "top_right,0,50", "bottom_left,20,0", "bottom_right,20,50", "center,10,25"})
    void padIfNeededPlacesTheImage(String position, int top, int left) {
        Transform t = create("PadIfNeeded", Map.of("min_height", 420, "min_width", 650, "position", position, "fill", 7));
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(t).apply(in, 1)) {
            assertThat(out.width()).isEqualTo(650);
            assertThat(out.height()).isEqualTo(420);
            assertThat(region(out.image(), left, top, 600, 400)).isEqualTo(Mats.toBytes(in.image()));
            assertThat(out.applied().get(0).params()).containsEntry("pad_top", top).containsEntry("pad_left", left);
        }
    }

    @Test
    void padWithReflectionIsCopyMakeBorder() {
        Transform t = create("Pad", Map.of("padding", List.of(7, 3, 11, 5), "border_mode", 4));
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(t).apply(in, 1); Mat expected = new Mat();
             Scalar zero = new Scalar(0.0)) {
            copyMakeBorder(in.image(), expected, 3, 5, 7, 11, BORDER_REFLECT_101, zero);
            assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(expected));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void paddingCropsPadFirstWithTheirBorderMode(int border) {
        // One warp for pad + crop must equal copyMakeBorder on the whole image, then the window (Albumentations' order).
        Transform t = create("CenterCrop", Map.of("height", 500, "width", 700, "pad_if_needed", true, "border_mode", border));
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(t).apply(in, 1); Mat padded = new Mat();
             Scalar zero = new Scalar(0.0)) {
            copyMakeBorder(in.image(), padded, 50, 50, 50, 50, border, zero);
            assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(padded));
        }
        Transform r = create("RandomCrop", Map.of("height", 450, "width", 300, "pad_if_needed", true, "border_mode", border));
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(r).apply(in, 5); Mat padded = new Mat();
             Scalar zero = new Scalar(0.0)) {
            Map<String, Object> p = out.applied().get(0).params();
            copyMakeBorder(in.image(), padded, 25, 25, 0, 0, border, zero);
            int y = (int) (1 * (Double) p.get("h_start")), x = (int) (301 * (Double) p.get("w_start"));
            assertThat(Mats.toBytes(out.image())).isEqualTo(region(padded, x, y, 300, 450));
        }
    }

    @Test
    void longestMaxSizeScalesKeypointsByTheFactorAsAlbumentations() {
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(new LongestMaxSize(512)).apply(in, 1)) {
            double s = 512.0 / 600;
            for (int i = 0; i < in.keypoints().size(); i++) {
                assertThat(out.keypoints().get(i)[0]).isCloseTo(in.keypoints().get(i)[0] * s, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(out.keypoints().get(i)[1]).isCloseTo(in.keypoints().get(i)[1] * s, org.assertj.core.data.Offset.offset(1e-9));
            }
            for (int i = 0; i < in.boxes().size(); i++) {
                assertThat(out.boxes().get(i)).containsExactly(in.boxes().get(i), org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void cropWithPaddingKeepsAlbumentationsCoordinates() {
        // 600 x 400, region x 100..700, y 30..450: missing 100 columns and 50 rows; centred padding puts 50 left, 25 top.
        Transform t = create("Crop", Map.of("x_min", 100, "y_min", 30, "x_max", 700, "y_max", 450, "pad_if_needed", true));
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(t).apply(in, 1)) {
            assertThat(out.applied().get(0).params()).containsEntry("pad_top", 25).containsEntry("pad_bottom", 50)
                    .containsEntry("pad_left", 50).containsEntry("pad_right", 100);
            assertThat(region(out.image(), 0, 0, 550, 395)).isEqualTo(region(in.image(), 50, 5, 550, 395));
            assertThat(region(out.image(), 550, 0, 50, 420)).containsOnly(0);
        }
    }

    @Test
    void centerCropPadsThenTakesTheCentre() {
        Transform t = create("CenterCrop", Map.of("height", 500, "width", 300, "pad_if_needed", true));
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(t).apply(in, 1)) {
            assertThat(region(out.image(), 0, 50, 300, 400)).isEqualTo(region(in.image(), 150, 0, 300, 400));
            assertThat(region(out.image(), 0, 0, 300, 50)).containsOnly(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Crop", "CenterCrop", "RandomCrop"})
    void cropsLargerThanTheImageNeedPadIfNeeded(String name) {
        Map<String, Object> p = name.equals("Crop") ? Map.of("x_min", 0, "y_min", 0, "x_max", 700, "y_max", 100)
                : Map.of("height", 100, "width", 700);
        assertThatThrownBy(() -> run(create(name, p), 1).close()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name).hasMessageContaining("600");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7})
    void randomCropFromBordersStaysWithinItsLimits(long seed) {
        Transform t = create("RandomCropFromBorders", Map.of("crop_left", 0.2, "crop_right", 0.1, "crop_top", 0.3, "crop_bottom", 0.25));
        try (Sample out = run(t, seed)) {
            Map<String, Object> p = out.applied().get(0).params();
            assertThat((Integer) p.get("x_min")).isBetween(0, 120);
            assertThat((Integer) p.get("x_max")).isBetween(540, 600);
            assertThat((Integer) p.get("y_min")).isBetween(0, 120);
            assertThat((Integer) p.get("y_max")).isBetween(300, 400);
            assertThat(out.width()).isEqualTo((Integer) p.get("x_max") - (Integer) p.get("x_min"));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7})
    void randomResizedCropAreaAndRatioStayInRange(long seed) {
        Transform t = create("RandomResizedCrop", Map.of("size", List.of(64, 64), "scale", List.of(0.2, 0.5), "ratio", List.of(0.8, 1.25)));
        try (Sample out = run(t, seed)) {
            Map<String, Object> p = out.applied().get(0).params();
            int ch = (Integer) p.get("crop_height"), cw = (Integer) p.get("crop_width");
            double area = (double) ch * cw / (600 * 400);
            assertThat(area).isBetween(0.19, 0.51);
            assertThat((double) cw / ch).isBetween(0.78, 1.27);
        }
    }

    @Test
    void randomResizedCropFallsBackToTheLargestCentredCrop() {
        // No draw of area 1 with ratio in [2.5, 3] fits a 600 x 400 image, so the centred fallback is used: full width,
        // height round(600 / 2.5) = 240.
        Transform t = create("RandomResizedCrop", Map.of("size", List.of(50, 100), "scale", List.of(1, 1), "ratio", List.of(2.5, 3.0)));
        try (Sample out = run(t, 1)) {
            assertThat(out.applied().get(0).params()).containsEntry("crop_height", 240).containsEntry("crop_width", 600);
            assertThat(out.width()).isEqualTo(100);
        }
    }

    @Test
    void cropAndPadNeverCropsAwayTheWholeImage() {
        try (Sample out = run(create("CropAndPad", Map.of("px", -5000, "keep_size", false)), 1)) {
            assertThat(out.width()).isEqualTo(1);
            assertThat(out.height()).isEqualTo(1);
        }
        assertThat(PadAmounts.preventZero(200, 0, 200, 0, 400, 600)).containsExactly(0, 0, 0, 0);
        assertThat(PadAmounts.preventZero(300, 300, 300, 300, 400, 600)).containsExactly(99, 0, 100, 0);
    }

    @Test
    void cropAndPadReflectsTheCroppedImage() {
        // Crop 10 on the left, pad 10 on the right with wrap: the new right columns repeat the cropped image's left edge.
        Transform t = create("CropAndPad", Map.of("px", List.of(0, 10, 0, -10), "keep_size", false, "border_mode", 3));
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(t).apply(in, 1)) {
            assertThat(out.width()).isEqualTo(600);
            assertThat(region(out.image(), 590, 0, 10, 400)).isEqualTo(region(in.image(), 10, 0, 10, 400));
        }
    }

    @Test
    void cropAndPadDrawsItsFill() {
        Transform t = create("CropAndPad", Map.of("px", 10, "keep_size", false, "fill", List.of(100, 110), "fill_mask", 9));
        for (long seed = 0; seed < 5; seed++) {
            try (Sample out = run(t, seed)) {
                double fill = (Double) out.applied().get(0).params().get("fill");
                assertThat(fill).isBetween(100.0, 110.0).isEqualTo(Math.rint(fill));
                assertThat(region(out.image(), 0, 0, 620, 10)).containsOnly((byte) fill);
                assertThat(region(out.mask(), 0, 0, 620, 10)).containsOnly((byte) 9);
            }
        }
    }
}
