package org.augment4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.inRange;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.Batch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.TestData;
import org.augment4j.datasets.CocoReader;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetSamples;
import org.augment4j.loader.SampleSource;
import org.augment4j.opencv.ImageIO;
import org.augment4j.target.BboxParams;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * The bundled COCO sample through the article's pipeline into DJL detection records: each record's box rows, drawn back
 * onto its image tensor, enclose the pixels of their objects in the augmented instance mask (boxes follow the pixels).
 */
class DetectionRecordsTest {
    static final Compose ARTICLE = Compose.builder()
            .add(A.RandomSizedCrop(Range.of(412, 612), 512, 512), A.ShiftScaleRotate(), A.RGBShift(), A.Blur(), A.GaussNoise(), A.ElasticTransform(),
                    A.MaskDropout().with("max_objects", Range.of(10, 15)).withP(1), A.Cutout().withP(1))
            .bboxParams(BboxParams.of("coco", DatasetSamples.CATEGORY, DatasetSamples.OBJECT)).build();

    @Test
    void boxRowsDrawnOnTheImageTensorEncloseTheirObjectsInTheAugmentedMask() throws Exception {
        Dataset coco = CocoReader.read(TestData.data("coco"));
        SampleSource source = DatasetSamples.of(coco);
        AugmentedDataset detection = AugmentedDataset.builder(coco, ARTICLE).detection(DatasetSamples.CATEGORY).seed(21).threads(2).setSampling(5, false).build();
        int checked = 0, epochs = 3;
        double worstOutside = 0, smallestFill = 1;
        List<Double> fills = new ArrayList<>();
        List<Mat> drawn = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (Batch batch : detection.getData(m)) {
                    try (batch) {
                        NDArray images = batch.getData().head(), rows = batch.getLabels().head();
                        for (int k = 0; k < batch.getSize(); k++) {
                            long index = (Long) batch.getIndices().get(k);
                            float[] r = rows.get(k).toFloatArray();
                            // the same draws outside DJL: the augmented instance mask, and which object each box row is
                            try (Sample in = source.get((int) index); Sample out = ARTICLE.apply(in, Seeds.mix(Seeds.mix(21, epoch), index))) {
                                assertThat(out.boxes().size()).as("rows of record %d", index).isEqualTo((int) r.length / 5 - padding(r));
                                List<Object> objects = out.boxes().labels().get(DatasetSamples.OBJECT);
                                Mat picture = picture(images.get(k));
                                for (int b = 0; b < out.boxes().size(); b++) {
                                    double x0 = r[5 * b + 1] * 512, y0 = r[5 * b + 2] * 512, x1 = r[5 * b + 3] * 512, y1 = r[5 * b + 4] * 512;
                                    opencv_imgproc.rectangle(picture, new Point((int) x0, (int) y0), new Point((int) x1, (int) y1), new Scalar(255, 255, 0, 0));
                                    int object = ((Number) objects.get(b)).intValue();
                                    try (Rect extent = extent(out.mask(), object + 1); Rect before = extent(in.mask(), object + 1)) {
                                        if (extent == null || before == null) continue;   // an object reduced to a sliver, or hidden behind others
                                        double tol = 4;   // COCO's boxes and polygons differ by a pixel or two, and the crop scales that up
                                        double outside = Math.max(Math.max(x0 - extent.x(), y0 - extent.y()),
                                                Math.max(extent.x() + extent.width() - x1, extent.y() + extent.height() - y1));
                                        worstOutside = Math.max(worstOutside, outside);
                                        assertThat(outside).as("record %d epoch %d box %d %s vs object pixels %s", index, epoch, b,
                                                java.util.Arrays.toString(new double[] {x0, y0, x1, y1}), extent).isLessThanOrEqualTo(tol);
                                        // the box stays about as tight around its object's pixels as before (an object partly hidden
                                        // behind another fills its box less, before and after); rotations loosen it
                                        double[] was = in.boxes().get(object);
                                        double fillBefore = (double) before.width() * before.height() / ((was[2] - was[0]) * in.width() * (was[3] - was[1]) * in.height());
                                        double fill = (double) extent.width() * extent.height() / ((x1 - x0) * (y1 - y0)) / Math.min(1, fillBefore);
                                        smallestFill = Math.min(smallestFill, fill);
                                        // MaskDropout drops connected parts, so a part of an object in pieces may be gone
                                        if (parts(in.mask(), object + 1) > 1) continue;
                                        assertThat(fill).as("record %d epoch %d box %d: extent/box area %s relative to before", index, epoch, b, fill).isGreaterThan(0.04);
                                        fills.add(fill);
                                        checked++;
                                    }
                                }
                                if (epoch == 0 && drawn.size() < 4) drawn.add(picture);
                                else picture.close();
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).as("boxes checked against their objects").isGreaterThan(100);
        double medianFill = fills.stream().sorted().toList().get(fills.size() / 2);
        assertThat(medianFill).as("median tightness of the boxes relative to before augmentation").isGreaterThan(0.8);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            try (Mat row = new Mat()) {
                org.bytedeco.opencv.global.opencv_core.hconcat(new org.bytedeco.opencv.opencv_core.MatVector(drawn.toArray(new Mat[0])), row);
                ImageIO.write(target.resolve("djl-detection-records.png"), row);
            }
        }
        drawn.forEach(Mat::close);
        System.out.printf("checked %d boxes; worst overshoot of an object past its box %.2f px; extent/box area relative to before: smallest %.3f, median %.3f%n",
                checked, worstOutside, smallestFill, medianFill);
    }

    /** The number of padding rows (all -1) at the end of {@code rows}. */
    private static int padding(float[] rows) {
        int n = 0;
        for (int r = rows.length / 5 - 1; r >= 0 && rows[5 * r] == -1f; r--) n++;
        return n;
    }

    /** The image tensor (CHW float32, 0..255) as an RGB uint8 picture. */
    private static Mat picture(NDArray chw) {
        try (NDArray hwc = chw.transpose(1, 2, 0).toType(DataType.UINT8, false)) {
            return Tensors.toMat(hwc);
        }
    }

    /** The number of connected parts (8-connected) of the mask's pixels of value {@code id}. */
    private static int parts(Mat mask, int id) {
        try (Mat only = new Mat(); Mat lo = new Mat(1, 1, CV_8UC1, new Scalar(id)); Mat hi = new Mat(1, 1, CV_8UC1, new Scalar(id)); Mat labels = new Mat()) {
            inRange(mask, lo, hi, only);
            return opencv_imgproc.connectedComponents(only, labels) - 1;
        }
    }

    /** The bounding rectangle of the mask's pixels of value {@code id}, or null for fewer than 20 of them. */
    private static Rect extent(Mat mask, int id) {
        try (Mat only = new Mat(); Mat lo = new Mat(1, 1, CV_8UC1, new Scalar(id)); Mat hi = new Mat(1, 1, CV_8UC1, new Scalar(id))) {
            inRange(mask, lo, hi, only);
            return countNonZero(only) < 20 ? null : opencv_imgproc.boundingRect(only);
        }
    }
}
