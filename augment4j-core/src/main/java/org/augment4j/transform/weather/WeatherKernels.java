package org.augment4j.transform.weather;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;

import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Shared plumbing of the weather transforms: Albumentations runs their kernels on uint8 ({@code uint8_io}), so a
 * float32 image is scaled to uint8 (×255, rounded), processed and scaled back (÷255); RGB-only kernels keep the alpha
 * channel of an RGBA image and reject other channel counts naming the transform.
 */
final class WeatherKernels {
    private WeatherKernels() {}

    /** Runs a uint8 kernel (which must return a new matrix) on any image, converting float32 to uint8 and back. */
    static Mat onUint8(Mat image, UnaryOperator<Mat> kernel) {
        if (!Mats.isFloat(image)) return kernel.apply(image);
        try (Mat u8 = new Mat(); Mat r = kernel.apply(convert(image, u8))) {
            Mat out = new Mat();
            r.convertTo(out, CV_32F, 1 / 255.0, 0);
            return out;
        }
    }

    private static Mat convert(Mat f32, Mat u8) {
        f32.convertTo(u8, CV_8U, 255, 0);
        return u8;
    }

    /** Runs a float32 kernel (values in [0, 1]; must return a new matrix) on any image, converting uint8 to float32 and back (rounded). */
    static Mat onFloat(Mat image, UnaryOperator<Mat> kernel) {
        if (Mats.isFloat(image)) return kernel.apply(image);
        try (Mat f = new Mat()) {
            image.convertTo(f, CV_32F, 1 / 255.0, 0);
            try (Mat r = kernel.apply(f)) {
                Mat out = new Mat();
                r.convertTo(out, CV_8U, 255, 0);
                return out;
            }
        }
    }

    /** Runs a uint8 RGB kernel on a 3-channel image, or on the RGB part of a 4-channel one (alpha kept). */
    static Mat onRgb(String transform, Mat image, UnaryOperator<Mat> kernel) {
        return onRgb(transform, image, kernel, false);
    }

    /** As {@link #onRgb(String, Mat, UnaryOperator)}, with a float32 kernel when {@code floatIo} (Albumentations' {@code float32_io}). */
    static Mat onRgb(String transform, Mat image, UnaryOperator<Mat> kernel, boolean floatIo) {
        int c = image.channels();
        Check.that(c == 3 || c == 4, transform, "needs a 3-channel RGB (or 4-channel RGBA) image, got " + c + " channel(s)");
        if (c == 3) return floatIo ? onFloat(image, kernel) : onUint8(image, kernel);
        try (MatVector planes = new MatVector(); Mat rgb = new Mat(); MatVector three = new MatVector(3)) {
            split(image, planes);
            for (int i = 0; i < 3; i++) three.put(i, planes.get(i));
            merge(three, rgb);
            try (Mat done = floatIo ? onFloat(rgb, kernel) : onUint8(rgb, kernel); MatVector donePlanes = new MatVector(); MatVector four = new MatVector(4)) {
                split(done, donePlanes);
                for (int i = 0; i < 3; i++) four.put(i, donePlanes.get(i));
                four.put(3, planes.get(3));
                Mat out = new Mat();
                merge(four, out);
                return out;
            }
        }
    }

    /** Python's {@code random.randint(lo, hi)}: both ends inclusive; {@code lo} when {@code hi <= lo}. */
    static int randint(RandomGenerator rng, int lo, int hi) {
        return hi <= lo ? lo : rng.nextInt(lo, hi + 1);
    }

    /** numpy's {@code integers(lo, hi)}: {@code hi} exclusive; {@code lo} when the interval is empty. */
    static int integers(RandomGenerator rng, int lo, int hi) {
        return hi <= lo ? lo : rng.nextInt(lo, hi);
    }

    /**
     * A 2.x range parameter that Albumentations 1.3 gave as two scalars ({@code lower}, {@code upper}); either form is
     * read, both at once is an error.
     */
    static Range legacyRange(Params r, String name, Range def, String lower, String upper) {
        if (r.has(lower) || r.has(upper)) {
            if (r.has(name)) throw r.error(lower, "is an Albumentations 1.3 parameter; give either " + lower + "/" + upper + " (1.3) or " + name + " (2.x), not both");
            return Range.of(r.dbl(lower, def.min()), r.dbl(upper, def.max()));
        }
        return r.range(name, def, Params.Scalar.FIXED);
    }

    /** A 2.x range parameter that Albumentations 1.3 gave under another name as a number or a pair. */
    static Range renamedRange(Params r, String name, String old, Range def) {
        if (r.has(old)) {
            if (r.has(name)) throw r.error(old, "is an Albumentations 1.3 parameter; give either " + old + " (1.3) or " + name + " (2.x), not both");
            return r.range(old, def, Params.Scalar.FIXED);
        }
        return r.range(name, def, Params.Scalar.FIXED);
    }

    /** Reads a normalised {@code [x_min, y_min, x_max, y_max]} region. */
    static double[] roi(String transform, String param, double[] roi, boolean strict) {
        Check.that(roi.length == 4, transform, param + " must be 4 numbers [x_min, y_min, x_max, y_max], got " + java.util.Arrays.toString(roi));
        boolean ok = strict ? 0 <= roi[0] && roi[0] < roi[2] && roi[2] <= 1 && 0 <= roi[1] && roi[1] < roi[3] && roi[3] <= 1
                : 0 <= roi[0] && roi[0] <= roi[2] && roi[2] <= 1 && 0 <= roi[1] && roi[1] <= roi[3] && roi[3] <= 1;
        Check.that(ok, transform, param + " must satisfy 0 <= x_min " + (strict ? "<" : "<=") + " x_max <= 1 and 0 <= y_min "
                + (strict ? "<" : "<=") + " y_max <= 1, got " + java.util.Arrays.toString(roi));
        return roi.clone();
    }
}
