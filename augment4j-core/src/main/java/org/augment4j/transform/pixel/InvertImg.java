package org.augment4j.transform.pixel;

import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.subtract;

import java.util.Map;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedPixelTransform;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Inverts the image: {@code 255 − v} for uint8, {@code 1 − v} for float32. Albumentations' {@code InvertImg}
 * (default p = 0.5). Targets: image.
 */
public final class InvertImg extends FixedPixelTransform {

    /** @param p probability of applying the transform, in [0, 1] */
    public InvertImg(double p) {
        super(p);
    }

    /** With Albumentations' default p = 0.5. */
    public InvertImg() {
        this(0.5);
    }

    static InvertImg fromDict(Params r) {
        return new InvertImg(r.p(0.5));
    }

    @Override
    protected Mat applyToImage(Mat image, NoParams params) {
        Mat out = new Mat();
        if (Mats.isFloat(image)) {
            try (Mat one = Mats.scalarMat(1.0)) {
                subtract(one, image, out);
            }
        } else {
            bitwise_not(image, out);
        }
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        return Map.of();
    }
}
