package org.augment4j.transform.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.opencv.Mats;
import org.augment4j.transform.BoxMethod;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rotate with crop_border is, as in Albumentations, the full-frame rotation sliced to the largest upright rectangle:
 * pixels equal to the slice of the uncropped output (a warp straight into the rectangle would round OpenCV's
 * fixed-point coordinates from another origin and differ by a few levels at edges), labels carried into the slice.
 */
class RotateCropBorderTest {

    private static Rotate rotate(double angle, boolean cropBorder) {
        return new Rotate(Range.fixed(angle), Resampling.defaults(), BoxMethod.LARGEST_BOX, cropBorder, 1);
    }

    private static byte[] slice(Mat m, int[] r) {
        try (Rect rect = new Rect(r[0], r[1], r[2] - r[0], r[3] - r[1]); Mat roi = new Mat(m, rect); Mat copy = roi.clone()) {
            return Mats.toBytes(copy);
        }
    }

    @ParameterizedTest(name = "angle {0}")
    @ValueSource(doubles = {-25, 13.7, 41, -88.2, 120})
    void isTheSliceOfTheFullFrameRotation(double angle) {
        try (Sample in = SpatialContract.rectangles();
             Sample full = SpatialContract.pipeline(rotate(angle, false)).apply(in, 1L);
             Sample cropped = SpatialContract.pipeline(rotate(angle, true)).apply(in, 1L)) {
            int[] r = Rotate.largestInscribedRect(in.width(), in.height(), angle);
            assertThat(cropped.width()).isEqualTo(r[2] - r[0]);
            assertThat(cropped.height()).isEqualTo(r[3] - r[1]);
            assertThat(Mats.toBytes(cropped.image())).isEqualTo(slice(full.image(), r));
            assertThat(Mats.toBytes(cropped.images().get("probe"))).isEqualTo(slice(full.images().get("probe"), r));
            assertThat(Mats.toBytes(cropped.mask())).isEqualTo(slice(full.mask(), r));
            assertThat(cropped.steps()).as("the rotation and the slice, each recorded").hasSize(2);
        }
    }

    /** The labels follow the rotation and then the slice: keypoints move by the slice's corner. */
    @ParameterizedTest(name = "angle {0}")
    @ValueSource(doubles = {-25, 30})
    void keypointsMoveByTheSliceCorner(double angle) {
        try (Sample in = SpatialContract.rectangles();
             Sample full = rotate(angle, false).apply(in, new Rotate.Angle(angle));
             Sample cropped = rotate(angle, true).apply(in, new Rotate.Angle(angle))) {
            int[] r = Rotate.largestInscribedRect(in.width(), in.height(), angle);
            for (int i = 0; i < in.keypoints().size(); i++) {
                assertThat(cropped.keypoints().get(i)[0]).isCloseTo(full.keypoints().get(i)[0] - r[0], offset(1e-9));
                assertThat(cropped.keypoints().get(i)[1]).isCloseTo(full.keypoints().get(i)[1] - r[1], offset(1e-9));
            }
        }
    }
}
