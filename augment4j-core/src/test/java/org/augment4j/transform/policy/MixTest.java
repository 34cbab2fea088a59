package org.augment4j.transform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.AppliedTransform;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.Keypoints;
import org.augment4j.target.Labels;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MixTest {
    static final int W = 80, H = 60;

    private static int[] u8(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }

    private static Sample sample(long seed, double[][] boxes, String... labels) {
        Sample s = Sample.of(Images.random(H, W, 3, seed));
        return s.withBoxes(BoundingBoxes.of(boxes, Labels.of(Map.of("cls", List.of((Object[]) labels)), boxes.length)));
    }

    private static List<Sample> batch(int n) {
        List<Sample> b = new ArrayList<>();
        for (int i = 0; i < n; i++) b.add(sample(10 + i, new double[][] {{0.1, 0.1, 0.3, 0.4}}, "c" + i));
        return b;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void mixUpIsTheWeightedSumAndJoinsTheBoxes(long seed) {
        List<Sample> batch = batch(4);
        MixResult r = new MixUp().mix(batch, new SplittableRandom(seed));
        assertThat(r.samples()).hasSize(4);
        assertThat(r.partners()).containsExactlyInAnyOrder(0, 1, 2, 3);
        for (int i = 0; i < 4; i++) {
            double lam = r.lambda(i);
            assertThat(lam).isBetween(0.0, 1.0).isEqualTo(r.lambda(0));
            int j = r.partner(i);
            int[] a = u8(batch.get(i).image()), b = u8(batch.get(j).image()), o = u8(r.samples().get(i).image());
            for (int k = 0; k < a.length; k++) assertThat((double) o[k]).isCloseTo(lam * a[k] + (1 - lam) * b[k], within(1.0));
            BoundingBoxes boxes = r.samples().get(i).boxes();
            if (j == i) {
                assertThat(boxes.labels().get("cls")).containsExactly("c" + i);
            } else {
                assertThat(boxes.labels().get("cls")).containsExactly("c" + i, "c" + j);
                assertThat(boxes.toArray()).hasDimensions(2, 4);
            }
            AppliedTransform rec = r.samples().get(i).applied().get(r.samples().get(i).applied().size() - 1);
            assertThat(rec.name()).isEqualTo("MixUp");
            assertThat(rec.params()).containsEntry("lambda", lam).containsEntry("partner", j);
        }
        // inputs untouched; same seed, same result
        MixResult again = new MixUp().mix(batch, new SplittableRandom(seed));
        assertThat(again.lambdas()).isEqualTo(r.lambdas());
        assertThat(u8(again.samples().get(2).image())).isEqualTo(u8(r.samples().get(2).image()));
    }

    @Test
    void betaOfOneOneIsUniform() {
        SplittableRandom rng = new SplittableRandom(7);
        double sum = 0, sq = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            double x = Dists.beta(1, 1, rng);
            sum += x;
            sq += x * x;
        }
        assertThat(sum / n).isCloseTo(0.5, within(0.01));
        assertThat(sq / n - (sum / n) * (sum / n)).isCloseTo(1.0 / 12, within(0.005));
        double[] d = Dists.dirichlet(new double[] {0.5, 2, 3}, rng);
        assertThat(d[0] + d[1] + d[2]).isCloseTo(1, within(1e-12));
    }

    /** A seed with a two-sample batch swapped and a rectangle of at least 10 × 10 pixels. */
    private static long swappingSeed() {
        List<Sample> probe = batch(2);
        for (long seed = 1; seed < 500; seed++) {
            MixResult r = new CutMix().mix(probe, new SplittableRandom(seed));
            List<?> rect = (List<?>) r.samples().get(0).applied().get(0).params().get("rectangle");
            int w = (Integer) rect.get(2) - (Integer) rect.get(0), h = (Integer) rect.get(3) - (Integer) rect.get(1);
            if (r.partner(0) == 1 && w >= 20 && h >= 16 && (Integer) rect.get(0) >= 4 && (Integer) rect.get(2) <= W - 4) return seed;
        }
        throw new AssertionError("no seed");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void cutMixPastesARectangleOfThePartnerWithAreaOneMinusLambda(long seed) {
        List<Sample> batch = batch(3);
        MixResult r = new CutMix().mix(batch, new SplittableRandom(seed));
        for (int i = 0; i < 3; i++) {
            Sample out = r.samples().get(i);
            List<?> rect = (List<?>) out.applied().get(out.applied().size() - 1).params().get("rectangle");
            int x1 = (Integer) rect.get(0), y1 = (Integer) rect.get(1), x2 = (Integer) rect.get(2), y2 = (Integer) rect.get(3);
            assertThat(1 - r.lambda(i)).isCloseTo((double) (x2 - x1) * (y2 - y1) / (W * H), within(1e-12));
            int[] a = u8(batch.get(i).image()), b = u8(batch.get(r.partner(i)).image()), o = u8(out.image());
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    boolean in = x >= x1 && x < x2 && y >= y1 && y < y2;
                    for (int c = 0; c < 3; c++) {
                        int k = (y * W + x) * 3 + c;
                        assertThat(o[k]).isEqualTo(in ? b[k] : a[k]);
                    }
                }
            }
        }
    }

    @Test
    void cutMixLabelsFollowTheDocumentedRule() {
        long seed = swappingSeed();
        MixResult first = new CutMix().mix(batch(2), new SplittableRandom(seed));
        List<?> rect = (List<?>) first.samples().get(0).applied().get(0).params().get("rectangle");
        double x1 = (Integer) rect.get(0) / (double) W, y1 = (Integer) rect.get(1) / (double) H;
        double x2 = (Integer) rect.get(2) / (double) W, y2 = (Integer) rect.get(3) / (double) H;
        double cx = (x1 + x2) / 2, cy = (y1 + y2) / 2, rw = x2 - x1, rh = y2 - y1;
        // base: one box inside the rectangle (covered: dropped), one far from it (kept), one half covered (kept)
        double[] covered = {cx - rw / 4, cy - rh / 4, cx + rw / 4, cy + rh / 4};
        double[] half = {x1 - rw / 2, y1, x1 + rw / 2, y2};
        double[] far = x1 > 0.5 ? new double[] {0.0, 0.0, 0.05, 0.05} : new double[] {0.95, 0.95, 1.0, 1.0};
        Sample a = sample(10, new double[][] {covered, far, half}, "covered", "far", "half");
        // partner: one box straddling the rectangle (clipped to it), one outside (dropped)
        double[] straddling = {cx, cy, Math.min(1, x2 + 0.1), Math.min(1, y2 + 0.1)};
        Sample b = sample(11, new double[][] {straddling, far}, "straddling", "outside")
                .withKeypoints(Keypoints.of(new double[][] {{cx * W, cy * H, 0, 1}, {far[0] * W + 1, far[1] * H + 1, 0, 1}},
                        Labels.of(Map.of("kp", List.of("in", "out")), 2)));
        a = a.withKeypoints(Keypoints.of(new double[][] {{cx * W, cy * H, 0, 1}, {far[0] * W + 1, far[1] * H + 1, 0, 1}},
                Labels.of(Map.of("kp", List.of("a-in", "a-out")), 2)));
        MixResult r = new CutMix().mix(List.of(a, b), new SplittableRandom(seed));
        Sample out = r.samples().get(0);
        assertThat(out.boxes().labels().get("cls")).containsExactly("far", "half", "straddling");
        assertThat(out.boxes().get(2)).containsExactly(new double[] {cx, cy, x2, y2}, within(1e-12));
        assertThat(out.boxes().get(1)).containsExactly(half, within(1e-12));
        assertThat(out.keypoints().labels().get("kp")).containsExactly("a-out", "in");
        // sample 1 got sample 0's rectangle: its own straddling box stays (partly visible), a's covered box comes in
        assertThat(r.samples().get(1).boxes().labels().get("cls")).contains("straddling", "outside", "covered");
    }

    @Test
    void minVisibilityDropsMostlyCoveredBoxes() {
        long seed = swappingSeed();
        MixResult first = new CutMix().mix(batch(2), new SplittableRandom(seed));
        List<?> rect = (List<?>) first.samples().get(0).applied().get(0).params().get("rectangle");
        double x1 = (Integer) rect.get(0) / (double) W, y1 = (Integer) rect.get(1) / (double) H;
        double x2 = (Integer) rect.get(2) / (double) W, y2 = (Integer) rect.get(3) / (double) H;
        double rw = x2 - x1;
        double[] mostly = {x1 - rw / 4, y1, x2, y2};   // 80 % covered
        Sample a = sample(10, new double[][] {mostly}, "mostly");
        Sample b = sample(11, new double[][] {}, new String[0]);
        org.augment4j.target.BboxParams loose = org.augment4j.target.BboxParams.of(org.augment4j.target.BboxFormat.ALBUMENTATIONS, "cls");
        Sample keep = a.withLabelParams(loose.withMinVisibility(0.1), null), drop = a.withLabelParams(loose.withMinVisibility(0.3), null);
        assertThat(new CutMix().mix(List.of(keep, b), new SplittableRandom(seed)).samples().get(0).boxes().size()).isEqualTo(1);
        assertThat(new CutMix().mix(List.of(drop, b), new SplittableRandom(seed)).samples().get(0).boxes().size()).isEqualTo(0);
    }

    @Test
    void masksArePastedByCutMixAndKeptByMixUp() {
        long seed = swappingSeed();
        List<Sample> batch = List.of(Sample.builder().image(Images.random(H, W, 3, 1)).mask(Images.constant(H, W, 1, 1)).build(),
                Sample.builder().image(Images.random(H, W, 3, 2)).mask(Images.constant(H, W, 1, 2)).build());
        MixResult cut = new CutMix().mix(batch, new SplittableRandom(seed));
        int[] m = u8(cut.samples().get(0).mask());
        long twos = java.util.Arrays.stream(m).filter(v -> v == 2).count();
        assertThat(twos).isEqualTo(Math.round((1 - cut.lambda(0)) * W * H));
        assertThat(m).containsOnly(1, 2);
        MixResult up = new MixUp().mix(batch, new SplittableRandom(seed));
        for (int i = 0; i < 2; i++) assertThat(u8(up.samples().get(i).mask())).containsOnly(i + 1);
    }

    @Test
    void batchesMustShareOneSize() {
        List<Sample> mixed = List.of(Sample.of(Images.random(H, W, 3, 1)), Sample.of(Images.random(H + 1, W, 3, 2)));
        assertThatThrownBy(() -> new MixUp().mix(mixed, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MixUp").hasMessageContaining("share one size");
        assertThatThrownBy(() -> new CutMix().mix(mixed, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CutMix").hasMessageContaining("share one size");
        assertThatThrownBy(() -> new CutMix().mix(List.of(), new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MixUp(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
    }
}
