package org.augment4j.transform.channel;

import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;

import java.util.List;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/** Pure channel kernels: reorder channels, fill channels. Each returns a new image and releases its temporaries. */
final class ChannelKernels {
    private ChannelKernels() {}

    /** Output channel {@code i} is input channel {@code order.get(i)} (numpy's {@code img[..., order]}). */
    static Mat permute(Mat image, List<Integer> order) {
        Mat out = new Mat();
        try (MatVector planes = new MatVector(); MatVector picked = new MatVector(order.size())) {
            split(image, planes);
            for (int i = 0; i < order.size(); i++) picked.put(i, planes.get(order.get(i)));
            merge(picked, out);
        }
        return out;
    }

    /** A copy of {@code image} with the given channels set to {@code fill} (saturated for uint8). */
    static Mat fillChannels(Mat image, List<Integer> channels, double fill) {
        Mat out = new Mat();
        try (MatVector planes = new MatVector(); Mat value = Mats.scalarMat(fill)) {
            split(image, planes);
            for (int c : channels) {
                try (Mat plane = planes.get(c)) {
                    plane.setTo(value);
                }
            }
            merge(planes, out);
        }
        return out;
    }
}
