package org.augment4j.transform.weather;

import static org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.magnitude;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.repeat;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import java.nio.FloatBuffer;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The two sun-flare renderings of {@link RandomSunFlare} on uint8 RGB images. A circle row is
 * {@code [x, y, radius³, r, g, b]} with its own alpha.
 */
final class SunFlareKernels {
    private SunFlareKernels() {}

    /** Alpha-blends the flare circles, then the sun as {@code src_radius // 10} concentric discs of rising opacity. */
    static Mat overlay(Mat u8, int[] center, int srcRadius, double[] srcColor, double[] alphas, int[][] circles) {
        Mat overlay = u8.clone();
        Mat output = u8.clone();
        try (overlay) {
            double weighted = 0, total = 0;
            for (int i = 0; i < circles.length; i++) {
                int[] c = circles[i];
                weighted += alphas[i] * c[2];
                total += c[2];
                try (Point p = new Point(c[0], c[1]); Scalar color = new Scalar(c[3], c[4], c[5], 0)) {
                    circle(overlay, p, c[2], color, -1, LINE_8, 0);
                }
                addWeighted(overlay, alphas[i], output, 1 - alphas[i], 0, output);
            }
            int n = srcRadius / 10;
            double maxAlpha = total == 0 ? 0 : Math.min(weighted / total * 5, 1);
            try (Point p = new Point(center[0], center[1]); Scalar color = Mats.scalar(srcColor)) {
                for (int i = 0; i < n; i++) {
                    circle(overlay, p, (int) linspace(1, srcRadius, n, i), color, -1, LINE_8, 0);
                    double a = linspace(0, maxAlpha, n, n - i - 1);
                    double alp = a * a * a;
                    addWeighted(overlay, alp, output, 1 - alp, 0, output);
                }
            }
            return output;
        } catch (RuntimeException e) {
            output.close();
            throw e;
        }
    }

    /** numpy's {@code linspace(a, b, n)[i]}. */
    static double linspace(double a, double b, int n, int i) {
        return n == 1 ? a : a + (b - a) * i / (n - 1);
    }

    /**
     * The sun, four diffraction spikes and the circles on a float layer, blurred (σ 15), faded radially to nothing at
     * 0.7 · max(h, w), channel 0 blurred by σ 3 and channel 2 by σ 5, then screen-blended: {@code 255 − (255 − v)(255 − f)/255}.
     */
    static Mat physics(Mat u8, int[] center, int srcRadius, double[] srcColor, int[][] circles) {
        int h = u8.rows(), w = u8.cols();
        int size = Math.max(h, w);
        try (Mat layer = Mats.zeros(h, w, CV_32FC3); Point c = new Point(center[0], center[1]); Scalar color = Mats.scalar(srcColor);
             Size none = new Size(0, 0); Mat xs = new Mat(1, w, CV_32F); Mat ys = new Mat(h, 1, CV_32F); Mat gx = new Mat(); Mat gy = new Mat();
             Mat fade = new Mat(); MatVector planes = new MatVector(); Mat inv = new Mat(); Mat invFlare = new Mat(); Mat prod = new Mat()) {
            circle(layer, c, srcRadius, color, -1, LINE_8, 0);
            for (int angle : new int[] {0, 45, 90, 135}) {
                double r = Math.toRadians(angle);
                try (Point end = new Point((int) (center[0] + Math.cos(r) * size), (int) (center[1] + Math.sin(r) * size))) {
                    line(layer, c, end, color, 2, LINE_8, 0);
                }
            }
            for (int[] k : circles) {
                try (Point p = new Point(k[0], k[1]); Scalar col = new Scalar(k[3], k[4], k[5], 0)) {
                    circle(layer, p, (int) Math.pow(k[2], 0.33), col, -1, LINE_8, 0);
                }
            }
            GaussianBlur(layer, layer, none, 15, 15, BORDER_DEFAULT, 0);
            FloatBuffer bx = xs.createBuffer(), by = ys.createBuffer();
            for (int x = 0; x < w; x++) bx.put(x, x - center[0]);
            for (int y = 0; y < h; y++) by.put(y, y - center[1]);
            repeat(xs, h, 1, gx);
            repeat(ys, 1, w, gy);
            magnitude(gx, gy, fade);
            fade.convertTo(fade, CV_32F, -1.0 / (size * 0.7), 1);
            PixelKernels.clipInPlace(fade, 0, 1);
            split(layer, planes);
            for (int i = 0; i < 3; i++) multiply(planes.get(i), fade, planes.get(i));
            GaussianBlur(planes.get(0), planes.get(0), none, 3, 3, BORDER_DEFAULT, 0);
            GaussianBlur(planes.get(2), planes.get(2), none, 5, 5, BORDER_DEFAULT, 0);
            merge(planes, layer);
            u8.convertTo(inv, CV_32F, -1, 255);
            layer.convertTo(invFlare, CV_32F, -1, 255);
            multiply(inv, invFlare, prod, 1 / 255.0, -1);
            prod.convertTo(prod, CV_32F, -1, 255);
            return PixelKernels.truncateToUint8(prod);
        }
    }
}
