package org.augment4j.transform.warp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.augment4j.SmallSample.assertClose;
import static org.augment4j.SmallSample.assertRows;

import org.augment4j.Semantics;
import org.augment4j.SmallSample;
import org.augment4j.transform.BoxMethod;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.junit.jupiter.api.Test;

/**
 * SafeRotate under Albumentations 1.3.1 and 2.0.8 semantics. The 1.3.1 values were printed by Albumentations 1.3.1
 * (OpenCV 4.6.0) on {@link SmallSample} with the same pipeline file.
 */
class SafeRotateSemanticsTest {
    private static String file(int angle) {
        return """
                {"__class_fullname__": "SafeRotate", "always_apply": false, "p": 1, "limit": [%d, %d], "interpolation": 1,
                 "border_mode": 0, "value": 7, "mask_value": null}""".formatted(angle, angle);
    }

    @Test
    void from131FileRotatesAboutTheEdgeCentreOnACeiledCanvas() {
        SmallSample.Result r = SmallSample.run("1.3.1", file(-35));
        assertThat(r.maskRows()).isEqualTo(new int[][] {
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0},
            {0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0}, {0, 2, 2, 2, 1, 2, 2, 2, 1, 2, 2, 2}, {0, 3, 2, 2, 3, 3, 2, 2, 3, 3, 2, 2},
            {0, 0, 3, 0, 3, 3, 3, 0, 3, 3, 3, 0}, {0, 0, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0}, {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}});
        assertClose(r.channel(0), new int[][] {
            {7, 7, 7, 7, 6, 6, 7, 7, 7, 7, 7, 7}, {7, 7, 7, 8, 18, 16, 14, 7, 7, 7, 7, 7}, {7, 7, 7, 43, 41, 39, 37, 34, 24, 7, 7, 7},
            {7, 7, 57, 67, 65, 62, 60, 58, 55, 53, 23, 7}, {7, 64, 93, 91, 88, 86, 84, 82, 79, 77, 74, 65},
            {27, 118, 116, 114, 112, 109, 107, 105, 102, 100, 98, 52}, {7, 7, 87, 137, 135, 133, 130, 128, 126, 124, 88, 7},
            {7, 7, 7, 20, 133, 156, 154, 152, 149, 129, 7, 7}, {7, 7, 7, 7, 7, 58, 177, 175, 173, 7, 7, 7}, {7, 7, 7, 7, 7, 7, 7, 105, 36, 7, 7, 7}});
        assertThat(r.pixel(0, 0)).as("1.3.1 hands value 7 to OpenCV as Scalar(7)").containsExactly(7, 0, 0);
        assertRows(r.boxes(), new double[][] {{2.9281798339162806, 1.1596935256805014, 7.720729309053138, 5.0},
            {3.1426334774901035, 3.0543545147991895, 10.254821566057752, 9.096291488159808}}, 1e-9);
        // 1.3.1 adds the angle in degrees to the keypoint angle in radians: 30° + (−35 rad) = 184.6477…°
        assertRows(r.keypoints(), new double[][] {{4.402908521659594, 2.5421188537611448, 184.64771704211887, 1.5},
            {7.612546207179497, 6.894660989118688, 144.6477170421187, 0.75}, {7.351090857030581, 8.8403064743195, 154.6477170421187, 0.75},
            {4.464727437015959, 0.2892382252804779, 244.64771704211879, 0.75}}, 1e-9);
    }

    @Test
    void from131FileClipsKeypointsIntoTheImage() {
        SmallSample.Result r = SmallSample.run("1.3.1", file(90));
        // (0, 0) lands on y = 10.0, outside a 10-row image: 1.3.1 clips it to row 9 and keeps it
        assertRows(r.keypoints(), new double[][] {{3.5999999999999988, 8.333333333333334, 146.62015617740926, 2.4},
            {7.5, 2.083333333333333, 106.62015617740889, 1.2}, {10.799999999999997, 0.8333333333333339, 116.62015617740909, 1.2},
            {0.0, 9.0, 206.62015617740877, 1.2}}, 1e-9);
        assertRows(r.boxes(), new double[][] {{1.1999999999999988, 5.0, 5.999999999999999, 9.166666666666666},
            {2.6999999999999993, 0.8333333333333321, 11.399999999999999, 6.25}}, 1e-9);
        assertThat(r.maskRows()[1]).containsExactly(2, 2, 2, 3, 3, 3, 3, 0, 0, 0, 0, 1);
        assertClose(new int[][] {r.channel(0)[9]}, new int[][] {{8, 19, 30, 41, 52, 62, 73, 84, 95, 106, 117, 107}});

        SmallSample.Result now = SmallSample.run("2.0.8", file(90));
        assertThat(Math.hypot(now.keypoints()[3][0], now.keypoints()[3][1] - 9)).as("2.x maps (0, 0) about the pixel centre, unclipped")
                .isGreaterThan(0.4);
        assertThat(SmallSample.run("2.0.8", file(-35)).pixel(0, 0)).as("2.x fills every channel").containsExactly(7, 7, 7);
    }

    @Test
    void canvasIsCeiledIn13AndTruncatedIn2() {
        assertThat(SafeRotate.canvas(-35, 12, 10, true)).containsExactly(16, 16);
        assertThat(SafeRotate.canvas(-35, 12, 10, false)).containsExactly(15, 15);
        SafeRotate t = new SafeRotate(Range.fixed(-35), Resampling.defaults(), BoxMethod.LARGEST_BOX, 1);
        assertThat(t.withSemantics(Semantics.ALBUMENTATIONS_2)).isSameAs(t);
        assertThat(t.withSemantics(Semantics.ALBUMENTATIONS_1_3)).isNotSameAs(t).satisfies(u -> assertThat(u.toDict()).isEqualTo(t.toDict()));
    }
}
