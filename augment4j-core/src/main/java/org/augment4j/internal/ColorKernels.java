package org.augment4j.internal;

import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.function.UnaryOperator;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Pure kernels of the colour transforms: linear value maps ({@code alpha·v + beta}) as look-up tables for uint8 and
 * arithmetic for float32, and a wrapper that applies an RGB kernel to an RGBA image keeping alpha. Every method returns
 * a new matrix and releases its temporaries.
 */
public final class ColorKernels {
    private ColorKernels() {}

    /**
     * {@code alpha·v + value}, clipped to the image's range: uint8 through Albumentations' table
     * ({@code clip(arange(256)·alpha + value, 0, 255)} truncated), float32 clipped to [0, 1].
     */
    public static Mat multiplyAdd(Mat image, double alpha, double value) {
        if (Mats.isFloat(image)) {
            Mat out = new Mat();
            image.convertTo(out, -1, alpha, value);
            PixelKernels.clipInPlace(out, 0, 1);
            return out;
        }
        return PixelKernels.linear(image, alpha, value, linearTable(alpha, value));
    }

    /** {@code clip(arange(256, float32)·alpha + value, 0, 255).astype(uint8)}. */
    public static byte[] linearTable(double alpha, double value) {
        byte[] t = new byte[256];
        for (int v = 0; v < 256; v++) t[v] = clipToByte((float) ((float) v * (float) alpha + (float) value));
        return t;
    }

    /** numpy's {@code clip(x, 0, 255).astype(uint8)}: clipped, then truncated. */
    public static byte clipToByte(double x) {
        return (byte) (int) Math.min(255, Math.max(0, x));
    }

    /** The mean of every value of the image (all channels), as numpy's {@code np.mean(img)}. */
    public static double mean(Mat image) {
        try (org.bytedeco.opencv.opencv_core.Scalar s = org.bytedeco.opencv.global.opencv_core.mean(image)) {
            double sum = 0;
            for (int c = 0; c < image.channels(); c++) sum += s.get(c);
            return sum / image.channels();
        }
    }

    /**
     * Applies an RGB kernel to a 3-channel image, or to the RGB part of a 4-channel image keeping its alpha channel;
     * any other channel count fails naming the transform and the count.
     */
    public static Mat onRgb(String transform, Mat image, UnaryOperator<Mat> rgbKernel) {
        int c = image.channels();
        Check.that(c == 3 || c == 4, transform, "needs a 3-channel RGB (or 4-channel RGBA) image, got " + c + " channel(s)");
        if (c == 3) return rgbKernel.apply(image);
        try (Mat rgb = new Mat(); Mat alpha = new Mat()) {
            cvtColor(image, rgb, COLOR_RGBA2RGB);
            extractChannel(image, alpha, 3);
            try (Mat done = rgbKernel.apply(rgb); MatVector planes = new MatVector()) {
                split(done, planes);
                planes.push_back(alpha);
                Mat out = new Mat();
                merge(planes, out);
                return out;
            }
        }
    }

    /** Like {@link #onRgb} but also lets 1-channel images through to {@code grayKernel}. */
    public static Mat onRgbOrGray(String transform, Mat image, UnaryOperator<Mat> rgbKernel, UnaryOperator<Mat> grayKernel) {
        if (image.channels() == 1) return grayKernel.apply(image);
        return onRgb(transform, image, rgbKernel);
    }

    /** Applies a per-value kernel to every channel except the alpha of a 4-channel image. */
    public static Mat keepingAlpha(Mat image, UnaryOperator<Mat> kernel) {
        if (image.channels() != 4) return kernel.apply(image);
        return onRgb("", image, kernel);
    }

    /**
     * Albumentations' {@code uint8_io}: a uint8 kernel applied to a float32 image by rounding {@code v·255} to uint8,
     * applying, and dividing by 255 again; uint8 images go straight through.
     */
    public static Mat uint8Io(Mat image, UnaryOperator<Mat> uint8Kernel) {
        if (!Mats.isFloat(image)) return uint8Kernel.apply(image);
        try (Mat u8 = new Mat()) {
            image.convertTo(u8, org.bytedeco.opencv.global.opencv_core.CV_8U, 255, 0);
            try (Mat done = uint8Kernel.apply(u8)) {
                Mat out = new Mat();
                done.convertTo(out, org.bytedeco.opencv.global.opencv_core.CV_32F, 1 / 255.0, 0);
                return out;
            }
        }
    }

    /**
     * Multiplies each channel by its own factor: uint8 through tables ({@code clip(arange(256)·f, 0, 255)} truncated),
     * float32 clipped to [0, 1].
     */
    public static Mat scaleChannels(Mat image, double... factors) {
        if (!Mats.isFloat(image)) {
            byte[][] tables = new byte[factors.length][];
            for (int i = 0; i < factors.length; i++) tables[i] = linearTable(factors[i], 0);
            return PixelKernels.lut(image, tables);
        }
        Mat out = new Mat();
        try (Mat f = Mats.scalarMat(factors)) {
            org.bytedeco.opencv.global.opencv_core.multiply(image, f, out);
        }
        PixelKernels.clipInPlace(out, 0, 1);
        return out;
    }
}
