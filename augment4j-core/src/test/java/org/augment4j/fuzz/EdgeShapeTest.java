package org.augment4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineFile;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered transform, with random parameters (two draws: uint8, then float32), on every edge shape: 1 x 1, 4 x 1, 1 x 4, 1 x N,
 * N x 1, 2 x 300 and 300 x 2, with 1, 3 and 4 channels, plus a mask, boxes and keypoints. Each
 * application either succeeds with the {@link Invariants} holding or throws an {@link IllegalArgumentException} with a
 * message. The 1 x 1 and 4 x 1 shapes found fuzz finding K1 (OpenCV taking such an image for a scalar operand; fixed).
 */
class EdgeShapeTest {
    private static final int[][] SHAPES = {{1, 1}, {4, 1}, {1, 4}, {1, 37}, {41, 1}, {2, 300}, {300, 2}};

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String name : PipelineGenerator.transformNames()) out.add(Arguments.of(name));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onEveryEdgeShape(String name) {
        List<String> failures = new ArrayList<>();
        for (int draw = 0; draw < 2; draw++) {
            long seed = Seeds.mix(name.hashCode(), draw);
            PipelineGenerator.Generated g = PipelineGenerator.single(name, Seeds.generator(seed));
            Compose c;
            try {
                c = PipelineFile.fromTree(g.tree());
            } catch (IllegalArgumentException e) {
                continue; // a random parameter combination the constructor refuses, with a message
            }
            for (int[] hw : SHAPES) {
                for (int channels : new int[] {1, 3, 4}) {
                    for (boolean f32 : new boolean[] {draw == 1}) {
                        try (Sample in = FuzzSamples.withIds(sample(hw[0], hw[1], channels, f32))) {
                            String where = name + " draw " + draw + " on " + hw[0] + "x" + hw[1] + "x" + channels + (f32 ? " float32" : " uint8");
                            try (Sample out = c.apply(in, seed)) {
                                List<String> v = Invariants.check(g, in, out);
                                if (!v.isEmpty()) failures.add(where + ": " + v);
                            } catch (IllegalArgumentException e) {
                                if (e.getMessage() == null || e.getMessage().isBlank()) failures.add(where + ": " + e);
                            } catch (RuntimeException e) {
                                failures.add(where + ": " + e.toString().lines().findFirst().orElse(""));
                            }
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    static Sample sample(int h, int w, int channels, boolean f32) {
        byte[] px = new byte[h * w * channels];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 41 + 7);
        Mat image = FuzzSamples.image(px, h, w, channels, f32);
        byte[] mv = new byte[h * w];
        for (int i = 0; i < mv.length; i++) mv[i] = (byte) (i % 3);
        Mat mask = Mats.fromBytes(mv, h, w, 1);
        double[][] boxes = {{0, 0, 1, 1}, {0.25, 0.25, 0.75, 0.5}};
        double[][] kps = {{0, 0, 0, 1}, {w - 0.5, h - 0.5, 1, 1}};
        return Sample.builder().image(image).mask(mask)
                .boxes(org.augment4j.target.BoundingBoxes.of(boxes, org.augment4j.target.Labels.of(java.util.Map.of("category_id", List.of(1, 2)), 2)))
                .keypoints(org.augment4j.target.Keypoints.of(kps, org.augment4j.target.Labels.of(java.util.Map.of("keypoint_labels", List.of("a", "b")), 2))).build();
    }
}
