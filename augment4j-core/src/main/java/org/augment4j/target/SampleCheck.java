package org.augment4j.target;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/** Checks that a sample's images and masks are something the transforms can work on, with messages that say why not. */
public final class SampleCheck {
    private SampleCheck() {}

    /** Images non-empty, uint8 or float32, 1/3/4 channels, all of one size; masks of that size. */
    public static void image(Sample s) {
        Mat img = s.image();
        if (img != null && img.isNull()) {
            throw new IllegalArgumentException("image has been released: was the sample it came from (or one sharing its matrices) closed?");
        }
        if (img == null || img.empty() || img.rows() == 0 || img.cols() == 0) {
            throw new IllegalArgumentException("image is empty: an image needs at least 1x1 pixels");
        }
        for (Map.Entry<String, Mat> e : s.images().entrySet()) {
            Mat m = e.getValue();
            if (m == null || m.isNull() || m.empty()) throw new IllegalArgumentException("image '" + e.getKey() + "' is " + (m != null && m.isNull() ? "released (closed)" : "empty"));
            if (m.depth() != CV_8U && m.depth() != CV_32F) {
                throw new IllegalArgumentException("image '" + e.getKey() + "' must be uint8 or float32, got " + Mats.describe(m));
            }
            int c = m.channels();
            if (c != 1 && c != 3 && c != 4) {
                throw new IllegalArgumentException("image '" + e.getKey() + "' must have 1, 3 or 4 channels, got " + c);
            }
            sameSize("image '" + e.getKey() + "'", m, img);
        }
        for (Map.Entry<String, Mat> e : s.masks().entrySet()) {
            Mat m = e.getValue();
            if (m == null || m.isNull() || m.empty()) throw new IllegalArgumentException("mask '" + e.getKey() + "' is " + (m != null && m.isNull() ? "released (closed)" : "empty"));
            sameSize("mask '" + e.getKey() + "'", m, img);
        }
    }

    private static void sameSize(String what, Mat m, Mat img) {
        if (m.rows() != img.rows() || m.cols() != img.cols()) {
            throw new IllegalArgumentException(what + " is " + m.rows() + "x" + m.cols() + " but the image is "
                    + img.rows() + "x" + img.cols() + ": every image and mask of a sample must have the same height and width");
        }
    }
}
