package org.augment4j.transform;

import static org.bytedeco.opencv.global.opencv_core.BORDER_ISOLATED;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;

import java.util.LinkedHashMap;
import java.util.Map;
import org.augment4j.Sample;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * A pixel-level transform: changes the image and the additional images, never masks, boxes or keypoints
 * (Albumentations' {@code ImageOnlyTransform}).
 */
public abstract class PixelTransform<P extends Record> extends BasicTransform<P> {

    /** @param p probability of applying the transform, in [0, 1] */
    protected PixelTransform(double p) {
        super(p);
    }

    /** Returns a new image; must not modify {@code image}. */
    protected abstract Mat applyToImage(Mat image, P params);

    @Override
    public final Sample apply(Sample sample, P params) {
        Map<String, Mat> out = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : sample.images().entrySet()) out.put(e.getKey(), applyUnambiguous(e.getValue(), params));
        return sample.withImages(out);
    }

    /**
     * OpenCV takes a 1 x 1 or 4 x 1 matrix for a scalar operand when a kernel passes it a constant (fuzz finding K1):
     * such images are widened by a replicated column on each side (every mean and histogram stays the same), and the
     * middle is cut back out.
     */
    private Mat applyUnambiguous(Mat image, P params) {
        if (!org.augment4j.opencv.Mats.scalarLike(image)) return applyToImage(image, params);
        try (Mat wide = new Mat()) {
            copyMakeBorder(image, wide, 0, 0, 1, 1, BORDER_REPLICATE | BORDER_ISOLATED);
            try (Mat done = applyToImage(wide, params); Rect middle = new Rect(1, 0, 1, image.rows()); Mat roi = new Mat(done, middle)) {
                return roi.clone();
            }
        }
    }
}
