package org.augment4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.TestData;
import org.augment4j.loader.Normalization;
import org.augment4j.loader.SampleSource;
import org.augment4j.opencv.ImageIO;
import org.augment4j.target.BboxParams;
import org.augment4j.target.TargetCodec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Augmented records in DJL's label conventions, batched by DJL, reproducible per (seed, epoch, index). */
class AugmentedDatasetTest {
    @TempDir
    Path tmp;

    @Test
    void classificationBatchesFromAnImageFolder() throws Exception {
        Path root = TestData.imageFolder(tmp.resolve("train"), i -> i < 3 ? "a" : "b", "astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "horse.png");
        Compose recipe = A.Compose(A.RandomResizedCrop(32, 32), A.HorizontalFlip());
        AugmentedDataset data = AugmentedDataset.builder(SampleSource.imageFolder(root), recipe).seed(3).normalization(Normalization.IMAGENET)
                .setSampling(2, false).build();
        assertThat(data.size()).isEqualTo(5);
        try (NDManager m = NDManager.newBaseManager()) {
            List<Integer> labels = new ArrayList<>();
            List<Long> sizes = new ArrayList<>();
            for (Batch batch : data.getData(m)) {
                try (batch) {
                    Shape s = batch.getData().head().getShape();
                    assertThat(s.get(1)).isEqualTo(3);
                    assertThat(s.get(2)).isEqualTo(32);
                    sizes.add(s.get(0));
                    for (int l : batch.getLabels().head().toIntArray()) labels.add(l);
                }
            }
            assertThat(sizes).containsExactly(2L, 2L, 1L);
            assertThat(labels).containsExactly(0, 0, 0, 1, 1);

            Record a = data.get(m, 4), b = data.get(m, 4);
            assertThat(a.getData().head().toFloatArray()).isEqualTo(b.getData().head().toFloatArray());
            assertThat(a.getLabels().head().getDataType()).isEqualTo(DataType.INT32);
            AugmentedDataset nextEpoch = AugmentedDataset.builder(SampleSource.imageFolder(root), recipe).seed(3).epoch(1)
                    .normalization(Normalization.IMAGENET).setSampling(2, false).build();
            assertThat(nextEpoch.get(m, 4).getData().head().toFloatArray()).isNotEqualTo(a.getData().head().toFloatArray());
        }
    }

    @Test
    void detectionRowsFollowTheBoxesAndPadToAFixedCount() throws Exception {
        BboxParams coco = BboxParams.of("coco", "category_id");
        Compose flip = Compose.builder().add(A.HorizontalFlip().withP(1)).bboxParams(coco).build();
        Mat photo = ImageIO.readRgb(TestData.data("photos/chelsea.png"));
        int w = photo.cols(), h = photo.rows();
        Sample sample = Sample.builder().image(photo)
                .boxes(TargetCodec.decodeBoxes(new double[][] {{10, 20, 100, 50}, {200, 100, 40, 40}}, Map.of("category_id", List.of(3, 7)), coco, w, h))
                .build();
        AugmentedDataset data = AugmentedDataset.builder(SampleSource.of(List.of(sample, sample)), flip).detection("category_id", 4)
                .setSampling(2, false).build();
        try (NDManager m = NDManager.newBaseManager()) {
            float[] rows = data.get(m, 0).getLabels().head().toFloatArray();
            assertThat(rows).hasSize(20);
            float[] want = {3, (float) (w - 110) / w, 20f / h, (float) (w - 10) / w, 70f / h, 7, (float) (w - 240) / w, 100f / h, (float) (w - 200) / w, 140f / h};
            for (int i = 0; i < want.length; i++) assertThat((double) rows[i]).as("value %d", i).isCloseTo(want[i], within(1e-5));
            for (int i = 10; i < 20; i++) assertThat(rows[i]).isEqualTo(-1f);
            for (Batch batch : data.getData(m)) {
                try (batch) {
                    assertThat(batch.getLabels().head().getShape()).isEqualTo(new Shape(2, 4, 5));
                    assertThat(batch.getData().head().getShape()).isEqualTo(new Shape(2, 3, h, w));
                }
            }
            AugmentedDataset tooSmall = AugmentedDataset.builder(SampleSource.of(List.of(sample)), flip).detection("category_id", 1).setSampling(1, false).build();
            assertThatThrownBy(() -> tooSmall.get(m, 0)).hasMessageContaining("sample 0 has 2 boxes after augmentation, more than maxObjects 1");
        } finally {
            sample.close();
        }
        assertThatThrownBy(() -> AugmentedDataset.builder(SampleSource.of(List.of()), A.Compose(A.Blur())).detection("category_id", 4))
                .hasMessageContaining("must declare bbox_params with the label field 'category_id'");
    }

    @Test
    void cocoThroughTheArticlePipelineStacksIntoDetectionBatches() throws Exception {
        org.augment4j.datasets.Dataset coco = org.augment4j.datasets.CocoReader.read(TestData.data("coco"));
        Compose article = Compose.builder()
                .add(A.RandomSizedCrop(org.augment4j.transform.Range.of(412, 612), 512, 512), A.ShiftScaleRotate(), A.RGBShift(), A.Blur(), A.GaussNoise(),
                        A.ElasticTransform(), A.MaskDropout().with("max_objects", org.augment4j.transform.Range.of(10, 15)).withP(1), A.Cutout().withP(1))
                .bboxParams(BboxParams.of("coco", "category_id", "object_index")).build();
        AugmentedDataset data = AugmentedDataset.builder(coco, article).detection("category_id", 64).seed(1).setSampling(4, false).build();
        java.util.Set<Float> categories = new java.util.HashSet<>();
        for (Map<String, Object> c : coco.categories()) categories.add(((Number) c.get("id")).floatValue());
        int boxes = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            for (Batch batch : data.getData(m)) {
                try (batch) {
                    Shape s = batch.getLabels().head().getShape();
                    assertThat(s.get(1)).isEqualTo(64);
                    assertThat(s.get(2)).isEqualTo(5);
                    assertThat(batch.getData().head().getShape().get(2)).isEqualTo(512);
                    float[] rows = batch.getLabels().head().toFloatArray();
                    for (int r = 0; r < rows.length; r += 5) {
                        if (rows[r] == -1f) continue;
                        boxes++;
                        assertThat(categories).contains(rows[r]);
                        assertThat(rows[r + 1]).isBetween(0f, 1f).isLessThan(rows[r + 3]);
                        assertThat(rows[r + 2]).isBetween(0f, 1f).isLessThan(rows[r + 4]);
                    }
                }
            }
        }
        assertThat(boxes).isGreaterThan(10);
    }

    /** An image folder whose sample 1 ({@code a/2.png}) is not an image: samples a/1.png (class 0), a/2.png, b/3.png (class 1). */
    static Path withUnreadableSample(Path root) throws IOException {
        Files.createDirectories(root.resolve("a"));
        Files.createDirectories(root.resolve("b"));
        Files.copy(TestData.data("photos/chelsea.png"), root.resolve("a/1.png"));
        Files.writeString(root.resolve("a/2.png"), "not an image");
        Files.copy(TestData.data("photos/coffee.png"), root.resolve("b/3.png"));
        return root;
    }

    @Test
    void anUnreadableSampleFailsNamingItOrIsSkipped() throws IOException {
        Path root = withUnreadableSample(tmp.resolve("broken"));
        Compose recipe = A.Compose(A.Resize(16, 16));
        try (NDManager m = NDManager.newBaseManager()) {
            AugmentedDataset failing = AugmentedDataset.builder(SampleSource.imageFolder(root), recipe).setSampling(1, false).build();
            assertThatThrownBy(() -> failing.get(m, 1)).isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("sample 1 cannot be read").hasMessageContaining("2.png");
            AugmentedDataset skipping = AugmentedDataset.builder(SampleSource.imageFolder(root), recipe)
                    .onUnreadable(AugmentedDataset.Unreadable.SKIP).setSampling(1, false).build();
            Record r = skipping.get(m, 1);
            assertThat(r.getLabels().head().getInt()).isEqualTo(1);   // sample 2, class b, took its place
            assertThat(r.getData().head().toFloatArray()).isEqualTo(skipping.get(m, 2).getData().head().toFloatArray());
        }
    }

    @Test
    void keypointRowsAreNormalisedWithVisibilityAndPadding() throws Exception {
        org.augment4j.target.KeypointParams xy = org.augment4j.target.KeypointParams.of("xy").withRemoveInvisible(false);
        Compose flipAndShift = Compose.builder().add(A.HorizontalFlip().withP(1)).keypointParams(xy).build();
        Mat photo = ImageIO.readRgb(TestData.data("photos/chelsea.png"));
        int w = photo.cols(), h = photo.rows();
        Sample sample = Sample.builder().image(photo)
                .keypoints(TargetCodec.decodeKeypoints(new double[][] {{10, 20}, {100, 50}}, Map.of(), xy, w, h)).build();
        AugmentedDataset data = AugmentedDataset.builder(SampleSource.of(List.of(sample)), flipAndShift).keypoints(3).setSampling(1, false).build();
        try (NDManager m = NDManager.newBaseManager()) {
            float[] rows = data.get(m, 0).getLabels().head().toFloatArray();
            double[][] flipped;
            try (Sample out = flipAndShift.apply(sample, org.augment4j.Seeds.mix(org.augment4j.Seeds.mix(0, 0), 0))) {
                flipped = TargetCodec.encodeKeypoints(out.keypoints(), xy);   // the library's own flip of the points
            }
            assertThat(flipped[0][0]).isCloseTo(w - 10, within(1.0));
            float[] want = {(float) flipped[0][0] / w, 20f / h, 1, (float) flipped[1][0] / w, 50f / h, 1, -1, -1, -1};
            for (int i = 0; i < want.length; i++) assertThat((double) rows[i]).as("value %d", i).isCloseTo(want[i], within(1e-5));
        } finally {
            sample.close();
        }
        Compose outside = Compose.builder().add(A.Crop(0, 0, 50, 50)).keypointParams(xy).build();
        Mat photo2 = ImageIO.readRgb(TestData.data("photos/chelsea.png"));
        Sample second = Sample.builder().image(photo2)
                .keypoints(TargetCodec.decodeKeypoints(new double[][] {{10, 20}, {100, 50}}, Map.of(), xy, photo2.cols(), photo2.rows())).build();
        try (NDManager m = NDManager.newBaseManager()) {
            float[] rows = AugmentedDataset.builder(SampleSource.of(List.of(second)), outside).keypoints(2).setSampling(1, false).build()
                    .get(m, 0).getLabels().head().toFloatArray();
            assertThat(rows[2]).isEqualTo(1f);
            assertThat(rows[5]).as("the point the crop left out").isEqualTo(0f);
        } finally {
            second.close();
        }
        assertThatThrownBy(() -> AugmentedDataset.builder(SampleSource.of(List.of()), A.Compose(A.Blur())).keypoints(4))
                .hasMessageContaining("must declare keypoint_params");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"coco", "yolo", "yolo-seg", "voc"})
    void everyDatasetFormatGivesOneDetectionRowPerObjectFlippedWithItsPixels(String format) throws Exception {
        Path data = TestData.data("");
        Path images = data.resolve("coco/images");
        org.augment4j.datasets.Dataset dataset = switch (format) {
            case "coco" -> org.augment4j.datasets.CocoReader.read(data.resolve("coco"));
            case "yolo" -> org.augment4j.datasets.Yolo.read(images, data.resolve("yolo/labels"), data.resolve("yolo/data.yaml"), org.augment4j.datasets.Yolo.Task.DETECT);
            case "yolo-seg" -> org.augment4j.datasets.Yolo.read(images, data.resolve("yolo/labels-seg"), data.resolve("yolo/data.yaml"), org.augment4j.datasets.Yolo.Task.SEGMENT);
            default -> org.augment4j.datasets.Voc.read(data.resolve("voc/coco_derived/Annotations"), images, false);
        };
        assertThat(dataset.images()).hasSize(10);
        Compose flip = Compose.builder().add(A.HorizontalFlip().withP(1)).bboxParams(BboxParams.of("coco", "category_id")).build();
        AugmentedDataset records = AugmentedDataset.builder(dataset, flip).detection("category_id").threads(1).setSampling(10, false).build();
        try (NDManager m = NDManager.newBaseManager()) {
            for (int i = 0; i < 10; i++) {
                var image = dataset.images().get(i);
                List<org.augment4j.datasets.DatasetObject> objects = image.objects().stream().filter(o -> !o.crowd()).toList();
                float[] rows = records.get(m, i).getLabels().head().toFloatArray();
                assertThat(rows.length / 5).as("%s image %d", format, i).isEqualTo(objects.size());
                for (int r = 0; r < objects.size(); r++) {
                    double[] box = objects.get(r).bbox();   // COCO [x, y, w, h] in pixels
                    assertThat((double) rows[5 * r]).isEqualTo(objects.get(r).categoryId());
                    assertThat((double) rows[5 * r + 1]).as("%s image %d object %d x0", format, i, r)
                            .isCloseTo(Math.max(0, (image.width() - box[0] - box[2]) / image.width()), within(1e-4));
                    assertThat((double) rows[5 * r + 4]).isCloseTo(Math.min(1, (box[1] + box[3]) / image.height()), within(1e-4));
                }
                if (format.equals("yolo-seg")) assertThat(records.get(m, i).getLabels().size()).isEqualTo(1);
            }
        }
    }
}
