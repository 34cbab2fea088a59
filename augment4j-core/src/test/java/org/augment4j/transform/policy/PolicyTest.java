package org.augment4j.transform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.augment4j.AppliedTransform;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.pixel.Images;
import org.augment4j.transform.spatial.Affine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTest {
    static final Set<String> GEOMETRIC = Set.copyOf(PolicyOps.GEOMETRIC);

    static Stream<Arguments> policies() {
        List<Arguments> out = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3, 4, 5, 6}) {
            out.add(Arguments.of("RandAugment", (Supplier<Policy>) RandAugment::new, seed));
            out.add(Arguments.of("TrivialAugmentWide", (Supplier<Policy>) TrivialAugmentWide::new, seed));
            out.add(Arguments.of("AutoAugment", (Supplier<Policy>) AutoAugment::new, seed));
            out.add(Arguments.of("AugMix", (Supplier<Policy>) AugMix::new, seed));
        }
        return out.stream();
    }

    /** The entries after the policy's own entry in the applied log. */
    private static List<AppliedTransform> after(Sample s, String policy) {
        List<AppliedTransform> a = s.applied();
        for (int i = 0; i < a.size(); i++) if (a.get(i).name().equals(policy)) return a.subList(i + 1, a.size());
        throw new AssertionError(policy + " not in " + a);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ops(Sample s, String policy) {
        return s.applied().stream().filter(a -> a.name().equals(policy)).findFirst().map(a -> (List<String>) a.params().get("ops")).orElseThrow();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randAugmentAppliesNumOpsOperations(long seed) {
        for (int n : new int[] {0, 1, 2, 4}) {
            try (Sample in = Sample.of(Images.coffee()); Sample out = new Compose(List.of(new RandAugment(n, 9, 31, 1))).apply(in, seed)) {
                assertThat(ops(out, "RandAugment")).hasSize(n);
                assertThat(after(out, "RandAugment")).hasSize(n);
            }
        }
        try (Sample in = Sample.of(Images.coffee()); Sample out = new Compose(List.of(new TrivialAugmentWide())).apply(in, seed)) {
            assertThat(after(out, "TrivialAugmentWide")).hasSize(1);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void autoAugmentAppliesAnImagenetSubPolicy(long seed) {
        try (Sample in = Sample.of(Images.coffee()); Sample out = new Compose(List.of(new AutoAugment())).apply(in, seed)) {
            List<String> ops = ops(out, "AutoAugment");
            assertThat(ops.size()).isBetween(0, 2);
            assertThat(after(out, "AutoAugment")).hasSize(ops.size());
            if (ops.size() == 2) {
                assertThat(AutoAugment.IMAGENET).anyMatch(sub -> sub.get(0).op().equals(ops.get(0)) && sub.get(1).op().equals(ops.get(1)));
            }
        }
    }

    @Test
    void imagenetPolicyHas25SubPoliciesOfTwo() {
        assertThat(AutoAugment.IMAGENET).hasSize(25).allMatch(s -> s.size() == 2);
        assertThat(AutoAugment.IMAGENET.get(0)).containsExactly(new AutoAugment.Step("Posterize", 0.4, 8), new AutoAugment.Step("Rotate", 0.6, 9));
        assertThat(AutoAugment.IMAGENET.get(24)).containsExactly(new AutoAugment.Step("Equalize", 0.8, -1), new AutoAugment.Step("Equalize", 0.6, -1));
    }

    @Test
    void everyOperationIsARegisteredTransformOfThisProject() {
        Set<String> all = new HashSet<>();
        for (Policy p : List.of(new RandAugment(), new TrivialAugmentWide(), new AutoAugment(), new AugMix())) all.addAll(p.opNames());
        assertThat(all).contains("Invert", "Identity", "ShearX", "Rotate", "Sharpness", "AutoContrast");
        for (String op : all) {
            Transform t = PolicyOps.transform(op, 1.0);
            assertThat(t).as(op).isInstanceOf(BasicTransform.class);
            assertThat(t.probability()).isEqualTo(1.0);
            assertThat(TransformRegistry.contains(t.name())).as(op + " -> " + t.name()).isTrue();
            assertThat(TransformRegistry.create(t.name(), t.toDict()).toDict()).isEqualTo(t.toDict());
            if (GEOMETRIC.contains(op)) assertThat(t).isInstanceOf(Affine.class);
        }
        assertThatThrownBy(() -> PolicyOps.transform("Blur", 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Blur");
    }

    @Test
    void magnitudesMapToTorchvisionRanges() {
        Map<String, PolicyOps.Op> ra = new RandAugment().space(600, 400);
        assertThat(ra.keySet()).containsExactly("Identity", "ShearX", "ShearY", "TranslateX", "TranslateY", "Rotate", "Brightness", "Color",
                "Contrast", "Sharpness", "Posterize", "Solarize", "AutoContrast", "Equalize");
        assertThat(ra.get("Rotate").magnitude(9)).isCloseTo(9.0 / 30 * 30, within(1e-9));
        assertThat(ra.get("ShearX").magnitude(9)).isCloseTo(0.09, within(1e-9));
        assertThat(ra.get("TranslateX").magnitude(9)).isCloseTo(150.0 / 331 * 600 * 9 / 30, within(1e-9));
        assertThat(ra.get("TranslateY").magnitude(30)).isCloseTo(150.0 / 331 * 400, within(1e-9));
        assertThat(ra.get("Brightness").magnitude(9)).isCloseTo(0.27, within(1e-9));
        assertThat(ra.get("Posterize").magnitude(9)).isEqualTo(7);
        assertThat(ra.get("Posterize").magnitude(30)).isEqualTo(4);
        assertThat(ra.get("Solarize").magnitude(9)).isCloseTo(255 - 9 * 8.5, within(1e-9));
        Map<String, PolicyOps.Op> ta = new TrivialAugmentWide().space();
        assertThat(ta.get("Rotate").magnitude(30)).isEqualTo(135);
        assertThat(ta.get("TranslateX").magnitude(30)).isEqualTo(32);
        assertThat(ta.get("ShearY").magnitude(30)).isCloseTo(0.99, within(1e-9));
        assertThat(ta.get("Posterize").magnitude(30)).isEqualTo(2);
        Map<String, PolicyOps.Op> aa = AutoAugment.space(331, 331);
        assertThat(aa.get("Rotate").magnitude(9)).isCloseTo(30, within(1e-9));
        assertThat(aa.get("TranslateX").magnitude(9)).isCloseTo(150, within(1e-9));
        assertThat(aa.get("Posterize").magnitude(8)).isEqualTo(4);
        Map<String, PolicyOps.Op> am = new AugMix().space(300, 240, true);
        assertThat(am.get("TranslateX").magnitude(9)).isCloseTo(100, within(1e-9));
        assertThat(am.get("Posterize").magnitudes()).containsExactly(4, 4, 3, 3, 2, 2, 1, 1, 0, 0);
        assertThat(am.get("Brightness").magnitude(0)).isCloseTo(0.1, within(1e-9));
        // the operations carry the magnitude as torchvision's _apply_op does
        assertThat(PolicyOps.transform("Rotate", -9).toDict().get("rotate").toString()).isEqualTo("[-9, -9]");
        assertThat(PolicyOps.transform("ShearX", 0.3).toDict().get("shear").toString()).contains(String.valueOf(Math.toDegrees(Math.atan(0.3))));
        assertThat(PolicyOps.transform("TranslateY", 12.7).toDict().get("translate_px").toString()).contains("12");
        assertThat(PolicyOps.transform("Contrast", 0.27).toDict()).containsEntry("factor_range", List.of(1.27, 1.27));
        assertThat(PolicyOps.transform("Solarize", 178.5).toDict()).containsEntry("threshold", List.of(178.5, 178.5));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randAugmentRotatesByTheMagnitude(long seed) {
        RandAugment t = new RandAugment(1, 9, 31, 0, 1, Set.of("Rotate"));
        try (Sample in = Sample.of(Images.coffee()); Sample out = new Compose(List.of(t)).apply(in, seed)) {
            AppliedTransform a = after(out, "RandAugment").get(0);
            assertThat(a.name()).isEqualTo("Affine");
            assertThat(Math.abs(((Number) a.params().get("rotate")).doubleValue())).isCloseTo(9.0, within(1e-9));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void geometricOperationsMoveBoxesAndKeypoints(long seed) {
        // One geometric operation at a time: after a second one the contract cannot hold whatever the policy does (a
        // second rotation or shear maps the box of the first, loose on the object, as Albumentations chains do; an
        // object moved out and back has lost its pixels). Nearest interpolation (the default) may skip the probe's peak
        // pixel under strong shears, so the strong magnitudes are checked with bilinear.
        for (Transform t : List.of(new RandAugment(1, 9, 31, 0, 1, GEOMETRIC), new RandAugment(1, 30, 31, 1, 1, GEOMETRIC),
                new TrivialAugmentWide(31, 1, 1, GEOMETRIC),
                new TrivialAugmentWide(31, 0, 1, Set.of("TranslateX", "TranslateY", "Rotate")))) {
            try (Sample out = SpatialContract.check(t, seed, 2, 0)) {
                assertThat(ops(out, t.name())).isNotEmpty().allMatch(GEOMETRIC::contains);
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource("policies")
    void boxesStayTightOnTheirObjectsWhateverIsDrawn(String name, Supplier<Policy> policy, long seed) {
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(policy.get()).apply(in, seed)) {
            Map<Integer, int[]> bounds = SpatialContract.maskBounds(out.mask());
            int w = out.width(), h = out.height();
            for (int i = 0; i < out.boxes().size(); i++) {
                double[] b = out.boxes().get(i);
                int[] m = bounds.get((Integer) out.boxes().labels().get("obj").get(i));
                if (m == null) continue;
                double[] px = {b[0] * w, b[1] * h, b[2] * w, b[3] * h};
                // the box always contains its object; it is tight unless two rotations / shears were chained (RandAugment)
                assertThat(px[0]).isLessThanOrEqualTo(m[0] + 2.0);
                assertThat(px[1]).isLessThanOrEqualTo(m[1] + 2.0);
                assertThat(px[2]).isGreaterThanOrEqualTo(m[2] - 2.0);
                assertThat(px[3]).isGreaterThanOrEqualTo(m[3] - 2.0);
                boolean cut = m[0] == 0 || m[1] == 0 || m[2] == w || m[3] == h;
                if (cut || name.equals("RandAugment")) continue;
                for (int k = 0; k < 4; k++) assertThat(Math.abs(px[k] - m[k])).as("%s %s", name, out.applied()).isLessThanOrEqualTo(2.0);
            }
            for (int i = 0; i < out.keypoints().size(); i++) {
                double[] k = out.keypoints().get(i);
                int obj = (Integer) out.keypoints().labels().get("kp_obj").get(i);
                int[] m = bounds.get(obj);
                if (m != null) assertThat(k[0]).isBetween(m[0] - 2.0, m[2] + 2.0);
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource("policies")
    void sameSeedSameOutputAndFilesRoundTrip(String name, Supplier<Policy> policy, long seed) {
        Compose c = new Compose(List.of(policy.get()));
        try (Sample in = Sample.of(Images.astronaut()); Sample a = c.apply(in, seed); Sample b = c.apply(in, seed)) {
            assertThat(Mats.toBytes(b.image())).isEqualTo(Mats.toBytes(a.image()));
            assertThat(b.applied()).isEqualTo(a.applied());
        }
        if (seed <= 2) SpatialContract.assertRoundTripSameOutput(policy.get(), seed);
        Map<String, Object> d = policy.get().toDict();
        assertThat(TransformRegistry.create(name, d).toDict()).isEqualTo(d);
        assertThat(PipelineFile.toJson(PipelineFile.fromJson(PipelineFile.toJson(c)))).isEqualTo(PipelineFile.toJson(c));
    }

    @Test
    void augMixMovesPixelsOnlyWithoutLabels() {
        Set<String> unlabelled = new HashSet<>(), labelled = new HashSet<>();
        for (long seed = 1; seed <= 12; seed++) {
            try (Sample in = Sample.of(Images.coffee()); Sample out = new Compose(List.of(new AugMix())).apply(in, seed)) {
                for (Object chain : (List<?>) ops(out, "AugMix")) for (Object o : (List<?>) chain) unlabelled.add((String) o);
                assertThat(ops(out, "AugMix")).hasSize(3);
            }
            try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(new AugMix()).apply(in, seed)) {
                for (Object chain : (List<?>) ops(out, "AugMix")) {
                    assertThat((List<?>) chain).hasSizeBetween(1, 3);
                    for (Object o : (List<?>) chain) labelled.add((String) o);
                }
                assertThat(out.boxes().toArray()).isDeepEqualTo(in.boxes().toArray());
                assertThat(out.keypoints().toArray()).isDeepEqualTo(in.keypoints().toArray());
                assertThat(Mats.toBytes(out.mask())).isEqualTo(Mats.toBytes(in.mask()));
                AppliedTransform rec = out.applied().stream().filter(a -> a.name().equals("AugMix")).findFirst().orElseThrow();
                double sum = ((Number) rec.params().get("mixing_weight")).doubleValue();
                for (Object w : (List<?>) rec.params().get("chain_weights")) sum += ((Number) w).doubleValue();
                assertThat(sum).isCloseTo(1.0, within(1e-9));
            }
        }
        assertThat(unlabelled).containsAnyElementsOf(GEOMETRIC);
        assertThat(labelled).isNotEmpty().doesNotContainAnyElementsOf(GEOMETRIC);
    }

    @Test
    void augMixOfAConstantImageUnderBrightnessFreeOpsStaysNearTheMix() {
        // with one chain of fixed depth the output is m·x + (1 − m)·chain(x): between the two, per pixel
        AugMix t = new AugMix(1, 1, 1, 1.0, false, 1);
        try (Sample in = Sample.of(Images.constant(20, 30, 3, 100)); Sample out = new Compose(List.of(t)).apply(in, 3L)) {
            byte[] b = Mats.toBytes(out.image());
            for (byte v : b) assertThat((int) b[0]).isEqualTo(v);   // constant in, every op keeps it constant (or maps it by one table)
        }
    }

    @Test
    void floatImagesAndBadParametersFailClearly() {
        try (Sample in = Sample.of(Images.toFloat(Images.coffee()))) {
            assertThatThrownBy(() -> new RandAugment().applyAlways(in, new SplittableRandom(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RandAugment").hasMessageContaining("uint8");
        }
        assertThatThrownBy(() -> new RandAugment(2, 31, 31, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magnitude");
        assertThatThrownBy(() -> new RandAugment(-1, 9, 31, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num_ops");
        assertThatThrownBy(() -> new TrivialAugmentWide(1, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num_magnitude_bins");
        assertThatThrownBy(() -> new AutoAugment("cifar10", 0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy");
        assertThatThrownBy(() -> new AugMix(11, 3, -1, 1, true, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("severity");
        assertThatThrownBy(() -> new AugMix(3, 0, -1, 1, true, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mixture_width");
        assertThatThrownBy(() -> new AugMix(3, 3, -1, 0, true, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new RandAugment(2, 9, 31, 3, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interpolation");
    }
}
