package org.augment4j.transform.spatial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.serial.Params;
import org.augment4j.transform.SpatialTransform;
import org.augment4j.transform.crop.PadOptions;
import org.augment4j.transform.crop.Pads;

/**
 * Crops the fixed region {@code [x_min, x_max) × [y_min, y_max)}. Albumentations' {@code Crop}: defaults
 * x_min = y_min = 0, x_max = y_max = 1024, pad_if_needed false, pad_position "center", border_mode 0, fill 0,
 * fill_mask 0, p = 1. Targets: image, mask, bboxes, keypoints.
 *
 * <p>A region that does not fit the image is an error unless {@code pad_if_needed}: then the image is first padded by
 * the missing {@code x_max − W} columns and {@code y_max − H} rows, spread by {@code pad_position} as Albumentations
 * 2.x does (centred: half of them before the image, and at least the missing amount after), and the region is taken
 * from the padded image.
 */
public final class Crop extends SpatialTransform<Pads> {
    private final int xMin;
    private final int yMin;
    private final int xMax;
    private final int yMax;
    private final PadOptions pad;

    /**
     * @param xMin {@code x_min}: left edge in pixels, inclusive, {@code >= 0}
     * @param yMin {@code y_min}: top edge in pixels, inclusive, {@code >= 0}
     * @param xMax {@code x_max}: right edge in pixels, exclusive, {@code > xMin}
     * @param yMax {@code y_max}: bottom edge in pixels, exclusive, {@code > yMin}
     * @param pad  {@code pad_if_needed}, {@code pad_position}, {@code border_mode}, {@code fill} and {@code fill_mask}
     * @param p    probability of applying the transform, in [0, 1]
     */
    public Crop(int xMin, int yMin, int xMax, int yMax, PadOptions pad, double p) {
        super(p, pad.resampling());
        this.xMin = Check.nonNegative(name(), "x_min", xMin);
        this.yMin = Check.nonNegative(name(), "y_min", yMin);
        Check.that(xMax > xMin, name(), "x_max must be > x_min, got x_min=" + xMin + " x_max=" + xMax);
        Check.that(yMax > yMin, name(), "y_max must be > y_min, got y_min=" + yMin + " y_max=" + yMax);
        this.xMax = xMax;
        this.yMax = yMax;
        this.pad = pad;
    }

    /**
     * The region {@code [xMin, xMax) × [yMin, yMax)} in pixels without padding: a region outside the image is an error.
     */
    public Crop(int xMin, int yMin, int xMax, int yMax, double p) {
        this(xMin, yMin, xMax, yMax, PadOptions.none(), p);
    }

    static Crop fromDict(Params r) {
        return new Crop(r.integer("x_min", 0), r.integer("y_min", 0), r.integer("x_max", 1024), r.integer("y_max", 1024),
                PadOptions.read(r), r.p(1.0));
    }

    @Override
    public Pads sampleParams(Sample s, RandomGenerator rng) {
        if (!pad.padIfNeeded()) return Pads.none();
        int bottom = Math.max(0, yMax - s.height()), right = Math.max(0, xMax - s.width());
        if (bottom == 0 && right == 0) return Pads.none();
        int top = bottom / 2, left = right / 2;
        Pads spread = switch (pad.position()) {
            case CENTER -> new Pads(top, bottom - top, left, right - left);
            case TOP_LEFT -> new Pads(0, bottom, 0, right);
            case TOP_RIGHT -> new Pads(0, bottom, right, 0);
            case BOTTOM_LEFT -> new Pads(bottom, 0, 0, right);
            case BOTTOM_RIGHT -> new Pads(bottom, 0, right, 0);
            case RANDOM -> {
                int t = rng.nextInt(bottom + 1), l = rng.nextInt(right + 1);
                yield new Pads(t, bottom - t, l, right - l);
            }
        };
        // Albumentations keeps at least the missing amount after the image, whatever the position.
        return new Pads(spread.padTop(), Math.max(spread.padBottom(), bottom), spread.padLeft(), Math.max(spread.padRight(), right));
    }

    @Override
    protected Geometry geometry(Sample s, Pads pads) {
        int w = s.width() + pads.padLeft() + pads.padRight(), h = s.height() + pads.padTop() + pads.padBottom();
        if (xMax > w || yMax > h) {
            throw new IllegalArgumentException(name() + ": region x " + xMin + ".." + xMax + ", y " + yMin + ".." + yMax
                    + " does not fit the " + s.width() + "x" + s.height() + " image (set pad_if_needed to pad it)");
        }
        AffineGeometry crop = AffineGeometry.crop(xMin, yMin, xMax, yMax);
        return pads.isNone() ? crop : pads.geometry(s.width(), s.height()).then(crop);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x_min", xMin);
        m.put("y_min", yMin);
        m.put("x_max", xMax);
        m.put("y_max", yMax);
        pad.putArgs(m);
        return m;
    }
}
