package org.augment4j.transform.blur;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/** Fills chosen superpixels with their per-channel mean: two tight passes over the label and pixel buffers. */
final class SuperpixelMeans {
    private SuperpixelMeans() {}

    /**
     * In place: every superpixel whose rank among the present labels (ascending), modulo {@code flags.length}, has a
     * non-zero flag gets its per-channel mean (uint8: rounded half to even, as numpy's {@code round}).
     *
     * @param image  a continuous uint8 or float32 image
     * @param labels CV_32S labels of the same size
     */
    static void fill(Mat image, Mat labels, int[] flags) {
        int n = image.rows() * image.cols(), c = image.channels();
        IntBuffer lab = labels.createBuffer();
        int maxLabel = 0;
        for (int i = 0; i < n; i++) maxLabel = Math.max(maxLabel, lab.get(i));
        double[] sums = new double[(maxLabel + 1) * c];
        int[] counts = new int[maxLabel + 1];
        boolean f32 = Mats.isFloat(image);
        FloatBuffer fb = f32 ? image.createBuffer() : null;
        ByteBuffer bb = f32 ? null : image.createBuffer();
        for (int i = 0; i < n; i++) {
            int l = lab.get(i);
            counts[l]++;
            for (int k = 0; k < c; k++) sums[l * c + k] += f32 ? fb.get(i * c + k) : bb.get(i * c + k) & 0xff;
        }
        boolean[] replace = new boolean[maxLabel + 1];
        for (int l = 0, rank = 0; l <= maxLabel; l++) {
            if (counts[l] == 0) continue;
            replace[l] = flags[rank++ % flags.length] != 0;
        }
        float[] means = new float[(maxLabel + 1) * c];
        for (int l = 0; l <= maxLabel; l++) {
            if (!replace[l]) continue;
            for (int k = 0; k < c; k++) {
                double m = sums[l * c + k] / counts[l];
                means[l * c + k] = f32 ? (float) m : (float) Math.min(255, Math.max(0, Math.rint(m)));
            }
        }
        for (int i = 0; i < n; i++) {
            int l = lab.get(i);
            if (!replace[l]) continue;
            for (int k = 0; k < c; k++) {
                if (f32) fb.put(i * c + k, means[l * c + k]);
                else bb.put(i * c + k, (byte) (int) means[l * c + k]);
            }
        }
    }
}
