package org.augment4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.augment4j.Compose;
import org.augment4j.TestData;
import org.augment4j.opencv.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** YOLO detection, pose and segmentation labels of testdata/data (images in coco/images) through {@link ObjectAugmenter}. */
class YoloTest {
    static final Path YOLO = TestData.data("yolo");
    static final Path IMAGES = TestData.data("coco/images");

    private static Dataset read(String labels, Yolo.Task task) {
        return Yolo.read(IMAGES, YOLO.resolve(labels), YOLO.resolve("data.yaml"), task);
    }

    private static String augmented(Dataset d, DatasetImage img, Compose c) {
        try (Mat image = ImageIO.readRgb(img.file())) {
            ObjectAugmenter.Result r = new ObjectAugmenter(c, d.flipIndex()).apply(img, image, 11);
            int w = r.image().cols(), h = r.image().rows();
            r.image().close();
            return Yolo.format(new DatasetImage(img.fileName(), null, w, h, r.kept(), img.extra()), task(d));
        }
    }

    private static Yolo.Task task(Dataset d) {
        return d.images().stream().flatMap(i -> i.objects().stream()).anyMatch(o -> o.keypoints() != null) ? Yolo.Task.POSE
                : d.images().stream().flatMap(i -> i.objects().stream()).anyMatch(o -> o.segmentation() != null) ? Yolo.Task.SEGMENT : Yolo.Task.DETECT;
    }

    private static double[][] numbers(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(l -> java.util.Arrays.stream(l.strip().split(" ")).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
    }

    @Test
    void identityReproducesDetectionAndPoseLabelsInUltralyticsForm() throws IOException {
        int lines = 0;
        for (String kind : List.of("labels", "labels-pose")) {
            Dataset d = read(kind, kind.equals("labels") ? Yolo.Task.DETECT : Yolo.Task.POSE);
            assertThat(d.images()).hasSize(10);
            for (DatasetImage img : d.images()) {
                Path label = YOLO.resolve(kind).resolve(img.stem() + ".txt");
                String got = augmented(d, img, CocoDatasetTest.IDENTITY);
                double[][] want = Files.isRegularFile(label) ? numbers(Files.readString(label)) : new double[0][];
                double[][] have = numbers(got);
                assertThat(have.length).isEqualTo(want.length);
                for (int i = 0; i < want.length; i++) {
                    assertThat(have[i]).hasSameSizeAs(want[i]);
                    for (int k = 0; k < want[i].length; k++) assertThat(have[i][k]).isCloseTo(want[i][k], within(1.5e-6));
                }
                assertThat(got.lines()).allMatch(l -> l.matches("\\d+( -?\\d+\\.\\d{6}( [012])?)+") || l.matches("\\d+( \\d+\\.\\d{6})+( \\d+\\.\\d{6} \\d+\\.\\d{6} [012])+"));
                lines += have.length;
            }
        }
        assertThat(lines).isEqualTo(172 + 26);
    }

    @Test
    void horizontalFlipMirrorsPoseLabelsAndSwapsByFlipIdx() {
        Dataset d = read("labels-pose", Yolo.Task.POSE);
        int[] flip = d.flipIndex();
        assertThat(flip).containsExactly(0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15);
        int points = 0;
        for (DatasetImage img : d.images()) {
            if (img.objects().isEmpty()) continue;
            double[][] have = numbers(augmented(d, img, CocoDatasetTest.FLIP));
            assertThat(have.length).isEqualTo(img.objects().size());
            for (int i = 0; i < have.length; i++) {
                DatasetObject o = img.objects().get(i);
                double w = img.width();
                double cx = (o.bbox()[0] + o.bbox()[2] / 2) / w;
                assertThat(have[i][1]).isCloseTo(1 - cx, within(1.5e-6));
                for (int j = 0; j < 17; j++) {
                    double[] k = o.keypoints();
                    int t = flip[j];
                    if (k[3 * j + 2] > 0) {
                        assertThat(have[i][5 + 3 * t]).isCloseTo((w - 1 - k[3 * j]) / w, within(1e-6));
                        assertThat(have[i][7 + 3 * t]).isEqualTo(k[3 * j + 2]);
                        points++;
                    } else {
                        assertThat(have[i][7 + 3 * t]).isZero();
                    }
                }
            }
        }
        assertThat(points).isGreaterThan(200);
    }

    @Test
    void segmentationPolygonsSurviveIdentityWithinIoU() {
        Dataset d = read("labels-seg", Yolo.Task.SEGMENT);
        int objects = 0;
        for (DatasetImage img : d.images()) {
            try (Mat image = ImageIO.readRgb(img.file())) {
                ObjectAugmenter.Result r = new ObjectAugmenter(CocoDatasetTest.IDENTITY, d.flipIndex()).apply(img, image, 1);
                r.image().close();
                DatasetImage out = new DatasetImage(img.fileName(), null, img.width(), img.height(), r.kept(), img.extra());
                double[][] have = numbers(Yolo.format(out, Yolo.Task.SEGMENT));
                assertThat(have.length).isEqualTo(img.objects().size());
                for (int i = 0; i < have.length; i++) {
                    double[] p = new double[have[i].length - 1];
                    for (int k = 0; k < p.length; k++) p[k] = have[i][k + 1] * (k % 2 == 0 ? img.width() : img.height());
                    assertThat(CocoDatasetTest.maskIoU(img.objects().get(i).segmentation(), new Segmentation.Polygons(List.of(p)), img.width(), img.height()))
                            .isGreaterThanOrEqualTo(0.9);
                    objects++;
                }
            }
        }
        assertThat(objects).isEqualTo(172);
    }

    @Test
    void partsAreJoinedIntoOneRingCoveringThemAll() {
        double[] big = {10, 10, 60, 10, 60, 60, 10, 60}, small = {80, 20, 95, 20, 95, 35, 80, 35};
        Segmentation two = new Segmentation.Polygons(List.of(small, big));
        double[] ring = Yolo.merged(two);
        assertThat(ring.length).isEqualTo(big.length + small.length + 2 + 2);
        assertThat(CocoDatasetTest.maskIoU(two, new Segmentation.Polygons(List.of(ring)), 100, 100)).isGreaterThan(0.97);
        assertThat(Yolo.merged(new Segmentation.Polygons(List.of(new double[] {1, 1, 2, 2})))).isNull();
    }
}
