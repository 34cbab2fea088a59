package org.augment4j.transform.channel;

import static org.bytedeco.opencv.global.opencv_calib3d.initUndistortRectifyMap;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;

import java.nio.DoubleBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Lens colour fringes: the red and blue channels get their own radial distortion, green stays. Albumentations'
 * {@code ChromaticAberration}: {@code primary_distortion_limit} the range of the k1 coefficients (a scalar {@code x}
 * means {@code [-x, x]}; default {@code [-0.02, 0.02]}), {@code secondary_distortion_limit} the range of k2 (default
 * {@code [-0.05, 0.05]}), {@code mode} {@code "green_purple"} (default: red and blue coefficients share their signs),
 * {@code "purple_green"} (opposite signs) or {@code "random"}, {@code interpolation} an OpenCV flag 0..4 (default 1,
 * linear), p = 0.5. Targets: image (uint8 or float32, 3-channel RGB only, as in Albumentations).
 *
 * <p>As Albumentations: each of k2 takes the sign of its channel's k1; each channel is remapped through OpenCV's
 * {@code initUndistortRectifyMap} for a camera with focal lengths (w, h) and principal point (w/2, h/2), with
 * replicated borders. float32 images go through uint8 ({@code rint(v·255)}, then divided by 255), as Albumentations'
 * {@code uint8_io}.
 */
public final class ChromaticAberration extends PixelTransform<ChromaticAberration.Coefficients> {
    /** The sampled radial coefficients of the red and blue channels. */
    public record Coefficients(double primaryDistortionRed, double secondaryDistortionRed, double primaryDistortionBlue,
                               double secondaryDistortionBlue) {}

    private final Range primary;
    private final Range secondary;
    private final String mode;
    private final int interpolation;

    /** {@code mode}'s values. */
    private static final Allowed MODES = Allowed.oneOf("green_purple", "purple_green", "random");

    /**
     * @param primaryDistortionLimit   {@code primary_distortion_limit}: range of the radial coefficient k1 (unitless)
     * @param secondaryDistortionLimit {@code secondary_distortion_limit}: range of the radial coefficient k2 (unitless)
     * @param mode                     {@code mode}: {@code "green_purple"} (red and blue coefficients share their signs),
     *                                 {@code "purple_green"} (opposite signs) or {@code "random"}
     * @param interpolation            {@code interpolation}: OpenCV interpolation code, 0..4
     * @param p                        probability of applying the transform, in [0, 1]
     */
    public ChromaticAberration(Range primaryDistortionLimit, Range secondaryDistortionLimit, String mode, int interpolation, double p) {
        super(p);
        this.primary = Check.range(name(), "primary_distortion_limit", primaryDistortionLimit, -Double.MAX_VALUE, Double.MAX_VALUE);
        this.secondary = Check.range(name(), "secondary_distortion_limit", secondaryDistortionLimit, -Double.MAX_VALUE, Double.MAX_VALUE);
        this.mode = MODES.check(name(), "mode", mode);
        this.interpolation = Allowed.INTERPOLATIONS.check(name(), "interpolation", interpolation);
    }

    /**
     * With Albumentations' defaults: primary_distortion_limit [-0.02, 0.02], secondary_distortion_limit [-0.05, 0.05], mode
     * "green_purple", interpolation 1 (linear), p = 0.5.
     */
    public ChromaticAberration() {
        this(Range.symmetric(0.02), Range.symmetric(0.05), "green_purple", 1, 0.5);
    }

    static ChromaticAberration fromDict(Params r) {
        return new ChromaticAberration(r.range("primary_distortion_limit", Range.symmetric(0.02), Params.Scalar.SYMMETRIC),
                r.range("secondary_distortion_limit", Range.symmetric(0.05), Params.Scalar.SYMMETRIC), r.string("mode", "green_purple"),
                r.integer("interpolation", 1), r.p(0.5));
    }

    @Override
    public Coefficients sampleParams(Sample sample, RandomGenerator rng) {
        double pr = primary.uniform(rng), sr = secondary.uniform(rng), pb = primary.uniform(rng), sb = secondary.uniform(rng);
        sr = matchSign(pr, sr);
        sb = matchSign(pb, sb);
        if (mode.equals("green_purple")) {
            pb = matchSign(pr, pb);
            sb = matchSign(sr, sb);
        } else if (mode.equals("purple_green")) {
            pb = unmatchSign(pr, pb);
            sb = unmatchSign(sr, sb);
        }
        return new Coefficients(pr, sr, pb, sb);
    }

    /** {@code b} with the sign of {@code a} when their signs differ. */
    static double matchSign(double a, double b) {
        return (a < 0 && b > 0) || (a > 0 && b < 0) ? -b : b;
    }

    /** {@code b} with the sign opposite to {@code a} when their signs agree. */
    static double unmatchSign(double a, double b) {
        return (a < 0 && b < 0) || (a > 0 && b > 0) ? -b : b;
    }

    @Override
    protected Mat applyToImage(Mat image, Coefficients k) {
        int c = image.channels();
        Check.that(c == 3, name(), "needs a 3-channel RGB image, got " + c + " channel(s)");
        if (Mats.isFloat(image)) { // Albumentations' uint8_io: rint(v·255), distort, divide by 255
            try (Mat u8 = new Mat()) {
                image.convertTo(u8, CV_8U, 255, 0);
                try (Mat d = applyToImage(u8, k)) {
                    Mat out = new Mat();
                    d.convertTo(out, CV_32F, 1 / 255.0, 0);
                    return out;
                }
            }
        }
        Mat out = new Mat();
        try (MatVector planes = new MatVector()) {
            split(image, planes);
            Mat red = distort(planes.get(0), k.primaryDistortionRed(), k.secondaryDistortionRed());
            Mat blue = distort(planes.get(2), k.primaryDistortionBlue(), k.secondaryDistortionBlue());
            try (red; blue; MatVector merged = new MatVector(red, planes.get(1), blue)) {
                merge(merged, out);
            }
        }
        return out;
    }

    private Mat distort(Mat plane, double k1, double k2) {
        int w = plane.cols(), h = plane.rows();
        Mat out = new Mat();
        try (Mat lens = new Mat(3, 3, CV_64F); Mat dist = new Mat(1, 4, CV_64F); Mat none = new Mat(); Size size = new Size(w, h);
             Mat mx = new Mat(); Mat my = new Mat(); Scalar border = new Scalar(0.0)) {
            ((DoubleBuffer) lens.createBuffer()).put(new double[] {w, 0, w / 2.0, 0, h, h / 2.0, 0, 0, 1});
            ((DoubleBuffer) dist.createBuffer()).put(new double[] {k1, k2, 0, 0});
            initUndistortRectifyMap(lens, dist, none, lens, size, CV_32FC1, mx, my);
            remap(plane, out, mx, my, interpolation, BORDER_REPLICATE, border);
        }
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("primary_distortion_limit", primary);
        m.put("secondary_distortion_limit", secondary);
        m.put("mode", mode);
        m.put("interpolation", interpolation);
        return m;
    }
}
