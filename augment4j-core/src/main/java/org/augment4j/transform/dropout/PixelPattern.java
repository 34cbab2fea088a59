package org.augment4j.transform.dropout;

import static org.bytedeco.opencv.global.opencv_core.CMP_LT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_MAKETYPE;
import static org.bytedeco.opencv.global.opencv_core.bitwise_or;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;

import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RNG;

/** Pure kernels of {@link PixelDropout}: a seeded random drop pattern and writing values where it is set. */
final class PixelPattern {
    private PixelPattern() {}

    /** A {@code rows × cols × channels} uint8 pattern, 255 where a uniform [0, 1) draw is below {@code prob}. */
    static Mat dropped(int rows, int cols, int channels, double prob, long seed) {
        // OpenCV would read a 1 x 1 or 4 x 1 draw as the scalar operand of compare (K1): such shapes are drawn one
        // column wider on each side and the middle column is kept
        boolean scalarLike = Mats.scalarLike(rows, cols);
        int drawn = scalarLike ? cols + 2 : cols;
        Mat out = new Mat();
        try (RNG rng = new RNG(seed); Mat u = new Mat(rows, drawn, CV_MAKETYPE(CV_32F, channels)); Mat lo = Mats.scalarMat(0); Mat hi = Mats.scalarMat(1);
             Mat p = Mats.scalarMat(prob)) {
            rng._fill(u, RNG.UNIFORM, lo, hi);
            compare(u, p, out, CMP_LT);
        }
        if (!scalarLike) return out;
        try (out; Rect middle = new Rect(1, 0, cols, rows); Mat roi = new Mat(out, middle)) {
            return roi.clone();
        }
    }

    /** A one-channel pattern set where any channel of {@code where} is set. */
    static Mat anyChannel(Mat where) {
        Mat out = new Mat();
        extractChannel(where, out, 0);
        try (Mat c = new Mat()) {
            for (int i = 1; i < where.channels(); i++) {
                extractChannel(where, c, i);
                bitwise_or(out, c, out);
            }
        }
        return out;
    }

    /** A copy of {@code m} with {@code values} (per channel, or one for all) where {@code where} is set. */
    static Mat setWhere(Mat m, Mat where, double[] values) {
        Mat out = m.clone();
        try (org.bytedeco.opencv.opencv_core.Scalar v = Mats.scalar(values); Mat filled = new Mat(m.rows(), m.cols(), m.type(), v)) {
            if (where.channels() == 1 || where.channels() == m.channels()) {
                filled.copyTo(out, where);
            } else {
                try (Mat any = anyChannel(where)) {
                    filled.copyTo(out, any);
                }
            }
        }
        return out;
    }
}
