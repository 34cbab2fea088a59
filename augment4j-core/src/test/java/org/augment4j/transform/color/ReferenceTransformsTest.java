package org.augment4j.transform.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceTransformsTest {

    private static double[] channelMeans(Mat m) {
        double[] v = new double[m.channels()];
        byte[] b = Mats.toBytes(m);
        for (int i = 0; i < b.length; i++) v[i % v.length] += b[i] & 0xff;
        for (int c = 0; c < v.length; c++) v[c] /= b.length / v.length;
        return v;
    }

    @Test
    void histogramMatchingWithFullBlendTakesTheReferencesHistogram() {
        Mat image = Images.coffee();
        Mat ref = Images.astronaut();
        Sample in = Sample.of(image).withMetadata("hm_metadata", List.of(ref));
        Sample out = new HistogramMatching().apply(in, new HistogramMatching.Match(0, 1.0));
        double[] got = channelMeans(out.image()), want = channelMeans(ref), before = channelMeans(image);
        for (int c = 0; c < 3; c++) {
            assertThat(got[c]).as("channel %d", c).isCloseTo(want[c], within(3.0));
            assertThat(Math.abs(got[c] - want[c])).isLessThan(Math.abs(before[c] - want[c]));
        }
        Sample none = new HistogramMatching().apply(in, new HistogramMatching.Match(0, 0.0));
        assertThat(Mats.toBytes(none.image())).isEqualTo(Mats.toBytes(image));
        Mats.release(image, ref, out.image(), none.image());
    }

    @Test
    void matchTableIsNumpyInterpOverTemplateQuantiles() {
        long[] src = new long[256], tmpl = new long[256];
        src[10] = 50;
        src[20] = 50;
        tmpl[100] = 50;
        tmpl[200] = 50;
        double[] t = ReferenceKernels.matchTable(src, tmpl);
        assertThat(t[10]).isEqualTo(100);
        assertThat(t[20]).isEqualTo(200);
        assertThat(ReferenceKernels.interp(0.75, new double[] {0.5, 1}, new double[] {100, 200}, 2)).isEqualTo(150);
    }

    @ParameterizedTest(name = "beta {0}")
    @ValueSource(doubles = {0.0, 0.05, 0.2})
    void fdaWithTheImageAsItsOwnReferenceIsIdentity(double beta) {
        Mat image = Images.astronaut();
        Sample out = new FDA().apply(Sample.of(image).withMetadata("fda_metadata", image), new FDA.Beta(0, beta));
        byte[] a = Mats.toBytes(image), b = Mats.toBytes(out.image());
        int off = 0;
        for (int i = 0; i < a.length; i++) off = Math.max(off, Math.abs((a[i] & 0xff) - (b[i] & 0xff)));
        assertThat(off).as("float FFT round trip, truncated").isLessThanOrEqualTo(1);
        Mats.release(image, out.image());
    }

    @Test
    void fdaMovesTheMeanColourTowardsTheReference() {
        Mat image = Images.coffee();
        Mat ref = Images.constant(100, 80, 3, 200);
        Sample out = new FDA().apply(Sample.of(image).withMetadata("fda_metadata", ref), new FDA.Beta(0, 0.05));
        double[] got = channelMeans(out.image()), before = channelMeans(image);
        for (int c = 0; c < 3; c++) assertThat(got[c]).as("the DC term is the reference's: channel %d", c).isCloseTo(200, within(12.0)).isGreaterThan(before[c]);
        Mats.release(image, ref, out.image());
    }

    @Test
    void missingReferenceIsAClearError() {
        Sample s = Sample.of(Images.constant(4, 4, 3, 1));
        assertThatThrownBy(() -> new FDA().sampleParams(s, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FDA").hasMessageContaining("fda_metadata");
        assertThatThrownBy(() -> new HistogramMatching().sampleParams(s.withMetadata("hm_metadata", List.of()), new SplittableRandom(1)))
                .hasMessageContaining("HistogramMatching").hasMessageContaining("hm_metadata");
        assertThatThrownBy(() -> TransformRegistry.create("FDA", Map.of("reference_images", List.of(3)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reference_images");
        assertThatThrownBy(() -> new FDA(Range.of(0, 0.7), null, "k", 1)).hasMessageContaining("beta_limit");
        assertThatThrownBy(() -> new HistogramMatching(Range.of(0, 2), null, "k", 1)).hasMessageContaining("blend_ratio");
    }

    @Test
    void referenceFilesAreReadOnceAndSharedAcrossThreads() throws Exception {
        HistogramMatching t = (HistogramMatching) TransformRegistry.create("HistogramMatching",
                Map.of("reference_images", ColorContractTest.REFERENCES, "blend_ratio", List.of(1, 1), "p", 1.0));
        assertThat(t.toDict()).containsEntry("reference_images", ColorContractTest.REFERENCES).containsEntry("metadata_key", "hm_metadata");
        Mat image = Images.coffee();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Mat>> got = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) got.add(pool.submit(() -> t.reference(Sample.of(image), 1)));
            Mat first = got.get(0).get();
            for (Future<Mat> f : got) assertThat(f.get()).isSameAs(first);
        } finally {
            pool.shutdown();
        }
        Mats.release(image);
    }

    private static double[] channelStds(Mat m) {
        double[] mean = channelMeans(m), v = new double[m.channels()];
        byte[] b = Mats.toBytes(m);
        for (int i = 0; i < b.length; i++) v[i % v.length] += Math.pow((b[i] & 0xff) - mean[i % v.length], 2);
        for (int c = 0; c < v.length; c++) v[c] = Math.sqrt(v[c] / (b.length / v.length));
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({"standard", "pca"})
    void pdaWithFullBlendTakesTheReferencesMeanAndSpread(String type) {
        Mat image = Images.coffee();
        Mat photo = Images.astronaut();
        Mat ref = new Mat();
        photo.convertTo(ref, -1, 0.4, 70); // a narrow reference, so that nothing clips
        Sample out = new PixelDistributionAdaptation(Range.of(1, 1), type, null, "pda_metadata", 1)
                .apply(Sample.of(image).withMetadata("pda_metadata", ref), new PixelDistributionAdaptation.Blend(0, 1));
        double[] gm = channelMeans(out.image()), wm = channelMeans(ref), gs = channelStds(out.image()), ws = channelStds(ref);
        for (int c = 0; c < 3; c++) {
            assertThat(gm[c]).as("mean of channel %d", c).isCloseTo(wm[c], within(2.0));
            // the scaler matches each channel's spread; PCA (no whitening) only rotates, keeping the source's variances
            if (type.equals("standard")) assertThat(gs[c]).as("std of channel %d", c).isCloseTo(ws[c], within(1.0));
        }
        Mats.release(image, photo, ref, out.image());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({"standard", "pca", "minmax"})
    void pdaWithTheImageAsItsOwnReferenceIsNearlyIdentity(String type) {
        Mat image = Images.astronaut();
        Sample out = new PixelDistributionAdaptation(Range.of(1, 1), type, null, "pda_metadata", 1)
                .apply(Sample.of(image).withMetadata("pda_metadata", List.of(image)), new PixelDistributionAdaptation.Blend(0, 1));
        byte[] a = Mats.toBytes(image), b = Mats.toBytes(out.image());
        int off = 0;
        for (int i = 0; i < a.length; i++) off = Math.max(off, Math.abs((a[i] & 0xff) - (b[i] & 0xff)));
        assertThat(off).as("float32 round trip, truncated twice").isLessThanOrEqualTo(2);
        assertThatThrownBy(() -> new PixelDistributionAdaptation(Range.of(0, 1), "ica", null, "k", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transform_type");
        Mats.release(image, out.image());
    }
}
