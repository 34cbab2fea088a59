package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * The lossy round trip behind ImageCompression and JpegCompression: OpenCV {@code imencode} / {@code imdecode} at a
 * quality, on the channels as given (an RGB image is handed to the codec as it is, as Albumentations does). 1 channel is
 * coded as grayscale; 3 together; of 4 or more, the first three together and each further channel as grayscale; of 2,
 * each as grayscale. Float32 images are coded as {@code rint(x · 255)} and divided by 255 again.
 */
final class Compression {
    private Compression() {}

    /** Encodes and decodes {@code image} as {@code ".jpg"} or {@code ".webp"}; a new image of the same shape and depth. */
    static Mat roundTrip(Mat image, String ext, int quality) {
        int flag = ".webp".equals(ext) ? IMWRITE_WEBP_QUALITY : IMWRITE_JPEG_QUALITY;
        try (Mat u8 = BlurKernels.toUint8(image); Mat coded = codedChannels(u8, ext, flag, quality)) {
            return BlurKernels.fromUint8(coded, image);
        }
    }

    private static Mat codedChannels(Mat u8, String ext, int flag, int quality) {
        int c = u8.channels();
        if (c == 1 || c == 3) return code(u8, ext, flag, quality, c == 1 ? IMREAD_GRAYSCALE : IMREAD_UNCHANGED);
        try (MatVector planes = new MatVector(); MatVector outPlanes = new MatVector(c)) {
            split(u8, planes);
            int first = 0;
            if (c > 3) {
                try (MatVector rgbPlanes = new MatVector(planes.get(0), planes.get(1), planes.get(2)); Mat rgb = new Mat(); MatVector back = new MatVector()) {
                    merge(rgbPlanes, rgb);
                    try (Mat coded = code(rgb, ext, flag, quality, IMREAD_UNCHANGED)) {
                        split(coded, back);
                        for (int i = 0; i < 3; i++) outPlanes.put(i, back.get(i).clone());
                    }
                }
                first = 3;
            }
            for (int i = first; i < c; i++) outPlanes.put(i, code(planes.get(i), ext, flag, quality, IMREAD_GRAYSCALE));
            Mat out = new Mat();
            merge(outPlanes, out);
            for (int i = 0; i < c; i++) outPlanes.get(i).close();
            return out;
        }
    }

    private static Mat code(Mat u8, String ext, int flag, int quality, int readFlag) {
        try (BytePointer buf = new BytePointer(); IntPointer params = new IntPointer(flag, quality)) {
            if (!imencode(ext, u8, buf, params)) throw new IllegalStateException("OpenCV could not encode " + ext);
            try (Mat bytes = new Mat(1, (int) buf.limit(), CV_8U, buf)) {
                Mat out = imdecode(bytes, readFlag);
                if (out == null || out.empty()) throw new IllegalStateException("OpenCV could not decode its own " + ext);
                return out;
            }
        }
    }
}
