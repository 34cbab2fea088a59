package org.augment4j.transform.warp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.TargetCodec;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RandomGridShuffle on the contract's photo: pixels, masks and keypoints move exactly with their tiles, and the boxes are
 * exactly the 8-connected pieces of their object (the objects are their boxes, so this is 2.0.8's box rule checked
 * against the shuffled mask, tolerance 0). The contract harness itself is not used: its objects span tiles, so each
 * object becomes several boxes, which it would compare with the bounds of all the pieces together.
 */
class RandomGridShuffleTest {

    @ParameterizedTest(name = "grid {0}x{1} seed {2}")
    @CsvSource({"3,3,0", "3,3,1", "3,3,2", "3,3,3", "3,3,4", "3,3,5", "2,3,6", "2,3,7", "4,5,8", "4,5,9", "1,1,10"})
    void everythingMovesWithItsTile(int rows, int cols, long seed) {
        RandomGridShuffle t = new RandomGridShuffle(rows, cols, 1);
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(t).apply(in, seed)) {
            assertThat(new int[] {out.width(), out.height()}).containsExactly(600, 400);
            byte[] a = Mats.toBytes(in.image()), b = Mats.toBytes(out.image());
            Arrays.sort(a);
            Arrays.sort(b);
            assertThat(b).isEqualTo(a);
            if (rows * cols == 1) assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(in.image()));
            // Keypoints: same count, each on the probe pixel it sat on, moved by whole tiles.
            assertThat(out.keypoints().size()).isEqualTo(in.keypoints().size());
            Mat pin = in.images().get("probe"), pout = out.images().get("probe");
            for (int i = 0; i < in.keypoints().size(); i++) {
                double[] k0 = in.keypoints().get(i), k1 = out.keypoints().get(i);
                assertThat(at(pout, k1[0], k1[1])).isEqualTo(at(pin, k0[0], k0[1])).isGreaterThan(40);
                assertThat(at(out.mask(), k1[0], k1[1])).isEqualTo(at(in.mask(), k0[0], k0[1]));
            }
            // Boxes: exactly the 8-connected pieces of each object in the shuffled mask.
            for (int obj = 1; obj <= 3; obj++) {
                List<double[]> got = new ArrayList<>();
                for (int i = 0; i < out.boxes().size(); i++) {
                    if (out.boxes().labels().get("obj").get(i).equals(obj)) {
                        double[] bx = out.boxes().get(i);
                        got.add(new double[] {bx[0] * 600, bx[1] * 400, bx[2] * 600, bx[3] * 400});
                    }
                }
                List<int[]> want = pieces(out.mask(), obj);
                assertThat(got).as("object %d", obj).hasSameSizeAs(want);
                got.sort(Comparator.<double[]>comparingDouble(x -> x[1]).thenComparingDouble(x -> x[0]));
                want.sort(Comparator.<int[]>comparingInt(x -> x[1]).thenComparingInt(x -> x[0]));
                for (int i = 0; i < got.size(); i++) {
                    assertThat(got.get(i)).containsExactly(Arrays.stream(want.get(i)).asDoubleStream().toArray(), within(1e-9));
                }
            }
        }
        SpatialContract.assertRoundTripSameOutput(t, seed);
    }

    private static int at(Mat m, double x, double y) {
        ByteBuffer b = m.createBuffer();
        return b.get((int) Math.round(y) * (int) m.step() + (int) Math.round(x)) & 0xff;
    }

    /** {x1, y1, x2, y2} of each 8-connected component of {@code mask == value}. */
    private static List<int[]> pieces(Mat mask, int value) {
        List<int[]> out = new ArrayList<>();
        try (Mat eq = new Mat(); Mat v = Mats.scalarMat(value); Mat labels = new Mat(); Mat stats = new Mat(); Mat cent = new Mat()) {
            opencv_core.compare(mask, v, eq, opencv_core.CMP_EQ);
            int n = opencv_imgproc.connectedComponentsWithStats(eq, labels, stats, cent, 8, CV_32S);
            IntBuffer s = stats.createBuffer();
            for (int c = 1; c < n; c++) {
                int l = s.get(c * 5), t = s.get(c * 5 + 1);
                out.add(new int[] {l, t, l + s.get(c * 5 + 2), t + s.get(c * 5 + 3)});
            }
        }
        return out;
    }

    /** A 200 × 100 image cut into two 100 × 100 tiles with a box across the cut. */
    private static Sample twoTiles() {
        Mat img = new Mat(100, 200, CV_8UC3, new Scalar(90.0, 90.0, 90.0, 0.0));
        Mat mask = Mats.zeros(100, 200, CV_8UC1);
        Map<String, List<?>> labels = Map.of("obj", List.of("across", "inside"));
        double[][] boxes = {{50, 10, 150, 40}, {110, 60, 180, 90}};
        return Sample.builder().image(img).mask(mask).build()
                .withBoxes(TargetCodec.decodeBoxes(boxes, labels, BboxParams.of(BboxFormat.PASCAL_VOC, "obj"), 200, 100));
    }

    @Test
    void aBoxInOneTileMovesWholeAndABoxAcrossTilesSplitsOrIsDroppedByMinVisibility() {
        for (double minVis : new double[] {0, 0.6}) {
            BboxParams bp = BboxParams.of(BboxFormat.PASCAL_VOC, "obj").withMinVisibility(minVis);
            Compose c = new Compose(List.of(new RandomGridShuffle(1, 2, 1)), 1.0, bp, null, Map.of(), null);
            boolean sawSwap = false, sawStay = false;
            for (long seed = 0; seed < 12; seed++) {
                try (Sample in = twoTiles(); Sample out = c.apply(in, seed)) {
                    int[] mapping = toInts(out.applied().get(0).params().get("mapping"));
                    boolean swapped = mapping[0] == 1;
                    sawSwap |= swapped;
                    sawStay |= !swapped;
                    Map<String, List<double[]>> byLabel = new HashMap<>();
                    for (int i = 0; i < out.boxes().size(); i++) {
                        double[] b = out.boxes().get(i);
                        byLabel.computeIfAbsent((String) out.boxes().labels().get("obj").get(i), k -> new ArrayList<>())
                                .add(new double[] {b[0] * 200, b[1] * 100, b[2] * 200, b[3] * 100});
                    }
                    assertThat(byLabel.get("inside")).singleElement().satisfies(b ->
                            assertThat(b).containsExactly(swapped ? new double[] {10, 60, 80, 90} : new double[] {110, 60, 180, 90}, within(1e-9)));
                    List<double[]> across = byLabel.getOrDefault("across", List.of());
                    if (!swapped) {
                        assertThat(across).singleElement().satisfies(b -> assertThat(b).containsExactly(new double[] {50, 10, 150, 40}, within(1e-9)));
                    } else if (minVis == 0) {
                        across.sort(Comparator.comparingDouble(b -> b[0]));
                        assertThat(across).hasSize(2);
                        assertThat(across.get(0)).containsExactly(new double[] {0, 10, 50, 40}, within(1e-9));
                        assertThat(across.get(1)).containsExactly(new double[] {150, 10, 200, 40}, within(1e-9));
                    } else {
                        assertThat(across).as("each half keeps only 50%% of the box").isEmpty();
                    }
                }
            }
            assertThat(sawSwap && sawStay).isTrue();
        }
    }

    private static int[] toInts(Object list) {
        return ((List<?>) list).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    @Test
    void tilesDifferByAtMostOnePixelAndOnlyTradePlacesWithTheirOwnSize() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            int[][] tiles = GridTiles.split(10, 7, 3, 3, rng);
            int area = 0;
            for (int[] t : tiles) {
                assertThat(t[2] - t[0]).isBetween(3, 4);
                assertThat(t[3] - t[1]).isBetween(2, 3);
                area += (t[2] - t[0]) * (t[3] - t[1]);
            }
            assertThat(area).isEqualTo(70);
            int[] m = GridTiles.shuffleWithinShapes(tiles, rng);
            assertThat(Arrays.stream(m).sorted().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
            for (int k = 0; k < m.length; k++) {
                assertThat(tiles[m[k]][2] - tiles[m[k]][0]).isEqualTo(tiles[k][2] - tiles[k][0]);
                assertThat(tiles[m[k]][3] - tiles[m[k]][1]).isEqualTo(tiles[k][3] - tiles[k][1]);
            }
        }
    }

    @Test
    void rejectsBadParametersAndForeignTiles() {
        assertThatThrownBy(() -> TransformRegistry.create("RandomGridShuffle", Map.of("grid", List.of(0, 3))))
                .isInstanceOf(PipelineException.class).hasMessageContaining("RandomGridShuffle").hasMessageContaining("grid");
        assertThatThrownBy(() -> TransformRegistry.create("RandomGridShuffle", Map.of("grid", List.of(3))))
                .isInstanceOf(PipelineException.class).hasMessageContaining("grid");
        assertThat(TransformRegistry.create("RandomGridShuffle", Map.of()).toDict()).containsEntry("grid", List.of(3, 3)).containsEntry("p", 0.5);
        try (Sample in = twoTiles()) {
            Map<String, Object> forced = Map.of("tiles", List.of(List.of(0, 0, 100, 100), List.of(0, 100, 100, 300)), "mapping", List.of(1, 0));
            assertThatThrownBy(() -> new RandomGridShuffle(1, 2, 1).applyForced(in, new SplittableRandom(0), forced))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tile 1");
        }
    }
}
