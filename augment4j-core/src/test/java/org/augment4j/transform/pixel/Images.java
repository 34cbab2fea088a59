package org.augment4j.transform.pixel;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2RGBA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.SplittableRandom;
import org.augment4j.TestData;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/** Test images: real photos from testdata/data, constants, ramps and conversions. */
public final class Images {
    private Images() {}

    public static Mat photo(String name) {
        return ImageIO.readImage(TestData.data("photos").resolve(name));
    }

    public static Mat astronaut() {
        return photo("astronaut.png");
    }

    public static Mat coffee() {
        return photo("coffee.png");
    }

    /** A uint8 image with every value {@code v}. */
    public static Mat constant(int rows, int cols, int channels, int v) {
        byte[] b = new byte[rows * cols * channels];
        java.util.Arrays.fill(b, (byte) v);
        return Mats.fromBytes(b, rows, cols, channels);
    }

    /** A uint8 image holding every value 0..255 in each channel (16 x 16 pixels), channel c shifted by 85·c. */
    public static Mat ramp(int channels) {
        byte[] b = new byte[256 * channels];
        for (int i = 0; i < 256; i++) for (int c = 0; c < channels; c++) b[i * channels + c] = (byte) ((i + 85 * c) % 256);
        return Mats.fromBytes(b, 16, 16, channels);
    }

    /**
     * A 7 × 9 RGB image whose every channel varies, {@code (37x + 91y + 53c + 11·(xy mod 7)) mod 256}: small and
     * odd-sized, for values computed by Albumentations on the same image (numpy builds it with the same formula).
     */
    public static Mat small7x9() {
        byte[] b = new byte[7 * 9 * 3];
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 9; x++) {
                for (int c = 0; c < 3; c++) b[(y * 9 + x) * 3 + c] = (byte) ((x * 37 + y * 91 + c * 53 + ((x * y) % 7) * 11) % 256);
            }
        }
        return Mats.fromBytes(b, 7, 9, 3);
    }

    /** Random uint8 noise of the given shape. */
    public static Mat random(int rows, int cols, int channels, long seed) {
        byte[] b = new byte[rows * cols * channels];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < b.length; i++) b[i] = (byte) r.nextInt(256);
        return Mats.fromBytes(b, rows, cols, channels);
    }

    /** {@code u8 / 255} as float32. */
    public static Mat toFloat(Mat u8) {
        Mat f = new Mat();
        u8.convertTo(f, CV_32F, 1 / 255.0, 0);
        return f;
    }

    public static Mat gray(Mat rgb) {
        Mat g = new Mat();
        cvtColor(rgb, g, COLOR_RGB2GRAY);
        return g;
    }

    public static Mat rgbFromGray(Mat gray) {
        Mat out = new Mat();
        cvtColor(gray, out, org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB);
        return out;
    }

    public static Mat rgba(Mat rgb) {
        Mat out = new Mat();
        cvtColor(rgb, out, COLOR_RGB2RGBA);
        return out;
    }

    static int[] u8(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }

    /** Mean of channel {@code c} of an HWC array with {@code n} channels. */
    static double channelMean(double[] v, int n, int c) {
        double s = 0;
        int count = 0;
        for (int i = c; i < v.length; i += n, count++) s += v[i];
        return s / count;
    }

    static double channelStd(double[] v, int n, int c) {
        double m = channelMean(v, n, c), s = 0;
        int count = 0;
        for (int i = c; i < v.length; i += n, count++) s += (v[i] - m) * (v[i] - m);
        return Math.sqrt(s / count);
    }

    static double[] values(Mat m) {
        if (Mats.isFloat(m)) {
            float[] f = Mats.toFloats(m);
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) d[i] = f[i];
            return d;
        }
        return java.util.Arrays.stream(u8(m)).asDoubleStream().toArray();
    }
}
