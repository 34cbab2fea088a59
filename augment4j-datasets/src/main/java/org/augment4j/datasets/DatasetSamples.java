package org.augment4j.datasets;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.loader.SampleSource;
import org.augment4j.opencv.ImageIO;
import org.augment4j.target.BboxParams;
import org.augment4j.target.TargetCodec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A labelled {@link Dataset} (COCO, YOLO, Pascal VOC, as the readers give it) as a {@link SampleSource}, for loaders and
 * training frameworks that take samples rather than files. Sample {@code i} is image {@code i} read as RGB, with its
 * non-crowd objects' boxes (label fields {@value #CATEGORY} and {@value #OBJECT}, the object's index in the image)
 * and, when the objects have segmentations, an instance mask as the sample's mask (object {@code k} has value
 * {@code k + 1}, background 0). The pipeline that augments these samples declares {@code bbox_params} with the label
 * field {@value #CATEGORY} (any box format: boxes are handed over normalised, clipped to the image). A mask-folder dataset
 * ({@link MaskFolders}) gives each image with its masks, read as single-channel uint8: the first mask folder (by name)
 * is the sample's main mask, the others are masks named after their folder. Samples are read on each access and owned
 * by the caller.
 */
public final class DatasetSamples {
    /** The box label field of the category id. */
    public static final String CATEGORY = "category_id";
    /** The box label field of the object's index among the image's non-crowd objects. */
    public static final String OBJECT = "object_index";

    /** How boxes are read: clipped to the image, as the CLI does, since YOLO's rounding and 1-based VOC files overshoot it by a fraction of a pixel. */
    private static final BboxParams COCO = BboxParams.of("coco", CATEGORY, OBJECT).withClip(true);

    private DatasetSamples() {}

    /** The dataset's images as samples, in file order. */
    public static SampleSource of(Dataset dataset) {
        List<DatasetImage> images = dataset.images();
        return SampleSource.indexed(images.size(), i -> sample(images.get(i)));
    }

    /** One image with its boxes and instance mask, or with its mask files. */
    static Sample sample(DatasetImage img) {
        if (img.extra().get(MaskFolders.MASKS) instanceof Map<?, ?> files) return withMaskFiles(img, files);
        List<DatasetObject> objects = img.objects().stream().filter(o -> !o.crowd()).toList();
        Mat image = ImageIO.readRgb(img.file());
        try {
            int w = image.cols(), h = image.rows();
            double[][] boxes = objects.stream().map(DatasetObject::bbox).toArray(double[][]::new);
            List<Integer> categories = new ArrayList<>(), indices = new ArrayList<>();
            for (int k = 0; k < objects.size(); k++) {
                categories.add(objects.get(k).categoryId());
                indices.add(k);
            }
            Sample.Builder b = Sample.builder().image(image)
                    .boxes(TargetCodec.decodeBoxes(boxes, Map.of(CATEGORY, categories, OBJECT, indices), COCO, w, h));
            if (!objects.isEmpty() && objects.stream().allMatch(o -> o.segmentation() != null)) {
                if (objects.size() > 255) throw new IllegalArgumentException(img.fileName() + " has " + objects.size() + " objects; an 8-bit instance mask holds at most 255");
                b.mask(instanceMask(objects, w, h));
            }
            return b.build();
        } catch (RuntimeException e) {
            image.close();
            throw e;
        }
    }

    /** An image of a mask-folder dataset with its masks: the first folder's is the main mask. */
    private static Sample withMaskFiles(DatasetImage img, Map<?, ?> files) {
        List<Mat> read = new ArrayList<>();
        try {
            read.add(ImageIO.readRgb(img.file()));
            Sample.Builder b = Sample.builder().image(read.get(0));
            boolean main = true;
            for (Map.Entry<?, ?> e : files.entrySet()) {
                Mat m = ImageIO.readMask((java.nio.file.Path) e.getValue());
                read.add(m);
                if (main) b.mask(m);
                else b.mask((String) e.getKey(), m);
                main = false;
            }
            return b.build();
        } catch (RuntimeException e) {
            read.forEach(Mat::close);
            throw e;
        }
    }

    private static Mat instanceMask(List<DatasetObject> objects, int w, int h) {
        Mat mask = new Mat(h, w, CV_8UC1, new Scalar(0.0));
        for (int k = 0; k < objects.size(); k++) {
            try (Mat object = MaskCodec.rasterise(objects.get(k).segmentation(), w, h); Mat id = new Mat(1, 1, CV_8UC1, new Scalar(k + 1))) {
                mask.setTo(id, object);
            }
        }
        return mask;
    }
}
