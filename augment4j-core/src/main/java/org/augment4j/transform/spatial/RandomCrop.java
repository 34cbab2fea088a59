package org.augment4j.transform.spatial;

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
 * Crops a random {@code height × width} region. Albumentations' {@code RandomCrop}: {@code height}, {@code width}
 * (required), pad_if_needed false, pad_position "center", border_mode 0, fill 0, fill_mask 0, p = 1. Targets: image,
 * mask, bboxes, keypoints. A crop larger than the image is an error unless {@code pad_if_needed}: then the image is
 * first padded to the crop size (placed by {@code pad_position}) and the window is drawn in the padded image.
 */
public final class RandomCrop extends SpatialTransform<RandomCrop.Position> {
    /**
     * Where the window starts, as fractions in [0, 1) of the free space (Albumentations' {@code h_start, w_start}),
     * and the padding added first.
     */
    public record Position(double hStart, double wStart, int padTop, int padBottom, int padLeft, int padRight) {}

    private final int height;
    private final int width;
    private final PadOptions pad;

    /**
     * @param height {@code height}: crop height in pixels, {@code > 0}
     * @param width  {@code width}: crop width in pixels, {@code > 0}
     * @param pad    {@code pad_if_needed}, {@code pad_position}, {@code border_mode}, {@code fill} and {@code fill_mask}
     * @param p      probability of applying the transform, in [0, 1]
     */
    public RandomCrop(int height, int width, PadOptions pad, double p) {
        super(p, pad.resampling());
        this.height = Check.positive(name(), "height", height);
        this.width = Check.positive(name(), "width", width);
        this.pad = pad;
    }

    /** A {@code height × width} crop in pixels without padding: a crop larger than the image is an error. */
    public RandomCrop(int height, int width, double p) {
        this(height, width, PadOptions.none(), p);
    }

    /** A {@code height × width} crop in pixels without padding, p = 1 (Albumentations' default). */
    public RandomCrop(int height, int width) {
        this(height, width, 1.0);
    }

    static RandomCrop fromDict(Params r) {
        int[] size = Crops.size(r);
        return new RandomCrop(size[0], size[1], PadOptions.read(r), r.p(1.0));
    }

    @Override
    public Position sampleParams(Sample s, RandomGenerator rng) {
        Pads pads = pad.padIfNeeded() ? Pads.forCrop(s.height(), s.width(), height, width, pad.position(), rng) : Pads.none();
        return new Position(rng.nextDouble(), rng.nextDouble(), pads.padTop(), pads.padBottom(), pads.padLeft(), pads.padRight());
    }

    @Override
    protected Geometry geometry(Sample s, Position p) {
        Pads pads = new Pads(p.padTop(), p.padBottom(), p.padLeft(), p.padRight());
        int h = s.height() + pads.padTop() + pads.padBottom(), w = s.width() + pads.padLeft() + pads.padRight();
        Crops.requireFits(name(), h, w, height, width);
        int[] c = Crops.random(h, w, height, width, p.hStart(), p.wStart());
        AffineGeometry crop = AffineGeometry.crop(c[0], c[1], c[2], c[3]);
        return pads.isNone() ? crop : pads.geometry(s.width(), s.height()).then(crop);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = Crops.sizeArgs(height, width);
        pad.putArgs(m);
        return m;
    }
}
