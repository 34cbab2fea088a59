package org.augment4j.transform.dropout;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_MAKETYPE;
import static org.bytedeco.opencv.global.opencv_photo.INPAINT_NS;
import static org.bytedeco.opencv.global.opencv_photo.INPAINT_TELEA;
import static org.bytedeco.opencv.global.opencv_photo.inpaint;

import java.util.Locale;
import org.augment4j.internal.Allowed;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.Fill;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * What fills the holes of the dropout transforms, Albumentations 2.x's {@code fill}: a constant (one number, or one
 * per channel), {@code "random"} (every pixel its own random value), {@code "random_uniform"} (one random colour per
 * hole), or OpenCV inpainting ({@code "inpaint_telea"}, {@code "inpaint_ns"}; 1- or 3-channel images). Random values
 * are uniform over the image's range (uint8 0..255, float32 [0, 1)) and come from a seed drawn with the other
 * parameters, so that a run is reproducible and every image of a sample gets the same values.
 *
 * @param constant the constant fill, or null for a mode
 * @param mode     null for a constant, else one of the mode names
 */
public record HoleFill(Fill constant, String mode) {
    /** The named fills (besides numbers). */
    private static final Allowed MODES = Allowed.oneOf("random", "random_uniform", "inpaint_telea", "inpaint_ns");

    /**
     * @throws IllegalArgumentException unless exactly one of {@code constant} and {@code mode} is given, and the mode is known
     */
    public HoleFill {
        if ((constant == null) == (mode == null)) throw new IllegalArgumentException("fill needs a constant or a mode, not both");
        if (mode != null && !MODES.allows(mode)) throw new IllegalArgumentException("fill must be a number, a list of numbers or " + MODES.describe() + ", got '" + mode + "'");
    }

    /** A constant fill. */
    public static HoleFill of(Fill constant) {
        return new HoleFill(constant, null);
    }

    /** {@code "random"}, {@code "random_uniform"}, {@code "inpaint_telea"} or {@code "inpaint_ns"}. */
    public static HoleFill mode(String mode) {
        return new HoleFill(null, mode.toLowerCase(Locale.ROOT));
    }

    /** Zero in every channel. */
    public static HoleFill zero() {
        return of(Fill.zero());
    }

    /** Reads the first of {@code names} present: a mode name or numbers. */
    public static HoleFill read(Params r, HoleFill def, String... names) {
        Allowed.record(r.transform(), names[0], MODES);   // the named fills the constructor checks, listed as choices
        for (String n : names) {
            Object v = r.raw(n);
            if (v instanceof String s) {
                try {
                    return mode(s);
                } catch (IllegalArgumentException e) {
                    throw r.error(n, e.getMessage());
                }
            }
            if (v != null) return of(r.fill(null, n));
        }
        return def;
    }

    /** True when filling needs the seed. */
    public boolean random() {
        return mode != null && mode.startsWith("random");
    }

    /** The value written to pipeline files. */
    public Object toJson() {
        return constant != null ? constant.toJson() : mode;
    }

    /** A copy of {@code m} with every hole ({@code x1, y1, x2, y2}, exclusive ends) filled. */
    public Mat fill(Mat m, int[][] holes, long seed) {
        if (constant != null) return Holes.fillHoles(m, holes, constant);
        if (mode.startsWith("inpaint")) return inpainted(m, holes);
        Mat out = m.clone();
        double hi = Mats.isFloat(m) ? 1.0 : 256.0;
        try (RNG rng = new RNG(seed); Mat lo = Mats.scalarMat(0); Mat up = Mats.scalarMat(hi)) {
            for (int[] h : holes) {
                try (Rect r = new Rect(h[0], h[1], h[2] - h[0], h[3] - h[1]); Mat roi = new Mat(out, r)) {
                    if (mode.equals("random")) {
                        rng._fill(roi, RNG.UNIFORM, lo, up);
                    } else {
                        try (Mat one = new Mat(1, 1, CV_MAKETYPE(m.depth() == CV_32F ? CV_32F : CV_8U, m.channels()))) {
                            rng._fill(one, RNG.UNIFORM, lo, up);
                            try (Scalar v = pixel(one)) {
                                roi.put(v);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Scalar pixel(Mat one) {
        double[] v = new double[4];
        for (int c = 0; c < one.channels(); c++) {
            v[c] = one.depth() == CV_32F ? ((java.nio.FloatBuffer) one.createBuffer()).get(c) : ((java.nio.ByteBuffer) one.createBuffer()).get(c) & 0xff;
        }
        return new Scalar(v[0], v[1], v[2], v[3]);
    }

    /** OpenCV inpainting (radius 3) of the holes; float images go through uint8 as Albumentations does. */
    private Mat inpainted(Mat m, int[][] holes) {
        if (m.channels() != 1 && m.channels() != 3) {
            throw new IllegalArgumentException("fill '" + mode + "' works only for 1- or 3-channel images, got " + Mats.describe(m));
        }
        int method = mode.equals("inpaint_telea") ? INPAINT_TELEA : INPAINT_NS;
        boolean isFloat = Mats.isFloat(m);
        try (Mat where = Mats.zeros(m.rows(), m.cols(), CV_8U); Mat src = new Mat(); Mat dst = new Mat()) {
            try (Scalar on = new Scalar(255.0)) {
                for (int[] h : holes) {
                    try (Rect r = new Rect(h[0], h[1], h[2] - h[0], h[3] - h[1]); Mat roi = new Mat(where, r)) {
                        roi.put(on);
                    }
                }
            }
            if (isFloat) m.convertTo(src, CV_MAKETYPE(CV_8U, m.channels()), 255.0, 0);
            else m.copyTo(src);
            inpaint(src, where, dst, 3, method);
            Mat out = new Mat();
            if (isFloat) dst.convertTo(out, m.type(), 1 / 255.0, 0);
            else dst.copyTo(out);
            return out;
        }
    }

    @Override
    public String toString() {
        return String.valueOf(toJson());
    }
}
