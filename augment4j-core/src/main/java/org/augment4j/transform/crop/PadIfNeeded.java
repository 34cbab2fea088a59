package org.augment4j.transform.crop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.ScalarFill;
import org.augment4j.transform.SpatialTransform;

/**
 * Pads the image up to a minimum size, or up to the next multiple of a divisor. Albumentations' {@code PadIfNeeded}:
 * min_height 1024, min_width 1024, pad_height_divisor and pad_width_divisor unset (for each axis exactly one of
 * {@code min_*} and {@code pad_*_divisor} is set: a null/absent {@code min_height} with a divisor means divisor mode),
 * position "center" (center, top_left, top_right, bottom_left, bottom_right, random), border_mode 0 (constant),
 * fill 0 (1.3: value), fill_mask 0 (1.3: mask_value), p = 1. Targets: image, mask, bboxes, keypoints (shifted).
 * A side already large enough is left alone, so {@code PadIfNeeded(512, 512)} turns 600 × 400 into 600 × 512.
 *
 * <p>As for {@link Pad}, a reflecting border does not add mirrored copies of the labels (Albumentations 2.x does).
 *
 * <p>Albumentations 1.3.1 ({@link #withSemantics} {@link Semantics#ALBUMENTATIONS_1_3}, as files of 1.x releases): a
 * one-number value / mask_value reaches OpenCV's {@code copyMakeBorder} as {@code Scalar(v)}, so it fills only the
 * first channel ({@link ScalarFill}); a file that leaves border_mode out gets 1.3.1's default 4 (reflect_101).
 */
public final class PadIfNeeded extends SpatialTransform<Pads> {
    private final Integer minHeight;
    private final Integer minWidth;
    private final Integer heightDivisor;
    private final Integer widthDivisor;
    private final PadPosition position;
    private final Resampling declared; // as given; the padding uses scalarFill's
    private final ScalarFill scalarFill;

    /**
     * @param minHeight     minimum height, or null to use {@code heightDivisor}
     * @param heightDivisor height divisor, or null to use {@code minHeight}
     */
    public PadIfNeeded(Integer minHeight, Integer minWidth, Integer heightDivisor, Integer widthDivisor, PadPosition position,
                       Resampling resampling, double p) {
        this(minHeight, minWidth, heightDivisor, widthDivisor, position, resampling, p, ScalarFill.EVERY_CHANNEL);
    }

    private PadIfNeeded(Integer minHeight, Integer minWidth, Integer heightDivisor, Integer widthDivisor, PadPosition position,
                        Resampling resampling, double p, ScalarFill scalarFill) {
        super(p, scalarFill.apply(resampling));
        this.declared = resampling;
        this.scalarFill = scalarFill;
        Check.that((minHeight == null) != (heightDivisor == null), name(), "exactly one of min_height and pad_height_divisor must be set, got "
                + minHeight + " and " + heightDivisor);
        Check.that((minWidth == null) != (widthDivisor == null), name(), "exactly one of min_width and pad_width_divisor must be set, got "
                + minWidth + " and " + widthDivisor);
        this.minHeight = minHeight == null ? null : Check.positive(name(), "min_height", minHeight);
        this.minWidth = minWidth == null ? null : Check.positive(name(), "min_width", minWidth);
        this.heightDivisor = heightDivisor == null ? null : Check.positive(name(), "pad_height_divisor", heightDivisor);
        this.widthDivisor = widthDivisor == null ? null : Check.positive(name(), "pad_width_divisor", widthDivisor);
        this.position = position;
    }

    /** Pads to at least {@code minHeight × minWidth}, centred, constant zero border. */
    public PadIfNeeded(int minHeight, int minWidth) {
        this(minHeight, minWidth, null, null, PadPosition.CENTER, Resampling.defaults(), 1.0);
    }

    static PadIfNeeded fromDict(Params r) {
        Integer hDiv = r.has("pad_height_divisor") ? r.integer("pad_height_divisor", 0) : null;
        Integer wDiv = r.has("pad_width_divisor") ? r.integer("pad_width_divisor", 0) : null;
        r.raw("pad_height_divisor");
        r.raw("pad_width_divisor");
        Integer minH = r.has("min_height") ? (Integer) r.integer("min_height", 0) : hDiv == null ? 1024 : null;
        Integer minW = r.has("min_width") ? (Integer) r.integer("min_width", 0) : wDiv == null ? 1024 : null;
        r.raw("min_height");
        r.raw("min_width");
        PadPosition pos = PadPosition.of(r.transform(), "position", r.string("position", "center"));
        Resampling res = Interpolation.border(r, r.byRelease(4, 0));
        return new PadIfNeeded(minH, minW, hDiv, wDiv, pos, res, r.p(1.0));
    }

    /** This PadIfNeeded with the given release's one-number fills ({@link ScalarFill}). */
    @Override
    public PadIfNeeded withSemantics(Semantics semantics) {
        ScalarFill f = ScalarFill.of(semantics);
        return f == scalarFill ? this : new PadIfNeeded(minHeight, minWidth, heightDivisor, widthDivisor, position, declared, probability(), f);
    }

    @Override
    public Pads sampleParams(Sample s, RandomGenerator rng) {
        int[] v = minHeight != null ? Pads.toMinimum(s.height(), minHeight) : Pads.toDivisor(s.height(), heightDivisor);
        int[] h = minWidth != null ? Pads.toMinimum(s.width(), minWidth) : Pads.toDivisor(s.width(), widthDivisor);
        return Pads.place(v, h, position, rng);
    }

    @Override
    protected Geometry geometry(Sample s, Pads p) {
        return p.geometry(s.width(), s.height());
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min_height", minHeight);
        m.put("min_width", minWidth);
        m.put("pad_height_divisor", heightDivisor);
        m.put("pad_width_divisor", widthDivisor);
        m.put("position", position.id());
        m.put("border_mode", declared.borderMode());
        m.put("fill", declared.fill());
        m.put("fill_mask", declared.fillMask());
        return m;
    }
}
