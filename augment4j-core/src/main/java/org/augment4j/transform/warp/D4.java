package org.augment4j.transform.warp;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Geometry;
import org.augment4j.internal.geometry.KeypointRule;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.serial.Params;
import org.augment4j.transform.Resampling;
import org.augment4j.transform.SpatialTransform;

/**
 * One of the eight symmetries of the square, drawn uniformly. Albumentations' {@code D4} (2.0.8), recorded as
 * {@code group_element}: "e" identity, "r90" / "r180" / "r270" quarter turns counter-clockwise (numpy's rot90), "v"
 * vertical flip (top-bottom), "hvt" reflection over the anti-diagonal, "h" horizontal flip (left-right), "t" transpose
 * (reflection over the main diagonal). Only p (default 1; the identity still comes one time in eight).
 *
 * <p>Like 2.0.8 it does not require a square image: "r90", "r270", "t" and "hvt" swap width and height. Images and
 * masks take OpenCV's exact flip / rotate / transpose paths (no interpolation); boxes and keypoints move exactly
 * (keypoints as pixel centres, {@code x' = W − 1 − x}, boxes as pixel edges). Keypoint angles: h {@code π − a}, v
 * {@code −a}, r90·k {@code a − k·π/2}, t {@code π/2 − a}, hvt {@code 3π/2 − a}: the angle always follows the
 * reflected direction (2.0.8's transpose adds π to the result for angles above π, so its t is off by π there and its
 * hvt, a half turn first, for angles in (0, π)).
 * Targets: image, mask, bboxes, keypoints.
 */
public class D4 extends SpatialTransform<D4.Element> {
    /** The sampled symmetry, Albumentations' {@code group_element}. */
    public record Element(String groupElement) {}

    /** The group elements in Albumentations' order. */
    public static final List<String> ELEMENTS = List.of("e", "r90", "r180", "r270", "v", "hvt", "h", "t");

    /** @param p probability of applying the transform, in [0, 1] */
    public D4(double p) {
        super(p, Resampling.defaults());
    }

    /** p = 1, as Albumentations. */
    public D4() {
        this(1.0);
    }

    static D4 fromDict(Params r) {
        return new D4(r.p(1.0));
    }

    @Override
    public final Element sampleParams(Sample sample, RandomGenerator rng) {
        return new Element(ELEMENTS.get(rng.nextInt(ELEMENTS.size())));
    }

    @Override
    protected final Geometry geometry(Sample s, Element e) {
        return geometry(e.groupElement(), s.width(), s.height());
    }

    /** The map of one group element on a {@code w × h} image. */
    public static AffineGeometry geometry(String element, int w, int h) {
        return switch (element == null ? "" : element) {
            case "e" -> AffineGeometry.rot90(0, w, h);
            case "r90" -> AffineGeometry.rot90(1, w, h);
            case "r180" -> AffineGeometry.rot90(2, w, h);
            case "r270" -> AffineGeometry.rot90(3, w, h);
            case "v" -> AffineGeometry.verticalFlip(w, h);
            case "h" -> AffineGeometry.horizontalFlip(w, h);
            case "t" -> AffineGeometry.of(Matrix.affine(0, 1, 0, 1, 0, 0), KeypointRule.mirror(Math.PI / 2), h, w);
            case "hvt" -> AffineGeometry.of(Matrix.affine(0, -1, h - 1, -1, 0, w - 1), KeypointRule.mirror(1.5 * Math.PI), h, w);
            default -> throw new IllegalArgumentException("group_element must be one of " + ELEMENTS + ", got '" + element + "'");
        };
    }

    @Override
    protected final Map<String, Object> args() {
        return Map.of();
    }
}
