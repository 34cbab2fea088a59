package org.augment4j.transform.spatial;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.nio.FloatBuffer;
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
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.ScalarFill;
import org.augment4j.transform.SpatialTransform;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Elastic deformation (Simard et al. 2003): a random displacement field, smoothed by a Gaussian of {@code sigma} and
 * scaled by {@code alpha}, moves every pixel. Albumentations' {@code ElasticTransform} (2.0.8): alpha 1 (>= 0), sigma 50
 * (>= 1), interpolation 1, mask_interpolation 0, border_mode 0 (constant), fill / fill_mask 0 (1.3: value /
 * mask_value), approximate false (true: a fixed 17 × 17 kernel), same_dxdy false, noise_distribution "gaussian"
 * (standard normal noise divided by its largest magnitude, so in [-1, 1]) or "uniform" (in [-1, 1], as 1.3),
 * keypoint_remapping_method "mask" or "direct" (accepted and recorded; keypoints here always follow the exact map),
 * p = 0.5. The noise is blurred with a replicated border. 1.3's {@code alpha_affine} (a random affine jitter of three
 * points by up to that many pixels) is accepted, default 0, and written only when set. Targets: image, mask, bboxes
 * (re-fitted around the warped box region, so they stay tight) and keypoints (moved with the pixels under them).
 *
 * <p>Albumentations 1.3.1 ({@link #withSemantics} {@link Semantics#ALBUMENTATIONS_1_3}, as files of 1.x releases): a
 * one-number value / mask_value reaches OpenCV as {@code Scalar(v)}, so it fills only the first channel
 * ({@link ScalarFill}); a file that leaves them out gets 1.3.1's defaults alpha_affine 50 and border_mode 4
 * (reflect_101).
 */
public final class ElasticTransform extends SpatialTransform<ElasticTransform.Field> {
    /** The seed of the sampled displacement field (the field itself is regenerated from it, so it can be replayed). */
    public record Field(long seed) {}

    private final double alpha;
    private final double sigma;
    private final double alphaAffine;
    private final boolean approximate;
    private final boolean sameDxDy;
    private final boolean gaussian;
    private final String keypointRemappingMethod;
    private final Resampling declared; // as given; the warp uses scalarFill's
    private final ScalarFill scalarFill;

    /**
     * @param alpha                   {@code alpha}: displacement scale, in [0, 1e6]
     * @param sigma                   {@code sigma}: Gaussian smoothing of the displacement field in pixels, in [1, 1e6]
     * @param alphaAffine             {@code alpha_affine} (1.3): largest affine jitter in pixels, in [0, 1e6]; 0 for none
     * @param resampling              {@code interpolation}, {@code mask_interpolation}, {@code border_mode}, {@code fill} and
     *                                {@code fill_mask}
     * @param approximate             {@code approximate}: whether the smoothing uses a fixed 17 × 17 kernel
     * @param sameDxDy                {@code same_dxdy}: whether x and y use the same displacement field
     * @param noiseDistribution       {@code noise_distribution}: {@code "gaussian"} or {@code "uniform"}
     * @param keypointRemappingMethod {@code keypoint_remapping_method}: {@code "mask"} or {@code "direct"} (recorded only)
     * @param p                       probability of applying the transform, in [0, 1]
     */
    public ElasticTransform(double alpha, double sigma, double alphaAffine, Resampling resampling, boolean approximate,
                            boolean sameDxDy, String noiseDistribution, String keypointRemappingMethod, double p) {
        this(alpha, sigma, alphaAffine, resampling, approximate, sameDxDy, noiseDistribution, keypointRemappingMethod, p, ScalarFill.EVERY_CHANNEL);
    }

    private ElasticTransform(double alpha, double sigma, double alphaAffine, Resampling resampling, boolean approximate,
                             boolean sameDxDy, String noiseDistribution, String keypointRemappingMethod, double p, ScalarFill scalarFill) {
        super(p, scalarFill.apply(resampling));
        this.declared = resampling;
        this.scalarFill = scalarFill;
        this.alpha = Check.between(name(), "alpha", alpha, 0, 1e6);
        this.sigma = Check.between(name(), "sigma", sigma, 1, 1e6);
        Allowed.oneOf("mask", "direct").check(name(), "keypoint_remapping_method", keypointRemappingMethod);
        this.keypointRemappingMethod = keypointRemappingMethod;
        this.alphaAffine = Check.between(name(), "alpha_affine", alphaAffine, 0, 1e6);
        String nd = noiseDistribution.toLowerCase(Locale.ROOT);
        Allowed.oneOf("gaussian", "uniform").check(name(), "noise_distribution", nd);
        this.gaussian = nd.equals("gaussian");
        this.approximate = approximate;
        this.sameDxDy = sameDxDy;
    }

    /**
     * As the full constructor with {@code keypoint_remapping_method} "mask".
     *
     * @param alpha             {@code alpha}: displacement scale, in [0, 1e6]
     * @param sigma             {@code sigma}: Gaussian smoothing of the displacement field in pixels, in [1, 1e6]
     * @param alphaAffine       {@code alpha_affine} (1.3): largest affine jitter in pixels, in [0, 1e6]; 0 for none
     * @param resampling        interpolations, border mode and fills
     * @param approximate       {@code approximate}: whether the smoothing uses a fixed 17 × 17 kernel
     * @param sameDxDy          {@code same_dxdy}: whether x and y use the same displacement field
     * @param noiseDistribution {@code noise_distribution}: {@code "gaussian"} or {@code "uniform"}
     * @param p                 probability of applying the transform, in [0, 1]
     */
    public ElasticTransform(double alpha, double sigma, double alphaAffine, Resampling resampling, boolean approximate,
                            boolean sameDxDy, String noiseDistribution, double p) {
        this(alpha, sigma, alphaAffine, resampling, approximate, sameDxDy, noiseDistribution, "mask", p);
    }

    /** Albumentations 2.0.8's defaults. */
    public ElasticTransform() {
        this(1, 50, 0, Resampling.defaults(), false, false, "gaussian", "mask", 0.5);
    }

    static ElasticTransform fromDict(Params r) {
        return new ElasticTransform(r.dbl("alpha", 1), r.dbl("sigma", 50), r.dbl("alpha_affine", r.byRelease(50.0, 0.0)), r.resampling(1, r.byRelease(4, 0)),
                r.bool("approximate", false), r.bool("same_dxdy", false), r.string("noise_distribution", "gaussian"),
                r.string("keypoint_remapping_method", "mask"), r.p(0.5));
    }

    /** This ElasticTransform with the given release's one-number fills ({@link ScalarFill}). */
    @Override
    public ElasticTransform withSemantics(Semantics semantics) {
        ScalarFill f = ScalarFill.of(semantics);
        return f == scalarFill ? this : new ElasticTransform(alpha, sigma, alphaAffine, declared, approximate, sameDxDy,
                gaussian ? "gaussian" : "uniform", keypointRemappingMethod, probability(), f);
    }

    @Override
    public Field sampleParams(Sample sample, RandomGenerator rng) {
        return new Field(rng.nextLong());
    }

    @Override
    protected Geometry geometry(Sample s, Field f) {
        int w = s.width(), h = s.height();
        try (RNG rng = new RNG(f.seed())) {
            Mat dx = noise(rng, h, w);
            Mat dy = sameDxDy ? dx.clone() : noise(rng, h, w);
            if (gaussian) normalize(dx, dy);
            smooth(dx);
            if (sameDxDy) dx.copyTo(dy);
            else smooth(dy);
            Matrix inverseJitter = alphaAffine > 0 ? affineJitter(rng, w, h).inverse() : Matrix.identity();
            fillMaps(dx, dy, inverseJitter);
            return new DisplacementGeometry(dx, dy);
        }
    }

    /** Raw noise: standard normal, or uniform in [-1, 1). */
    private Mat noise(RNG rng, int h, int w) {
        Mat field = new Mat(h, w, CV_32F);
        try (Mat a = Mats.scalarMat(gaussian ? 0 : -1); Mat b = Mats.scalarMat(1)) {
            rng._fill(field, gaussian ? RNG.NORMAL : RNG.UNIFORM, a, b);
        }
        return field;
    }

    /** Divides both fields by their largest magnitude, as 2.0.8 does for Gaussian noise. */
    private static void normalize(Mat dx, Mat dy) {
        double maxAbs = 0;
        for (Mat m : new Mat[] {dx, dy}) {
            double[] lo = new double[1], hi = new double[1];
            org.bytedeco.opencv.global.opencv_core.minMaxLoc(m, lo, hi, null, null, null);
            maxAbs = Math.max(maxAbs, Math.max(Math.abs(lo[0]), Math.abs(hi[0])));
        }
        if (maxAbs > 1e-6) {
            dx.convertTo(dx, CV_32F, 1 / maxAbs, 0);
            dy.convertTo(dy, CV_32F, 1 / maxAbs, 0);
        }
    }

    /** Blurs by sigma (replicated border) and scales by alpha, in place. */
    private void smooth(Mat field) {
        try (Size k = approximate ? new Size(17, 17) : new Size(0, 0)) {
            org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur(field, field, k, sigma, 0,
                    org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE, 0);
        }
        field.convertTo(field, CV_32F, alpha, 0);
    }

    /** 1.3's alpha_affine: three points around the centre, each moved by up to alpha_affine pixels. */
    private Matrix affineJitter(RNG rng, int w, int h) {
        double cx = w / 2, cy = h / 2, sq = Math.min(w, h) / 3; // integer division, as Albumentations
        if (sq == 0) return Matrix.identity(); // under 3 px on a side the three points coincide: no room for a jitter
        double[][] src = {{cx + sq, cy + sq}, {cx + sq, cy - sq}, {cx - sq, cy - sq}};
        double[][] dst = new double[3][2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) dst[i][j] = src[i][j] + rng.uniform(-alphaAffine, alphaAffine);
        }
        return threePoint(src, dst);
    }

    /** The affine map taking three source points to three destination points. */
    private static Matrix threePoint(double[][] s, double[][] d) {
        Matrix from = Matrix.affine(s[1][0] - s[0][0], s[2][0] - s[0][0], s[0][0], s[1][1] - s[0][1], s[2][1] - s[0][1], s[0][1]);
        Matrix to = Matrix.affine(d[1][0] - d[0][0], d[2][0] - d[0][0], d[0][0], d[1][1] - d[0][1], d[2][1] - d[0][1], d[0][1]);
        return from.inverse().then(to);
    }

    /** Turns displacements into remap maps in place: source = A⁻¹(x + dx, y + dy). */
    private static void fillMaps(Mat dx, Mat dy, Matrix inv) {
        FloatBuffer bx = dx.createBuffer(), by = dy.createBuffer();
        int w = dx.cols(), h = dx.rows();
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                double px = x + bx.get(i), py = y + by.get(i);
                bx.put(i, (float) (inv.get(0, 0) * px + inv.get(0, 1) * py + inv.get(0, 2)));
                by.put(i, (float) (inv.get(1, 0) * px + inv.get(1, 1) * py + inv.get(1, 2)));
            }
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alpha", alpha);
        m.put("sigma", sigma);
        if (alphaAffine != 0) m.put("alpha_affine", alphaAffine);
        declared.putArgs(m);
        m.put("approximate", approximate);
        m.put("same_dxdy", sameDxDy);
        m.put("noise_distribution", gaussian ? "gaussian" : "uniform");
        m.put("keypoint_remapping_method", keypointRemappingMethod);
        return m;
    }
}
