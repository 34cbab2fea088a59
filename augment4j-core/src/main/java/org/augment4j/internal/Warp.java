package org.augment4j.internal;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_ISOLATED;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.BORDER_WRAP;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_core.transpose;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2RGBA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.nio.DoubleBuffer;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.DisplacementGeometry;
import org.augment4j.internal.geometry.Matrix;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Resamples a matrix (image or mask) by a {@link org.augment4j.internal.geometry.Geometry}. Exact special cases take OpenCV's
 * fast paths: flips, transposes and quarter turns use {@code flip}/{@code transpose}/{@code rotate}, crops are ROI
 * copies, and axis-aligned rescales of a whole region use {@code resize} (which is what Albumentations calls for crops
 * and resizes, so INTER_AREA and friends behave identically), integer shifts that only add borders use
 * {@code copyMakeBorder}. Everything else goes through {@code warpAffine} or
 * {@code remap}; a bilinear uint8 warp with a non-constant border runs on a padded source (see
 * {@code borderPadded}). Returns a new matrix; the input is never modified.
 */
public final class Warp {
    private Warp() {}

    private static final double EPS = 1e-9;

    /** Applies an affine geometry to {@code src} with the given OpenCV interpolation, border mode and fill. */
    public static Mat affine(Mat src, AffineGeometry g, int interpolation, int borderMode, Scalar fill) {
        Matrix m = g.image();
        int w = src.cols();
        int h = src.rows();
        Mat fast = permutation(src, m, w, h, g.outWidth(), g.outHeight());
        if (fast != null) return fast;
        fast = axisAligned(src, m, w, h, g.outWidth(), g.outHeight(), interpolation);
        if (fast != null) return fast;
        fast = padded(src, m, w, h, g.outWidth(), g.outHeight(), borderMode, fill);
        if (fast != null) return fast;
        fast = borderPadded(src, m, w, h, g.outWidth(), g.outHeight(), interpolation, borderMode);
        if (fast != null) return fast;
        Mat dst = new Mat();
        try (Mat mm = toMat(m); Size size = new Size(g.outWidth(), g.outHeight())) {
            warpAffine(src, dst, mm, size, interpolation, borderMode, fill);
        }
        return dst;
    }

    /** Applies a perspective geometry to {@code src}. */
    public static Mat perspective(Mat src, org.augment4j.internal.geometry.ProjectiveGeometry g, int interpolation, int borderMode, Scalar fill) {
        Mat dst = new Mat();
        try (Mat mm = new Mat(3, 3, CV_64F); Size size = new Size(g.outWidth(), g.outHeight())) {
            ((DoubleBuffer) mm.createBuffer()).put(g.image().values());
            org.bytedeco.opencv.global.opencv_imgproc.warpPerspective(src, dst, mm, size, interpolation, borderMode, fill);
        }
        return dst;
    }

    /** Applies a displacement geometry to {@code src}. */
    public static Mat remapped(Mat src, DisplacementGeometry g, int interpolation, int borderMode, Scalar fill) {
        Mat dst = new Mat();
        remap(src, dst, g.mapX(), g.mapY(), interpolation, borderMode, fill);
        return dst;
    }

    /**
     * Whether {@link #affine} resamples {@code g} on a {@code w × h} source by a fast path (permutation, ROI copy or
     * resize, padding) rather than a general {@code warpAffine}.
     */
    public static boolean isFast(AffineGeometry g, int w, int h) {
        Matrix m = g.image();
        int ow = g.outWidth(), oh = g.outHeight();
        return permutationIndex(m, w, h, ow, oh) >= 0 || alignedRegion(m, w, h, ow, oh) != null || padding(m, w, h, ow, oh) != null;
    }

    /** Flips, transposes and quarter turns whose matrix is an exact integer permutation of the source grid. */
    private static Mat permutation(Mat src, Matrix m, int w, int h, int ow, int oh) {
        int idx = permutationIndex(m, w, h, ow, oh);
        if (idx < 0) return null;
        if (widensForPermutation(src, idx)) {
            // OpenCV moves 3-byte pixels one by one but 4-byte pixels with SIMD: widening, permuting and narrowing again
            // is 1.4 times faster for a horizontal flip and 1.5 for quarter and half turns (same bytes)
            try (Mat wide = new Mat()) {
                cvtColor(src, wide, COLOR_RGB2RGBA);
                try (Mat permuted = permute(wide, idx)) {
                    Mat dst = new Mat();
                    cvtColor(permuted, dst, COLOR_RGBA2RGB);
                    return dst;
                }
            }
        }
        return permute(src, idx);
    }

    /** uint8 three-channel images, for the permutations that do not move whole rows (all but identity, vertical flip, transpose). */
    private static boolean widensForPermutation(Mat src, int idx) {
        return src.depth() == CV_8U && src.channels() == 3 && (idx == 1 || idx == 3 || idx == 5 || idx == 6);
    }

    private static Mat permute(Mat src, int idx) {
        Mat dst = new Mat();
        switch (idx) {
            case 0 -> src.copyTo(dst);
            case 1 -> flip(src, dst, 1);
            case 2 -> flip(src, dst, 0);
            case 3 -> rotate(src, dst, ROTATE_180);
            case 4 -> transpose(src, dst);
            case 5 -> rotate(src, dst, ROTATE_90_COUNTERCLOCKWISE);
            default -> rotate(src, dst, ROTATE_90_CLOCKWISE);
        }
        return dst;
    }

    /** Which of identity, flips, 180°, transpose and quarter turns {@code m} is (0-6), or -1. */
    private static int permutationIndex(Matrix m, int w, int h, int ow, int oh) {
        Matrix[] candidates = {
            Matrix.identity(),
            Matrix.affine(-1, 0, w - 1, 0, 1, 0),
            Matrix.affine(1, 0, 0, 0, -1, h - 1),
            Matrix.affine(-1, 0, w - 1, 0, -1, h - 1),
            Matrix.affine(0, 1, 0, 1, 0, 0),
            Matrix.affine(0, 1, 0, -1, 0, w - 1),
            Matrix.affine(0, -1, h - 1, 1, 0, 0),
        };
        for (int i = 0; i < candidates.length; i++) {
            if (m.approxEquals(candidates[i], EPS)) {
                boolean swap = i >= 4;
                return (swap ? h : w) == ow && (swap ? w : h) == oh ? i : -1;
            }
        }
        return -1;
    }

    /**
     * Crops and resizes: an axis-aligned positive scale whose output rectangle comes from an integer-aligned rectangle
     * inside the source. A crop is an ROI copy; a crop plus rescale is {@code resize} of the ROI.
     */
    private static Mat axisAligned(Mat src, Matrix m, int w, int h, int ow, int oh, int interpolation) {
        int[] region = alignedRegion(m, w, h, ow, oh);
        if (region == null) return null;
        try (Rect r = new Rect(region[0], region[1], region[2] - region[0], region[3] - region[1]); Mat roi = new Mat(src, r)) {
            Mat dst = new Mat();
            if (r.width() == ow && r.height() == oh) {
                roi.copyTo(dst);
            } else {
                try (Size size = new Size(ow, oh)) {
                    resize(roi, dst, size, 0, 0, interpolation);
                }
            }
            return dst;
        }
    }

    /** The source rectangle {x0, y0, x1, y1} that an axis-aligned positive scale maps onto the whole output, or null. */
    private static int[] alignedRegion(Matrix m, int w, int h, int ow, int oh) {
        if (Math.abs(m.get(0, 1)) > EPS || Math.abs(m.get(1, 0)) > EPS || m.get(0, 0) <= 0 || m.get(1, 1) <= 0) return null;
        // Edge-coordinate map: x_e' = sx * x_e + tx_e; the output edges [0, ow] come from [x0, x1] in the source.
        Matrix e = m.shifted(0.5);
        double sx = e.get(0, 0), sy = e.get(1, 1);
        double x0 = -e.get(0, 2) / sx, y0 = -e.get(1, 2) / sy;
        double x1 = (ow - e.get(0, 2)) / sx, y1 = (oh - e.get(1, 2)) / sy;
        long ix0 = Math.round(x0), iy0 = Math.round(y0), ix1 = Math.round(x1), iy1 = Math.round(y1);
        if (Math.abs(x0 - ix0) > 1e-6 || Math.abs(y0 - iy0) > 1e-6 || Math.abs(x1 - ix1) > 1e-6 || Math.abs(y1 - iy1) > 1e-6) return null;
        if (ix0 < 0 || iy0 < 0 || ix1 > w || iy1 > h || ix1 <= ix0 || iy1 <= iy0) return null;
        return new int[] {(int) ix0, (int) iy0, (int) ix1, (int) iy1};
    }

    /** A pure integer shift that keeps the whole source inside the output: copyMakeBorder (padding). */
    private static Mat padded(Mat src, Matrix m, int w, int h, int ow, int oh, int borderMode, Scalar fill) {
        int[] pad = padding(m, w, h, ow, oh);
        if (pad == null) return null;
        Mat dst = new Mat();
        copyMakeBorder(src, dst, pad[0], pad[1], pad[2], pad[3], borderMode | BORDER_ISOLATED, fill);
        return dst;
    }

    /** How far outside the source a bilinear tap may fall: the two taps of {@code floor(x)}, plus rounding slack. */
    private static final int LINEAR_REACH = 3;

    /** Padded sources larger than this many times the source (and than {@link #SMALL_AREA}) fall back to the border-mode warp. */
    private static final int MAX_PADDED_AREA_FACTOR = 4;

    /** A padded source this small is always cheap. */
    private static final long SMALL_AREA = 1 << 16;

    /**
     * A bilinear uint8 warp with a replicated, reflected or wrapped border: OpenCV's SIMD warp only runs with a constant
     * border, so the source is first extended by {@code copyMakeBorder} in the requested mode (isolated from any parent
     * matrix) just far enough that no tap falls outside, then warped with a constant border. The taps read the very
     * values the border mode would give, through the same fixed-point weights: the output is byte-identical (tested).
     * On 512 × 512 RGB with BORDER_REFLECT_101 it is 1.15 times faster when the source is in cache and 1.6 times when
     * it is not (the sequential copy brings it in for the scattered reads of the warp). Returns null when it does not apply (other interpolations and depths,
     * where the constant-border path is no faster; a singular matrix; a padded source over
     * {@value #MAX_PADDED_AREA_FACTOR} times a source that is not small).
     */
    static Mat borderPadded(Mat src, Matrix m, int w, int h, int ow, int oh, int interpolation, int borderMode) {
        boolean reflecting = borderMode == BORDER_REPLICATE || borderMode == BORDER_REFLECT || borderMode == BORDER_REFLECT_101 || borderMode == BORDER_WRAP;
        if (!reflecting || interpolation != INTER_LINEAR || src.depth() != CV_8U || src.channels() > 4) return null;
        if (Math.abs(m.get(0, 0) * m.get(1, 1) - m.get(0, 1) * m.get(1, 0)) < 1e-9) return null;
        int[] pad = tapPadding(m.inverse(), w, h, ow, oh);
        long area = (long) (w + pad[2] + pad[3]) * (h + pad[0] + pad[1]);
        if (area > SMALL_AREA && area > (long) MAX_PADDED_AREA_FACTOR * w * h) return null;
        Matrix shifted = Matrix.affine(m.get(0, 0), m.get(0, 1), m.get(0, 2) - (m.get(0, 0) * pad[2] + m.get(0, 1) * pad[0]),
                m.get(1, 0), m.get(1, 1), m.get(1, 2) - (m.get(1, 0) * pad[2] + m.get(1, 1) * pad[0]));
        Mat dst = new Mat();
        try (Mat padded = new Mat(); Mat mm = toMat(shifted); Size size = new Size(ow, oh); Scalar zero = new Scalar(0.0)) {
            Mat source = src;
            if (pad[0] + pad[1] + pad[2] + pad[3] > 0) {
                copyMakeBorder(src, padded, pad[0], pad[1], pad[2], pad[3], borderMode | BORDER_ISOLATED, zero);
                source = padded;
            }
            // The forward matrix (not WARP_INVERSE_MAP, which OpenCV 4.13 runs on its slow path).
            warpAffine(source, dst, mm, size, INTER_LINEAR, BORDER_CONSTANT, zero);
        }
        return dst;
    }

    /**
     * The borders {top, bottom, left, right} that hold every tap of an output {@code ow × oh} read through
     * {@code toSource} from a {@code w × h} source, with {@value #LINEAR_REACH} pixels to spare; zeros when every tap is
     * inside.
     */
    private static int[] tapPadding(Matrix toSource, int w, int h, int ow, int oh) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (double[] corner : new double[][] {{0, 0}, {ow - 1, 0}, {0, oh - 1}, {ow - 1, oh - 1}}) {
            double[] s = toSource.apply(corner[0], corner[1]);
            x0 = Math.min(x0, s[0]);
            x1 = Math.max(x1, s[0]);
            y0 = Math.min(y0, s[1]);
            y1 = Math.max(y1, s[1]);
        }
        return new int[] {reach(-y0), reach(y1 - (h - 1)), reach(-x0), reach(x1 - (w - 1))};
    }

    /** The border needed for a tap {@code beyond} pixels past an edge (negative: inside). */
    private static int reach(double beyond) {
        if (!Double.isFinite(beyond) || beyond > 1 << 20) return 1 << 20;
        return (int) Math.max(0, Math.ceil(beyond) + LINEAR_REACH);
    }

    /** The borders {top, bottom, left, right} of a pure integer shift that keeps the whole source inside, or null. */
    private static int[] padding(Matrix m, int w, int h, int ow, int oh) {
        if (!m.approxEquals(Matrix.translation(m.get(0, 2), m.get(1, 2)), EPS)) return null;
        double tx = m.get(0, 2), ty = m.get(1, 2);
        if (Math.abs(tx - Math.rint(tx)) > EPS || Math.abs(ty - Math.rint(ty)) > EPS) return null;
        int left = (int) Math.rint(tx), top = (int) Math.rint(ty), right = ow - w - left, bottom = oh - h - top;
        if (left < 0 || top < 0 || right < 0 || bottom < 0) return null;
        return new int[] {top, bottom, left, right};
    }

    private static Mat toMat(Matrix m) {
        Mat mat = new Mat(2, 3, CV_64F);
        DoubleBuffer b = mat.createBuffer();
        b.put(m.affineRows());
        return mat;
    }
}
