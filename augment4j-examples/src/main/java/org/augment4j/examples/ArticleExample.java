package org.augment4j.examples;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.augment4j.A;
import org.augment4j.Augmented;
import org.augment4j.Compose;
import org.augment4j.Inputs;
import org.augment4j.datasets.CocoReader;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetObject;
import org.augment4j.datasets.MaskCodec;
import org.augment4j.opencv.ImageIO;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointParams;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Task 1: the article's pipeline on a COCO photo with its boxes, an instance mask and the person keypoints, what
 * Python writes with pycocotools and {@code A.Compose(..., bbox_params=..., keypoint_params=...)}.
 */
public final class ArticleExample {
    private ArticleExample() {}

    /** What came out: the image size, the boxes (COCO, pixels), their categories and the keypoints (xy, pixels). */
    public record Result(int width, int height, double[][] boxes, List<Integer> categories, double[][] keypoints) {}

    /** Augments {@code fileName} of the COCO folder {@code cocoDir} once with {@code seed}. */
    public static Result run(Path cocoDir, String fileName, long seed) {
        // README: begin (README.md shows these lines; ReadmeExampleTest keeps them equal)
        Compose pipeline = Compose.builder()
                .add(A.RandomSizedCrop(Range.of(412, 612), 512, 512), A.ShiftScaleRotate(), A.RGBShift(), A.Blur(), A.GaussNoise(),
                        A.ElasticTransform(), A.MaskDropout().with("max_objects", Range.of(10, 15)).withP(1), A.Cutout().withP(1))
                .bboxParams(BboxParams.of("coco", "category_id"))
                .keypointParams(KeypointParams.of("xy"))
                .build();
        DatasetImage photo = CocoReader.read(cocoDir).images().stream().filter(i -> i.fileName().equals(fileName)).findFirst().orElseThrow();
        List<DatasetObject> objects = photo.objects().stream().filter(o -> !o.crowd()).toList();
        double[][] boxes = objects.stream().map(DatasetObject::bbox).toArray(double[][]::new);
        int[] categories = objects.stream().mapToInt(DatasetObject::categoryId).toArray();
        double[][] keypoints = objects.stream().filter(o -> o.keypoints() != null).flatMap(o -> labelled(o.keypoints())).toArray(double[][]::new);
        try (Mat image = ImageIO.readRgb(photo.file()); Mat mask = new Mat(image.rows(), image.cols(), CV_8UC1, new Scalar(0.0))) {
            for (int i = 0; i < objects.size(); i++) {
                try (Mat object = MaskCodec.rasterise(objects.get(i).segmentation(), image.cols(), image.rows());
                     Mat id = new Mat(1, 1, CV_8UC1, new Scalar(i + 1))) {
                    mask.setTo(id, object);                      // instance mask: object i has value i + 1
                }
            }
            try (Augmented out = pipeline.apply(Inputs.of(image).mask(mask).bboxes(boxes, "category_id", categories).keypoints(keypoints), seed)) {
                return new Result(out.width(), out.height(), out.bboxes(), out.labels("category_id", Integer.class), out.keypoints());
            }
        }
        // README: end
    }

    /** The labelled points of a COCO keypoint list {@code [x, y, v, ...]} as {@code [x, y]} rows. */
    private static Stream<double[]> labelled(double[] k) {
        return IntStream.range(0, k.length / 3).filter(j -> k[3 * j + 2] > 0).mapToObj(j -> new double[] {k[3 * j], k[3 * j + 1]});
    }
}
