package org.augment4j.transform.crop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * Crops (negative amounts) or pads (positive amounts) each side by pixels ({@code px}) or fractions of the image size
 * ({@code percent}), then with {@code keep_size} resizes back to the input size. Albumentations' {@code CropAndPad}:
 * exactly one of px and percent (see {@link PadAmounts} for their forms), keep_size true, sample_independently true,
 * interpolation 1, mask_interpolation 0, border_mode 0 (1.3: pad_mode), fill 0 (1.3: pad_cval), fill_mask 0
 * (1.3: pad_cval_mask), p = 1. A fill {@code [a, b]} is drawn per application (integers when both are whole), a longer
 * list is chosen from. Targets: image, mask, bboxes, keypoints. Crops never leave less than one row or column.
 *
 * <p>It runs as Albumentations does, one OpenCV step at a time — crop (ROI), pad ({@code copyMakeBorder}, so a
 * reflection mirrors the cropped image), resize — each an {@link AffineGeometry} carrying the labels. With a
 * reflecting border no mirrored label copies are added (Albumentations 2.x adds them). Amounts are refused only where
 * Albumentations fails too: pixels that are not whole, pixel ranges from high to low.
 *
 * <p>Albumentations 2.0.8 (the default) resizes masks back with {@code mask_interpolation}. Albumentations 1.3.1
 * ({@link #withSemantics} {@link Semantics#ALBUMENTATIONS_1_3}) has no mask_interpolation and resizes masks with
 * {@code interpolation} (linear by default, which blends labels at their borders); its one-number pad_cval /
 * pad_cval_mask reach OpenCV as {@code Scalar(v)}, filling only the first channel.
 */
public final class CropAndPad extends BasicTransform<CropAndPad.Amounts> {
    /** Albumentations' recorded crop window {@code [x1, y1, x2, y2]} and padding {@code [top, bottom, left, right]} (empty: none). */
    public record Amounts(int[] cropParams, int[] padParams, double fill, double fillMask) {}

    private final PadAmounts px;
    private final PadAmounts percent;
    private final boolean keepSize;
    private final boolean sampleIndependently;
    private final Resampling resampling;
    private final double[] fill;
    private final double[] fillMask;
    private final Convention convention;

    /** Where Albumentations 1.3.1 and 2.0.8 differ: the fills OpenCV gets, and how masks are resized back. */
    private enum Convention {
        /** 2.0.8: a one-number fill fills every channel; masks are resized with mask_interpolation. */
        ALBUMENTATIONS_2 {
            @Override
            Resampling cropAndPad(Resampling r) {
                return r;
            }

            @Override
            Resampling resize(Resampling r) {
                return r;
            }
        },
        /** 1.3.1: a one-number fill fills the first channel only; masks are resized with {@code interpolation}. */
        ALBUMENTATIONS_1_3 {
            @Override
            Resampling cropAndPad(Resampling r) {
                return r.withFirstChannelFills();
            }

            @Override
            Resampling resize(Resampling r) {
                return r.withMaskInterpolation(r.interpolation());
            }
        };

        /** The resampling of the crop and pad steps. */
        abstract Resampling cropAndPad(Resampling r);

        /** The resampling of the keep_size resize, from that of the crop and pad steps. */
        abstract Resampling resize(Resampling r);

        static Convention of(Semantics s) {
            return s == Semantics.ALBUMENTATIONS_1_3 ? ALBUMENTATIONS_1_3 : ALBUMENTATIONS_2;
        }
    }

    CropAndPad(PadAmounts px, PadAmounts percent, boolean keepSize, boolean sampleIndependently, Resampling resampling,
               double[] fill, double[] fillMask, double p) {
        this(px, percent, keepSize, sampleIndependently, resampling, fill, fillMask, p, Convention.ALBUMENTATIONS_2);
    }

    private CropAndPad(PadAmounts px, PadAmounts percent, boolean keepSize, boolean sampleIndependently, Resampling resampling,
                       double[] fill, double[] fillMask, double p, Convention convention) {
        super(p);
        Check.that((px == null) != (percent == null), name(), "exactly one of px and percent must be set");
        Check.that(fill.length > 0 && fillMask.length > 0, name(), "fill and fill_mask must not be empty");
        this.px = px;
        this.percent = percent;
        this.keepSize = keepSize;
        this.sampleIndependently = sampleIndependently;
        this.resampling = resampling;
        this.fill = fill.clone();
        this.fillMask = fillMask.clone();
        this.convention = convention;
    }

    /** {@code px} pixels on every side (negative crops), defaults otherwise. */
    public CropAndPad(int px, boolean keepSize) {
        this(PadAmounts.parse("CropAndPad", "px", px, false), null, keepSize, true, Resampling.defaults(), new double[] {0}, new double[] {0}, 1.0);
    }

    static CropAndPad fromDict(Params r) {
        r.raw("px"); // the one not given is written as null
        r.raw("percent");
        if (!r.has("px") && !r.has("percent")) throw r.error("px", "is required (or percent)");
        PadAmounts px = r.has("px") ? PadAmounts.parse(r.transform(), "px", r.raw("px"), false) : null;
        PadAmounts percent = r.has("percent") ? PadAmounts.parse(r.transform(), "percent", r.raw("percent"), true) : null;
        int border = r.has("border_mode") ? r.integer("border_mode", 0, Allowed.BORDER_MODES) : r.integer("pad_mode", 0, Allowed.BORDER_MODES);
        Resampling res;
        try {
            res = new Resampling(r.integer("interpolation", 1, Allowed.INTERPOLATIONS), r.integer("mask_interpolation", 0, Allowed.INTERPOLATIONS), border, Fill.zero(), Fill.zero());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(r.transform() + ": " + e.getMessage(), e);
        }
        double[] fill = r.has("fill") ? r.numbers("fill", null) : r.numbers("pad_cval", new double[] {0});
        double[] fillMask = r.has("fill_mask") ? r.numbers("fill_mask", null) : r.numbers("pad_cval_mask", new double[] {0});
        return new CropAndPad(px, percent, r.bool("keep_size", true), r.bool("sample_independently", true), res, fill, fillMask, r.p(1.0));
    }

    @Override
    public Amounts sampleParams(Sample s, RandomGenerator rng) {
        int h = s.height(), w = s.width();
        int[] v = (px != null ? px : percent).sample(h, w, sampleIndependently, rng); // top, right, bottom, left
        int[] crop = PadAmounts.preventZero(-Math.min(v[0], 0), -Math.min(v[1], 0), -Math.min(v[2], 0), -Math.min(v[3], 0), h, w);
        int[] window = {crop[3], crop[0], w - crop[1], h - crop[2]};
        boolean cropped = window[2] - window[0] != w || window[3] - window[1] != h;
        int[] pad = {Math.max(v[0], 0), Math.max(v[2], 0), Math.max(v[3], 0), Math.max(v[1], 0)};
        boolean padded = pad[0] + pad[1] + pad[2] + pad[3] > 0;
        return new Amounts(cropped ? window : new int[0], padded ? pad : new int[0], FillValue.draw(fill, rng), FillValue.draw(fillMask, rng));
    }

    @Override
    public Sample apply(Sample s, Amounts a) {
        int w = s.width(), h = s.height();
        Resampling stage = convention.cropAndPad(resampling.withFill(Fill.of(a.fill()), Fill.of(a.fillMask())));
        Sample out = s;
        int[] c = a.cropParams();
        if (c.length == 4) out = step(s, out, AffineGeometry.crop(c[0], c[1], c[2], c[3]), stage);
        int[] p = a.padParams();
        if (p.length == 4) out = step(s, out, new Pads(p[0], p[1], p[2], p[3]).geometry(out.width(), out.height()), stage);
        if (keepSize && (out.width() != w || out.height() != h)) out = step(s, out, AffineGeometry.resize(out.width(), out.height(), w, h), convention.resize(stage));
        return out;
    }

    /** This CropAndPad with the fills and mask resizing of the given release. */
    @Override
    public CropAndPad withSemantics(Semantics semantics) {
        Convention c = Convention.of(semantics);
        return c == convention ? this : new CropAndPad(px, percent, keepSize, sampleIndependently, resampling, fill, fillMask, probability(), c);
    }

    /** One stage; the previous stage's matrices are released unless they are the input's. */
    private static Sample step(Sample input, Sample current, AffineGeometry g, Resampling r) {
        Sample next = SpatialTransform.applyGeometry(current, g, r, "CropAndPad");
        if (current != input) Sample.releaseReplaced(current, next, input.mats());
        return next;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("px", px == null ? null : px.toJson());
        m.put("percent", percent == null ? null : percent.toJson());
        m.put("keep_size", keepSize);
        m.put("sample_independently", sampleIndependently);
        m.put("interpolation", resampling.interpolation());
        m.put("mask_interpolation", resampling.maskInterpolation());
        m.put("border_mode", resampling.borderMode());
        m.put("fill", FillValue.toJson(fill));
        m.put("fill_mask", FillValue.toJson(fillMask));
        return m;
    }
}
