package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.spatial.HorizontalFlip;
import org.augment4j.transform.spatial.VerticalFlip;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compose, OneOf, SomeOf and Sequential: probabilities, selection, seeding and release of intermediate matrices. */
class CompositionTest {

    /** Records the images it passes on, to check what was released. */
    static final class Recorder implements Transform {
        final List<Mat> outputs = new ArrayList<>();
        final Transform inner;

        Recorder(Transform inner) {
            this.inner = inner;
        }

        @Override
        public Sample apply(Sample s, RandomGenerator rng) {
            Sample out = inner.apply(s, rng);
            outputs.add(out.image());
            return out;
        }

        @Override
        public Sample applyAlways(Sample s, RandomGenerator rng) {
            return apply(s, rng);
        }

        @Override
        public double probability() {
            return 1;
        }

        @Override
        public Map<String, Object> toDict() {
            return inner.toDict();
        }
    }

    private static Mat image() {
        Mat m = new Mat(8, 6, CV_8UC3, new Scalar(0.0));
        try (Mat px = new Mat(m, new org.bytedeco.opencv.opencv_core.Rect(1, 2, 1, 1))) {
            px.put(new Scalar(200.0, 100.0, 50.0, 0.0));
        }
        return m;
    }

    @Test
    void intermediateMatricesAreReleasedButInputAndOutputAreNot() {
        Recorder a = new Recorder(new HorizontalFlip(1));
        Recorder b = new Recorder(new VerticalFlip(1));
        Recorder c = new Recorder(new HorizontalFlip(1));
        Mat in = image();
        Sample out = new Compose(List.of(a, b, c)).apply(Sample.of(in), 1L);
        assertThat(a.outputs.get(0).isNull()).as("first intermediate released").isTrue();
        assertThat(b.outputs.get(0).isNull()).as("second intermediate released").isTrue();
        assertThat(out.image().isNull()).isFalse();
        assertThat(in.isNull()).as("the caller's input is never released").isFalse();
        out.close();
        in.close();
    }

    @Test
    void sequentialReleasesItsIntermediatesToo() {
        Recorder a = new Recorder(new HorizontalFlip(1));
        Mat in = image();
        Sample out = new Compose(List.of(new Sequential(List.of(a, new VerticalFlip(1)), 1.0))).apply(Sample.of(in), 1L);
        assertThat(a.outputs.get(0).isNull()).isTrue();
        assertThat(in.isNull()).isFalse();
        out.close();
        in.close();
    }

    @Test
    void composeProbabilitySkipsEverything() {
        Mat in = image();
        // The result owns its matrices even when nothing was applied: closing it leaves the input intact.
        Compose never = new Compose(List.of(new HorizontalFlip(1)), 0.0, null, null, Map.of(), null);
        try (Sample out = never.apply(Sample.of(in), 5L)) {
            assertThat(out.image()).as("an independent copy").isNotSameAs(in);
            assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(in));
            assertThat(out.applied()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void sameSeedSameOutputBitForBit(long seed) {
        Compose c = new Compose(List.of(
                TransformRegistry.create("Rotate", Map.of("limit", 40, "p", 0.7)),
                new OneOf(List.of(new HorizontalFlip(1), new VerticalFlip(1)), 0.8),
                TransformRegistry.create("RandomSizedCrop", Map.of("min_max_height", List.of(3, 8), "height", 5, "width", 4, "p", 1.0))));
        try (Mat in = image(); Sample a = c.apply(Sample.of(in), seed); Sample b = c.apply(Sample.of(in), seed)) {
            assertThat(Mats.toBytes(a.image())).isEqualTo(Mats.toBytes(b.image()));
            assertThat(a.applied()).isEqualTo(b.applied());
        }
    }

    @Test
    void seededComposeGivesAReproducibleSequence() {
        Compose c1 = new Compose(List.of(TransformRegistry.create("Rotate", Map.of("limit", 40, "p", 1.0))), 1, null, null, Map.of(), 42L);
        Compose c2 = new Compose(List.of(TransformRegistry.create("Rotate", Map.of("limit", 40, "p", 1.0))), 1, null, null, Map.of(), 42L);
        try (Mat in = image()) {
            List<Object> s1 = new ArrayList<>(), s2 = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                try (Sample a = c1.apply(Sample.of(in)); Sample b = c2.apply(Sample.of(in))) {
                    s1.add(a.applied().get(0).params().get("angle"));
                    s2.add(b.applied().get(0).params().get("angle"));
                }
            }
            assertThat(s1).isEqualTo(s2).doesNotHaveDuplicates();
        }
    }

    @Test
    void oneOfPicksByWeightAndAppliesExactlyOne() {
        OneOf oneOf = new OneOf(List.of(new HorizontalFlip(0.9), new VerticalFlip(0.1)), 1.0);
        int h = 0, v = 0;
        try (Mat in = image()) {
            for (long seed = 0; seed < 2000; seed++) {
                try (Sample out = new Compose(List.of(oneOf)).apply(Sample.of(in), seed)) {
                    assertThat(out.applied()).hasSize(1);
                    if (out.applied().get(0).name().equals("HorizontalFlip")) h++;
                    else v++;
                }
            }
        }
        assertThat(h / 2000.0).isBetween(0.87, 0.93);
        assertThat(h + v).isEqualTo(2000);
    }

    @Test
    void someOfAppliesNDistinctTransforms() {
        SomeOf someOf = new SomeOf(List.of(new HorizontalFlip(0.5), new VerticalFlip(0.5), TransformRegistry.create("Transpose", Map.of())), 2);
        try (Mat in = image()) {
            for (long seed = 0; seed < 200; seed++) {
                try (Sample out = new Compose(List.of(someOf)).apply(Sample.of(in), seed)) {
                    assertThat(out.applied()).hasSize(2);
                    assertThat(out.applied().get(0).name()).isNotEqualTo(out.applied().get(1).name());
                }
            }
        }
    }

    @Test
    void transformProbabilityIsHonoured() {
        Compose c = new Compose(List.of(new HorizontalFlip(0.3)));
        int applied = 0;
        try (Mat in = image()) {
            for (long seed = 0; seed < 3000; seed++) {
                try (Sample out = c.apply(Sample.of(in), seed)) {
                    applied += out.applied().size();
                }
            }
        }
        assertThat(applied / 3000.0).isBetween(0.27, 0.33);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Rotate", "RandomSizedCrop", "ElasticTransform", "CoarseDropout", "RGBShift", "GaussNoise"})
    void additionalTargetsGetTheSameParameters(String name) {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("p", 1.0));
        if (name.equals("RandomSizedCrop")) params.putAll(Map.of("min_max_height", List.of(200, 300), "height", 128, "width", 128));
        if (name.equals("CoarseDropout")) params.put("fill_mask", 9);
        Compose c = new Compose(List.of(TransformRegistry.create(name, params)), 1.0, null, null, Map.of("image2", "image", "mask2", "mask"), null);
        try (Sample in = CocoFixture.load("000000397133")) {
            Sample withExtra = in.withImages(Map.of(Sample.IMAGE, in.image(), "image2", in.image().clone()))
                    .withMasks(Map.of(Sample.MASK, in.mask(), "mask2", in.mask().clone()));
            try (Sample out = c.apply(withExtra, 21L)) {
                assertThat(Mats.toBytes(out.images().get("image2"))).isEqualTo(Mats.toBytes(out.image()));
                assertThat(Mats.toBytes(out.masks().get("mask2"))).isEqualTo(Mats.toBytes(out.mask()));
            }
            withExtra.images().get("image2").close();
            withExtra.masks().get("mask2").close();
        }
    }
}
