package org.augment4j.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.AppliedTransform;
import org.augment4j.CocoFixture;
import org.augment4j.Compose;
import org.augment4j.OneOf;
import org.augment4j.Sample;
import org.augment4j.TestData;
import org.augment4j.Transform;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.pixel.InvertImg;
import org.augment4j.transform.spatial.HorizontalFlip;
import org.augment4j.transform.spatial.Transpose;
import org.augment4j.transform.spatial.VerticalFlip;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RandomOrder, OneOrOther, SelectiveChannelTransform, NoOp and Lambda: Albumentations 2.0.8 semantics and pipeline files. */
class ContainersTest {

    private static Mat photo() {
        return ImageIO.readRgb(TestData.data("photos/coffee.png"));
    }

    private static List<String> names(Sample s) {
        return s.applied().stream().map(AppliedTransform::name).toList();
    }

    private static Transform rgbShift(int r, int g, int b) {
        return TransformRegistry.create("RGBShift", Map.of("r_shift_limit", List.of(r, r), "g_shift_limit", List.of(g, g), "b_shift_limit", List.of(b, b), "p", 1.0));
    }

    @Test
    void randomOrderAppliesEveryChildOnceInEachOfTheOrdersEquallyOften() {
        RandomOrder ro = new RandomOrder(List.of(new HorizontalFlip(1), new VerticalFlip(1), new Transpose(1)), 3, false, 1.0);
        Map<List<String>, Integer> orders = new HashMap<>();
        int runs = 1200;
        try (Mat in = Mats.zeros(6, 4, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            for (long seed = 0; seed < runs; seed++) {
                try (Sample out = new Compose(List.of(ro)).apply(Sample.of(in), seed)) {
                    assertThat(names(out)).containsExactlyInAnyOrder("HorizontalFlip", "VerticalFlip", "Transpose");
                    orders.merge(names(out), 1, Integer::sum);
                }
            }
        }
        assertThat(orders).hasSize(6);
        for (int count : orders.values()) assertThat(count / (double) runs).as("each of the 6 orders ~1/6").isBetween(0.13, 0.20);
    }

    @Test
    void randomOrderDrawsNDistinctChildrenUniformlyAndLetsTheirOwnPDecide() {
        // own p of 1, 1, 0: the third is drawn as often as the others (uniform draw) but never applies
        RandomOrder ro = new RandomOrder(List.of(new HorizontalFlip(1), new VerticalFlip(1), new Transpose(0)), 2, false, 1.0);
        Map<String, Integer> counts = new HashMap<>();
        int runs = 1500, twoApplied = 0;
        try (Mat in = Mats.zeros(6, 4, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            for (long seed = 0; seed < runs; seed++) {
                try (Sample out = new Compose(List.of(ro)).apply(Sample.of(in), seed)) {
                    List<String> n = names(out);
                    assertThat(n).doesNotHaveDuplicates().doesNotContain("Transpose");
                    if (n.size() == 2) twoApplied++;
                    n.forEach(x -> counts.merge(x, 1, Integer::sum));
                }
            }
        }
        // Transpose is among the two drawn with probability 2/3, so both flips are applied only 1/3 of the time
        assertThat(twoApplied / (double) runs).isBetween(0.29, 0.38);
        assertThat(counts.get("HorizontalFlip") / (double) runs).isBetween(0.62, 0.71);
        assertThat(counts.get("VerticalFlip") / (double) runs).isBetween(0.62, 0.71);
    }

    @Test
    void randomOrderWithReplacementMayRepeatAChild() {
        RandomOrder ro = new RandomOrder(List.of(new HorizontalFlip(1), new VerticalFlip(1)), 4, true, 1.0);
        int repeated = 0;
        try (Mat in = Mats.zeros(6, 4, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            for (long seed = 0; seed < 50; seed++) {
                try (Sample out = new Compose(List.of(ro)).apply(Sample.of(in), seed)) {
                    assertThat(out.applied()).hasSize(4);
                    if (names(out).stream().distinct().count() < 4) repeated++;
                }
            }
        }
        assertThat(repeated).isEqualTo(50);
    }

    @Test
    void randomOrderCapsNWithoutReplacementAndRejectsNegativeN() {
        assertThat(new RandomOrder(List.of(new HorizontalFlip(1)), 5, false, 1.0).n()).isEqualTo(1);
        assertThatThrownBy(() -> new RandomOrder(List.of(new HorizontalFlip(1)), -1, false, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RandomOrder").hasMessageContaining("n");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.7})
    void oneOrOtherPicksTheFirstWithProbabilityPAndAlwaysAppliesOne(double p) {
        // children's own p = 0: OneOrOther applies the chosen one whatever its p
        OneOrOther o = new OneOrOther(new HorizontalFlip(0), new VerticalFlip(0), p);
        int first = 0, runs = 2000;
        try (Mat in = Mats.zeros(6, 4, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            for (long seed = 0; seed < runs; seed++) {
                try (Sample out = new Compose(List.of(o)).apply(Sample.of(in), seed)) {
                    assertThat(out.applied()).hasSize(1);
                    if (names(out).get(0).equals("HorizontalFlip")) first++;
                }
            }
        }
        assertThat(first / (double) runs).isCloseTo(p, org.assertj.core.data.Offset.offset(0.035));
    }

    @Test
    void oneOrOtherNeedsExactlyTwoTransforms() {
        assertThatThrownBy(() -> new OneOrOther(List.of(new HorizontalFlip(1)), 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OneOrOther").hasMessageContaining("transforms");
    }

    @Test
    void selectiveChannelTransformChangesOnlyTheChosenChannelsInTheGivenOrder() {
        // channels (2, 0): the child's channel 0 is the image's channel 2 (shifted by 10), its channel 1 the image's 0 (by 20)
        Lambda shift = Lambda.ofImage("shift", m -> {
            Mat out = new Mat();
            try (Mat add = Mats.scalarMat(10, 20)) {
                org.bytedeco.opencv.global.opencv_core.add(m, add, out);
            }
            return out;
        });
        SelectiveChannelTransform sct = new SelectiveChannelTransform(List.of(shift), new int[] {2, 0}, 1.0);
        try (Sample in = CocoFixture.load("000000397133"); Sample out = new Compose(List.of(sct)).apply(in, 3L)) {
            byte[] a = Mats.toBytes(in.image()), b = Mats.toBytes(out.image());
            assertThat(b).hasSameSizeAs(a);
            int changed = 0;
            for (int i = 0; i < a.length; i += 3) {
                assertThat(b[i] & 0xff).isEqualTo(Math.min(255, (a[i] & 0xff) + 20));
                assertThat(b[i + 1]).as("channel 1 untouched").isEqualTo(a[i + 1]);
                assertThat(b[i + 2] & 0xff).isEqualTo(Math.min(255, (a[i + 2] & 0xff) + 10));
                if (b[i] != a[i]) changed++;
            }
            assertThat(changed).isGreaterThan(a.length / 6);
            assertThat(Mats.toBytes(out.mask())).as("masks untouched").isEqualTo(Mats.toBytes(in.mask()));
            assertThat(out.boxes().toArray()).isEqualTo(in.boxes().toArray());
            assertThat(out.keypoints().toArray()).isEqualTo(in.keypoints().toArray());
            assertThat(names(out)).containsExactly("Lambda");
        }
    }

    @Test
    void selectiveChannelTransformWorksOnOneChannelAndFourChannelImages() {
        try (Mat rgb = photo(); Mat rgba = new Mat()) {
            org.bytedeco.opencv.global.opencv_imgproc.cvtColor(rgb, rgba, org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2RGBA);
            SelectiveChannelTransform alphaOnly = new SelectiveChannelTransform(List.of(new InvertImg(1)), new int[] {3}, 1.0);
            try (Sample out = new Compose(List.of(alphaOnly)).apply(Sample.of(rgba), 1L)) {
                byte[] a = Mats.toBytes(rgba), b = Mats.toBytes(out.image());
                for (int i = 0; i < a.length; i++) assertThat(b[i]).isEqualTo(i % 4 == 3 ? (byte) ~a[i] : a[i]);
            }
        }
    }

    @Test
    void selectiveChannelTransformRejectsBadChannelsAndShapeChangingChildren() {
        assertThatThrownBy(() -> new SelectiveChannelTransform(List.of(), new int[] {0, 0}, 1.0)).hasMessageContaining("channels");
        assertThatThrownBy(() -> new SelectiveChannelTransform(List.of(), new int[] {-1}, 1.0)).hasMessageContaining("channels");
        try (Mat in = photo()) {
            SelectiveChannelTransform missing = new SelectiveChannelTransform(List.of(new InvertImg(1)), new int[] {3}, 1.0);
            assertThatThrownBy(() -> new Compose(List.of(missing)).apply(Sample.of(in), 1L))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel 3");
            Transform resize = TransformRegistry.create("Resize", Map.of("height", 10, "width", 10));
            SelectiveChannelTransform spatial = new SelectiveChannelTransform(List.of(resize));
            assertThatThrownBy(() -> new Compose(List.of(spatial)).apply(Sample.of(in), 1L))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SelectiveChannelTransform").hasMessageContaining("size");
        }
    }

    @Test
    void noOpLeavesTheSampleAsItIsAndIsLogged() {
        try (Sample in = CocoFixture.load("000000183709"); Sample out = new Compose(List.of(new NoOp(1))).apply(in, 1L)) {
            assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(in.image()));
            assertThat(out.boxes().toArray()).isEqualTo(in.boxes().toArray());
            assertThat(names(out)).containsExactly("NoOp");
        }
    }

    private static Lambda invertLambda() {
        return Lambda.ofImage("my_lambda", m -> {
            Mat out = new Mat();
            org.bytedeco.opencv.global.opencv_core.bitwise_not(m, out);
            return out;
        });
    }

    @Test
    void lambdaAppliesItsFunctions() {
        Lambda dropBoxes = new Lambda("drop_boxes", null, null, b -> b.select(new int[0]), null, 1.0);
        try (Sample in = CocoFixture.load("000000397133"); Sample out = new Compose(List.of(invertLambda(), dropBoxes)).apply(in, 1L)) {
            byte[] a = Mats.toBytes(in.image()), b = Mats.toBytes(out.image());
            for (int i = 0; i < a.length; i += 97) assertThat(b[i]).isEqualTo((byte) ~a[i]);
            assertThat(in.boxes().size()).isPositive();
            assertThat(out.boxes().size()).isZero();
            assertThat(Mats.toBytes(out.mask())).isEqualTo(Mats.toBytes(in.mask()));
        }
    }

    @Test
    void savingAPipelineHoldingALambdaFailsNamingIt(@TempDir Path dir) {
        Compose c = new Compose(List.of(new HorizontalFlip(0.5), new OneOf(List.of(invertLambda(), new NoOp()))));
        assertThatThrownBy(() -> PipelineFile.toJson(c))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Lambda 'my_lambda' cannot be saved to a pipeline file");
        Path file = dir.resolve("p.yaml");
        assertThatThrownBy(() -> PipelineFile.save(c, file)).hasMessageContaining("my_lambda");
        assertThat(Files.exists(file)).as("nothing written").isFalse();
        assertThatThrownBy(() -> new Lambda(" ", null, null, null, null, 1)).hasMessageContaining("name");
    }

    @Test
    void aFileNamingALambdaLoadsOnlyWhenItIsHandedOverByName() {
        String json = """
            {"__version__": "2.0.8", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [
              {"__class_fullname__": "Lambda", "__name__": "my_lambda"}]}}
            """;
        assertThatThrownBy(() -> PipelineFile.fromJson(json)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("Lambda 'my_lambda'").hasMessageContaining("$.transform.transforms[0]");
        Lambda l = invertLambda();
        Compose c = PipelineFile.fromJson(json, PipelineFile.Options.defaults().withLambdas(Map.of("my_lambda", l)));
        assertThat(c.transforms()).containsExactly(l);
    }

    private static Compose everything() {
        return new Compose(List.of(
                new RandomOrder(List.of(new HorizontalFlip(0.5), TransformRegistry.create("Rotate", Map.of("limit", 30, "p", 0.8)), rgbShift(5, 6, 7)), 2, false, 0.9),
                new OneOrOther(new VerticalFlip(0.5), new OneOf(List.of(new NoOp(), new Transpose(1))), 0.3),
                new SelectiveChannelTransform(List.of(new InvertImg(0.5), rgbShift(1, 2, 3)), new int[] {2, 1, 0}, 0.8),
                new NoOp(0.4)));
    }

    @Test
    void newContainersRoundTripThroughJsonAndYaml() {
        Compose c = everything();
        assertThat(PipelineFile.fromJson(PipelineFile.toJson(c)).toDict()).isEqualTo(c.toDict());
        assertThat(PipelineFile.fromYaml(PipelineFile.toYaml(c)).toDict()).isEqualTo(c.toDict());
        Map<String, Object> oneOrOther = c.transforms().get(1).toDict();
        assertThat(oneOrOther).containsEntry("__class_fullname__", "OneOrOther").containsKey("transforms");
        assertThat(c.transforms().get(2).toDict()).containsEntry("channels", List.of(2, 1, 0));
    }

    @Test
    void oneOrOtherReadsFirstAndSecondToo() {
        Compose c = PipelineFile.fromJson("""
            {"transform": {"__class_fullname__": "Compose", "transforms": [{"__class_fullname__": "OneOrOther", "p": 0.25,
              "first": {"__class_fullname__": "HorizontalFlip"}, "second": {"__class_fullname__": "VerticalFlip"}}]}}
            """);
        OneOrOther o = (OneOrOther) c.transforms().get(0);
        assertThat(o.first().name()).isEqualTo("HorizontalFlip");
        assertThat(o.second().name()).isEqualTo("VerticalFlip");
        assertThat(o.probability()).isEqualTo(0.25);
        assertThatThrownBy(() -> PipelineFile.fromJson("""
            {"__class_fullname__": "OneOrOther", "first": {"__class_fullname__": "HorizontalFlip"}}
            """)).isInstanceOf(PipelineException.class).hasMessageContaining("second");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void sameSeedSameOutputAndNoMatrixLeftBehind(long seed) {
        Compose c = everything();
        try (Sample in = CocoFixture.load("000000214753"); Sample a = c.apply(in, seed); Sample b = c.apply(in, seed)) {
            assertThat(Mats.toBytes(a.image())).isEqualTo(Mats.toBytes(b.image()));
            assertThat(a.applied()).isEqualTo(b.applied());
            assertThat(in.image().isNull()).as("the input is never released").isFalse();
        }
    }

    @Test
    void aContainerChildOfSelectiveChannelTransformGetsOnlyTheImage() {
        Lambda recorder = new Lambda("recorder", m -> m, m -> {
            throw new AssertionError("masks are not given to the children");
        }, b -> {
            assertThat(b.size()).isZero();
            return b;
        }, null, 1.0);
        try (Sample in = CocoFixture.load("000000397133"); Sample out = new Compose(List.of(new SelectiveChannelTransform(List.of(recorder)))).apply(in, 1L)) {
            assertThat(out.boxes().size()).isEqualTo(in.boxes().size());
        }
    }
}
