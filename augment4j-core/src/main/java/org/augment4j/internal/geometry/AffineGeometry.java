package org.augment4j.internal.geometry;

import org.augment4j.transform.BoxMethod;

/**
 * An affine spatial change: flips, transposes, 90° rotations, crops, resizes, rotations, affine warps.
 *
 * <p>{@code image} maps source pixel centres to output pixel centres (the matrix OpenCV's warpAffine takes). Keypoints
 * and boxes normally follow the same map, boxes in pixel-edge coordinates ({@code image.shifted(0.5)}); where
 * Albumentations maps them differently (keypoints under Resize scale as {@code x·s}; boxes under Affine use the
 * centre matrix directly) the transform passes its own {@code keypoints} or {@code boxes} matrix, so that results match.
 *
 * @param image     source→output map of pixel centres, for images and masks
 * @param keypoints source→output map for keypoint coordinates
 * @param boxes     source→output map for box coordinates in pixels (edges)
 * @param rule      how keypoint angles and scales change
 * @param boxMethod how boxes are carried through rotations
 * @param clampKeypoints whether mapped keypoints are clipped to the output's pixel centres {@code [0, W − 1] × [0, H − 1]}
 *                  (Albumentations 1.3.1's SafeRotate does; normally false)
 */
public record AffineGeometry(Matrix image, Matrix keypoints, Matrix boxes, KeypointRule rule, BoxMethod boxMethod,
                             int outWidth, int outHeight, boolean clampKeypoints) implements Geometry {

    /** @throws IllegalArgumentException unless {@code outWidth} and {@code outHeight} are positive */
    public AffineGeometry {
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("output size must be positive, got " + outWidth + "x" + outHeight);
        }
    }

    /** A geometry whose keypoints are not clamped. */
    public AffineGeometry(Matrix image, Matrix keypoints, Matrix boxes, KeypointRule rule, BoxMethod boxMethod, int outWidth, int outHeight) {
        this(image, keypoints, boxes, rule, boxMethod, outWidth, outHeight, false);
    }

    /** A geometry whose keypoints follow {@code image} and whose boxes follow it in edge coordinates. */
    public static AffineGeometry of(Matrix image, KeypointRule rule, int outWidth, int outHeight) {
        return new AffineGeometry(image, image, image.shifted(0.5), rule, BoxMethod.LARGEST_BOX, outWidth, outHeight);
    }

    /** Mirror left-right: keypoints {@code x' = W − 1 − x}, boxes {@code x' = W − x}, angle {@code π − a}. */
    public static AffineGeometry horizontalFlip(int w, int h) {
        return of(Matrix.affine(-1, 0, w - 1, 0, 1, 0), KeypointRule.mirror(Math.PI), w, h);
    }

    /** Mirror top-bottom: angle {@code −a}. */
    public static AffineGeometry verticalFlip(int w, int h) {
        return of(Matrix.affine(1, 0, 0, 0, -1, h - 1), KeypointRule.mirror(0), w, h);
    }

    /** Swap rows and columns; angle {@code π − a}, as Albumentations 1.3. */
    public static AffineGeometry transpose(int w, int h) {
        return of(Matrix.affine(0, 1, 0, 1, 0, 0), KeypointRule.mirror(Math.PI), h, w);
    }

    /** {@code k} quarter turns counter-clockwise on screen, as numpy's rot90; angle {@code a − k·π/2}. */
    public static AffineGeometry rot90(int k, int w, int h) {
        int t = Math.floorMod(k, 4);
        Matrix m = switch (t) {
            case 0 -> Matrix.identity();
            case 1 -> Matrix.affine(0, 1, 0, -1, 0, w - 1);
            case 2 -> Matrix.affine(-1, 0, w - 1, 0, -1, h - 1);
            default -> Matrix.affine(0, -1, h - 1, 1, 0, 0);
        };
        boolean swap = t % 2 == 1;
        return of(m, KeypointRule.rotate(-t * Math.PI / 2, 1), swap ? h : w, swap ? w : h);
    }

    /** The region {@code [x1, x2) × [y1, y2)} of the source. */
    public static AffineGeometry crop(int x1, int y1, int x2, int y2) {
        return of(Matrix.translation(-x1, -y1), KeypointRule.identity(), x2 - x1, y2 - y1);
    }

    /**
     * Resampling {@code w × h} to {@code outW × outH}. Images follow OpenCV's resize (pixel centres); keypoints and
     * boxes scale as {@code x·sx}, as Albumentations does; keypoint scale is multiplied by {@code max(sx, sy)}.
     */
    public static AffineGeometry resize(int w, int h, int outW, int outH) {
        double sx = (double) outW / w;
        double sy = (double) outH / h;
        Matrix image = Matrix.translation(0.5, 0.5).then(Matrix.scale(sx, sy)).then(Matrix.translation(-0.5, -0.5));
        Matrix labels = Matrix.scale(sx, sy);
        return new AffineGeometry(image, labels, labels, KeypointRule.rotate(0, Math.max(sx, sy)), BoxMethod.LARGEST_BOX, outW, outH);
    }

    /**
     * This geometry, then {@code next}: one map with the same effect on every target. Keypoints are clamped when
     * {@code next} clamps them (a clamp of this geometry's, in the middle of the map, is not kept).
     */
    public AffineGeometry then(AffineGeometry next) {
        BoxMethod method = boxMethod == BoxMethod.ELLIPSE || next.boxMethod == BoxMethod.ELLIPSE ? BoxMethod.ELLIPSE : BoxMethod.LARGEST_BOX;
        return new AffineGeometry(image.then(next.image), keypoints.then(next.keypoints), boxes.then(next.boxes),
                rule.then(next.rule), method, next.outWidth, next.outHeight, next.clampKeypoints);
    }

    /**
     * The geometry that maps this one's output back onto its {@code srcWidth × srcHeight} input: every matrix inverted,
     * the keypoint rule undone. Boxes are carried back by their corners.
     */
    public AffineGeometry inverse(int srcWidth, int srcHeight) {
        return new AffineGeometry(image.inverse(), keypoints.inverse(), boxes.inverse(), rule.inverse(), BoxMethod.LARGEST_BOX, srcWidth, srcHeight);
    }

    /** The same geometry carrying boxes by {@code method}. */
    public AffineGeometry withBoxMethod(BoxMethod method) {
        return new AffineGeometry(image, keypoints, boxes, rule, method, outWidth, outHeight, clampKeypoints);
    }

    /** The same geometry with its own box matrix. */
    public AffineGeometry withBoxMatrix(Matrix boxMatrix) {
        return new AffineGeometry(image, keypoints, boxMatrix, rule, boxMethod, outWidth, outHeight, clampKeypoints);
    }

    /** The same geometry clipping mapped keypoints to the output's pixel centres {@code [0, W − 1] × [0, H − 1]}. */
    public AffineGeometry withKeypointsClamped() {
        return new AffineGeometry(image, keypoints, boxes, rule, boxMethod, outWidth, outHeight, true);
    }
}
