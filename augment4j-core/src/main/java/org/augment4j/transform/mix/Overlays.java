package org.augment4j.transform.mix;

import static org.bytedeco.opencv.global.opencv_core.CMP_GT;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.List;
import java.util.Map;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Kernels of {@link OverlayElements}: reading one metadata element, and pasting it into images and masks. */
final class Overlays {
    private Overlays() {}

    private static final String NAME = "OverlayElements: ";

    /**
     * One element to paste.
     *
     * @param image  the pixels
     * @param bbox   normalised {@code [x_min, y_min, x_max, y_max]}, or null for a random place
     * @param mask   one channel, non-zero where to paste, or null for everywhere
     * @param maskId the value written into masks, or null
     */
    record Element(Mat image, double[] bbox, Mat mask, Integer maskId) {}

    /** Reads and checks one metadata entry ({@code where} names it in messages). */
    static Element element(Object o, String where, Mat primary) {
        if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException(NAME + where + " must be a Map with an \"image\", got " + o);
        if (!(m.get("image") instanceof Mat image)) throw new IllegalArgumentException(NAME + where + ".image must be a Mat");
        if (image.type() != primary.type()) {
            throw new IllegalArgumentException(NAME + where + ".image is " + Mats.describe(image) + " but the image is " + Mats.describe(primary));
        }
        double[] bbox = null;
        Object b = m.get("bbox");
        if (b instanceof double[] d) bbox = d.clone();
        else if (b instanceof List<?> l) bbox = l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        else if (b != null) throw new IllegalArgumentException(NAME + where + ".bbox must be a list of 4 numbers, got " + b);
        if (bbox != null && (bbox.length < 4 || !(bbox[0] >= 0 && bbox[1] >= 0 && bbox[2] <= 1 && bbox[3] <= 1 && bbox[0] < bbox[2] && bbox[1] < bbox[3]))) {
            throw new IllegalArgumentException(NAME + where + ".bbox must be normalised [x_min, y_min, x_max, y_max] within [0, 1] with min < max, got "
                    + java.util.Arrays.toString(bbox));
        }
        Object mask = m.get("mask");
        if (mask != null && !(mask instanceof Mat mm && mm.channels() == 1)) throw new IllegalArgumentException(NAME + where + ".mask must be a one-channel Mat");
        Object id = m.get("mask_id");
        if (id != null && !(id instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()))) {
            throw new IllegalArgumentException(NAME + where + ".mask_id must be an integer, got " + id);
        }
        return new Element(image, bbox, (Mat) mask, id == null ? null : ((Number) id).intValue());
    }

    /** Pastes {@code e} at {@code p} ({@code x, y, w, h}) into every image of its type, and its id into every mask. */
    static void paste(Element e, int[] p, Map<String, Mat> images, Map<String, Mat> masks) {
        try (Rect roi = new Rect(p[0], p[1], p[2], p[3]); Size size = new Size(p[2], p[3]);
             Mat pixels = resized(e.image(), size, INTER_AREA); Mat where = where(e.mask(), size)) {
            for (Mat img : images.values()) {
                if (img.type() != pixels.type()) continue;
                try (Mat dst = new Mat(img, roi)) {
                    pixels.copyTo(dst, where);
                }
            }
            if (e.maskId() == null) return;
            try (Mat id = Mats.scalarMat(e.maskId())) {
                for (Mat mask : masks.values()) {
                    try (Mat dst = new Mat(mask, roi)) {
                        dst.setTo(id, where);
                    }
                }
            }
        }
    }

    private static Mat resized(Mat m, Size size, int interpolation) {
        Mat out = new Mat();
        if (m.cols() == size.width() && m.rows() == size.height()) m.copyTo(out);
        else resize(m, out, size, 0, 0, interpolation);
        return out;
    }

    /** A uint8 mask of the given size, 255 where the element's mask is non-zero (everywhere without a mask). */
    private static Mat where(Mat mask, Size size) {
        if (mask == null) {
            try (Scalar on = new Scalar(255.0)) {
                return new Mat(size.height(), size.width(), org.bytedeco.opencv.global.opencv_core.CV_8UC1, on);
            }
        }
        try (Mat r = resized(mask, size, INTER_NEAREST); Mat zero = Mats.scalarMat(0)) {
            Mat out = new Mat();
            compare(r, zero, out, CMP_GT);
            return out;
        }
    }
}
