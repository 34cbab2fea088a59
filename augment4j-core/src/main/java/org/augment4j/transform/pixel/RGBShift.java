package org.augment4j.transform.pixel;

import static org.bytedeco.opencv.global.opencv_core.add;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Adds a random constant to each of the R, G and B channels. Albumentations' {@code RGBShift}: {@code r_shift_limit},
 * {@code g_shift_limit}, {@code b_shift_limit} each a range in pixel units of a uint8 image within [-255, 255]
 * (a scalar {@code x} means {@code [-x, x]}; default {@code [-20, 20]}), p = 0.5. Targets: image.
 *
 * <p>uint8: {@code v + shift}, clipped to [0, 255] and truncated like Albumentations' look-up table. float32: the shift
 * is divided by 255 and the result clipped to [0, 1]. Needs 3 channels (RGB); with 4 the alpha channel is kept.
 */
public final class RGBShift extends PixelTransform<RGBShift.Shift> {
    /** The sampled shifts, in pixel units of a uint8 image. */
    public record Shift(double rShift, double gShift, double bShift) {}

    private final Range rShiftLimit;
    private final Range gShiftLimit;
    private final Range bShiftLimit;

    /**
     * @param rShiftLimit {@code r_shift_limit}: range of the red shift in uint8 pixel units, within [-255, 255]
     * @param gShiftLimit {@code g_shift_limit}: range of the green shift, as red
     * @param bShiftLimit {@code b_shift_limit}: range of the blue shift, as red
     * @param p           probability of applying the transform, in [0, 1]
     */
    public RGBShift(Range rShiftLimit, Range gShiftLimit, Range bShiftLimit, double p) {
        super(p);
        this.rShiftLimit = Check.range(name(), "r_shift_limit", rShiftLimit, -255, 255);
        this.gShiftLimit = Check.range(name(), "g_shift_limit", gShiftLimit, -255, 255);
        this.bShiftLimit = Check.range(name(), "b_shift_limit", bShiftLimit, -255, 255);
    }

    /** With Albumentations' defaults: r_shift_limit, g_shift_limit and b_shift_limit [-20, 20], p = 0.5. */
    public RGBShift() {
        this(Range.symmetric(20), Range.symmetric(20), Range.symmetric(20), 0.5);
    }

    static RGBShift fromDict(Params r) {
        Range def = Range.symmetric(20);
        return new RGBShift(r.range("r_shift_limit", def, Params.Scalar.SYMMETRIC), r.range("g_shift_limit", def, Params.Scalar.SYMMETRIC),
                r.range("b_shift_limit", def, Params.Scalar.SYMMETRIC), r.p(0.5));
    }

    @Override
    public Shift sampleParams(Sample sample, RandomGenerator rng) {
        return new Shift(rShiftLimit.uniform(rng), gShiftLimit.uniform(rng), bShiftLimit.uniform(rng));
    }

    @Override
    protected Mat applyToImage(Mat image, Shift s) {
        int channels = image.channels();
        Check.that(channels == 3 || channels == 4, name(), "needs a 3-channel RGB (or 4-channel RGBA) image, got " + channels + " channel(s)");
        double[] shift = {s.rShift(), s.gShift(), s.bShift()};
        if (Mats.isFloat(image)) {
            Mat out = new Mat();
            try (Mat add = Mats.scalarMat(shift[0] / 255, shift[1] / 255, shift[2] / 255, 0)) {
                add(image, add, out);
            }
            PixelKernels.clipInPlace(out, 0, 1);
            return out;
        }
        byte[][] tables = new byte[channels][];
        for (int c = 0; c < 3; c++) tables[c] = shiftTable((float) shift[c]);
        if (channels == 4) tables[3] = PixelKernels.identity();
        return PixelKernels.lut(image, tables);
    }

    /** Albumentations' table: {@code clip(arange(256, float32) + shift, 0, 255).astype(uint8)}. */
    static byte[] shiftTable(float shift) {
        byte[] t = new byte[256];
        for (int v = 0; v < 256; v++) t[v] = (byte) (int) Math.min(255f, Math.max(0f, v + shift));
        return t;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("r_shift_limit", rShiftLimit);
        m.put("g_shift_limit", gShiftLimit);
        m.put("b_shift_limit", bShiftLimit);
        return m;
    }
}
