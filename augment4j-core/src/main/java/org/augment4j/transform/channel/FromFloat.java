package org.augment4j.transform.channel;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.util.LinkedHashMap;
import java.util.Map;
import org.augment4j.internal.Allowed;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedPixelTransform;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Multiplies a float image by a maximum value and casts it to an integer dtype. Albumentations' {@code FromFloat}:
 * {@code dtype} the output dtype, here only {@code "uint8"} (default; augment4j images are uint8 or float32),
 * {@code max_value} a number {@code > 0} or null (default null: the dtype's maximum, 255), p = 1. Targets: image (1 to
 * 4 channels). Values are {@code clip(rint(v * max_value), 0, 255)} (OpenCV's {@code convertTo}: round half to even,
 * saturate), as Albumentations' {@code np.rint} then clip.
 *
 * <p><b>Changes the dtype by design:</b> the output is uint8 whatever the input (a uint8 input is multiplied too, and
 * so saturates unless {@code max_value} is at most 1).
 */
public final class FromFloat extends FixedPixelTransform {
    private final String dtype;
    private final Double maxValue; // null: 255

    /** {@code dtype}'s values: uint8, the only integer dtype augment4j images have. */
    private static final Allowed DTYPES = Allowed.oneOf("uint8");

    /** @param maxValue the multiplier, or null for the dtype's maximum (255) */
    public FromFloat(String dtype, Double maxValue, double p) {
        super(p);
        DTYPES.check(name(), "dtype", dtype);
        Check.that(maxValue == null || Double.isFinite(maxValue), name(), "max_value must be > 0 or null, got " + maxValue);
        Allowed.above(0).checkOrNull(name(), "max_value", maxValue);
        this.dtype = dtype;
        this.maxValue = maxValue;
    }

    /** With Albumentations' defaults: dtype "uint8", max_value null (255), p = 1. */
    public FromFloat() {
        this("uint8", null, 1.0);
    }

    static FromFloat fromDict(Params r) {
        double p = r.p(1.0);
        String dtype = r.string("dtype", "uint8");
        return new FromFloat(dtype, r.raw("max_value") != null ? r.dbl("max_value", 255) : null, p);
    }

    @Override
    protected Mat applyToImage(Mat image, NoParams params) {
        Mat out = new Mat();
        image.convertTo(out, CV_8U, maxValue != null ? maxValue : 255.0, 0);
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dtype", dtype);
        m.put("max_value", maxValue);
        return m;
    }
}
