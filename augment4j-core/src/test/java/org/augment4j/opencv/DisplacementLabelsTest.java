package org.augment4j.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.augment4j.internal.DisplacementLabels;
import org.augment4j.internal.geometry.DisplacementGeometry;
import org.junit.jupiter.api.Test;

/** Boxes and keypoints carried through displacement maps. */
class DisplacementLabelsTest {

    /** Row-constant x map and column-constant y map of {@code w × h}. */
    private static DisplacementGeometry separable(float[] xx, float[] yy) {
        int w = xx.length, h = yy.length;
        float[] mx = new float[w * h], my = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mx[y * w + x] = xx[x];
                my[y * w + x] = yy[y];
            }
        }
        return new DisplacementGeometry(Mats.fromFloats(mx, h, w, 1), Mats.fromFloats(my, h, w, 1));
    }

    /**
     * The maps of Albumentations 1.3.1's GridDistortion (11 × 7, num_steps 3, steps x {1.2, 0.7, 1.1, 0.9}, y {0.8,
     * 1.3, 1.0, 1.25}) and the boxes its {@code apply_to_bbox} returns for them (box pixels {@code int()}-truncated,
     * the mask warped with nearest neighbour, the box re-fitted).
     */
    @Test
    void boxesFollowAlbumentationsWarpedMask() {
        float[] xx = {0f, 1.7999999523162842f, 3.5999999046325684f, 3.5999999046325684f, 4.650000095367432f, 5.699999809265137f,
            5.699999809265137f, 7.349999904632568f, 9f, 9f, 11f};
        float[] yy = {0f, 1.600000023841858f, 1.600000023841858f, 4.199999809265137f, 4.199999809265137f, 6.199999809265137f, 6.199999809265137f};
        double[][] in = {{1.5, 0.25, 6.75, 5.0}, {0, 0, 11, 7}, {4, 2, 5, 3}, {9.9, 6.5, 11, 7}, {2.0, 2.0, 2.9, 6.0}};
        double[][] want = {{1, 0, 5, 5}, {0, 0, 10, 7}, {2, 1, 4, 3}, {8, 5, 10, 7}, {0, 0, 0, 0}};
        double[][] boxes = new double[in.length][];
        for (int i = 0; i < in.length; i++) boxes[i] = new double[] {in[i][0] / 11, in[i][1] / 7, in[i][2] / 11, in[i][3] / 7};
        try (DisplacementGeometry g = separable(xx, yy)) {
            double[][] out = DisplacementLabels.boxes(boxes, g, 11, 7);
            for (int i = 0; i < in.length; i++) {
                double[] px = {out[i][0] * 11, out[i][1] * 7, out[i][2] * 11, out[i][3] * 7};
                assertThat(px).as("box %d", i).containsExactly(want[i], offset(1e-9));
            }
        }
    }

    /**
     * A keypoint whose Newton step lands on a flat pixel interval (Albumentations' grid repeats each node on two
     * neighbouring pixels) is still found: cell 0 samples linspace(0, 150, 100), cell 1 linspace(150, 348, 100); the
     * source x = 149 is output x = 149 · 99 / 150, where the first step from 149 lands at 99.5, between the two 150s.
     */
    @Test
    void keypointsCrossFlatIntervals() {
        float[] xx = new float[200], yy = new float[5];
        for (int x = 0; x < 100; x++) xx[x] = (float) (x * 150.0 / 99);
        for (int x = 100; x < 200; x++) xx[x] = 150 + 2f * (x - 100);
        for (int y = 0; y < 5; y++) yy[y] = y;
        try (DisplacementGeometry g = separable(xx, yy)) {
            double[][] out = DisplacementLabels.keypoints(new double[][] {{149, 2, 0, 1}}, g);
            assertThat(out[0][0]).isCloseTo(149 * 99 / 150.0, offset(1e-4));
            assertThat(out[0][1]).isCloseTo(2, offset(1e-9));
        }
    }
}
