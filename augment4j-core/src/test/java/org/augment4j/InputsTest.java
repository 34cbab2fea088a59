package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.augment4j.opencv.Mats;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.transform.spatial.Crop;
import org.augment4j.transform.spatial.HorizontalFlip;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Compose#apply(Inputs, long)}: boxes and keypoints go in and come out in the Compose's declared format, labels
 * follow their rows, label fields are checked against the declaration. The image is 100 wide and 80 high.
 */
class InputsTest {
    private static final Offset<Double> EXACT = Offset.offset(1e-9);
    private Mat image;

    @BeforeEach
    void image() {
        image = Mats.zeros(80, 100, CV_8UC3);
    }

    @AfterEach
    void release() {
        image.close();
    }

    /** The box coco [10, 20, 30, 40] on a 100 × 80 image in each format: as given, and after a horizontal flip. */
    static Stream<Arguments> boxFormats() {
        return Stream.of(
                Arguments.of("pascal_voc", new double[] {10, 20, 40, 60}, new double[] {60, 20, 90, 60}),
                Arguments.of("coco", new double[] {10, 20, 30, 40}, new double[] {60, 20, 30, 40}),
                Arguments.of("yolo", new double[] {0.25, 0.5, 0.3, 0.5}, new double[] {0.75, 0.5, 0.3, 0.5}),
                Arguments.of("albumentations", new double[] {0.1, 0.25, 0.4, 0.75}, new double[] {0.6, 0.25, 0.9, 0.75}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boxFormats")
    void boxesComeBackInTheDeclaredFormat(String format, double[] box, double[] flipped) {
        BboxParams params = BboxParams.of(format, "category_id");
        Inputs in = Inputs.of(image).bboxes(new double[][] {box}, "category_id", 7);
        try (Augmented same = Compose.builder().bboxParams(params).build().apply(in, 1);
             Augmented flip = Compose.builder().add(new HorizontalFlip(1.0)).bboxParams(params).build().apply(in, 1)) {
            assertThat(same.bboxes()).hasDimensions(1, 4);
            assertThat(same.bboxes()[0]).containsExactly(box, EXACT);
            assertThat(flip.bboxes()[0]).containsExactly(flipped, EXACT);
            assertThat(flip.labels("category_id")).containsExactly(7);
            assertThat(flip.sample().boxes().toArray()[0]).as("internal form is normalised whatever the format")
                    .containsExactly(new double[] {0.6, 0.25, 0.9, 0.75}, EXACT);
        }
    }

    /** The keypoint x = 10, y = 20, angle 30°, scale 2 in each format; a flip makes x = 100 − 1 − 10 and angle 180° − 30°. */
    static Stream<Arguments> keypointFormats() {
        return Stream.of(
                Arguments.of("xy", new double[] {10, 20}, new double[] {89, 20}),
                Arguments.of("yx", new double[] {20, 10}, new double[] {20, 89}),
                Arguments.of("xya", new double[] {10, 20, 30}, new double[] {89, 20, 150}),
                Arguments.of("xys", new double[] {10, 20, 2}, new double[] {89, 20, 2}),
                Arguments.of("xyas", new double[] {10, 20, 30, 2}, new double[] {89, 20, 150, 2}),
                Arguments.of("xysa", new double[] {10, 20, 2, 30}, new double[] {89, 20, 2, 150}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keypointFormats")
    void keypointsComeBackInTheDeclaredFormat(String format, double[] kp, double[] flipped) {
        KeypointParams params = KeypointParams.of(format, "name");
        Inputs in = Inputs.of(image).keypoints(new double[][] {kp}, "name", List.of("nose"));
        try (Augmented same = Compose.builder().keypointParams(params).build().apply(in, 1);
             Augmented flip = Compose.builder().add(new HorizontalFlip(1.0)).keypointParams(params).build().apply(in, 1)) {
            assertThat(same.keypoints()[0]).containsExactly(kp, EXACT);
            assertThat(flip.keypoints()[0]).containsExactly(flipped, EXACT);
            assertThat(flip.keypointLabels("name")).containsExactly("nose");
        }
    }

    @Test
    void aCropThatRemovesABoxAndAKeypointRemovesTheirLabels() {
        Compose crop = Compose.builder().add(new Crop(0, 0, 50, 80, 1.0))
                .bboxParams(BboxParams.of(BboxFormat.COCO, "category_id", "name"))
                .keypointParams(KeypointParams.of(KeypointFormat.XY, "part"))
                .build();
        Inputs in = Inputs.of(image)
                .bboxes(new double[][] {{10, 20, 30, 40}, {60, 10, 20, 20}, {40, 0, 20, 10}}, "category_id", 1, 2, 3)
                .bboxLabels("name", List.of("cat", "dog", "bird"))
                .keypoints(new double[][] {{70, 30}, {10, 20}}, "part", List.of("tail", "nose"));
        try (Augmented out = crop.apply(in, 3)) {
            assertThat(out.width()).isEqualTo(50);
            assertThat(out.bboxes()).hasDimensions(2, 4);
            assertThat(out.bboxes()[0]).containsExactly(new double[] {10, 20, 30, 40}, EXACT);
            assertThat(out.bboxes()[1]).as("clipped to the crop").containsExactly(new double[] {40, 0, 10, 10}, EXACT);
            assertThat(out.labels("category_id", Integer.class)).containsExactly(1, 3);
            assertThat(out.labels("name", String.class)).containsExactly("cat", "bird");
            assertThat(out.keypoints()).hasDimensions(1, 2);
            assertThat(out.keypoints()[0]).containsExactly(10.0, 20.0);
            assertThat(out.keypointLabels("part")).containsExactly("nose");
        }
    }

    @Test
    void masksImagesAndTheMaskListAreTransformedAndReturnedByName() {
        try (Mat mask = Mats.zeros(80, 100, CV_8UC1); Mat second = Mats.zeros(80, 100, CV_8UC1); Mat other = Mats.zeros(80, 100, CV_8UC3)) {
            try (Mat roi = new Mat(second, new org.bytedeco.opencv.opencv_core.Rect(0, 0, 10, 80))) {
                roi.put(Mats.scalar(255));
            }
            Compose flip = Compose.builder().add(new HorizontalFlip(1.0)).additionalTarget("depth", "image").build();
            try (Augmented out = flip.apply(Inputs.of(image).mask(mask).image("depth", other).mask("edges", second).masks(List.of(mask, second)), 0)) {
                assertThat(out.masks()).hasSize(2);
                assertThat(Mats.toBytes(out.masks().get(1))[99] & 0xff).as("left band moved right").isEqualTo(255);
                assertThat(Mats.toBytes(out.masks().get(1))[0] & 0xff).isZero();
                assertThat(Mats.toBytes(out.mask("edges"))).isEqualTo(Mats.toBytes(out.masks().get(1)));
                assertThat(out.image("depth").cols()).isEqualTo(100);
                assertThat(out.mask()).isNotSameAs(mask);
                assertThatThrownBy(() -> out.mask("nope")).hasMessageContaining("no mask 'nope'").hasMessageContaining("edges");
            }
            assertThatThrownBy(() -> flip.apply(Inputs.of(image).mask("depth", mask), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'depth' is given as a mask").hasMessageContaining("declare it an image");
        }
    }

    @Test
    void typedLabelsKeepIntegersAndConvertWholeNumbers() {
        Compose c = Compose.builder().bboxParams(BboxParams.of("pascal_voc", "id", "score")).build();
        Integer seven = 7;
        Inputs in = Inputs.of(image).bboxes(new double[][] {{0, 0, 10, 10}, {5, 5, 20, 20}, {1, 1, 2, 2}})
                .bboxLabels("id", List.of(seven, 3L, 5.0)).bboxLabels("score", List.of(0.5, 1, 2.5f));
        try (Augmented out = c.apply(in, 0)) {
            List<Integer> ids = out.labels("id", Integer.class);
            assertThat(ids).containsExactly(7, 3, 5);
            assertThat(ids.get(0)).as("an Integer label stays that Integer").isSameAs(seven);
            assertThat(out.labels("id", Long.class)).containsExactly(7L, 3L, 5L);
            assertThat(out.labels("id", int.class)).containsExactly(7, 3, 5);
            assertThat(out.labels("score", Double.class)).containsExactly(0.5, 1.0, 2.5);
            assertThat(out.labels("id")).containsExactly(seven, 3L, 5.0);
            assertThatThrownBy(() -> out.labels("score", Integer.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'score' row 0 is 0.5 (Double)").hasMessageContaining("Integer");
            assertThatThrownBy(() -> out.labels("id", String.class)).hasMessageContaining("'id' row 0 is 7 (Integer), which is not exactly a String");
            assertThatThrownBy(() -> out.labels("nope")).hasMessageContaining("no bbox label field 'nope'").hasMessageContaining("[id, score]");
            assertThatThrownBy(() -> out.keypointLabels("id")).hasMessageContaining("no keypoint_params").hasMessageContaining("use labels");
        }
        try (Augmented out = c.apply(Inputs.of(image).bboxes(new double[][] {{0, 0, 10, 10}}).bboxLabels("id", List.of(1L << 40)).bboxLabels("score", List.of("high")), 0)) {
            assertThatThrownBy(() -> out.labels("id", Integer.class)).hasMessageContaining("1099511627776 (Long)");
            assertThatThrownBy(() -> out.labels("score", Double.class)).hasMessageContaining("high (String)");
            assertThat(out.labels("id", Long.class)).containsExactly(1L << 40);
        }
    }

    @Test
    void labelFieldsAreCheckedAgainstTheDeclaration() {
        Compose c = Compose.builder().bboxParams(BboxParams.of("coco", "category_id")).keypointParams(KeypointParams.of("xy")).build();
        double[][] box = {{10, 20, 30, 40}};
        assertThatThrownBy(() -> c.apply(Inputs.of(image).bboxes(box, "category", 1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bbox label field 'category' is not declared: the Compose's bbox_params label_fields are [category_id]");
        assertThatThrownBy(() -> c.apply(Inputs.of(image).bboxes(box), 0))
                .hasMessageContaining("bbox label field 'category_id' is declared in the Compose's bbox_params but not given");
        assertThatThrownBy(() -> c.apply(Inputs.of(image).bboxes(box, "category_id", 1, 2), 0))
                .hasMessageContaining("label field 'category_id' has 2 values for 1 bboxes");
        assertThatThrownBy(() -> c.apply(Inputs.of(image).bboxes(new double[][] {{10, 20, 30, 40, 1}}, "category_id", 1), 0))
                .hasMessageContaining("bbox 0 is [10.0, 20.0, 30.0, 40.0, 1.0]: format 'coco' takes exactly 4 values");
        assertThatThrownBy(() -> c.apply(Inputs.of(image).keypoints(new double[][] {{1, 2}}, "kind", 1), 0))
                .hasMessageContaining("keypoint label field 'kind' is not declared");
        assertThatThrownBy(() -> Compose.of(new HorizontalFlip(1.0)).apply(Inputs.of(image).bboxes(box), 0))
                .hasMessageContaining("bboxes given, but the Compose has no bbox_params");
        assertThatThrownBy(() -> c.apply(Inputs.of(image).bboxes(new double[][] {{90, 20, 30, 40}}, "category_id", 1), 0))
                .hasMessageContaining("bbox 0 [90.0, 20.0, 30.0, 40.0] in format 'coco'").hasMessageContaining("outside the image");
        try (Augmented none = c.apply(Inputs.of(image), 0)) {
            assertThat(none.bboxes()).isEmpty();
            assertThat(none.labels("category_id")).isEmpty();
            assertThat(none.keypoints()).isEmpty();
        }
    }

    @Test
    void theSameSeedGivesTheSameResultAndTheInputsAreLeftAlone() {
        Compose c = Compose.builder().add(new HorizontalFlip(0.5)).bboxParams(BboxParams.of("pascal_voc")).build();
        double[][] boxes = {{10, 20, 40, 60}};
        Inputs in = Inputs.of(image).bboxes(boxes);
        boxes[0][0] = 0; // the inputs hold a copy
        for (long seed = 0; seed < 6; seed++) {
            try (Augmented a = c.apply(in, seed); Augmented b = c.apply(in, seed)) {
                assertThat(a.bboxes()).isDeepEqualTo(b.bboxes());
                assertThat(a.bboxes()[0][0]).isIn(10.0, 60.0);
                assertThat(a.applied()).isEqualTo(b.applied());
            }
        }
        assertThat(image.isNull()).isFalse();
        assertThat(image.cols()).isEqualTo(100);
    }

    @Test
    void additionalTargetsOfTheCompose() {
        Compose c = new Compose(List.of(new HorizontalFlip(1.0)), 1.0, null, null, Map.of("mask2", "mask"), null);
        try (Mat m = Mats.zeros(80, 100, CV_8UC1); Augmented out = c.apply(Inputs.of(image).mask("mask2", m), 0)) {
            assertThat(out.mask("mask2").cols()).isEqualTo(100);
            assertThat(out.mask()).isNull();
            assertThat(out.masks()).isEmpty();
        }
    }
}
