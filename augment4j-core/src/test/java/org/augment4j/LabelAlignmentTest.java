package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.TargetCodec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When boxes and keypoints are filtered, every label field goes with its own row, in order. */
class LabelAlignmentTest {

    @ParameterizedTest(name = "min_visibility {0}")
    @ValueSource(doubles = {0.0, 0.3, 0.5, 0.9})
    void labelsFollowTheirBoxesThroughCropAndFilter(double minVisibility) {
        double[][] boxes = {{10, 10, 90, 60}, {80, 40, 180, 120}, {150, 100, 250, 200}, {280, 220, 390, 290}, {95, 45, 120, 70}, {290, 240, 310, 260}};
        BboxParams bp = new BboxParams(BboxFormat.PASCAL_VOC, List.of("name", "id"), 0, minVisibility, 0, 0, false, true);
        KeypointParams kp = KeypointParams.of(KeypointFormat.XY, "kname");
        double[][] kps = {{50, 50}, {150, 100}, {299, 249}, {300, 250}, {120, 60}};
        Map<String, List<?>> labels = Map.of("name", List.of("b0", "b1", "b2", "b3", "b4", "b5"), "id", List.of(0, 1, 2, 3, 4, 5),
                "kname", List.of("k0", "k1", "k2", "k3", "k4"));
        int x1 = 100, y1 = 50, x2 = 300, y2 = 250;
        Compose crop = new Compose(List.of(TransformRegistry.create("Crop", Map.of("x_min", x1, "y_min", y1, "x_max", x2, "y_max", y2))),
                1.0, bp, kp, Map.of(), null);
        try (Mat img = new Mat(300, 400, CV_8UC3, new Scalar(0.0))) {
            Sample in = Sample.of(img).withBoxes(TargetCodec.decodeBoxes(boxes, labels, bp, 400, 300))
                    .withKeypoints(TargetCodec.decodeKeypoints(kps, labels, kp, 400, 300));
            try (Sample out = crop.apply(in, 0L)) {
                List<Integer> expectKept = new ArrayList<>();
                for (int i = 0; i < boxes.length; i++) {
                    double[] b = boxes[i];
                    double cx1 = Math.max(b[0], x1), cy1 = Math.max(b[1], y1), cx2 = Math.min(b[2], x2), cy2 = Math.min(b[3], y2);
                    double visible = Math.max(0, cx2 - cx1) * Math.max(0, cy2 - cy1);
                    double area = (b[2] - b[0]) * (b[3] - b[1]);
                    if (visible > 0 && visible / area >= minVisibility) expectKept.add(i);
                }
                double[][] got = TargetCodec.encodeBoxes(out.boxes(), bp, out.width(), out.height());
                assertThat(got.length).isEqualTo(expectKept.size());
                for (int r = 0; r < got.length; r++) {
                    int i = expectKept.get(r);
                    double[] b = boxes[i];
                    assertThat(out.boxes().labels().get("name").get(r)).isEqualTo("b" + i);
                    assertThat(out.boxes().labels().get("id").get(r)).isEqualTo(i);
                    assertThat(got[r][0]).isCloseTo(Math.max(b[0], x1) - x1, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(got[r][3]).isCloseTo(Math.min(b[3], y2) - y1, org.assertj.core.data.Offset.offset(1e-9));
                }
                // Keypoints inside [100, 300) x [50, 250) survive with their names: k1, k2 and k4.
                assertThat(out.keypoints().labels().get("kname")).containsExactly("k1", "k2", "k4");
                assertThat(TargetCodec.encodeKeypoints(out.keypoints(), kp)[1]).containsExactly(199, 199);
            }
        }
    }
}
