package org.augment4j.transform.mix;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.internal.LabelFilter;
import org.augment4j.internal.SampleInternals;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.KeypointRule;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.Keypoints;
import org.augment4j.target.Labels;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Assembles a mosaic: canvases of the primary's images and masks, filled with {@code fill} / {@code fill_mask}, onto
 * which each item's part is pasted — the item resized and cropped (or padded) by the same affine steps as every other
 * spatial transform, its boxes clipped to the part and its keypoints outside the part dropped — and the label rows of
 * all parts concatenated with their labels. Not thread-confined: one instance per application.
 */
final class MosaicCanvas implements AutoCloseable {
    private static final BboxParams CLIP = BboxParams.of(BboxFormat.ALBUMENTATIONS);
    private final int width;
    private final int height;
    private final Map<String, Mat> images = new LinkedHashMap<>();
    private final Map<String, Mat> masks = new LinkedHashMap<>();
    private final List<double[]> boxes = new ArrayList<>();
    private final List<Labels> boxLabels = new ArrayList<>();
    private final List<double[]> keypoints = new ArrayList<>();
    private final List<Labels> keypointLabels = new ArrayList<>();
    private boolean handedOver;

    MosaicCanvas(Sample primary, int width, int height, Fill fill, Fill fillMask) {
        this.width = width;
        this.height = height;
        try (Scalar f = fill.scalar(); Scalar fm = fillMask.scalar()) {
            for (Map.Entry<String, Mat> e : primary.images().entrySet()) images.put(e.getKey(), new Mat(height, width, e.getValue().type(), f));
            for (Map.Entry<String, Mat> e : primary.masks().entrySet()) masks.put(e.getKey(), new Mat(height, width, e.getValue().type(), fm));
        }
    }

    /** Pastes {@code item} into {@code placement}, fitted by {@code fit} ({@link MosaicGrid#fit}) and resampled by {@code r}. */
    void paste(Sample item, int[] placement, int[] fit, Resampling r) {
        int pw = placement[2] - placement[0], ph = placement[3] - placement[1];
        Map<String, Mat> imgs = new LinkedHashMap<>(), msks = new LinkedHashMap<>();
        for (String name : images.keySet()) if (item.images().containsKey(name)) imgs.put(name, item.images().get(name));
        for (String name : masks.keySet()) if (item.masks().containsKey(name)) msks.put(name, item.masks().get(name));
        Sample view = item.withImages(imgs).withMasks(msks);
        AffineGeometry resize = AffineGeometry.resize(item.width(), item.height(), fit[0], fit[1]);
        AffineGeometry place = AffineGeometry.of(Matrix.translation(fit[2], fit[3]), KeypointRule.identity(), pw, ph);
        Resampling shift = new Resampling(INTER_NEAREST, INTER_NEAREST, BORDER_CONSTANT, r.fill(), r.fillMask());
        try (Sample resized = SpatialTransform.applyGeometry(view, resize, r, "Mosaic"); Sample part = SpatialTransform.applyGeometry(resized, place, shift, "Mosaic")) {
            try (Rect roi = new Rect(placement[0], placement[1], pw, ph)) {
                for (Map.Entry<String, Mat> e : part.images().entrySet()) copy(e.getValue(), images.get(e.getKey()), roi);
                for (Map.Entry<String, Mat> e : part.masks().entrySet()) copy(e.getValue(), masks.get(e.getKey()), roi);
            }
            BoundingBoxes b = LabelFilter.boxes(part.boxes(), CLIP, pw, ph);
            for (double[] box : b.toArray()) {
                boxes.add(new double[] {(box[0] * pw + placement[0]) / width, (box[1] * ph + placement[1]) / height,
                    (box[2] * pw + placement[0]) / width, (box[3] * ph + placement[1]) / height});
            }
            boxLabels.add(b.labels());
            Keypoints k = part.keypoints();
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < k.size(); i++) {
                double[] p = k.get(i);
                if (p[0] >= 0 && p[0] < pw && p[1] >= 0 && p[1] < ph) {
                    keep.add(i);
                    keypoints.add(new double[] {p[0] + placement[0], p[1] + placement[1], p[2], p[3]});
                }
            }
            keypointLabels.add(k.labels().select(keep.stream().mapToInt(Integer::intValue).toArray()));
        }
    }

    private static void copy(Mat part, Mat canvas, Rect roi) {
        try (Mat dst = new Mat(canvas, roi)) {
            part.copyTo(dst);
        }
    }

    /** {@code primary} with the mosaic's images, masks and labels; the canvases now belong to the result. */
    Sample result(Sample primary) {
        handedOver = true;
        Sample out = primary.withImages(images).withMasks(masks)
                .withBoxes(BoundingBoxes.of(boxes.toArray(double[][]::new), concat(boxLabels, boxes.size())))
                .withKeypoints(Keypoints.of(keypoints.toArray(double[][]::new), concat(keypointLabels, keypoints.size())));
        return SampleInternals.withStep(out, org.augment4j.internal.GeometryStep.notInvertible("Mosaic", primary.width(), primary.height()));
    }

    /** The label columns of all parts, row after row; the fields are those of the first part that has rows. */
    private static Labels concat(List<Labels> parts, int rows) {
        List<String> names = parts.stream().filter(l -> l.rows() > 0 && !l.names().isEmpty()).findFirst().map(Labels::names).orElse(List.of());
        if (names.isEmpty()) return Labels.empty();
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        for (String n : names) {
            List<Object> col = new ArrayList<>(rows);
            for (Labels l : parts) if (l.rows() > 0) col.addAll(l.get(n));
            columns.put(n, col);
        }
        return Labels.of(columns, rows);
    }

    @Override
    public void close() {
        if (handedOver) return;
        for (Mat m : images.values()) m.close();
        for (Mat m : masks.values()) m.close();
    }
}
