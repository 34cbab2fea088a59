package org.augment4j.bench;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_HSV2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_Lab2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.blur;
import static org.bytedeco.opencv.global.opencv_imgproc.createCLAHE;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.medianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.io.IOException;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_imgproc.CLAHE;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under a row of the Albumentations comparison: only the OpenCV calls that Albumentations 1.3.1 itself makes
 * for that transform (with its parameter ranges from {@code testdata/perf/pipelines.json}, drawn anew per call), on
 * the same 512 × 512 images cycled as {@code augment4j bench} cycles them, single-threaded, nothing else — no parameter
 * objects, no labels, no checks. Albumentations' rate divided by this rate bounds the ratio any implementation that
 * calls these kernels can reach on that row. Rows whose 1.3.1 work is numpy rather than one OpenCV chain (GaussNoise,
 * Cutout, ElasticTransform's scipy filter, RGBShift, the contrast and posterize family, Normalize) are not here; InvertImg
 * ({@code 255 - img}) and CoarseDropout (a copy and eight 8 × 8 fills) are, as the same work done by OpenCV. Images come from {@code -Daugment4j.perfImages=DIR} (default
 * {@code testdata/perf/images} in the repository).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0")
public class OpenCvFloorBenchmark {
    private static final int SIZE = 512;

    /** A row name of the comparison table. */
    @Param({"HorizontalFlip", "VerticalFlip", "Rotate", "Affine", "ShiftScaleRotate", "RandomResizedCrop", "RandomSizedCrop",
        "Resize", "GridDistortion", "OpticalDistortion", "Perspective", "GaussianBlur", "MedianBlur", "MotionBlur",
        "HueSaturationValue", "ColorJitter", "ToGray", "CLAHE", "Equalize", "InvertImg", "CoarseDropout",
        "RandomGamma", "Sharpen"})
    public String row;

    private final List<Mat> images = new ArrayList<>();
    private final SplittableRandom rnd = new SplittableRandom(17);
    private Mat mapX, mapY, gammaTable;
    private CLAHE clahe;
    private int call;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        opencv_core.setNumThreads(0);
        images.addAll(BenchFiles.readImages(BenchFiles.perfImagesDir()));
        mapX = new Mat(SIZE, SIZE, CV_32FC1);
        mapY = new Mat(SIZE, SIZE, CV_32FC1);
        FloatBuffer bx = mapX.createBuffer(), by = mapY.createBuffer();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {  // a smooth distortion of up to ±12 px, like GridDistortion's
                bx.put(y * SIZE + x, (float) (x + 12 * Math.sin(y / 41.0)));
                by.put(y * SIZE + x, (float) (y + 12 * Math.cos(x / 53.0)));
            }
        }
        gammaTable = new Mat(1, 256, CV_8UC1);
        clahe = createCLAHE(2.5, new Size(8, 8));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        images.forEach(Mat::close);
        mapX.close();
        mapY.close();
        gammaTable.close();
        clahe.close();
    }

    @Benchmark
    public long call() {
        Mat src = images.get(call++ % images.size());
        try (Mat out = new Mat()) {
            run(src, out);
            return out.total();
        }
    }

    private void run(Mat src, Mat out) {
        switch (row) {
            case "HorizontalFlip" -> flip(src, out, 1);
            case "VerticalFlip" -> flip(src, out, 0);
            case "Rotate" -> affine(src, out, rotation(uniform(-45, 45), 1, 0, 0), BORDER_REFLECT_101);
            case "Affine" -> affine(src, out, affineMatrix(), BORDER_CONSTANT);
            case "ShiftScaleRotate" -> affine(src, out, rotation(uniform(-45, 45), uniform(0.9, 1.1), uniform(-0.0625, 0.0625) * SIZE,
                    uniform(-0.0625, 0.0625) * SIZE), BORDER_REFLECT_101);
            case "RandomResizedCrop" -> resizedCrop(src, out, randomResizedCropRect());
            case "RandomSizedCrop" -> {
                int side = 256 + rnd.nextInt(257);
                resizedCrop(src, out, new int[] {rnd.nextInt(SIZE - side + 1), rnd.nextInt(SIZE - side + 1), side, side});
            }
            case "Resize" -> {
                try (Size s = new Size(256, 256)) {
                    resize(src, out, s, 0, 0, INTER_LINEAR);
                }
            }
            case "GridDistortion", "OpticalDistortion" -> {
                try (Scalar zero = new Scalar(0.0)) {
                    remap(src, out, mapX, mapY, INTER_LINEAR, BORDER_REFLECT_101, zero);
                }
            }
            case "Perspective" -> perspective(src, out);
            case "GaussianBlur" -> {
                int k = 3 + 2 * rnd.nextInt(3);
                try (Size s = new Size(k, k)) {
                    GaussianBlur(src, out, s, 0, 0, BORDER_REFLECT_101, 0);
                }
            }
            case "MedianBlur" -> medianBlur(src, out, 3 + 2 * rnd.nextInt(3));
            case "MotionBlur" -> motionBlur(src, out);
            case "HueSaturationValue" -> {
                try (Mat hsv = new Mat()) {
                    cvtColor(src, hsv, COLOR_RGB2HSV);
                    cvtColor(hsv, out, COLOR_HSV2RGB);
                }
            }
            case "ColorJitter" -> colorJitter(src, out);
            case "ToGray" -> {
                try (Mat g = new Mat()) {
                    cvtColor(src, g, COLOR_RGB2GRAY);
                    cvtColor(g, out, COLOR_GRAY2RGB);
                }
            }
            case "CLAHE" -> {
                try (Mat lab = new Mat(); Mat l = new Mat(); Mat l2 = new Mat()) {
                    cvtColor(src, lab, COLOR_RGB2Lab);
                    extractChannel(lab, l, 0);
                    clahe.setClipLimit(uniform(1, 4));
                    clahe.apply(l, l2);
                    insertChannel(l2, lab, 0);
                    cvtColor(lab, out, COLOR_Lab2RGB);
                }
            }
            case "Equalize" -> {
                try (MatVector planes = new MatVector()) {
                    split(src, planes);
                    for (int c = 0; c < planes.size(); c++) equalizeHist(planes.get(c), planes.get(c));
                    merge(planes, out);
                }
            }
            case "InvertImg" -> bitwise_not(src, out);
            case "CoarseDropout" -> {
                src.copyTo(out);
                try (Scalar zero = new Scalar(0.0)) {
                    for (int i = 0; i < 8; i++) {
                        try (Rect r = new Rect(rnd.nextInt(SIZE - 8), rnd.nextInt(SIZE - 8), 8, 8); Mat hole = new Mat(out, r)) {
                            hole.put(zero);
                        }
                    }
                }
            }
            case "RandomGamma" -> {
                double gamma = uniform(0.8, 1.2);
                java.nio.ByteBuffer t = gammaTable.createBuffer();
                for (int v = 0; v < 256; v++) t.put(v, (byte) (int) (Math.pow(v / 255.0, gamma) * 255));
                opencv_core.LUT(src, gammaTable, out);
            }
            case "Sharpen" -> {
                double alpha = uniform(0.2, 0.5), light = uniform(0.5, 1.0);
                try (Mat k = kernel3(alpha, light)) {
                    filter2D(src, out, -1, k);
                }
            }
            default -> throw new IllegalArgumentException("unknown row " + row);
        }
    }

    private double uniform(double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    private static Mat rotation(double degrees, double scale, double dx, double dy) {
        Mat m = org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D(
                new org.bytedeco.opencv.opencv_core.Point2f(SIZE / 2f - 0.5f, SIZE / 2f - 0.5f), degrees, scale);
        DoubleBuffer b = m.createBuffer();
        b.put(2, b.get(2) + dx);
        b.put(5, b.get(5) + dy);
        return m;
    }

    /** 1.3.1's Affine: scale 0.9–1.1 per axis, translate ±10 %, rotate ±30°, shear ±10° per axis, about the centre. */
    private Mat affineMatrix() {
        double th = Math.toRadians(uniform(-30, 30)), shx = Math.toRadians(uniform(-10, 10)), shy = Math.toRadians(uniform(-10, 10));
        double sx = uniform(0.9, 1.1), sy = uniform(0.9, 1.1), tx = uniform(-0.1, 0.1) * SIZE, ty = uniform(-0.1, 0.1) * SIZE;
        double c = SIZE / 2.0 - 0.5, cos = Math.cos(th), sin = Math.sin(th), a = Math.tan(shx), b = Math.tan(shy);
        // T(c + t) · Shear · R · S · T(−c)
        double r00 = cos * sx, r01 = -sin * sy, r10 = sin * sx, r11 = cos * sy;
        double m00 = r00 + a * r10, m01 = r01 + a * r11, m10 = b * r00 + r10, m11 = b * r01 + r11;
        Mat m = new Mat(2, 3, CV_64F);
        ((DoubleBuffer) m.createBuffer()).put(new double[] {m00, m01, c + tx - m00 * c - m01 * c, m10, m11, c + ty - m10 * c - m11 * c});
        return m;
    }

    private static void affine(Mat src, Mat out, Mat matrix, int border) {
        try (matrix; Size s = new Size(SIZE, SIZE); Scalar zero = new Scalar(0.0)) {
            warpAffine(src, out, matrix, s, INTER_LINEAR, border, zero);
        }
    }

    /** RandomResizedCrop's area 0.08–1 and log-uniform ratio 3/4–4/3 (ten tries, then the centre crop). */
    private int[] randomResizedCropRect() {
        for (int i = 0; i < 10; i++) {
            double area = uniform(0.08, 1.0) * SIZE * SIZE;
            double ratio = Math.exp(uniform(Math.log(0.75), Math.log(4 / 3.0)));
            int w = (int) Math.round(Math.sqrt(area * ratio)), h = (int) Math.round(Math.sqrt(area / ratio));
            if (w > 0 && h > 0 && w <= SIZE && h <= SIZE) return new int[] {rnd.nextInt(SIZE - w + 1), rnd.nextInt(SIZE - h + 1), w, h};
        }
        return new int[] {0, 0, SIZE, SIZE};
    }

    private static void resizedCrop(Mat src, Mat out, int[] r) {
        try (Rect rect = new Rect(r[0], r[1], r[2], r[3]); Mat roi = new Mat(src, rect); Size s = new Size(SIZE, SIZE)) {
            resize(roi, out, s, 0, 0, INTER_LINEAR);
        }
    }

    /** Four corners moved inwards by 5–10 % of the side, warped onto the full output. */
    private void perspective(Mat src, Mat out) {
        double[] dst = {0, 0, SIZE - 1, 0, SIZE - 1, SIZE - 1, 0, SIZE - 1};
        double[] srcPts = new double[8];
        double[][] inward = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};
        for (int i = 0; i < 4; i++) {
            srcPts[2 * i] = dst[2 * i] + inward[i][0] * uniform(0.05, 0.1) * SIZE;
            srcPts[2 * i + 1] = dst[2 * i + 1] + inward[i][1] * uniform(0.05, 0.1) * SIZE;
        }
        try (Mat a = points(srcPts); Mat b = points(dst); Mat m = org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform(a, b);
             Size s = new Size(SIZE, SIZE); Scalar zero = new Scalar(0.0)) {
            warpPerspective(src, out, m, s, INTER_LINEAR, BORDER_CONSTANT, zero);
        }
    }

    private static Mat points(double[] xy) {
        Mat m = new Mat(4, 1, opencv_core.CV_32FC2);
        FloatBuffer b = m.createBuffer();
        for (double v : xy) b.put((float) v);
        return m;
    }

    /** A random line of a 3, 5 or 7 kernel, normalised: 1.3.1's motion kernel, through filter2D. */
    private void motionBlur(Mat src, Mat out) {
        int k = 3 + 2 * rnd.nextInt(3);
        try (Mat line = new Mat(k, k, CV_8UC1, new Scalar(0.0)); Mat kernel = new Mat(); Scalar one = new Scalar(1.0)) {
            try (Point a = new Point(rnd.nextInt(k), rnd.nextInt(k)); Point b = new Point(rnd.nextInt(k), rnd.nextInt(k))) {
                line(line, a, b, one, 1, LINE_8, 0);
            }
            line.convertTo(kernel, CV_32F, 1.0 / Math.max(1, opencv_core.countNonZero(line)), 0);
            filter2D(src, out, -1, kernel);
        }
    }

    /** The OpenCV part of 1.3.1's ColorJitter on uint8: saturation (gray, replicated, weighted) and hue (HSV both ways). */
    private void colorJitter(Mat src, Mat out) {
        try (Mat g = new Mat(); Mat gray3 = new Mat(); Mat sat = new Mat(); Mat hsv = new Mat()) {
            cvtColor(src, g, COLOR_RGB2GRAY);
            cvtColor(g, gray3, COLOR_GRAY2RGB);
            opencv_core.addWeighted(src, uniform(0.8, 1.2), gray3, 0.1, 0, sat);
            cvtColor(sat, hsv, COLOR_RGB2HSV);
            cvtColor(hsv, out, COLOR_HSV2RGB);
        }
    }

    private static Mat kernel3(double alpha, double lightness) {
        Mat k = new Mat(3, 3, CV_32F);
        float[] v = new float[9];
        for (int i = 0; i < 9; i++) v[i] = (float) (-alpha);
        v[4] = (float) ((1 - alpha) + alpha * (8 + lightness));
        ((FloatBuffer) k.createBuffer()).put(v);
        return k;
    }
}
