package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.CMP_LT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.exp;
import static org.bytedeco.opencv.global.opencv_core.log;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.transform;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
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
 * Haematoxylin and eosin stain augmentation for histology. Albumentations' {@code HEStain}: {@code method}
 * {@code "random_preset"} (default: one of the presets at random) or {@code "preset"}; {@code preset} one of
 * {@link HEStainMatrices#NAMES} (default null, which means {@code "standard"} for the preset method and must stay null
 * for random_preset); {@code intensity_scale_range} within [0, ∞) (default {@code [0.7, 1.3]});
 * {@code intensity_shift_range} within [-1, 1] (default {@code [-0.2, 0.2]}); {@code augment_background} (default
 * false: only pixels of luminosity below 0.85 change), p = 0.5. Targets: image. Albumentations' {@code "vahadane"} and
 * {@code "macenko"} methods (stain matrices estimated from the image) are not supported by augment4j: they are rejected
 * by name.
 *
 * <p>On the image as float in [0, 1]: optical density {@code −ln(max(v, 1e-6))}; stain concentrations by the regularised
 * least squares {@code OD·Sᵀ(SSᵀ + 1e-6·I)⁻¹}; each stain's concentration scaled and shifted; back through
 * {@code exp(−C·S)}, clipped, uint8 rounded. Needs RGB; a 4-channel image keeps its alpha.
 */
public final class HEStain extends PixelTransform<HEStain.Stain> {
    /** The stain matrix used and the sampled scale and shift of the H and E concentrations. */
    public record Stain(String preset, double[] scaleFactors, double[] shiftValues) {}

    private final String method;
    private final String preset;
    private final Range intensityScaleRange;
    private final Range intensityShiftRange;
    private final boolean augmentBackground;

    /**
     * @param method              {@code method}: {@code "preset"} or {@code "random_preset"} (estimating methods are rejected)
     * @param preset              {@code preset}: a stain matrix name of {@link HEStainMatrices#NAMES}; null means
     *                            {@code "standard"} for {@code "preset"} and must stay null for {@code "random_preset"}
     * @param intensityScaleRange {@code intensity_scale_range}: range of the factor on each stain's concentration, {@code >= 0}
     * @param intensityShiftRange {@code intensity_shift_range}: range of the shift of each stain's concentration, within [-1, 1]
     * @param augmentBackground   {@code augment_background}: whether bright background pixels (luminosity from 0.85) change too
     * @param p                   probability of applying the transform, in [0, 1]
     */
    public HEStain(String method, String preset, Range intensityScaleRange, Range intensityShiftRange, boolean augmentBackground, double p) {
        super(p);
        Check.that(!"vahadane".equals(method) && !"macenko".equals(method), name(),
                "method '" + method + "' (stain estimation from the image) is not supported by augment4j; use 'preset' or 'random_preset'");
        Allowed.oneOf("preset", "random_preset").check(name(), "method", method);
        Allowed.oneOf(HEStainMatrices.NAMES).checkOrNull(name(), "preset", preset);
        Check.that(!(method.equals("random_preset") && preset != null), name(), "preset must be null when method is 'random_preset', got '" + preset + "'");
        this.method = method;
        this.preset = method.equals("preset") && preset == null ? "standard" : preset;
        this.intensityScaleRange = Check.range(name(), "intensity_scale_range", intensityScaleRange, 0, Double.MAX_VALUE);
        this.intensityShiftRange = Check.range(name(), "intensity_shift_range", intensityShiftRange, -1, 1);
        this.augmentBackground = augmentBackground;
    }

    /**
     * With Albumentations' defaults: method "random_preset", preset null, intensity_scale_range [0.7, 1.3],
     * intensity_shift_range [-0.2, 0.2], augment_background false, p = 0.5.
     */
    public HEStain() {
        this("random_preset", null, Range.of(0.7, 1.3), Range.of(-0.2, 0.2), false, 0.5);
    }

    static HEStain fromDict(Params r) {
        return new HEStain(r.string("method", "random_preset"), r.string("preset", null), r.range("intensity_scale_range", Range.of(0.7, 1.3), Params.Scalar.FIXED),
                r.range("intensity_shift_range", Range.of(-0.2, 0.2), Params.Scalar.FIXED), r.bool("augment_background", false), r.p(0.5));
    }

    @Override
    public Stain sampleParams(Sample sample, RandomGenerator rng) {
        String chosen = method.equals("preset") ? preset : HEStainMatrices.NAMES.get(rng.nextInt(HEStainMatrices.NAMES.size()));
        double scaleH = intensityScaleRange.uniform(rng), scaleE = intensityScaleRange.uniform(rng);
        double shiftH = intensityShiftRange.uniform(rng), shiftE = intensityShiftRange.uniform(rng);
        return new Stain(chosen, new double[] {scaleH, scaleE}, new double[] {shiftH, shiftE});
    }

    @Override
    protected Mat applyToImage(Mat image, Stain s) {
        Check.that(HEStainMatrices.NAMES.contains(s.preset()), name(), "unknown stain preset '" + s.preset() + "'");
        return ColorKernels.onRgb(name(), image, rgb -> augment(rgb, HEStainMatrices.of(s.preset()), s.scaleFactors(), s.shiftValues()));
    }

    private Mat augment(Mat rgb, double[][] stain, double[] scale, double[] shift) {
        boolean isFloat = Mats.isFloat(rgb);
        try (Mat f = new Mat(); Mat od = new Mat(); Mat eps = Mats.scalarMat(1e-6); Mat changed = new Mat(); Mat kept = new Mat();
             Mat lum = new Mat(); Mat tissue = new Mat(); Mat thr = Mats.scalarMat(0.85)) {
            rgb.convertTo(f, CV_32F, isFloat ? 1 : 1 / 255.0, 0);
            max(f, eps, od);
            log(od, od);
            od.convertTo(od, CV_32F, -1, 0);
            try (Mat a = HEStainMatrices.odMap(stain, scale, shift); Mat b = HEStainMatrices.odMap(stain, new double[] {1, 1}, new double[] {0, 0})) {
                transform(od, changed, a);
                if (augmentBackground) {
                    changed.copyTo(kept);
                } else {
                    transform(od, kept, b);
                    try (Mat w = new Mat(1, 3, CV_32F)) {
                        ((FloatBuffer) w.createBuffer()).put(new float[] {0.299f, 0.587f, 0.114f});
                        transform(f, lum, w);
                    }
                    compare(lum, thr, tissue, CMP_LT);
                    changed.copyTo(kept, tissue);
                }
            }
            kept.convertTo(kept, CV_32F, -1, 0);
            exp(kept, kept);
            PixelKernels.clipInPlace(kept, 0, 1);
            Mat out = new Mat();
            kept.convertTo(out, rgb.type(), isFloat ? 1 : 255, 0);
            return out;
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("preset", preset);
        m.put("intensity_scale_range", intensityScaleRange);
        m.put("intensity_shift_range", intensityShiftRange);
        m.put("augment_background", augmentBackground);
        return m;
    }
}
