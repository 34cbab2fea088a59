package org.augment4j.transform.distortion;

import static org.bytedeco.opencv.global.opencv_calib3d.initUndistortRectifyMap;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;

import java.nio.DoubleBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.DisplacementGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.ScalarFill;
import org.augment4j.transform.SpatialTransform;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Barrel or pincushion lens distortion: Albumentations' {@code OpticalDistortion}. A coefficient k is drawn from
 * {@code distort_limit}; mode "camera" builds OpenCV's undistortion maps as Albumentations does:
 * {@code initUndistortRectifyMap} for a camera with focal lengths (w, h), the principal point at {@code (w/2 + dx, h/2 + dy)}
 * and radial coefficients k1 = k2 = k (float32), with no new camera matrix, so that OpenCV centres the rectified
 * principal point at {@code ((w−1)/2, (h−1)/2)}: even k = 0 moves every pixel by half a pixel (plus the shift). Mode
 * "fisheye" (2.x) moves every pixel radially about {@code (w/2, h/2)}, {@code r' = r·(1 + k·(r / r_max)²)} with r_max
 * the centre-to-corner distance. k > 0 pulls the picture towards the centre (barrel), k &lt; 0 pushes it out; in camera
 * mode k below about −0.36 folds the corners back (the radial map stops growing inside the image).
 *
 * <p>Parameters (2.0.8): distort_limit (-0.05, 0.05) (a scalar x means (-x, x); within [-10, 10]), mode "camera",
 * interpolation 1, mask_interpolation 0, border_mode 0, fill 0, fill_mask 0 (1.3: value / mask_value), p 0.5;
 * keypoint_remapping_method is accepted. 1.3's shift_limit (pixels, rounded; default none) is read and gives the shift
 * (dx, dy) of the distortion centre, which also translates the picture. Targets: image, mask, bboxes (re-fitted),
 * keypoints.
 *
 * <p>Albumentations 1.3.1 ({@link #withSemantics} {@link Semantics#ALBUMENTATIONS_1_3}, as files of 1.x releases): a
 * one-number value / mask_value reaches OpenCV as {@code Scalar(v)}, so it fills only the first channel
 * ({@link ScalarFill}); a file that leaves border_mode out gets 1.3.1's default 4 (reflect_101). (1.3.1's default
 * shift_limit ±0.05 rounds to a zero shift, as the absent one here.)
 */
public final class OpticalDistortion extends SpatialTransform<OpticalDistortion.Coefficients> {
    /** The sampled coefficient and (1.3) principal-point shift in pixels. */
    public record Coefficients(double k, int dx, int dy) {}

    private final Range distortLimit;
    private final Range shiftLimit;
    private final boolean fisheye;
    private final Resampling declared; // as given; the warp uses scalarFill's
    private final ScalarFill scalarFill;

    /**
     * @param distortLimit {@code distort_limit}: range of the distortion coefficient k, within [-10, 10] (k &gt; 0 barrel,
     *                     k &lt; 0 pincushion)
     * @param shiftLimit   {@code shift_limit} (1.3): range of the distortion centre's shift in pixels (rounded), within
     *                     [-1e4, 1e4]; [0, 0] for none
     * @param mode         {@code mode}: {@code "camera"} or {@code "fisheye"}
     * @param resampling   {@code interpolation}, {@code mask_interpolation}, {@code border_mode}, {@code fill} and
     *                     {@code fill_mask}
     * @param p            probability of applying the transform, in [0, 1]
     */
    public OpticalDistortion(Range distortLimit, Range shiftLimit, String mode, Resampling resampling, double p) {
        this(distortLimit, shiftLimit, mode, resampling, p, ScalarFill.EVERY_CHANNEL);
    }

    private OpticalDistortion(Range distortLimit, Range shiftLimit, String mode, Resampling resampling, double p, ScalarFill scalarFill) {
        super(p, scalarFill.apply(resampling));
        this.declared = resampling;
        this.scalarFill = scalarFill;
        this.distortLimit = Check.range(name(), "distort_limit", distortLimit, -10, 10);
        this.shiftLimit = Check.range(name(), "shift_limit", shiftLimit, -1e4, 1e4);
        String m = mode.toLowerCase(Locale.ROOT);
        Allowed.oneOf("camera", "fisheye").check(name(), "mode", m);
        this.fisheye = m.equals("fisheye");
    }

    /** Albumentations 2.0.8 defaults. */
    public OpticalDistortion() {
        this(Range.of(-0.05, 0.05), Range.fixed(0), "camera", Resampling.defaults(), 0.5);
    }

    static OpticalDistortion fromDict(Params r) {
        DistortionParams.keypointRemapping(r);
        return new OpticalDistortion(r.range("distort_limit", Range.of(-0.05, 0.05), Params.Scalar.SYMMETRIC),
                r.range("shift_limit", Range.fixed(0), Params.Scalar.SYMMETRIC), r.string("mode", "camera"), DistortionParams.resampling(r, 1, r.byRelease(4, 0), false), r.p(0.5));
    }

    /** This OpticalDistortion with the given release's one-number fills ({@link ScalarFill}). */
    @Override
    public OpticalDistortion withSemantics(Semantics semantics) {
        ScalarFill f = ScalarFill.of(semantics);
        return f == scalarFill ? this : new OpticalDistortion(distortLimit, shiftLimit, fisheye ? "fisheye" : "camera", declared, probability(), f);
    }

    @Override
    public Coefficients sampleParams(Sample sample, RandomGenerator rng) {
        double k = distortLimit.uniform(rng);
        return new Coefficients(k, (int) Math.round(shiftLimit.uniform(rng)), (int) Math.round(shiftLimit.uniform(rng)));
    }

    @Override
    protected Geometry geometry(Sample s, Coefficients c) {
        int w = s.width(), h = s.height();
        double cx = w / 2.0, cy = h / 2.0;
        return fisheye ? fisheye(w, h, cx, cy, c) : camera(w, h, cx, cy, c);
    }

    /** OpenCV's undistortion maps, with the camera Albumentations builds (float32 values; OpenCV's default new camera). */
    private static DisplacementGeometry camera(int w, int h, double cx, double cy, Coefficients c) {
        Mat mx = new Mat(), my = new Mat();
        float k = (float) c.k();
        try (Mat lens = new Mat(3, 3, CV_64F); Mat dist = new Mat(1, 5, CV_64F); Mat none = new Mat(); Size size = new Size(w, h)) {
            ((DoubleBuffer) lens.createBuffer()).put(new double[] {w, 0, (float) (cx + c.dx()), 0, h, (float) (cy + c.dy()), 0, 0, 1});
            ((DoubleBuffer) dist.createBuffer()).put(new double[] {k, k, 0, 0, 0});
            initUndistortRectifyMap(lens, dist, none, none, size, CV_32FC1, mx, my);
        }
        return new DisplacementGeometry(mx, my);
    }

    private static DisplacementGeometry fisheye(int w, int h, double cx, double cy, Coefficients c) {
        double r2max = cx * cx + cy * cy;
        float[] mx = new float[w * h], my = new float[w * h];
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                double dx = x - cx, dy = y - cy;
                double f = 1 + (r2max > 0 ? c.k() * (dx * dx + dy * dy) / r2max : 0);
                mx[i] = (float) (cx + c.dx() + dx * f);
                my[i] = (float) (cy + c.dy() + dy * f);
            }
        }
        return DistortionMaps.of(mx, my, w, h);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distort_limit", distortLimit);
        if (shiftLimit.min() != 0 || shiftLimit.max() != 0) m.put("shift_limit", shiftLimit);
        m.put("mode", fisheye ? "fisheye" : "camera");
        declared.putArgs(m);
        return m;
    }
}
