package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.List;
import java.util.Map;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.TargetCodec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The 2.x box options (filter_invalid_bboxes, max_accept_ratio) and keeping invisible keypoints with a visibility flag. */
class LabelParamsTest {
    private static final BboxParams VOC = BboxParams.of(BboxFormat.PASCAL_VOC, "name");

    @Test
    void filterInvalidBboxesDropsThemWithTheirLabels() {
        double[][] boxes = {{10, 10, 50, 40}, {60, 10, 60, 40}, {5, 5, Double.NaN, 9}, {10, 50, 90, 120}, {20, 20, 30, 30}};
        Map<String, List<?>> labels = Map.of("name", List.of("a", "b", "c", "d", "e"));
        assertThatThrownBy(() -> TargetCodec.decodeBoxes(boxes, labels, VOC, 100, 100)).hasMessageContaining("bbox 1");
        var kept = TargetCodec.decodeBoxes(boxes, labels, VOC.withFilterInvalidBboxes(true), 100, 100);
        assertThat(kept.labels().get("name")).containsExactly("a", "e");
        var clipped = TargetCodec.decodeBoxes(boxes, labels, VOC.withFilterInvalidBboxes(true).withClip(true), 100, 100);
        assertThat(clipped.labels().get("name")).containsExactly("a", "d", "e");
    }

    @Test
    void maxAcceptRatioDropsBoxesThatBecomeTooThin() {
        // A 40x30 box and a 40x10 box; a horizontal squeeze to 1/4 width makes them 10x30 (ratio 3) and 10x10 (ratio 1).
        BboxParams bp = VOC.withMaxAcceptRatio(2.5);
        Compose squeeze = new Compose(List.of(TransformRegistry.create("Resize", Map.of("height", 100, "width", 25))), 1, bp, null, Map.of(), null);
        try (Mat img = new Mat(100, 100, CV_8UC3, new Scalar(0.0))) {
            Sample in = Sample.of(img).withBoxes(TargetCodec.decodeBoxes(new double[][] {{10, 10, 50, 40}, {10, 60, 50, 70}}, Map.of("name", List.of("tall", "square")), bp, 100, 100));
            try (Sample out = squeeze.apply(in, 1L)) {
                assertThat(out.boxes().labels().get("name")).containsExactly("square");
            }
        }
    }

    @Test
    void keypointsLeavingTheImageCanBeKeptWithVisibilityZero() {
        KeypointParams kp = KeypointParams.of(KeypointFormat.XY, "name", "v").withVisibilityField("v");
        Compose crop = new Compose(List.of(TransformRegistry.create("Crop", Map.of("x_min", 0, "y_min", 0, "x_max", 50, "y_max", 50))), 1, null, kp, Map.of(), null);
        try (Mat img = new Mat(100, 100, CV_8UC3, new Scalar(0.0))) {
            Sample in = Sample.of(img).withKeypoints(TargetCodec.decodeKeypoints(new double[][] {{10, 10}, {70, 20}, {30, 80}},
                    Map.of("name", List.of("nose", "eye", "ear"), "v", List.of(2, 2, 1)), kp, 100, 100));
            try (Sample out = crop.apply(in, 1L)) {
                assertThat(out.keypoints().labels().get("name")).containsExactly("nose", "eye", "ear");
                assertThat(out.keypoints().labels().get("v")).containsExactly(2, 0, 0);
                assertThat(TargetCodec.encodeKeypoints(out.keypoints(), kp)[1]).containsExactly(70, 20);
            }
        }
        assertThatThrownBy(() -> KeypointParams.of(KeypointFormat.XY, "name").withVisibilityField("v")).hasMessageContaining("visibility_field 'v' must be one of label_fields");
    }

    @Test
    void theNewOptionsRoundTripThroughPipelineFiles() {
        Compose c = new Compose(List.of(), 1, VOC.withFilterInvalidBboxes(true).withMaxAcceptRatio(4),
                KeypointParams.of(KeypointFormat.XY, "v").withVisibilityField("v"), Map.of(), null);
        Compose back = PipelineFile.fromYaml(PipelineFile.toYaml(c));
        assertThat(back.bboxParams()).isEqualTo(c.bboxParams());
        assertThat(back.keypointParams()).isEqualTo(c.keypointParams());
        assertThat(PipelineFile.toJson(c)).contains("\"filter_invalid_bboxes\" : true").contains("\"max_accept_ratio\" : 4.0");
    }
}
