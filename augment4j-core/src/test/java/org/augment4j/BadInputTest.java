package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.List;
import java.util.Map;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.TargetCodec;
import org.augment4j.transform.spatial.HorizontalFlip;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a clear exception naming the problem — never a crash inside OpenCV, never a silently wrong label. */
class BadInputTest {
    private static final Compose FLIP = new Compose(List.of(new HorizontalFlip(1.0)));
    private static final BboxParams VOC = BboxParams.of(BboxFormat.PASCAL_VOC, "labels");

    @Test
    void emptyImage() {
        try (Mat empty = new Mat()) {
            assertThatThrownBy(() -> FLIP.apply(Sample.of(empty), 1L)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image is empty");
        }
    }

    @Test
    void wrongChannelCount() {
        try (Mat two = new Mat(10, 10, CV_8UC2, new Scalar(0.0))) {
            assertThatThrownBy(() -> FLIP.apply(Sample.of(two), 1L)).hasMessageContaining("1, 3 or 4 channels, got 2");
        }
    }

    @Test
    void wrongDepth() {
        try (Mat u16 = new Mat(10, 10, CV_16UC3, new Scalar(0.0))) {
            assertThatThrownBy(() -> FLIP.apply(Sample.of(u16), 1L)).hasMessageContaining("uint8 or float32");
        }
    }

    @Test
    void maskOfAnotherSize() {
        try (Mat img = new Mat(10, 10, CV_8UC3, new Scalar(0.0)); Mat mask = new Mat(9, 10, CV_8UC1, new Scalar(0.0))) {
            assertThatThrownBy(() -> FLIP.apply(Sample.builder().image(img).mask(mask).build(), 1L)).hasMessageContaining("mask 'mask' is 9x10 but the image is 10x10");
        }
    }

    @Test
    void boxOutsideTheImageIsAnErrorUnlessClipped() {
        double[][] boxes = {{10, 10, 120, 50}};
        Map<String, List<?>> labels = Map.of("labels", List.of(1));
        assertThatThrownBy(() -> TargetCodec.decodeBoxes(boxes, labels, VOC, 100, 100))
                .hasMessageContaining("bbox 0").hasMessageContaining("x_max is outside the image").hasMessageContaining("clip");
        double[] clipped = TargetCodec.decodeBoxes(boxes, labels, VOC.withClip(true), 100, 100).get(0);
        assertThat(clipped).containsExactly(0.1, 0.1, 1.0, 0.5);
    }

    @Test
    void boxWithMinNotBelowMax() {
        Map<String, List<?>> labels = Map.of("labels", List.of(1));
        assertThatThrownBy(() -> TargetCodec.decodeBoxes(new double[][] {{50, 10, 50, 40}}, labels, VOC, 100, 100)).hasMessageContaining("x_max must be greater than x_min");
        assertThatThrownBy(() -> TargetCodec.decodeBoxes(new double[][] {{10, 40, 50, 30}}, labels, VOC, 100, 100)).hasMessageContaining("y_max must be greater than y_min");
    }

    @Test
    void nanCoordinates() {
        Map<String, List<?>> labels = Map.of("labels", List.of(1));
        assertThatThrownBy(() -> TargetCodec.decodeBoxes(new double[][] {{Double.NaN, 10, 50, 40}}, labels, VOC, 100, 100)).hasMessageContaining("non-finite");
        KeypointParams kp = KeypointParams.of(KeypointFormat.XY);
        assertThatThrownBy(() -> TargetCodec.decodeKeypoints(new double[][] {{1, Double.NaN}}, Map.of(), kp, 100, 100)).hasMessageContaining("non-finite");
    }

    @Test
    void keypointOutsideTheImage() {
        KeypointParams kp = KeypointParams.of(KeypointFormat.XY);
        assertThatThrownBy(() -> TargetCodec.decodeKeypoints(new double[][] {{100, 5}}, Map.of(), kp, 100, 100)).hasMessageContaining("x must be in [0, 100)");
    }

    @Test
    void missingOrMisalignedLabels() {
        assertThatThrownBy(() -> TargetCodec.decodeBoxes(new double[][] {{1, 1, 5, 5}}, Map.of(), VOC, 100, 100)).hasMessageContaining("label field 'labels'").hasMessageContaining("missing");
        assertThatThrownBy(() -> TargetCodec.decodeBoxes(new double[][] {{1, 1, 5, 5}}, Map.of("labels", List.of(1, 2)), VOC, 100, 100)).hasMessageContaining("has 2 values for 1 bboxes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"voc", "xyxy", "PASCAL VOC", ""})
    void unknownBoxFormat(String name) {
        assertThatThrownBy(() -> BboxFormat.of(name)).hasMessageContaining("unknown bbox format '" + name + "'").hasMessageContaining("pascal_voc");
    }

    @Test
    void unknownKeypointFormat() {
        assertThatThrownBy(() -> KeypointFormat.of("xyz")).hasMessageContaining("unknown keypoint format 'xyz'").hasMessageContaining("xyas");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
    void probabilityOutsideUnitInterval(double p) {
        assertThatThrownBy(() -> new HorizontalFlip(p)).hasMessageContaining("HorizontalFlip: p must be in [0, 1], got " + p);
        assertThatThrownBy(() -> TransformRegistry.create("Rotate", Map.of("p", p))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p must be in [0, 1]");
    }

    @Test
    void malformedPipelineFiles() {
        assertThatThrownBy(() -> PipelineFile.fromJson("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [")).isInstanceOf(PipelineException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> PipelineFile.fromJson("[1, 2]")).hasMessageContaining("must hold an object");
        assertThatThrownBy(() -> PipelineFile.fromYaml("transform: [unclosed")).hasMessageContaining("malformed YAML");
        assertThatThrownBy(() -> PipelineFile.fromJson("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": {}}}")).hasMessageContaining("transforms must be a list");
    }

    @Test
    void unknownTransformAndParameterAreNamedWithTheirPath() {
        String unknownTransform = "{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": ["
                + "{\"__class_fullname__\": \"HorizontalFlip\"}, {\"__class_fullname__\": \"OneOf\", \"transforms\": [{\"__class_fullname__\": \"Fancy\"}]}]}}";
        assertThatThrownBy(() -> PipelineFile.fromJson(unknownTransform))
                .hasMessageContaining("unknown transform 'Fancy'").hasMessageContaining("$.transform.transforms[1].transforms[0].__class_fullname__");
        String unknownParam = "{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"Rotate\", \"limitt\": 10}]}}";
        assertThatThrownBy(() -> PipelineFile.fromJson(unknownParam)).hasMessageContaining("unknown parameter 'limitt' for Rotate").hasMessageContaining("$.transform.transforms[0].limitt");
        String badType = "{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"Rotate\", \"limit\": \"wide\"}]}}";
        assertThatThrownBy(() -> PipelineFile.fromJson(badType)).hasMessageContaining("Rotate.limit must be a number or a [min, max] pair").hasMessageContaining("$.transform.transforms[0].limit");
        String badFormat = "{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [], \"bbox_params\": {\"format\": \"xyxy\"}}}";
        assertThatThrownBy(() -> PipelineFile.fromJson(badFormat)).hasMessageContaining("unknown bbox format 'xyxy'").hasMessageContaining("$.transform.bbox_params");
    }

    @Test
    void transformsThatNeedAMaskSaySo() {
        Compose c = new Compose(List.of(TransformRegistry.create("MaskDropout", Map.of("p", 1.0))));
        try (Mat img = new Mat(10, 10, CV_8UC3, new Scalar(0.0))) {
            assertThatThrownBy(() -> c.apply(Sample.of(img), 1L)).hasMessageContaining("MaskDropout needs a mask");
        }
    }

    @Test
    void cropLargerThanTheImage() {
        Compose c = new Compose(List.of(TransformRegistry.create("RandomCrop", Map.of("height", 20, "width", 5))));
        try (Mat img = new Mat(10, 10, CV_8UC3, new Scalar(0.0))) {
            assertThatThrownBy(() -> c.apply(Sample.of(img), 1L)).hasMessageContaining("RandomCrop: crop size (height 20, width 5) is larger than the image (height 10, width 10)");
        }
    }
}
