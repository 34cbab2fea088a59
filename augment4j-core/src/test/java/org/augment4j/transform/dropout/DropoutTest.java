package org.augment4j.transform.dropout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.augment4j.CocoFixture;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.TargetCodec;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dropout transforms remove the labels of what they hide, and only those. */
class DropoutTest {
    private static final BboxParams VOC = BboxParams.of(BboxFormat.PASCAL_VOC, "name");
    private static final KeypointParams XY = KeypointParams.of(KeypointFormat.XY, "kname");

    /** Three objects (mask values 1, 2, 3) with a box and a keypoint each. */
    private static Sample threeObjects() {
        Mat img = new Mat(100, 200, CV_8UC3, new Scalar(200.0, 200.0, 200.0, 0.0));
        Mat mask = Mats.zeros(100, 200, CV_8UC1);
        int[][] rects = {{10, 10, 40, 30}, {80, 20, 50, 50}, {150, 60, 30, 30}};
        for (int i = 0; i < 3; i++) {
            try (Mat roi = new Mat(mask, new Rect(rects[i][0], rects[i][1], rects[i][2], rects[i][3]))) {
                roi.put(new Scalar(i + 1.0));
            }
        }
        double[][] boxes = {{10, 10, 50, 40}, {80, 20, 130, 70}, {150, 60, 180, 90}};
        double[][] kps = {{20, 20}, {100, 40}, {160, 70}};
        Map<String, List<?>> labels = Map.of("name", List.of("a", "b", "c"), "kname", List.of("ka", "kb", "kc"));
        return Sample.builder().image(img).mask(mask).build()
                .withBoxes(TargetCodec.decodeBoxes(boxes, labels, VOC, 200, 100))
                .withKeypoints(TargetCodec.decodeKeypoints(kps, labels, XY, 200, 100));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4, 5})
    void maskDropoutRemovesTheDroppedObjectsAndTheirLabels(long seed) {
        Compose c = new Compose(List.of(new MaskDropout(Range.of(1, 2), 1.0)), 1.0, VOC, XY, Map.of(), null);
        try (Sample in = threeObjects(); Sample out = c.apply(in, seed)) {
            @SuppressWarnings("unchecked")
            List<Integer> objects = (List<Integer>) out.applied().get(0).params().get("objects");
            assertThat(objects).hasSizeBetween(1, 2);
            ByteBuffer m = out.mask().createBuffer();
            String names = "abc";
            for (int obj = 1; obj <= 3; obj++) {
                boolean gone = objects.contains(obj);
                int[][] probe = {{20, 20}, {100, 40}, {160, 70}};
                int v = m.get(probe[obj - 1][1] * 200 + probe[obj - 1][0]) & 0xff;
                assertThat(v).as("mask value of object %d", obj).isEqualTo(gone ? 0 : obj);
                String name = String.valueOf(names.charAt(obj - 1));
                assertThat(out.boxes().labels().get("name").contains(name)).as("box of object %d kept", obj).isEqualTo(!gone);
                assertThat(out.keypoints().labels().get("kname").contains("k" + name)).as("keypoint of object %d kept", obj).isEqualTo(!gone);
            }
        }
    }

    @Test
    void maskDropoutOnRealCocoPhotosKeepsTheOtherObjects() {
        Compose c = new Compose(List.of(new MaskDropout(Range.of(2, 2), 1.0)), 1.0, CocoFixture.BOXES, CocoFixture.KEYPOINTS, Map.of(), null);
        try (Sample in = CocoFixture.load("000000397133"); Sample out = c.apply(in, 11L)) {
            assertThat(out.boxes().size()).isLessThan(in.boxes().size()).isGreaterThanOrEqualTo(in.boxes().size() - 2);
        }
    }

    @Test
    void coarseDropoutHidesKeypointsUnderHolesAndFullyCoveredBoxes() {
        // One 60x60 hole forced over object a (box 10..50 x 10..40, keypoint at 20, 20).
        Compose c = new Compose(List.of(TransformRegistry.create("CoarseDropout", Map.of("p", 1.0, "fill", 7))), 1.0, VOC, XY, Map.of(), null);
        try (Sample in = threeObjects();
             Sample out = c.apply(in, 0L, Map.of(0, Map.of("holes", List.of(List.of(0, 0, 60, 60)))))) {
            assertThat(out.boxes().labels().get("name")).containsExactly("b", "c");
            assertThat(out.keypoints().labels().get("kname")).containsExactly("kb", "kc");
            assertThat(Mats.toBytes(out.image())[0] & 0xff).isEqualTo(7);
            assertThat(Mats.toBytes(out.mask())).isEqualTo(Mats.toBytes(in.mask()));
        }
    }

    @Test
    void cutoutHasAlbumentations13Defaults() {
        Cutout cutout = new Cutout(1.0);
        assertThat(cutout.toDict()).containsEntry("num_holes", 8).containsEntry("max_h_size", 8).containsEntry("max_w_size", 8);
        try (Sample in = threeObjects(); Sample out = new Compose(List.of(cutout)).apply(in, 3L)) {
            int zeros = 0;
            for (byte b : Mats.toBytes(out.image())) if (b == 0) zeros++;
            assertThat(zeros).isPositive().isLessThanOrEqualTo(8 * 8 * 8 * 3);
        }
    }
}
