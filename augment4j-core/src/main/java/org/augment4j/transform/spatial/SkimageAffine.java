package org.augment4j.transform.spatial;

import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.KeypointRule;
import org.augment4j.internal.geometry.LabelGeometry;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.transform.BoxMethod;

/**
 * Albumentations 1.3.1's {@code Affine} map, built as its chain of scikit-image transforms: about the pixel centre
 * {@code (w/2 − 0.5, h/2 − 0.5)}, a y-shear (a rotation by −90°, an x-shear, a rotation by +90°), then scikit-image's
 * {@code AffineTransform(scale, rotation, shear, translation)} — {@code [[sx·cos r, −sy·sin(r + s), tx],
 * [sx·sin r, sy·cos(r + s), ty]]} — with rotation and shears negated as 1.3.1 does. fit_output maps the corner pixel
 * centres, sizes the canvas {@code ceil(max − min + 1)} and moves the minimum (a float) to 0. A matrix numpy calls
 * close to the identity leaves every target untouched, as 1.3.1 does.
 *
 * <p>Labels: keypoints follow the matrix (angle + the matrix rotation, scale × max(sx, sy)); boxes map their
 * pixel-edge corners through the same matrix, and an ellipse box ({@code rotate_method="ellipse"}) is centred half a
 * pixel up and left of the box centre before mapping — both as 1.3.1's {@code bbox_affine}.
 */
final class SkimageAffine {
    private SkimageAffine() {}

    /** The geometry of sampled parameters (values as drawn from the ranges) on a {@code w × h} image. */
    static AffineGeometry geometry(Affine.Sampled p, int w, int h, boolean fitOutput, BoxMethod method) {
        Matrix m = matrix(p, w / 2.0 - 0.5, h / 2.0 - 0.5);
        int ow = w, oh = h;
        if (fitOutput) {
            double[] b = LabelGeometry.bounds(new double[][] {m.apply(0, 0), m.apply(0, h - 1), m.apply(w - 1, h - 1), m.apply(w - 1, 0)});
            ow = (int) Math.ceil(b[2] - b[0] + 1);
            oh = (int) Math.ceil(b[3] - b[1] + 1);
            m = m.then(Matrix.translation(-b[0], -b[1]));
        }
        if (nearIdentity(m)) return AffineGeometry.of(Matrix.identity(), KeypointRule.identity(), ow, oh);
        KeypointRule rule = KeypointRule.rotate(Math.atan2(-m.get(1, 0), m.get(0, 0)), Math.max(p.scaleX(), p.scaleY()));
        Matrix boxes = method == BoxMethod.ELLIPSE ? Matrix.translation(-0.5, -0.5).then(m) : m;
        return new AffineGeometry(m, m, boxes, rule, method, ow, oh);
    }

    /** The 1.3.1 chain about {@code (cx, cy)}: y-shear, then scale, rotation, x-shear and translation. */
    static Matrix matrix(Affine.Sampled p, double cx, double cy) {
        double rotation = Math.toRadians(-p.rotate()), shearX = Math.toRadians(-p.shearX()), shearY = Math.toRadians(-p.shearY());
        Matrix yShear = skimage(1, 1, -Math.PI / 2, 0, 0, 0).then(skimage(1, 1, 0, shearY, 0, 0)).then(skimage(1, 1, Math.PI / 2, 0, 0, 0));
        Matrix main = skimage(p.scaleX(), p.scaleY(), rotation, shearX, p.translateX(), p.translateY());
        return Matrix.translation(-cx, -cy).then(yShear).then(main).then(Matrix.translation(cx, cy));
    }

    /** scikit-image's {@code AffineTransform(scale=(sx, sy), rotation=r, shear=s, translation=(tx, ty))}. */
    static Matrix skimage(double sx, double sy, double r, double s, double tx, double ty) {
        return Matrix.affine(sx * Math.cos(r), -sy * Math.sin(r + s), tx, sx * Math.sin(r), sy * Math.cos(r + s), ty);
    }

    /** numpy's {@code allclose(m, eye(3))}: {@code |a − b| <= 1e-8 + 1e-5·|b|} for every element. */
    static boolean nearIdentity(Matrix m) {
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double want = r == c ? 1 : 0;
                if (!(Math.abs(m.get(r, c) - want) <= 1e-8 + 1e-5 * want)) return false;
            }
        }
        return true;
    }
}
