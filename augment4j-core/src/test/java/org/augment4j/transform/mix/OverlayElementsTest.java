package org.augment4j.transform.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OverlayElements: pixels pasted where asked (bbox, mask), mask_id written, labels untouched. */
class OverlayElementsTest {
    private static final String KEY = "overlay_metadata";

    private static Transform overlay() {
        return TransformRegistry.create("OverlayElements", Map.of("p", 1.0));
    }

    private static Mat solid(int rows, int cols, double r, double g, double b) {
        try (Scalar s = new Scalar(r, g, b, 0)) {
            return new Mat(rows, cols, CV_8UC3, s);
        }
    }

    private static int[] rgb(byte[] px, int w, int x, int y) {
        int o = (y * w + x) * 3;
        return new int[] {px[o] & 0xff, px[o + 1] & 0xff, px[o + 2] & 0xff};
    }

    @Test
    void pastesIntoTheBoxThroughTheMaskAndWritesTheMaskId() {
        // A red 20x20 element whose mask keeps only its left half, pasted into [0.1, 0.25, 0.3, 0.5] of the 600x400 photo:
        // x 60..180, y 100..200; the element is resized to 120x100, so its left half covers x 60..120.
        Mat red = solid(20, 20, 255, 0, 0);
        Mat half = Mats.zeros(20, 20, CV_8UC1);
        try (Rect left = new Rect(0, 0, 10, 20); Mat roi = new Mat(half, left); Scalar on = new Scalar(1.0)) {
            roi.put(on);
        }
        Map<String, Object> element = Map.of("image", red, "bbox", List.of(0.1, 0.25, 0.3, 0.5), "mask", half, "mask_id", 7);
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(overlay()).apply(in.withMetadata(KEY, List.of(element)), 1L)) {
            byte[] px = Mats.toBytes(out.image()), src = Mats.toBytes(in.image()), mask = Mats.toBytes(out.mask()), srcMask = Mats.toBytes(in.mask());
            for (int y = 90; y < 210; y += 2) {
                for (int x = 50; x < 190; x += 2) {
                    boolean inside = x >= 60 && x < 120 && y >= 100 && y < 200;
                    if (inside) {
                        assertThat(rgb(px, 600, x, y)).containsExactly(255, 0, 0);
                        assertThat(mask[y * 600 + x] & 0xff).isEqualTo(7);
                    } else {
                        assertThat(rgb(px, 600, x, y)).containsExactly(rgb(src, 600, x, y));
                        assertThat(mask[y * 600 + x]).isEqualTo(srcMask[y * 600 + x]);
                    }
                }
            }
            assertThat(out.boxes().toArray()).isDeepEqualTo(in.boxes().toArray());
            assertThat(out.keypoints().toArray()).isDeepEqualTo(in.keypoints().toArray());
            assertThat(out.boxes().labels().get("obj")).isEqualTo(in.boxes().labels().get("obj"));
        } finally {
            red.close();
            half.close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void withoutABoxTheElementKeepsItsSizeAtARandomPlace(long seed) {
        Mat green = solid(30, 50, 0, 255, 0);
        try (Sample in = SpatialContract.rectangles(); Sample out = new Compose(List.of(overlay())).apply(in.withMetadata(KEY, Map.of("image", green)), seed)) {
            @SuppressWarnings("unchecked")
            List<List<Integer>> placements = (List<List<Integer>>) out.applied().get(0).params().get("placements");
            List<Integer> p = placements.get(0);
            assertThat(p.subList(2, 4)).containsExactly(50, 30);
            byte[] px = Mats.toBytes(out.image());
            for (int y = p.get(1); y < p.get(1) + 30; y++) {
                for (int x = p.get(0); x < p.get(0) + 50; x++) assertThat(rgb(px, 600, x, y)).containsExactly(0, 255, 0);
            }
            assertThat(Mats.toBytes(out.mask())).isEqualTo(Mats.toBytes(in.mask()));
        } finally {
            green.close();
        }
    }

    @Test
    void anElementLargerThanTheImageIsShrunkToIt() {
        Mat big = solid(500, 700, 0, 0, 255);
        try (Sample in = SpatialContract.rectangles(); Sample out = new Compose(List.of(overlay())).apply(in.withMetadata(KEY, List.of(Map.of("image", big))), 1L)) {
            byte[] px = Mats.toBytes(out.image());
            assertThat(rgb(px, 600, 0, 0)).containsExactly(0, 0, 255);
            assertThat(rgb(px, 600, 599, 399)).containsExactly(0, 0, 255);
        } finally {
            big.close();
        }
    }

    @Test
    void noMetadataNoChangeAndBadElementsNameThemselves() {
        Compose c = new Compose(List.of(overlay()));
        try (Sample in = SpatialContract.rectangles(); Sample out = c.apply(in, 1L)) {
            assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(in.image()));
        }
        SpatialContract.assertRoundTripSameOutput(overlay(), 2L);
        Mat gray = Mats.zeros(10, 10, CV_8UC1), rgb = solid(10, 10, 1, 2, 3);
        try (Sample in = SpatialContract.rectangles()) {
            assertThatThrownBy(() -> c.apply(in.withMetadata(KEY, List.of(Map.of("image", gray))), 1L)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overlay_metadata[0].image");
            assertThatThrownBy(() -> c.apply(in.withMetadata(KEY, List.of(Map.of("image", rgb, "bbox", List.of(0.5, 0.5, 0.2, 0.9)))), 1L))
                    .hasMessageContaining("bbox");
            assertThatThrownBy(() -> c.apply(in.withMetadata(KEY, List.of(Map.of("bbox", List.of(0.1, 0.1, 0.2, 0.2)))), 1L))
                    .hasMessageContaining("image");
            Map<String, Object> badId = new HashMap<>(Map.of("image", rgb, "mask_id", 1.5));
            assertThatThrownBy(() -> c.apply(in.withMetadata(KEY, List.of(badId)), 1L)).hasMessageContaining("mask_id");
        } finally {
            gray.close();
            rgb.close();
        }
        assertThatThrownBy(() -> TransformRegistry.create("OverlayElements", Map.of("metadata_key", ""))).hasMessageContaining("metadata_key");
        assertThat(new OverlayElements().toDict()).containsEntry("metadata_key", KEY).containsEntry("p", 0.5);
    }
}
