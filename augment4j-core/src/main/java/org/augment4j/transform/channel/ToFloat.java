package org.augment4j.transform.channel;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.util.LinkedHashMap;
import java.util.Map;
import org.augment4j.internal.Allowed;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedPixelTransform;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Divides by a maximum value to give a float32 image. Albumentations' {@code ToFloat}: {@code max_value} a number
 * {@code > 0} or null (default null: the input dtype's maximum, 255 for uint8 and 1 for float32), p = 1. Targets:
 * image (1 to 4 channels).
 *
 * <p><b>Changes the dtype by design:</b> the output is float32 whatever the input; a float32 input with no
 * {@code max_value} comes back as an equal copy. With a {@code max_value} below the data's maximum the result can
 * exceed 1, as in Albumentations.
 */
public final class ToFloat extends FixedPixelTransform {
    private final Double maxValue; // null: from the input dtype

    /** @param maxValue the divisor, or null for the input dtype's maximum */
    public ToFloat(Double maxValue, double p) {
        super(p);
        Check.that(maxValue == null || Double.isFinite(maxValue), name(), "max_value must be > 0 or null, got " + maxValue);
        Allowed.above(0).checkOrNull(name(), "max_value", maxValue);
        this.maxValue = maxValue;
    }

    /** With Albumentations' defaults: max_value null (the input dtype's maximum), p = 1. */
    public ToFloat() {
        this(null, 1.0);
    }

    static ToFloat fromDict(Params r) {
        double p = r.p(1.0);
        return new ToFloat(r.raw("max_value") != null ? r.dbl("max_value", 255) : null, p);
    }

    @Override
    protected Mat applyToImage(Mat image, NoParams params) {
        double max = maxValue != null ? maxValue : Mats.maxValue(image);
        Mat out = new Mat();
        image.convertTo(out, CV_32F, 1 / max, 0);
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_value", maxValue);
        return m;
    }
}
