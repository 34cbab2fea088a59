package org.augment4j.transform.color;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.ColorKernels;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Shifts hue, saturation and value in OpenCV's HSV space. Albumentations' {@code HueSaturationValue}:
 * {@code hue_shift_limit} (default {@code [-20, 20]}), {@code sat_shift_limit} (default {@code [-30, 30]}),
 * {@code val_shift_limit} (default {@code [-20, 20]}), each a range (a scalar {@code x} means {@code [-x, x]}) within
 * [-255, 255], p = 0.5. Targets: image.
 *
 * <p>As Albumentations: uint8 uses OpenCV's hue in [0, 180) ({@code (h + shift) mod 180}) and saturation and value
 * {@code clip(x + shift, 0, 255)} through tables, truncated; float32 adds the same numbers to OpenCV's float HSV (hue in
 * degrees, saturation and value in [0, 1], clipped) — so on float images the shifts are not rescaled. A 1-channel image
 * gets the value shift only; a 4-channel image keeps its alpha.
 */
public final class HueSaturationValue extends PixelTransform<HueSaturationValue.Shifts> {
    /** The sampled shifts. */
    public record Shifts(double hueShift, double satShift, double valShift) {}

    private final Range hueShiftLimit;
    private final Range satShiftLimit;
    private final Range valShiftLimit;

    /**
     * @param hueShiftLimit {@code hue_shift_limit}: range of the hue shift, within [-255, 255] (OpenCV hue units: [0, 180)
     *                      for uint8, degrees for float32)
     * @param satShiftLimit {@code sat_shift_limit}: range of the saturation shift, within [-255, 255] (uint8 levels; added
     *                      as is to float32's [0, 1] saturation)
     * @param valShiftLimit {@code val_shift_limit}: range of the value shift, within [-255, 255] (units as saturation)
     * @param p             probability of applying the transform, in [0, 1]
     */
    public HueSaturationValue(Range hueShiftLimit, Range satShiftLimit, Range valShiftLimit, double p) {
        super(p);
        this.hueShiftLimit = Check.range(name(), "hue_shift_limit", hueShiftLimit, -255, 255);
        this.satShiftLimit = Check.range(name(), "sat_shift_limit", satShiftLimit, -255, 255);
        this.valShiftLimit = Check.range(name(), "val_shift_limit", valShiftLimit, -255, 255);
    }

    /**
     * With Albumentations' defaults: hue_shift_limit [-20, 20], sat_shift_limit [-30, 30], val_shift_limit [-20, 20], p = 0.5.
     */
    public HueSaturationValue() {
        this(Range.symmetric(20), Range.symmetric(30), Range.symmetric(20), 0.5);
    }

    static HueSaturationValue fromDict(Params r) {
        return new HueSaturationValue(r.range("hue_shift_limit", Range.symmetric(20), Params.Scalar.SYMMETRIC),
                r.range("sat_shift_limit", Range.symmetric(30), Params.Scalar.SYMMETRIC),
                r.range("val_shift_limit", Range.symmetric(20), Params.Scalar.SYMMETRIC), r.p(0.5));
    }

    @Override
    public Shifts sampleParams(Sample sample, RandomGenerator rng) {
        return new Shifts(hueShiftLimit.uniform(rng), satShiftLimit.uniform(rng), valShiftLimit.uniform(rng));
    }

    @Override
    protected Mat applyToImage(Mat image, Shifts s) {
        return ColorKernels.onRgbOrGray(name(), image, rgb -> HsvKernels.shiftHsv(rgb, s.hueShift(), s.satShift(), s.valShift()),
                gray -> valueOnly(gray, s.valShift()));
    }

    /** On gray, V = the gray value: Albumentations' RGB round trip reduces to {@code clip(v + shift)}. */
    private static Mat valueOnly(Mat gray, double shift) {
        if (!Mats.isFloat(gray)) return PixelKernels.lut(gray, HsvKernels.clipTable(shift));
        Mat out = new Mat();
        gray.convertTo(out, -1, 1, shift);
        PixelKernels.clipInPlace(out, 0, 1);
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hue_shift_limit", hueShiftLimit);
        m.put("sat_shift_limit", satShiftLimit);
        m.put("val_shift_limit", valShiftLimit);
        return m;
    }
}
