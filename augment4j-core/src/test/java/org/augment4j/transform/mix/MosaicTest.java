package org.augment4j.transform.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CMP_EQ;
import static org.bytedeco.opencv.global.opencv_core.compare;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.Keypoints;
import org.augment4j.target.Labels;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mosaic on four copies of the spatial contract's photo whose objects are renumbered (copy j holds objects
 * 3j+1..3j+3 in its mask, boxes and keypoints): the output has target_size, every box is tight on its object's mask
 * pixels, every visible object has its box, every keypoint sits on its blob and on its own object.
 */
class MosaicTest {
    private static final String KEY = "mosaic_metadata";

    /** The contract's sample with object k renumbered 3j + k. */
    static Sample copy(int j) {
        Sample s = SpatialContract.rectangles();
        for (int k = 3; k >= 1; k--) {
            try (Mat v = Mats.scalarMat(k); Mat where = new Mat(); Mat to = Mats.scalarMat(3 * j + k)) {
                compare(s.mask(), v, where, CMP_EQ);
                s.mask().setTo(to, where);
            }
        }
        List<Object> obj = new ArrayList<>(), kpObj = new ArrayList<>();
        for (Object o : s.boxes().labels().get("obj")) obj.add((Integer) o + 3 * j);
        for (Object o : s.keypoints().labels().get("kp_obj")) kpObj.add((Integer) o + 3 * j);
        return s.withBoxes(BoundingBoxes.of(s.boxes().toArray(), Labels.of(Map.of("obj", obj), obj.size())))
                .withKeypoints(Keypoints.of(s.keypoints().toArray(), Labels.of(Map.of("kp_obj", kpObj), kpObj.size())));
    }

    private static Transform mosaic(Map<String, Object> params) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("p", 1.0);
        return TransformRegistry.create("Mosaic", p);
    }

    /** Runs {@code t} on copy 0 with {@code extra} further copies; checks the labels against the mask and probe. */
    static Sample run(Transform t, int extra, long seed, int w, int h, int maskFill) {
        List<Sample> further = new ArrayList<>();
        for (int j = 1; j <= extra; j++) further.add(copy(j));
        try (Sample primary = copy(0)) {
            Sample out = SpatialContract.pipeline(t).apply(primary.withMetadata(KEY, further), seed);
            assertThat(out.width()).isEqualTo(w);
            assertThat(out.height()).isEqualTo(h);
            assertThat(out.mask().cols()).isEqualTo(w);
            assertThat(out.images().get("probe").rows()).isEqualTo(h);
            Map<Integer, int[]> bounds = SpatialContract.maskBounds(out.mask());
            bounds.remove(maskFill);
            List<Object> labels = out.boxes().labels().get("obj");
            for (int i = 0; i < out.boxes().size(); i++) {
                double[] b = out.boxes().get(i);
                double[] px = {b[0] * w, b[1] * h, b[2] * w, b[3] * h};
                int[] m = localBounds(out.mask(), (Integer) labels.get(i), px, 3);
                if (m == null) {
                    assertThat(Math.min(px[2] - px[0], px[3] - px[1])).as("box of invisible object %s", labels.get(i)).isLessThan(2);
                    continue;
                }
                for (int k = 0; k < 4; k++) {
                    assertThat(Math.abs(px[k] - m[k])).as("box %s of object %s vs its mask %s", java.util.Arrays.toString(px), labels.get(i),
                            java.util.Arrays.toString(m)).isLessThanOrEqualTo(1.0);
                }
            }
            for (Map.Entry<Integer, int[]> e : bounds.entrySet()) {
                int[] m = e.getValue();
                if (m[2] - m[0] >= 2 && m[3] - m[1] >= 2) assertThat(labels).as("object %d is visible", e.getKey()).contains(e.getKey());
            }
            ByteBuffer mask = out.mask().createBuffer(), probe = out.images().get("probe").createBuffer();
            for (int i = 0; i < out.keypoints().size(); i++) {
                double[] k = out.keypoints().get(i);
                int at = (int) Math.round(k[1]) * w + (int) Math.round(k[0]);
                assertThat(mask.get(at) & 0xff).as("keypoint %d on its object", i).isEqualTo(out.keypoints().labels().get("kp_obj").get(i));
                assertThat(probe.get(at) & 0xff).as("keypoint %d on its blob", i).isGreaterThan(150);
            }
            further.forEach(Sample::close);
            return out;
        }
    }

    /** {x1, y1, x2, y2} of the pixels of {@code value} within {@code margin} pixels of the box, or null. */
    static int[] localBounds(Mat mask, int value, double[] box, int margin) {
        int w = mask.cols(), h = mask.rows();
        ByteBuffer b = mask.createBuffer();
        int x0 = Math.max(0, (int) Math.floor(box[0]) - margin), y0 = Math.max(0, (int) Math.floor(box[1]) - margin);
        int x1 = Math.min(w, (int) Math.ceil(box[2]) + margin), y1 = Math.min(h, (int) Math.ceil(box[3]) + margin);
        int[] r = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((b.get(y * w + x) & 0xff) != value) continue;
                r[0] = Math.min(r[0], x);
                r[1] = Math.min(r[1], y);
                r[2] = Math.max(r[2], x + 1);
                r[3] = Math.max(r[3], y + 1);
            }
        }
        return r[2] < 0 ? null : r;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> items(Sample out) {
        return (List<Integer>) out.applied().get(0).params().get("item_indices");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void fourSamplesMakeOneImageWithEveryLabelOnItsPixels(long seed) {
        try (Sample out = run(mosaic(Map.of()), 3, seed, 512, 512, 0)) {
            assertThat(items(out)).containsExactlyInAnyOrder(0, 1, 2, 3);
            List<Object> objects = out.boxes().labels().get("obj");
            assertThat(objects.stream().map(o -> ((Integer) o - 1) / 3).distinct().count()).as("objects from several samples").isGreaterThan(1);
            assertThat(out.keypoints().size()).isPositive();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void containPadsWithTheFills(long seed) {
        Transform t = mosaic(Map.of("fit_mode", "contain", "fill", 77, "fill_mask", 200));
        try (Sample out = run(t, 3, seed, 512, 512, 200)) {
            assertThat(SpatialContract.maskBounds(out.mask())).containsKey(200);
            int grey = 0;
            byte[] px = Mats.toBytes(out.image());
            for (int i = 0; i < px.length; i += 3) if ((px[i] & 0xff) == 77 && (px[i + 1] & 0xff) == 77 && (px[i + 2] & 0xff) == 77) grey++;
            assertThat(grey).isGreaterThan(512 * 20);
        }
    }

    @ParameterizedTest(name = "{0}x{1} cells {2}x{3} grid {4}x{5}")
    @CsvSource({"300,500,256,320,2,2", "400,400,300,300,2,2", "200,640,200,240,1,3"})
    void outputHasTheTargetSize(int th, int tw, int ch, int cw, int rows, int cols) {
        Transform t = mosaic(Map.of("target_size", List.of(th, tw), "cell_shape", List.of(ch, cw), "grid_yx", List.of(rows, cols)));
        try (Sample out = run(t, 3, 11L, tw, th, 0)) {
            assertThat(out.boxes().size()).isPositive();
        }
    }

    @Test
    void fewerSamplesReuseThePrimary() {
        try (Sample out = run(mosaic(Map.of()), 1, 5L, 512, 512, 0)) {
            assertThat(items(out)).containsExactlyInAnyOrder(0, 0, 0, 1);
        }
        try (Sample out = run(mosaic(Map.of()), 0, 5L, 512, 512, 0)) {
            assertThat(items(out)).containsExactly(0, 0, 0, 0);
        }
        SpatialContract.assertRoundTripSameOutput(mosaic(Map.of("fit_mode", "contain")), 3L);
    }

    @Test
    void moreSamplesThanCellsAreDrawnAtRandom() {
        List<List<Integer>> seen = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            try (Sample out = run(mosaic(Map.of()), 6, seed, 512, 512, 0)) {
                List<Integer> it = items(out);
                assertThat(it).doesNotHaveDuplicates().contains(0).allMatch(i -> i >= 0 && i <= 6);
                seen.add(it.stream().sorted().toList());
            }
        }
        assertThat(seen.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void defaultsAndBadParameters() {
        assertThat(new Mosaic().toDict()).containsEntry("target_size", List.of(512, 512)).containsEntry("cell_shape", List.of(512, 512))
                .containsEntry("center_range", List.of(0.3, 0.7)).containsEntry("fit_mode", "cover").containsEntry("metadata_key", KEY)
                .containsEntry("interpolation", 1).containsEntry("mask_interpolation", 0).containsEntry("p", 0.5);
        assertThatThrownBy(() -> mosaic(Map.of("target_size", List.of(1200, 512)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target_size");
        assertThatThrownBy(() -> mosaic(Map.of("fit_mode", "stretch"))).hasMessageContaining("fit_mode");
        assertThatThrownBy(() -> mosaic(Map.of("center_range", List.of(0.8, 0.2)))).hasMessageContaining("center_range");
        assertThatThrownBy(() -> mosaic(Map.of("grid_yx", List.of(0, 2)))).hasMessageContaining("grid_yx");
        assertThatThrownBy(() -> mosaic(Map.of("interpolation", 9))).hasMessageContaining("interpolation");
        Compose c = new Compose(List.of(mosaic(Map.of())));
        try (Sample s = copy(0); Sample gray = Sample.of(Mats.zeros(50, 50, org.bytedeco.opencv.global.opencv_core.CV_8UC1))) {
            assertThatThrownBy(() -> c.apply(s.withMetadata(KEY, List.of("not a sample")), 1L)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(KEY);
            assertThatThrownBy(() -> c.apply(s.withMetadata(KEY, List.of(gray)), 1L)).hasMessageContaining("channels");
        }
    }
}
