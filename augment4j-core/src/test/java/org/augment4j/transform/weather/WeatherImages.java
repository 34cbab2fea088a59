package org.augment4j.transform.weather;

import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/** Small pixel readers for the weather tests. */
final class WeatherImages {
    private WeatherImages() {}

    static int[] u8(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }

    static double mean(Mat m) {
        double s = 0;
        if (Mats.isFloat(m)) {
            for (float v : Mats.toFloats(m)) s += v * 255;
            return s / (m.total() * m.channels());
        }
        for (int v : u8(m)) s += v;
        return s / (m.total() * m.channels());
    }

    static int changed(Mat a, Mat b) {
        int[] x = u8(a), y = u8(b);
        int n = 0;
        for (int i = 0; i < x.length; i++) if (x[i] != y[i]) n++;
        return n;
    }
}
