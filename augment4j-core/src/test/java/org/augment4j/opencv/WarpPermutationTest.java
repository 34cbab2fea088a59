package org.augment4j.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_core.transpose;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;

import java.util.function.BiConsumer;
import org.augment4j.internal.Warp;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.KeypointRule;
import org.augment4j.internal.geometry.Matrix;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Flips, quarter and half turns (3-channel uint8 ones widened to 4 channels on the way) give OpenCV's own bytes. */
class WarpPermutationTest {

    @ParameterizedTest(name = "{0} on {1} channel(s)")
    @CsvSource({"hflip,3", "vflip,3", "rot180,3", "transpose,3", "rot90ccw,3", "rot90cw,3", "hflip,1", "rot90cw,4", "rot180,2"})
    void permutationsEqualOpenCvsOwnOperations(String op, int channels) {
        int w = 37, h = 23;
        try (Mat parent = new Mat(h + 4, w + 6, CV_8UC(channels)); Mat lo = Mats.scalarMat(0, 0, 0, 0); Mat hi = Mats.scalarMat(256, 256, 256, 256)) {
            randu(parent, lo, hi);
            try (Rect r = new Rect(2, 3, w, h); Mat src = new Mat(parent, r); Mat expected = new Mat(); Scalar zero = new Scalar(0.0)) {
                Matrix m = switch (op) {
                    case "hflip" -> Matrix.affine(-1, 0, w - 1, 0, 1, 0);
                    case "vflip" -> Matrix.affine(1, 0, 0, 0, -1, h - 1);
                    case "rot180" -> Matrix.affine(-1, 0, w - 1, 0, -1, h - 1);
                    case "transpose" -> Matrix.affine(0, 1, 0, 1, 0, 0);
                    case "rot90ccw" -> Matrix.affine(0, 1, 0, -1, 0, w - 1);
                    default -> Matrix.affine(0, -1, h - 1, 1, 0, 0);
                };
                BiConsumer<Mat, Mat> direct = switch (op) {
                    case "hflip" -> (a, b) -> flip(a, b, 1);
                    case "vflip" -> (a, b) -> flip(a, b, 0);
                    case "rot180" -> (a, b) -> rotate(a, b, ROTATE_180);
                    case "transpose" -> (a, b) -> transpose(a, b);
                    case "rot90ccw" -> (a, b) -> rotate(a, b, ROTATE_90_COUNTERCLOCKWISE);
                    default -> (a, b) -> rotate(a, b, ROTATE_90_CLOCKWISE);
                };
                direct.accept(src, expected);
                AffineGeometry g = AffineGeometry.of(m, KeypointRule.identity(), expected.cols(), expected.rows());
                try (Mat out = Warp.affine(src, g, INTER_LINEAR, BORDER_CONSTANT, zero)) {
                    assertThat(out.channels()).isEqualTo(channels);
                    assertThat(Mats.toBytes(out)).isEqualTo(Mats.toBytes(expected));
                }
            }
        }
    }
}
