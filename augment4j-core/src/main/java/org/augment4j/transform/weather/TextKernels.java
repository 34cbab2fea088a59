package org.augment4j.transform.weather;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_photo.INPAINT_TELEA;
import static org.bytedeco.opencv.global.opencv_photo.inpaint;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Text augmentation (Albumentations' word insertion, swap, deletion) and text rendering for {@link TextImage}. */
final class TextKernels {
    private TextKernels() {}

    /** Deletes {@code n} random words; nothing is left when {@code n} covers them all. */
    static String delete(List<String> words, int n, RandomGenerator rng) {
        if (n >= words.size()) return "";
        List<Integer> idx = sample(words.size(), n, rng);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) if (!idx.contains(i)) out.add(words.get(i));
        return String.join(" ", out);
    }

    /** Swaps {@code n} random pairs of words. */
    static String swap(List<String> words, int n, RandomGenerator rng) {
        List<String> w = new ArrayList<>(words);
        if (n == 0 || w.size() < 2) return String.join(" ", w);
        for (int k = 0; k < n; k++) {
            List<Integer> two = sample(w.size(), 2, rng);
            String t = w.get(two.get(0));
            w.set(two.get(0), w.get(two.get(1)));
            w.set(two.get(1), t);
        }
        return String.join(" ", w);
    }

    /** Inserts {@code n} random stopwords at random positions. */
    static String insert(List<String> words, int n, List<String> stopwords, RandomGenerator rng) {
        List<String> w = new ArrayList<>(words);
        for (int k = 0; k < n; k++) w.add(rng.nextInt(w.size() + 1), stopwords.get(rng.nextInt(stopwords.size())));
        return String.join(" ", w);
    }

    /** Python's {@code random.sample(range(n), k)}: k distinct indices in random order. */
    static List<Integer> sample(int n, int k, RandomGenerator rng) {
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) pool[i] = i;
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, n); i++) {
            int j = i + rng.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            out.add(pool[i]);
        }
        return out;
    }

    /**
     * Draws each text with its top-left at its box's top-left, antialiased with Java2D on a transparent layer, and
     * blends that layer's coverage into the image: {@code v · (1 − a) + color · a} (uint8 rounded; colour in uint8
     * units, scaled for float32). With {@code clearBg} the boxes are first inpainted (Telea, radius 3).
     */
    static Mat render(Mat image, Font font, int[][] boxes, int[] sizes, String[] texts, double[] color, boolean clearBg, String transform) {
        int h = image.rows(), w = image.cols(), c = image.channels();
        BufferedImage layer = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = layer.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            for (int i = 0; i < texts.length; i++) {
                if (texts[i].isEmpty() || sizes[i] <= 0) continue;
                g.setFont(font.deriveFont((float) sizes[i]));
                g.drawString(texts[i], boxes[i][0], boxes[i][1] + g.getFontMetrics().getAscent());
            }
        } finally {
            g.dispose();
        }
        byte[] alpha = new byte[w * h];
        int[] argb = layer.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < alpha.length; i++) alpha[i] = (byte) (argb[i] >>> 24);
        Mat base = clearBg ? clear(image, boxes, transform) : image;
        try (Mat a8 = Mats.fromBytes(alpha, h, w, 1); Mat a = new Mat(); Mat inv = new Mat(); Mat f = new Mat(); Mat kept = new Mat(); Mat ink = new Mat()) {
            a8.convertTo(a, CV_32F, 1 / 255.0, 0);
            a.convertTo(inv, CV_32F, -1, 1);
            base.convertTo(f, CV_32F);
            double scale = Mats.maxValue(image) / 255;
            double[] col = new double[c];
            for (int k = 0; k < c; k++) col[k] = (k < color.length ? color[k] : k == 3 ? 255 : color[color.length - 1]) * scale;
            try (Mat inv3 = PixelKernels.replicate(inv, c); Mat a3 = PixelKernels.replicate(a, c); Mat cm = Mats.scalarMat(Arrays.copyOf(col, 4))) {
                multiply(f, inv3, kept);
                multiply(a3, cm, ink);
                add(kept, ink, f);
            }
            Mat out = new Mat();
            f.convertTo(out, image.depth());
            return out;
        } finally {
            if (base != image) base.close();
        }
    }

    private static Mat clear(Mat image, int[][] boxes, String transform) {
        try (Mat mask = Mats.zeros(image.rows(), image.cols(), CV_8UC1); Scalar white = new Scalar(255.0)) {
            for (int[] b : boxes) {
                int x0 = Math.max(0, b[0]), y0 = Math.max(0, b[1]), x1 = Math.min(image.cols(), b[2]), y1 = Math.min(image.rows(), b[3]);
                if (x1 <= x0 || y1 <= y0) continue;
                try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0); Mat roi = mask.apply(r)) {
                    roi.put(white);
                }
            }
            java.util.function.UnaryOperator<Mat> paint = u8 -> {
                Mat out = new Mat();
                inpaint(u8, mask, out, 3, INPAINT_TELEA);
                return out;
            };
            return image.channels() == 4 ? WeatherKernels.onRgb(transform, image, paint) : WeatherKernels.onUint8(image, paint);
        }
    }
}
