package org.augment4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The one-off resizing of {@code bench --size S}: every input image and the mask become S × S before any row is timed,
 * and the targets are scaled with them, so that each row sees inputs of a chosen size.
 *
 * <p>Images shrink with {@code INTER_AREA} (the average of the source pixels each output pixel covers: no aliasing) and
 * grow with {@code INTER_CUBIC} (smoother than bilinear; an enlarged image is still smoother than a photograph taken at
 * that size, which matters only for content-dependent kernels). The mask is resized with {@code INTER_NEAREST}, so its
 * values stay the label values it had. Box corners and keypoints are multiplied by {@code S / width} on x and
 * {@code S / height} on y; any further column of a box or keypoint (angle, scale, …) is kept as it is.
 */
final class BenchInputs {
    /** Smallest allowed {@code --size}, in pixels. */
    static final int MIN_SIZE = 16;
    /** Largest allowed {@code --size}, in pixels (an 8192 × 8192 RGB image is 192 MiB). */
    static final int MAX_SIZE = 8192;

    private BenchInputs() {}

    /** Throws a bad-input error naming {@code --size}, the value and the allowed range unless it lies in [16, 8192]. */
    static void checkSize(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw Errors.bad("--size must be in [" + MIN_SIZE + ", " + MAX_SIZE + "] pixels, got " + size);
        }
    }

    /**
     * A new {@code size × size} copy of {@code image} ({@code INTER_AREA} when both sides shrink or stay, else
     * {@code INTER_CUBIC}); the caller releases it. {@code image} is not touched.
     */
    static Mat resizedImage(Mat image, int size) {
        boolean shrinking = size <= image.cols() && size <= image.rows();
        return resized(image, size, shrinking ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_CUBIC);
    }

    /** A new {@code size × size} copy of {@code mask} by nearest neighbour; the caller releases it. */
    static Mat resizedMask(Mat mask, int size) {
        return resized(mask, size, opencv_imgproc.INTER_NEAREST);
    }

    private static Mat resized(Mat src, int size, int interpolation) {
        Mat dst = new Mat();
        try (Size s = new Size(size, size)) {
            opencv_imgproc.resize(src, dst, s, 0, 0, interpolation);
        }
        return dst;
    }

    /**
     * A copy of a targets map ({@code {"bboxes": [[x_min, y_min, x_max, y_max, …]], "keypoints": [[x, y, …]], …}}, in
     * pixels) with the first four columns of every box and the first two of every keypoint multiplied by {@code sx}
     * (x) and {@code sy} (y); every other entry is kept. Only absolute-pixel formats (pascal_voc boxes, xy/xya/xys…
     * keypoints) scale this way, which is what bench's full rows use.
     *
     * @throws IllegalArgumentException if {@code bboxes} or {@code keypoints} is not a list of lists of numbers
     */
    static Map<String, Object> scaledTargets(Map<String, Object> targets, double sx, double sy) {
        Map<String, Object> out = new LinkedHashMap<>(targets);
        if (targets.containsKey("bboxes")) out.put("bboxes", scaleRows(targets.get("bboxes"), "bboxes", 4, sx, sy));
        if (targets.containsKey("keypoints")) out.put("keypoints", scaleRows(targets.get("keypoints"), "keypoints", 2, sx, sy));
        return out;
    }

    private static List<List<Object>> scaleRows(Object rows, String what, int scaled, double sx, double sy) {
        if (!(rows instanceof List<?> list)) throw new IllegalArgumentException("targets '" + what + "' must be a list of lists, got " + rows);
        List<List<Object>> out = new ArrayList<>();
        for (Object row : list) {
            if (!(row instanceof List<?> cells)) throw new IllegalArgumentException("targets '" + what + "' must be a list of lists, got the entry " + row);
            List<Object> copy = new ArrayList<>(cells);
            for (int c = 0; c < Math.min(scaled, copy.size()); c++) {
                if (!(copy.get(c) instanceof Number v)) throw new IllegalArgumentException("targets '" + what + "' entry " + row + " has a non-number " + copy.get(c));
                copy.set(c, v.doubleValue() * (c % 2 == 0 ? sx : sy));
            }
            out.add(copy);
        }
        return out;
    }
}
