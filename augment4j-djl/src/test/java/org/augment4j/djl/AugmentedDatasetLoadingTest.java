package org.augment4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomSampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.TestData;
import org.augment4j.loader.Loader;
import org.augment4j.loader.Normalization;
import org.augment4j.loader.SampleSource;
import org.augment4j.opencv.ImageIO;
import org.augment4j.target.BboxParams;
import org.augment4j.target.TargetCodec;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passes over an {@link AugmentedDataset} on augment4j's loader threads: the same records as DJL's own loading, epochs, variable box counts, failures and shutdown. */
class AugmentedDatasetLoadingTest {
    private static final Compose RECIPE = A.Compose(A.RandomResizedCrop(40, 40), A.HorizontalFlip(), A.ColorJitter().withP(0.8));

    @TempDir
    Path tmp;

    private Path photoFolder() throws Exception {
        return TestData.imageFolder(tmp.resolve("photos"), i -> "class" + i % 3,
                "astronaut.png", "camera.png", "chelsea.png", "china.jpg", "coffee.png", "flower.jpg", "horse.png", "rocket.jpg");
    }

    private AugmentedDataset.Builder builder(Path root) {
        return AugmentedDataset.builder(SampleSource.imageFolder(root), RECIPE).seed(5).normalization(Normalization.IMAGENET);
    }

    /** Each record of a pass, by dataset index: image values and label. */
    private static Map<Long, float[]> pass(AugmentedDataset data, NDManager m, List<Long> order) throws Exception {
        Map<Long, float[]> byIndex = new HashMap<>();
        for (Batch batch : data.getData(m)) {
            try (batch) {
                NDArray images = batch.getData().head();
                int[] labels = batch.getLabels().head().toIntArray();
                assertThat(batch.getLabels().head().getDataType()).isEqualTo(DataType.INT32);
                for (int k = 0; k < batch.getSize(); k++) {
                    long index = (Long) batch.getIndices().get(k);
                    order.add(index);
                    float[] image = images.get(k).toFloatArray();
                    float[] withLabel = java.util.Arrays.copyOf(image, image.length + 1);
                    withLabel[image.length] = labels[k];
                    byIndex.put(index, withLabel);
                }
            }
        }
        return byIndex;
    }

    private static float[] record(AugmentedDataset data, NDManager m, long index) {
        var r = data.get(m, index);
        float[] image = r.getData().head().toFloatArray();
        float[] withLabel = java.util.Arrays.copyOf(image, image.length + 1);
        withLabel[image.length] = r.getLabels().head().getInt();
        return withLabel;
    }

    @Test
    void aShuffledPassOnLoaderThreadsGivesEachIndexTheRecordOfItsSeedEpochAndIndex() throws Exception {
        Path root = photoFolder();
        try (NDManager m = NDManager.newBaseManager()) {
            Map<Long, float[]> epoch0 = new HashMap<>(), epoch1 = new HashMap<>();
            AugmentedDataset reference0 = builder(root).threads(0).setSampling(3, false).build();
            AugmentedDataset reference1 = builder(root).threads(0).epoch(1).setSampling(3, false).build();
            for (long i = 0; i < 8; i++) {
                epoch0.put(i, record(reference0, m, i));
                epoch1.put(i, record(reference1, m, i));
            }
            for (int threads : new int[] {0, 1, 2}) {
                AugmentedDataset data = builder(root).threads(threads).optPrefetchNumber(1).setSampling(3, true).build();
                assertThat(data.epoch()).isZero();
                List<Long> order = new ArrayList<>();
                assertThat(pass(data, m, order)).as("first pass, %d threads", threads).containsExactlyInAnyOrderEntriesOf(epoch0);
                assertThat(order).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
                assertThat(data.epoch()).isZero();
                assertThat(pass(data, m, new ArrayList<>())).as("second pass, %d threads", threads).containsExactlyInAnyOrderEntriesOf(epoch1);
                assertThat(data.epoch()).isEqualTo(1);
                assertThat(record(data, m, 3)).as("get() in the current pass's epoch").isEqualTo(epoch1.get(3L));
            }
            assertThat(epoch0.get(3L)).isNotEqualTo(epoch1.get(3L));
        }
    }

    @Test
    void variableBoxCountsArePaddedPerBatchWithRowsOfMinusOne() throws Exception {
        BboxParams coco = BboxParams.of("coco", "category_id");
        Compose flip = Compose.builder().add(A.HorizontalFlip().withP(1)).bboxParams(coco).build();
        double[][][] boxes = {{}, {{10, 20, 100, 50}}, {{10, 20, 100, 50}, {200, 100, 40, 40}, {5, 5, 10, 10}}};
        List<Sample> samples = new ArrayList<>();
        for (double[][] b : boxes) {
            Mat photo = ImageIO.readRgb(TestData.data("photos/chelsea.png"));
            List<Object> categories = new ArrayList<>();
            for (int i = 0; i < b.length; i++) categories.add(i + 1);
            samples.add(Sample.builder().image(photo)
                    .boxes(TargetCodec.decodeBoxes(b, Map.of("category_id", categories), coco, photo.cols(), photo.rows())).build());
        }
        try (NDManager m = NDManager.newBaseManager()) {
            AugmentedDataset data = AugmentedDataset.builder(SampleSource.of(samples), flip).detection("category_id").threads(2)
                    .setSampling(3, false).build();
            assertThat(data.get(m, 0).getLabels().head().getShape()).isEqualTo(new Shape(0, 5));
            assertThat(data.get(m, 2).getLabels().head().getShape()).isEqualTo(new Shape(3, 5));
            int batches = 0;
            for (Batch batch : data.getData(m)) {
                try (batch) {
                    batches++;
                    NDArray labels = batch.getLabels().singletonOrThrow();
                    assertThat(labels.getShape()).isEqualTo(new Shape(3, 3, 5));
                    float[][] rows = new float[9][];
                    float[] all = labels.toFloatArray();
                    for (int r = 0; r < 9; r++) rows[r] = java.util.Arrays.copyOfRange(all, 5 * r, 5 * r + 5);
                    for (int r : new int[] {0, 1, 2, 4, 5}) assertThat(rows[r]).as("padding row %d", r).containsOnly(-1f);
                    assertThat(rows[3][0]).isEqualTo(1f);
                    assertThat(new float[] {rows[6][0], rows[7][0], rows[8][0]}).containsExactly(1f, 2f, 3f);
                    assertThat(data.get(m, 2).getLabels().head().toFloatArray()).containsExactly(java.util.Arrays.copyOfRange(all, 30, 45));
                }
            }
            assertThat(batches).isEqualTo(1);
        } finally {
            samples.forEach(Sample::close);
        }
        assertThat(samples.get(0).isClosed()).isTrue();   // lent samples were not closed by the pass (closed here)
    }

    @Test
    void lentSamplesSurviveAPassOnLoaderThreads() throws Exception {
        List<Sample> samples = List.of(Sample.of(ImageIO.readRgb(TestData.data("photos/chelsea.png"))).withMetadata(SampleSource.CLASS_INDEX, 0),
                Sample.of(ImageIO.readRgb(TestData.data("photos/coffee.png"))).withMetadata(SampleSource.CLASS_INDEX, 1));
        try (NDManager m = NDManager.newBaseManager()) {
            AugmentedDataset data = AugmentedDataset.builder(SampleSource.of(samples), A.Compose(A.Resize(8, 8))).threads(2).setSampling(2, false).build();
            for (int pass = 0; pass < 2; pass++) {
                for (Batch batch : data.getData(m)) batch.close();
            }
            assertThat(samples).noneMatch(Sample::isClosed);
        } finally {
            samples.forEach(Sample::close);
        }
    }

    @Test
    void anUnreadableSampleInAPassFailsNamingRecordAndFileOrIsSkipped() throws Exception {
        Path root = AugmentedDatasetTest.withUnreadableSample(tmp.resolve("broken"));
        Compose recipe = A.Compose(A.Resize(16, 16));
        try (NDManager m = NDManager.newBaseManager()) {
            AugmentedDataset failing = AugmentedDataset.builder(SampleSource.imageFolder(root), recipe).threads(2).setSampling(1, false).build();
            Iterator<Batch> it = failing.getData(m).iterator();
            it.next().close();
            assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("record 1 of epoch 0 failed").hasMessageContaining("sample 1 cannot be read").hasMessageContaining("2.png");
            AugmentedDataset skipping = AugmentedDataset.builder(SampleSource.imageFolder(root), recipe).threads(2)
                    .onUnreadable(AugmentedDataset.Unreadable.SKIP).setSampling(3, false).build();
            for (Batch batch : skipping.getData(m)) {
                try (batch) {
                    assertThat(batch.getLabels().head().toIntArray()).containsExactly(0, 1, 1);   // sample 2, class b, took record 1's place
                }
            }
        }
    }

    @Test
    void closingTheManagerMidPassStopsTheLoaderThreads() throws Exception {
        Path root = photoFolder();
        long before = loaderThreads();
        NDManager m = NDManager.newBaseManager();
        AugmentedDataset data = builder(root).threads(2).setSampling(1, false).build();
        Iterator<Batch> it = data.getData(m).iterator();
        it.next().close();
        assertThat(loaderThreads()).isEqualTo(before + 2);
        m.close();   // the trainer stops early and closes its manager
        assertThat(loaderThreads()).isEqualTo(before);
    }

    private static long loaderThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(Loader.THREAD_PREFIX)).count();
    }

    @Test
    void maskFolderSegmentationLabelsAreTheMasksMovedWithTheImage() throws Exception {
        Path dir = tmp.resolve("masks");
        Path coco = TestData.data("coco/images"), masks = TestData.data("masks/coco_derived");
        for (String folder : new String[] {"images", "instances", "semantic"}) Files.createDirectories(dir.resolve(folder));
        for (String stem : List.of("000000000790", "000000129648", "000000174375")) {
            Files.copy(coco.resolve(stem + ".jpg"), dir.resolve("images/" + stem + ".jpg"));
            Files.copy(masks.resolve(stem + "_instances.png"), dir.resolve("instances/" + stem + ".png"));
            Files.copy(masks.resolve(stem + "_semantic.png"), dir.resolve("semantic/" + stem + ".png"));
        }
        org.augment4j.datasets.Dataset dataset = org.augment4j.datasets.MaskFolders.read(dir);
        Compose crop = A.Compose(A.RandomCrop(128, 160), A.HorizontalFlip(), A.Rotate().with("limit", Range.of(-20, 20)));
        AugmentedDataset data = AugmentedDataset.builder(dataset, crop).segmentation().threads(2).seed(4).setSampling(3, false).build();
        SampleSource source = org.augment4j.datasets.DatasetSamples.of(dataset);
        try (NDManager m = NDManager.newBaseManager()) {
            for (Batch batch : data.getData(m)) {
                try (batch) {
                    assertThat(batch.getLabels()).hasSize(2);
                    assertThat(batch.getLabels().get(0).getShape()).isEqualTo(new Shape(3, 128, 160));
                    assertThat(batch.getLabels().get(0).getDataType()).isEqualTo(DataType.INT32);
                    for (int k = 0; k < 3; k++) {
                        try (Sample in = source.get(k); Sample out = crop.apply(in, org.augment4j.Seeds.mix(org.augment4j.Seeds.mix(4, 0), k))) {
                            assertThat(batch.getLabels().get(0).get(k).toIntArray()).isEqualTo(Tensors.mask(m, out.mask()).toIntArray());
                            assertThat(batch.getLabels().get(1).get(k).toIntArray()).isEqualTo(Tensors.mask(m, out.masks().get("semantic")).toIntArray());
                            assertThat(batch.getLabels().get(0).get(k).max().getInt()).isPositive();
                        }
                    }
                }
            }
        }
    }
}
