package org.augment4j.transform.dropout;

import static org.bytedeco.opencv.global.opencv_core.CMP_EQ;
import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponents;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.TreeSet;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Connected objects of a label mask, as skimage's {@code label}: every 8-connected region of one non-zero value is one
 * object, numbered from 1 (0 is background). The result is a {@code CV_32S} label image.
 */
final class ObjectLabels implements AutoCloseable {
    private final Mat labels;
    private final int count;

    private ObjectLabels(Mat labels, int count) {
        this.labels = labels;
        this.count = count;
    }

    /** Labels the objects of a single-channel uint8 mask. */
    public static ObjectLabels of(Mat mask) {
        if (mask.channels() != 1 || mask.depth() != CV_8U) {
            throw new IllegalArgumentException("MaskDropout needs a single-channel uint8 mask, got " + org.augment4j.opencv.Mats.describe(mask));
        }
        Mat out = org.augment4j.opencv.Mats.zeros(mask.rows(), mask.cols(), CV_32S);
        IntBuffer dst = out.createBuffer();
        int total = 0;
        // each value as a whole matrix, not a scalar operand: OpenCV would take a 1 x 1 or 4 x 1 mask for the scalar (K1)
        try (Mat one = new Mat(); Mat comp = new Mat(); Mat value = new Mat(mask.rows(), mask.cols(), CV_8U)) {
            for (int v : values(mask)) {
                try (Scalar s = new Scalar(v)) {
                    value.put(s);
                }
                compare(mask, value, one, CMP_EQ);
                int n = connectedComponents(one, comp, 8, CV_32S) - 1;
                if (n <= 0) continue;
                IntBuffer src = comp.createBuffer();
                for (int i = 0, size = (int) comp.total(); i < size; i++) {
                    int l = src.get(i);
                    if (l > 0) dst.put(i, l + total);
                }
                total += n;
            }
        }
        return new ObjectLabels(out, total);
    }

    private static TreeSet<Integer> values(Mat mask) {
        TreeSet<Integer> vals = new TreeSet<>();
        Mat c = mask.isContinuous() ? mask : mask.clone();
        ByteBuffer b = c.createBuffer();
        int[] seen = new int[256];
        for (int i = 0, n = (int) c.total(); i < n; i++) seen[b.get(i) & 0xff] = 1;
        for (int v = 1; v < 256; v++) if (seen[v] == 1) vals.add(v);
        if (c != mask) c.close();
        return vals;
    }

    /** The {@code CV_32S} label image (0 = background). */
    public Mat labels() {
        return labels;
    }

    /** How many objects there are. */
    public int count() {
        return count;
    }

    /** The label at a pixel. */
    public int at(int x, int y) {
        return ((IntBuffer) labels.createBuffer()).get(y * (int) (labels.step() / 4) + x);
    }

    @Override
    public void close() {
        labels.close();
    }
}
