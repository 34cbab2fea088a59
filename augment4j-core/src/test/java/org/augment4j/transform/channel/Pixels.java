package org.augment4j.transform.channel;

import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/** Test helpers: pixel values as ints or doubles, channel statistics. */
final class Pixels {
    private Pixels() {}

    static int[] u8(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
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

    static double channelMean(double[] v, int n, int c) {
        double s = 0;
        int count = 0;
        for (int i = c; i < v.length; i += n, count++) s += v[i];
        return s / count;
    }

    /** Channel {@code c} of an HWC array with {@code n} channels. */
    static double[] channel(double[] v, int n, int c) {
        double[] out = new double[v.length / n];
        for (int i = 0; i < out.length; i++) out[i] = v[i * n + c];
        return out;
    }
}
