package org.augment4j.transform.policy;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;

import java.nio.FloatBuffer;
import java.util.function.UnaryOperator;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Pillow's {@code ImageEnhance} and {@code ImageOps.autocontrast} as OpenCV kernels, on uint8 or float32 ([0, 1]) images
 * of 1, 3 or 4 channels (alpha kept). Each enhancer blends the image with a "degenerate" image:
 * {@code out = degenerate + factor · (image − degenerate)}, clipped (uint8 rounded by OpenCV).
 */
final class EnhanceKernels {
    private EnhanceKernels() {}

    /** The enhancers, named as Pillow's {@code ImageEnhance} classes (lower case). */
    enum Kind {
        BRIGHTNESS, COLOR, CONTRAST, SHARPNESS;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String id) {
            for (Kind k : values()) if (k.id().equals(id)) return k;
            return null;
        }
    }

    static Mat enhance(String transform, Mat image, Kind kind, double factor) {
        return onRgb(transform, image, rgb -> {
            try (Mat degenerate = degenerate(rgb, kind)) {
                Mat out = new Mat();
                addWeighted(rgb, factor, degenerate, 1 - factor, 0, out);
                if (Mats.isFloat(out)) PixelKernels.clipInPlace(out, 0, 1);
                return out;
            }
        });
    }

    /** Pillow's degenerate images: black, the grey version, the mean grey level, the 3×3 SMOOTH-filtered image (edges kept). */
    static Mat degenerate(Mat rgb, Kind kind) {
        switch (kind) {
            case BRIGHTNESS:
                return Mats.zeros(rgb.rows(), rgb.cols(), rgb.type());
            case COLOR: {
                if (rgb.channels() == 1) return rgb.clone();
                Mat out = new Mat();
                try (Mat gray = new Mat()) {
                    cvtColor(rgb, gray, COLOR_RGB2GRAY);
                    cvtColor(gray, out, COLOR_GRAY2RGB);
                }
                return out;
            }
            case CONTRAST: {
                double m;
                try (Mat gray = new Mat()) {
                    if (rgb.channels() == 1) rgb.copyTo(gray);
                    else cvtColor(rgb, gray, COLOR_RGB2GRAY);
                    try (Scalar s = mean(gray)) {
                        m = s.get(0);
                    }
                }
                if (!Mats.isFloat(rgb)) m = Math.floor(m + 0.5); // Pillow: int(mean + 0.5)
                try (Scalar v = Mats.scalar(m)) {
                    return new Mat(rgb.rows(), rgb.cols(), rgb.type(), v);
                }
            }
            default: {
                Mat out = rgb.clone();
                if (rgb.rows() < 3 || rgb.cols() < 3) return out;
                try (Mat k = new Mat(3, 3, CV_32F); Mat smooth = new Mat(); Point anchor = new Point(-1, -1)) {
                    FloatBuffer b = k.createBuffer();
                    for (int i = 0; i < 9; i++) b.put(i, (i == 4 ? 5f : 1f) / 13f);
                    filter2D(rgb, smooth, -1, k, anchor, 0, BORDER_REPLICATE);
                    try (Rect inner = new Rect(1, 1, rgb.cols() - 2, rgb.rows() - 2); Mat src = new Mat(smooth, inner); Mat dst = new Mat(out, inner)) {
                        src.copyTo(dst);
                    }
                }
                return out;
            }
        }
    }

    /**
     * Pillow's {@code ImageOps.autocontrast} (cutoff 0): each channel stretched linearly so that its minimum becomes 0
     * and its maximum the top value (uint8: {@code int(v · scale + offset)}, truncated); a flat channel is kept.
     */
    static Mat autocontrast(String transform, Mat image) {
        return onRgb(transform, image, rgb -> {
            int c = rgb.channels();
            double[][] lohi = new double[c][2];
            for (int i = 0; i < c; i++) {
                try (Mat plane = new Mat(); DoublePointer lo = new DoublePointer(1); DoublePointer hi = new DoublePointer(1)) {
                    extractChannel(rgb, plane, i);
                    minMaxLoc(plane, lo, hi, (Point) null, (Point) null, null);
                    lohi[i][0] = lo.get();
                    lohi[i][1] = hi.get();
                }
            }
            if (!Mats.isFloat(rgb)) {
                byte[][] tables = new byte[c][256];
                for (int i = 0; i < c; i++) {
                    double lo = lohi[i][0], hi = lohi[i][1];
                    double scale = hi > lo ? 255.0 / (hi - lo) : 1, offset = hi > lo ? -lo * scale : 0;
                    for (int v = 0; v < 256; v++) tables[i][v] = (byte) Math.max(0, Math.min(255, (int) (v * scale + offset)));
                }
                return PixelKernels.lut(rgb, tables);
            }
            Mat out = rgb.clone();
            for (int i = 0; i < c; i++) {
                double lo = lohi[i][0], hi = lohi[i][1];
                if (hi <= lo) continue;
                try (Mat plane = new Mat(); Mat scaled = new Mat()) {
                    extractChannel(rgb, plane, i);
                    plane.convertTo(scaled, -1, 1 / (hi - lo), -lo / (hi - lo));
                    insertChannel(scaled, out, i);
                }
            }
            return out;
        });
    }

    /** Applies {@code op} to the colour channels (1 or 3) and puts a 4th (alpha) channel back unchanged. */
    static Mat onRgb(String transform, Mat image, UnaryOperator<Mat> op) {
        int c = image.channels();
        if (c != 1 && c != 3 && c != 4) throw new IllegalArgumentException(transform + ": needs 1, 3 or 4 channels, got " + c);
        if (c != 4) return op.apply(image);
        try (Mat rgb = new Mat(); Mat alpha = new Mat()) {
            cvtColor(image, rgb, org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2RGB);
            extractChannel(image, alpha, 3);
            try (Mat done = op.apply(rgb)) {
                Mat out = new Mat();
                cvtColor(done, out, org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2RGBA);
                insertChannel(alpha, out, 3);
                return out;
            }
        }
    }
}
