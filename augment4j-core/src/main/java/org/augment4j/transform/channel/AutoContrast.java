package org.augment4j.transform.channel;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;

import java.util.LinkedHashMap;
import java.util.Map;
import org.augment4j.internal.Allowed;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedPixelTransform;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Stretches each channel's histogram to the full range. Albumentations' {@code AutoContrast} (2.x): {@code cutoff} the
 * percentage of pixels cut off each end of the histogram, in [0, 100] (default 0), {@code ignore} a pixel value in
 * [0, 255] left out of the histograms and mapped to itself, or null (default), {@code method} {@code "cdf"} (default:
 * through the cumulative histogram, which also equalizes) or {@code "pil"} (linear, as Pillow's
 * {@code ImageOps.autocontrast}), p = 0.5. Targets: image (any number of channels, every one stretched, alpha too).
 *
 * <p>Parity notes, as Albumentations 2.x does it: the histogram leaves the value 255 out (OpenCV's {@code calcHist} over
 * {@code [0, 255]}); a channel whose index equals {@code ignore} is skipped entirely; float32 images go through uint8
 * ({@code rint(v·255)}) and come back divided by 255.
 */
public final class AutoContrast extends FixedPixelTransform {
    private final double cutoff;
    private final Integer ignore;
    private final String method;

    /**
     * @param cutoff {@code cutoff}: percentage of pixels cut off each end of the histogram, in [0, 100]
     * @param ignore {@code ignore}: a pixel value in [0, 255] left out of the histograms and kept as it is, or null for none
     * @param method {@code method}: {@code "cdf"} (through the cumulative histogram) or {@code "pil"} (linear, as Pillow)
     * @param p      probability of applying the transform, in [0, 1]
     */
    public AutoContrast(double cutoff, Integer ignore, String method, double p) {
        super(p);
        this.cutoff = Check.between(name(), "cutoff", cutoff, 0, 100);
        Allowed.between(0, 255).checkOrNull(name(), "ignore", ignore == null ? null : ignore.doubleValue());
        Allowed.oneOf("cdf", "pil").check(name(), "method", method);
        this.ignore = ignore;
        this.method = method;
    }

    /** With Albumentations' defaults: cutoff 0, ignore null, method "cdf", p = 0.5. */
    public AutoContrast() {
        this(0, null, "cdf", 0.5);
    }

    static AutoContrast fromDict(Params r) {
        double p = r.p(0.5);
        Integer ignore = r.raw("ignore") != null ? r.integer("ignore", 0) : null;
        return new AutoContrast(r.dbl("cutoff", 0), ignore, r.string("method", "cdf"), p);
    }

    @Override
    protected Mat applyToImage(Mat image, NoParams params) {
        if (!Mats.isFloat(image)) return stretch(image);
        try (Mat u8 = new Mat()) {
            image.convertTo(u8, CV_8U, 255, 0);
            try (Mat s = stretch(u8)) {
                Mat out = new Mat();
                s.convertTo(out, CV_32F, 1 / 255.0, 0);
                return out;
            }
        }
    }

    private Mat stretch(Mat image) {
        int ign = ignore == null ? -1 : ignore;
        Mat out = new Mat();
        try (MatVector planes = new MatVector()) {
            split(image, planes);
            for (int c = 0; c < planes.size(); c++) {
                if (c == ign) continue;
                try (Mat plane = planes.get(c)) {
                    double[] hist = ContrastKernels.histogram(plane, ign);
                    int[] b = ContrastKernels.bounds(hist, cutoff);
                    if (b[1] <= b[0]) continue;
                    byte[] lut = ContrastKernels.table(hist, b[0], b[1], method);
                    if (ign >= 0) lut[ign] = (byte) ign;
                    try (Mat mapped = PixelKernels.lut(plane, lut)) {
                        mapped.copyTo(plane);
                    }
                }
            }
            merge(planes, out);
        }
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cutoff", cutoff);
        m.put("ignore", ignore);
        m.put("method", method);
        return m;
    }
}
