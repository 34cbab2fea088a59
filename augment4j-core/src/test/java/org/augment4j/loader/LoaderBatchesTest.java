package org.augment4j.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.TestData;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.transform.crop.RandomResizedCrop;
import org.augment4j.transform.pixel.Normalize;
import org.augment4j.transform.spatial.HorizontalFlip;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loader batches: NCHW stacking equal to per-sample conversion, reproducible across threads, partial and bad batches. */
class LoaderBatchesTest {
    private static final Path PHOTOS = TestData.data("photos");
    private static final Compose CROP_FLIP = new Compose(List.of(new RandomResizedCrop(24, 40), new HorizontalFlip(0.5)));

    @TempDir
    Path tmp;

    @BeforeEach
    @AfterEach
    void noLoaderThreadsAlive() {
        assertThat(LoaderTest.loaderThreads()).isEmpty();
    }

    /** What batch stacking must equal: sample i of the folder through the pipeline with its loader seed, as CHW. */
    private static List<float[]> expectedChw(Compose pipeline, long seed, Normalization norm) {
        List<Path> files = SampleSource.imagesIn(PHOTOS);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try (Sample in = Sample.of(ImageIO.readRgb(files.get(i))); Sample s = pipeline.apply(in, Seeds.mix(seed, i))) {
                out.add(Tensors.chw(s.image(), norm));
            }
        }
        return out;
    }

    private static List<float[]> batchImages(int threads, Batching spec, List<long[]> shapes) {
        List<float[]> got = new ArrayList<>();
        try (Loader loader = Loader.builder(CROP_FLIP).folder(PHOTOS).threads(threads).prefetch(2).seed(11).build()) {
            Batches batches = loader.batches(spec);
            for (Batch b : batches) {
                try (b) {
                    got.add(b.images());
                    shapes.add(b.shape());
                }
            }
        }
        return got;
    }

    @Test
    void batchesStackThePerSampleChwInSourceOrder() {
        List<float[]> want = expectedChw(CROP_FLIP, 11, Normalization.IMAGENET);
        assertThat(want).hasSize(10);
        try (Loader loader = Loader.builder(CROP_FLIP).folder(PHOTOS).threads(2).seed(11).build()) {
            Batches batches = loader.batches(Batching.of(4).normalization(Normalization.IMAGENET));
            assertThat(batches.count()).isEqualTo(3);
            int next = 0;
            for (Batch b : batches) {
                try (b) {
                    int n = b.size();
                    assertThat(b.shape()).containsExactly(n, 3, 24, 40);
                    assertThat(b.images()).hasSize(n * 3 * 24 * 40);
                    assertThat(b.imageBuffer().remaining()).isEqualTo(n * 3 * 24 * 40);
                    assertThat(b.labels()).containsOnly(-1);   // a plain folder has no classes
                    for (int i = 0; i < n; i++) {
                        assertThat(b.index(i)).isEqualTo(next);
                        assertThat(SampleSource.path(b.sample(i))).isEqualTo(SampleSource.imagesIn(PHOTOS).get(next));
                        float[] slice = Arrays.copyOfRange(b.images(), i * 3 * 24 * 40, (i + 1) * 3 * 24 * 40);
                        assertThat(slice).as("sample %d", next).isEqualTo(want.get(next));
                        next++;
                    }
                }
            }
            assertThat(next).isEqualTo(10);
            assertThat(batches.hasNext()).isFalse();
            assertThatThrownBy(batches::next).isInstanceOf(java.util.NoSuchElementException.class);
        }
    }

    @Test
    void theSameSeedGivesTheSameBatchesWithOneOrFourThreads() {
        List<long[]> shapes1 = new ArrayList<>(), shapes4 = new ArrayList<>();
        List<float[]> one = batchImages(1, Batching.of(3), shapes1);
        List<float[]> four = batchImages(4, Batching.of(3), shapes4);
        assertThat(one).hasSize(4);
        assertThat(shapes1.stream().map(s -> s[0]).toList()).containsExactly(3L, 3L, 3L, 1L);   // the partial last batch is kept
        assertThat(four).hasSize(4);
        for (int k = 0; k < 4; k++) {
            assertThat(four.get(k)).as("batch %d", k).isEqualTo(one.get(k));
            assertThat(shapes4.get(k)).isEqualTo(shapes1.get(k));
        }
        // unnormalised uint8 stays in 0..255, not all one value
        assertThat(one.get(0)).contains(0f, 255f);
    }

    @Test
    void dropLastDropsOnlyAPartialLastBatch() {
        List<long[]> shapes = new ArrayList<>();
        assertThat(batchImages(2, Batching.of(3).dropLast(true), shapes)).hasSize(3);
        assertThat(shapes.stream().map(s -> s[0]).toList()).containsExactly(3L, 3L, 3L);
        shapes.clear();
        assertThat(batchImages(2, Batching.of(5).dropLast(true), shapes)).hasSize(2);
        try (Loader loader = Loader.builder(CROP_FLIP).folder(PHOTOS).threads(1).build()) {
            assertThat(loader.batches(Batching.of(3).dropLast(true)).count()).isEqualTo(3);
        }
        try (Loader loader = Loader.builder(CROP_FLIP).iterator(List.<Sample>of().iterator()).threads(1).build()) {
            Batches b = loader.batches(3);
            assertThat(b.count()).isEqualTo(-1);
            assertThat(b.hasNext()).isFalse();
        }
    }

    @Test
    void normalisingWhileStackingEqualsANormalizeStepInThePipeline() {
        Compose withNormalize = new Compose(List.of(new RandomResizedCrop(24, 40), new HorizontalFlip(0.5), new Normalize()));
        List<float[]> inPipeline = new ArrayList<>();
        try (Loader loader = Loader.builder(withNormalize).folder(PHOTOS).threads(2).seed(11).build()) {
            for (Batch b : loader.batches(4)) try (b) { inPipeline.add(b.images()); }
        }
        List<float[]> whileStacking = batchImages(2, Batching.of(4).normalization(Normalization.IMAGENET), new ArrayList<>());
        assertThat(inPipeline).hasSize(3);
        for (int k = 0; k < 3; k++) assertThat(whileStacking.get(k)).isEqualTo(inPipeline.get(k));
    }

    @Test
    void imagesOfDifferentSizesInOneBatchFailNamingTheSampleAndBothSizes() {
        Compose flip = new Compose(List.of(new HorizontalFlip(0.5)));
        java.util.function.IntFunction<Sample> sizes = i -> Sample.of(Mats.fromBytes(new byte[i == 5 ? 7 * 9 * 3 : 4 * 5 * 3], i == 5 ? 7 : 4, i == 5 ? 9 : 5, 3));
        try (Loader loader = Loader.builder(flip).indexed(7, sizes).threads(2).build()) {
            Batches batches = loader.batches(4);
            try (Batch ok = batches.next()) {
                assertThat(ok.shape()).containsExactly(4, 3, 4, 5);
            }
            assertThatThrownBy(batches::next).isInstanceOf(LoaderException.class)
                    .hasMessageContaining("sample 5 is C x H x W = 3 x 7 x 9")
                    .hasMessageContaining("sample 4, the first of its batch, is C x H x W = 3 x 4 x 5")
                    .satisfies(e -> assertThat(((LoaderException) e).index()).isEqualTo(5));
            assertThat(batches.hasNext()).isFalse();   // the loader is closed
            assertThat(LoaderTest.loaderThreads()).isEmpty();
        }
        // batch size 1 stacks any size
        try (Loader loader = Loader.builder(flip).folder(PHOTOS).threads(2).build()) {
            int n = 0;
            for (Batch b : loader.batches(1)) try (b) { n++; assertThat(b.images()).hasSize(Tensors.chwLength(b.sample(0).image())); }
            assertThat(n).isEqualTo(10);
        }
    }

    @Test
    void imageFolderBatchesCarryTheClassLabels() {
        String[] classes = {"ant", "bee", "cat"};
        for (int k = 0; k < 7; k++) {
            byte[] px = new byte[4 * 5 * 3];
            Arrays.fill(px, (byte) (30 * k));
            try (Mat m = Mats.fromBytes(px, 4, 5, 3)) {
                ImageIO.write(tmp.resolve(classes[k % 3] + "/img" + k + ".png"), m);
            }
        }
        SampleSource src = SampleSource.imageFolder(tmp);
        int[] targets = ImageFolder.scan(tmp).targets();
        assertThat(targets).containsExactly(0, 0, 0, 1, 1, 2, 2);
        Compose flip = new Compose(List.of(new HorizontalFlip(0.5)));
        List<Integer> labels = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        try (Loader loader = Loader.builder(flip).source(src).threads(3).build()) {
            for (Batch b : loader.batches(Batching.of(3).normalization(Normalization.UNIT_RANGE))) {
                try (b) {
                    for (int label : b.labels()) labels.add(label);
                    for (int i = 0; i < b.size(); i++) {
                        assertThat(b.label(i)).isEqualTo(SampleSource.classIndex(b.sample(i)));
                        values.add(b.images()[i * 3 * 4 * 5]);
                    }
                }
            }
        }
        assertThat(labels).containsExactly(0, 0, 0, 1, 1, 2, 2);
        // files in order: ant/img0, ant/img3, ant/img6, bee/img1, bee/img4, cat/img2, cat/img5; value 30k/255
        int[] k = {0, 3, 6, 1, 4, 2, 5};
        for (int i = 0; i < 7; i++) assertThat(values.get(i)).isEqualTo(30 * k[i] * (1f / 255f));
    }

    /** The package's documented classification loader, as written there (two epochs, model.step recording). */
    @Test
    void theDocumentedClassificationLoaderRunsAsWritten() {
        for (int k = 0; k < 40; k++) {
            byte[] px = new byte[6 * 8 * 3];
            Arrays.fill(px, (byte) (5 * k));
            try (Mat m = Mats.fromBytes(px, 6, 8, 3)) {
                ImageIO.write(tmp.resolve("data/train/" + (k % 2 == 0 ? "cats" : "dogs") + "/" + k + ".png"), m);
            }
        }
        int epochs = 2;
        List<String> seen = new ArrayList<>();
        Model model = (images, shape, labels) -> {
            assertThat(images).hasSize((int) (shape[0] * shape[1] * shape[2] * shape[3]));
            seen.add(Arrays.toString(shape) + " " + Arrays.toString(labels));
        };
        Path dataTrain = tmp.resolve("data/train");
        // --- as in package-info.java, with Path.of("data/train") -> dataTrain
        Compose train = new Compose(List.of(
                new RandomResizedCrop(224, 224),
                new HorizontalFlip(),
                new Normalize()));                                       // ImageNet mean and std: float32 out
        SampleSource data = SampleSource.imageFolder(dataTrain);             // data/train/<class>/<image>
        List<String> classes = data.classes();                               // sorted folder names
        for (int epoch = 0; epoch < epochs; epoch++) {
            try (Loader loader = Loader.builder(train).source(data.shuffled(epoch)).threads(4).seed(epoch).build()) {
                for (Batch batch : loader.batches(32)) {                     // the last one may hold fewer
                    try (batch) {
                        model.step(batch.images(), batch.shape(), batch.labels()); // float[] NCHW, {N,3,224,224}, int[]
                    }
                }
            }
        }
        // ---
        assertThat(classes).containsExactly("cats", "dogs");
        assertThat(seen).hasSize(4);
        assertThat(seen.get(0)).startsWith("[32, 3, 224, 224] [");
        assertThat(seen.get(1)).startsWith("[8, 3, 224, 224] [");
        assertThat(seen.get(0)).isNotEqualTo(seen.get(2));   // another shuffle each epoch
        assertThat(seen.get(0)).contains("0, 1").doesNotContain("-1");
    }

    interface Model {
        void step(float[] images, long[] shape, int[] labels);
    }

    @Test
    void aLoaderIsIteratedBySamplesOrByBatchesOnce() {
        try (Loader loader = Loader.builder(CROP_FLIP).folder(PHOTOS).threads(1).build()) {
            Batches batches = loader.batches(2);
            assertThat(batches.hasNext()).isTrue();       // reads a batch ahead
            assertThatThrownBy(() -> loader.batches(2)).hasMessageContaining("iterated once");
            assertThatThrownBy(loader::iterator).hasMessageContaining("iterated once");
        }
        assertThatThrownBy(() -> Batching.of(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch size must be >= 1, got 0");
    }
}
