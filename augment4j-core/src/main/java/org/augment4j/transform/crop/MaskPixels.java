package org.augment4j.transform.crop;

import static org.bytedeco.opencv.global.opencv_core.CMP_NE;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.bitwise_or;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.findNonZero;

import java.nio.IntBuffer;
import java.util.Collection;
import java.util.Set;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds the labelled pixels of masks for {@link CropNonEmptyMaskIfExists}. */
final class MaskPixels {
    private MaskPixels() {}

    /**
     * A uint8 mask, 255 where any of {@code masks} has a value that is non-zero and not in {@code ignoreValues}, in a
     * channel not in {@code ignoreChannels}. The caller closes it.
     */
    static Mat labelled(Collection<Mat> masks, int[] ignoreValues, Set<Integer> ignoreChannels) {
        Mat out = null;
        for (Mat m : masks) {
            for (int c = 0; c < m.channels(); c++) {
                if (m.channels() > 1 && ignoreChannels.contains(c)) continue;
                try (Mat ch = new Mat(); Mat nz = new Mat()) {
                    extractChannel(m, ch, c);
                    try (Mat zero = Mats.scalarMat(0)) {
                        compare(ch, zero, nz, CMP_NE);
                    }
                    for (int v : ignoreValues) {
                        try (Mat value = Mats.scalarMat(v); Mat ne = new Mat()) {
                            compare(ch, value, ne, CMP_NE);
                            bitwise_and(nz, ne, nz);
                        }
                    }
                    if (out == null) {
                        out = nz.clone();
                    } else {
                        bitwise_or(out, nz, out);
                    }
                }
            }
        }
        return out;
    }

    /** The number of non-zero pixels. */
    static int count(Mat mask) {
        return countNonZero(mask);
    }

    /** {@code {x, y}} of the {@code k}-th (0-based) non-zero pixel of {@code mask}, in row-major order. */
    static int[] nth(Mat mask, int k) {
        try (Mat points = new Mat()) {
            findNonZero(mask, points);
            IntBuffer b = points.createBuffer();
            return new int[] {b.get(2 * k), b.get(2 * k + 1)};
        }
    }
}
