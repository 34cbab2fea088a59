package org.augment4j.transform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.augment4j.Sample;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A pixel-level transform: changes the image and the additional images, never masks, boxes or keypoints
 * (Albumentations' {@code ImageOnlyTransform}).
 */
public abstract class PixelTransform<P extends Record> extends BasicTransform<P> {

    protected PixelTransform(double p) {
        super(p);
    }

    /** Returns a new image; must not modify {@code image}. */
    protected abstract Mat applyToImage(Mat image, P params);

    @Override
    public final Sample apply(Sample sample, P params) {
        Map<String, Mat> out = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : sample.images().entrySet()) out.put(e.getKey(), applyToImage(e.getValue(), params));
        return sample.withImages(out);
    }
}
