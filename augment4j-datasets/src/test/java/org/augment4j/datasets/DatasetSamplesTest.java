package org.augment4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.inRange;

import java.util.List;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.TestData;
import org.augment4j.loader.SampleSource;
import org.augment4j.target.BboxParams;
import org.augment4j.target.TargetCodec;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** A COCO dataset as samples: boxes with their category and object index, an instance mask, and boxes that follow the pixels. */
class DatasetSamplesTest {
    @Test
    void boxesFollowTheirObjectsPixelsThroughCropsAndFlips() {
        Dataset coco = CocoReader.read(TestData.data("coco"));
        SampleSource source = DatasetSamples.of(coco);
        assertThat(source.size()).isEqualTo(coco.images().size());
        BboxParams params = BboxParams.of("pascal_voc", DatasetSamples.CATEGORY, DatasetSamples.OBJECT);
        Compose pipeline = Compose.builder().add(A.RandomSizedCrop(Range.of(300, 400), 320, 320), A.HorizontalFlip()).bboxParams(params).build();
        int checked = 0;
        for (int i = 0; i < source.size(); i++) {
            try (Sample in = source.get(i); Sample out = pipeline.apply(in, 11L + i)) {
                assertThat(in.boxes().size()).isEqualTo((int) coco.images().get(i).objects().stream().filter(o -> !o.crowd()).count());
                if (out.mask() == null) continue;
                double[][] boxes = TargetCodec.encodeBoxes(out.boxes(), params, out.width(), out.height());
                List<Object> objects = out.boxes().labels().get(DatasetSamples.OBJECT);
                for (int b = 0; b < boxes.length; b++) {
                    int k = ((Number) objects.get(b)).intValue() + 1;
                    try (Mat only = new Mat(); Mat lo = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_8UC1, new Scalar(k));
                         Mat hi = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_8UC1, new Scalar(k))) {
                        inRange(out.mask(), lo, hi, only);
                        if (countNonZero(only) < 20) continue;   // an object cut to a sliver, or hidden behind a later one
                        try (Rect r = org.bytedeco.opencv.global.opencv_imgproc.boundingRect(only)) {
                            double tol = 4;   // COCO's boxes and polygons differ by a pixel or two; resizing scales that
                            assertThat((double) r.x()).as("image %d object %d x0", i, k).isGreaterThanOrEqualTo(boxes[b][0] - tol);
                            assertThat((double) r.y()).as("image %d object %d y0", i, k).isGreaterThanOrEqualTo(boxes[b][1] - tol);
                            assertThat((double) r.x() + r.width()).as("image %d object %d x1", i, k).isLessThanOrEqualTo(boxes[b][2] + tol);
                            assertThat((double) r.y() + r.height()).as("image %d object %d y1", i, k).isLessThanOrEqualTo(boxes[b][3] + tol);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void aMaskFolderDatasetGivesEachImageWithItsMasksTheFirstFolderAsTheMainMask(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path coco = TestData.data("coco/images"), masks = TestData.data("masks/coco_derived");
        for (String folder : new String[] {"images", "instances", "semantic"}) java.nio.file.Files.createDirectories(dir.resolve(folder));
        List<String> stems = List.of("000000000790", "000000129648");
        for (String stem : stems) {
            java.nio.file.Files.copy(coco.resolve(stem + ".jpg"), dir.resolve("images/" + stem + ".jpg"));
            java.nio.file.Files.copy(masks.resolve(stem + "_instances.png"), dir.resolve("instances/" + stem + ".png"));
            java.nio.file.Files.copy(masks.resolve(stem + "_semantic.png"), dir.resolve("semantic/" + stem + ".png"));
        }
        SampleSource source = DatasetSamples.of(MaskFolders.read(dir));
        assertThat(source.size()).isEqualTo(2);
        for (int i = 0; i < stems.size(); i++) {
            try (Sample s = source.get(i); Mat instances = org.augment4j.opencv.ImageIO.readMask(masks.resolve(stems.get(i) + "_instances.png"));
                 Mat semantic = org.augment4j.opencv.ImageIO.readMask(masks.resolve(stems.get(i) + "_semantic.png")); Mat diff = new Mat()) {
                assertThat(s.image().channels()).isEqualTo(3);
                assertThat(s.masks()).containsOnlyKeys("mask", "semantic");
                assertThat(s.mask().channels()).isEqualTo(1);
                org.bytedeco.opencv.global.opencv_core.absdiff(s.mask(), instances, diff);
                assertThat(countNonZero(diff)).as("main mask = instances/ of image %d", i).isZero();
                org.bytedeco.opencv.global.opencv_core.absdiff(s.masks().get("semantic"), semantic, diff);
                assertThat(countNonZero(diff)).as("semantic mask of image %d", i).isZero();
                assertThat(countNonZero(s.mask())).isPositive();
                assertThat(s.boxes().size()).isZero();
            }
        }
    }
}
