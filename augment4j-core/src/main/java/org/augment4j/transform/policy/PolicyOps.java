package org.augment4j.transform.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.Transform;
import org.augment4j.compose.NoOp;
import org.augment4j.transform.BoxMethod;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.pixel.Equalize;
import org.augment4j.transform.pixel.InvertImg;
import org.augment4j.transform.pixel.Posterize;
import org.augment4j.transform.pixel.Solarize;
import org.augment4j.transform.spatial.Affine;
import org.augment4j.transform.spatial.AxisRanges;

/**
 * torchvision's auto-augment operations ({@code _apply_op}) as this project's transforms, each always applied (p = 1):
 * ShearX/ShearY → {@link Affine} shear {@code degrees(atan(m))}; TranslateX/TranslateY → Affine translate_px
 * {@code int(m)}; Rotate → Affine rotate {@code m} degrees (positive counter-clockwise, as torchvision); all with
 * the policy's interpolation (torchvision's default nearest) and fill 0 (torchvision's default); Brightness/Color/Contrast/Sharpness → {@link Enhance} with
 * factor {@code 1 + m}; Posterize → {@link Posterize} {@code int(m)} bits; Solarize → {@link Solarize} at {@code m}
 * (uint8 units); AutoContrast → {@link PilAutoContrast}; Equalize → {@link Equalize} ("pil", by channels); Invert →
 * {@link InvertImg}; Identity → {@link NoOp}.
 *
 * <p>Difference from torchvision: its shears turn about the top-left corner, Affine's about the image centre (the same
 * shear, shifted); the magnitude's sign is drawn with even odds, so the distributions agree up to that shift.
 */
final class PolicyOps {
    private PolicyOps() {}

    /** The geometric operations: the ones that move masks, boxes and keypoints. */
    public static final List<String> GEOMETRIC = List.of("ShearX", "ShearY", "TranslateX", "TranslateY", "Rotate");

    /** One operation of a policy's search space: its magnitudes by bin (null: none) and whether the sign is random. */
    public record Op(String name, double[] magnitudes, boolean signed) {
        double magnitude(int bin) {
            return magnitudes == null ? 0.0 : magnitudes[bin];
        }
    }

    /** {@code torch.linspace(lo, hi, n)}. */
    static double[] linspace(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = n == 1 ? lo : lo + (hi - lo) * i / (n - 1);
        return v;
    }

    /** Posterize bits by bin: {@code top − round(i / ((n − 1) / steps))} (round half to even, as torch). */
    static double[] posterize(int top, double steps, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = top - Math.rint(n == 1 ? 0 : i / ((n - 1) / steps));
        return v;
    }

    static void put(Map<String, Op> m, String name, double[] magnitudes, boolean signed) {
        m.put(name, new Op(name, magnitudes, signed));
    }

    /** RandAugment's and AutoAugment's space ({@code _augmentation_space}); identity first when {@code identity}. */
    static Map<String, Op> standard(int bins, int width, int height, boolean identity) {
        Map<String, Op> m = new LinkedHashMap<>();
        if (identity) put(m, "Identity", null, false);
        put(m, "ShearX", linspace(0, 0.3, bins), true);
        put(m, "ShearY", linspace(0, 0.3, bins), true);
        put(m, "TranslateX", linspace(0, 150.0 / 331.0 * width, bins), true);
        put(m, "TranslateY", linspace(0, 150.0 / 331.0 * height, bins), true);
        put(m, "Rotate", linspace(0, 30, bins), true);
        for (String e : List.of("Brightness", "Color", "Contrast", "Sharpness")) put(m, e, linspace(0, 0.9, bins), true);
        put(m, "Posterize", posterize(8, 4, bins), false);
        put(m, "Solarize", linspace(255, 0, bins), false);
        put(m, "AutoContrast", null, false);
        put(m, "Equalize", null, false);
        return m;
    }

    /** The transform of operation {@code op} at (signed) magnitude {@code m}, applied always. */
    public static Transform transform(String op, double m) {
        return transform(op, m, 0);
    }

    /** As {@link #transform(String, double)}, the geometric operations with OpenCV {@code interpolation} (0 nearest, 1 linear). */
    public static Transform transform(String op, double m, int interpolation) {
        return switch (op) {
            case "Identity" -> new NoOp(1.0);
            case "ShearX" -> affine(0, 0, 0, Math.toDegrees(Math.atan(m)), 0, interpolation);
            case "ShearY" -> affine(0, 0, 0, 0, Math.toDegrees(Math.atan(m)), interpolation);
            case "TranslateX" -> affine((int) m, 0, 0, 0, 0, interpolation);
            case "TranslateY" -> affine(0, (int) m, 0, 0, 0, interpolation);
            case "Rotate" -> affine(0, 0, m, 0, 0, interpolation);
            case "Brightness", "Color", "Contrast", "Sharpness" -> new Enhance(op.toLowerCase(java.util.Locale.ROOT), Math.max(0, 1.0 + m));
            case "Posterize" -> new Posterize(Range.fixed(Math.max(1, (int) m)), 1.0);
            case "Solarize" -> Solarize.ofPixelThreshold(Range.fixed(m), 1.0);
            case "AutoContrast" -> new PilAutoContrast(1.0);
            case "Equalize" -> new Equalize("pil", true, 1.0);
            case "Invert" -> new InvertImg(1.0);
            default -> throw new IllegalArgumentException("unknown policy operation '" + op + "'");
        };
    }

    private static Affine affine(int tx, int ty, double rotate, double shearX, double shearY, int interpolation) {
        return new Affine(AxisRanges.both(Range.fixed(1)), null, new AxisRanges(Range.fixed(tx), Range.fixed(ty)), Range.fixed(rotate),
                new AxisRanges(Range.fixed(shearX), Range.fixed(shearY)), Resampling.of(interpolation, 0), false, false, BoxMethod.of("largest_box"), 1.0);
    }
}
