package org.augment4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.augment4j.Compose;
import org.augment4j.TestData;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineFile;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The COCO reader, writer and {@link ObjectAugmenter} on the COCO subset of testdata/data (10 images, 176 objects, 4 crowd). */
class CocoDatasetTest {
    static final Path COCO = TestData.data("coco");
    static final Compose IDENTITY = new Compose(List.of());
    static final Compose FLIP = PipelineFile.fromJson("{\"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, "
            + "\"transforms\": [{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 1.0}]}}");

    @Test
    void readsInstancesWithKeypointsPolygonsAndRle() {
        Dataset d = CocoReader.read(COCO);
        assertThat(d.images()).hasSize(10);
        List<DatasetObject> all = d.images().stream().flatMap(i -> i.objects().stream()).toList();
        assertThat(all).hasSize(176);
        assertThat(all.stream().filter(DatasetObject::crowd)).hasSize(4)
                .allMatch(o -> o.segmentation() instanceof Segmentation.Rle);
        assertThat(all.stream().filter(o -> o.keypoints() != null)).hasSize(54).allMatch(o -> o.keypoints().length == 51);
        assertThat(d.keypointNames()).hasSize(17).startsWith("nose", "left_eye", "right_eye");
        assertThat(d.flipIndex()).startsWith(0, 2, 1, 4, 3);
        assertThat(d.header()).containsKeys("info", "licenses");
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void compressedRleDecodesToTheUncompressedCountsAndBack() {
        Dataset plain = CocoReader.read(COCO);
        Dataset packed = CocoReader.read(COCO.resolve("annotations/instances_compressed_rle.json"), null, COCO.resolve("images"));
        List<int[]> a = crowdCounts(plain), b = crowdCounts(packed);
        assertThat(b).hasSize(4);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i)).containsExactly(a.get(i));
            assertThat(Rle.decodeString(Rle.encodeString(a.get(i)))).containsExactly(a.get(i));
        }
    }

    @Test
    void identityReproducesBoxesAndKeypointsExactlyAndMasksWithinIoU() {
        Dataset d = CocoReader.read(COCO);
        ObjectAugmenter aug = new ObjectAugmenter(IDENTITY, d.flipIndex());
        int objects = 0;
        for (DatasetImage img : d.images()) {
            try (Mat image = ImageIO.readRgb(img.file())) {
                ObjectAugmenter.Result r = aug.apply(img, image, 1);
                try (Mat out = r.image()) {
                    assertThat(r.dropped()).isEmpty();
                    assertThat(r.kept()).hasSameSizeAs(img.objects());
                    for (int i = 0; i < r.kept().size(); i++) {
                        DatasetObject in = img.objects().get(i), o = r.kept().get(i);
                        double[] clipped = clip(in.bbox(), img.width(), img.height());
                        for (int k = 0; k < 4; k++) assertThat(CocoWriter.round(o.bbox()[k])).isEqualTo(clipped[k], within(1e-9));
                        if (in.keypoints() != null) assertThat(o.keypoints()).containsExactly(in.keypoints());
                        assertThat(maskIoU(in.segmentation(), o.segmentation(), img.width(), img.height()))
                                .as("object %s", in.extra().get("id")).isGreaterThanOrEqualTo(in.crowd() ? 1.0 : 0.9);
                        objects++;
                    }
                }
            }
        }
        assertThat(objects).isEqualTo(176);
    }

    @Test
    void horizontalFlipMirrorsBoxesMasksAndSwapsLeftRightKeypoints() {
        Dataset d = CocoReader.read(COCO);
        int[] flip = d.flipIndex();
        ObjectAugmenter aug = new ObjectAugmenter(FLIP, flip);
        int checkedPoints = 0;
        for (DatasetImage img : d.images()) {
            int w = img.width(), h = img.height();
            try (Mat image = ImageIO.readRgb(img.file())) {
                ObjectAugmenter.Result r = aug.apply(img, image, 7);
                r.image().close();
                assertThat(r.kept()).hasSameSizeAs(img.objects());
                for (int i = 0; i < r.kept().size(); i++) {
                    DatasetObject in = img.objects().get(i), o = r.kept().get(i);
                    double[] c = clip(in.bbox(), w, h);
                    assertThat(o.bbox()[0]).isCloseTo(w - c[0] - c[2], within(1e-6));
                    assertThat(o.bbox()[1]).isCloseTo(c[1], within(1e-6));
                    assertThat(o.bbox()[2]).isCloseTo(c[2], within(1e-6));
                    if (in.crowd()) {
                        // RLE is exact: the flipped object's mask is the mirrored source mask, pixel for pixel.
                        try (Mat src = MaskCodec.rasterise(in.segmentation(), w, h); Mat mirrored = new Mat();
                             Mat got = MaskCodec.rasterise(o.segmentation(), w, h)) {
                            org.bytedeco.opencv.global.opencv_core.flip(src, mirrored, 1);
                            assertThat(Mats.toBytes(got)).containsExactly(Mats.toBytes(mirrored));
                        }
                    }
                    if (in.keypoints() == null) continue;
                    double[] k = in.keypoints(), g = o.keypoints();
                    for (int j = 0; j < k.length / 3; j++) {
                        int t = flip[j];
                        double x = w - 1 - k[3 * j];  // Albumentations 1.3 keypoint flip: x' = W - 1 - x
                        if (k[3 * j + 2] > 0 && x >= 0) {
                            assertThat(g[3 * t]).isEqualTo(x);
                            assertThat(g[3 * t + 1]).isEqualTo(k[3 * j + 1]);
                            assertThat(g[3 * t + 2]).isEqualTo(k[3 * j + 2]);
                            checkedPoints++;
                        } else {
                            assertThat(new double[] {g[3 * t], g[3 * t + 1], g[3 * t + 2]}).containsExactly(0, 0, 0);
                        }
                    }
                }
            }
        }
        assertThat(checkedPoints).isGreaterThan(200);
    }

    @Test
    void writerOutputLoadsBackThroughTheReader(@TempDir Path dir) {
        Dataset d = CocoReader.read(COCO);
        ObjectAugmenter aug = new ObjectAugmenter(FLIP, d.flipIndex());
        List<DatasetImage> written = new ArrayList<>();
        for (DatasetImage img : d.images()) {
            try (Mat image = ImageIO.readRgb(img.file())) {
                ObjectAugmenter.Result r = aug.apply(img, image, 3);
                r.image().close();
                written.add(new DatasetImage("flip_" + img.fileName(), null, img.width(), img.height(), r.kept(), img.extra()));
            }
        }
        Path file = dir.resolve("annotations/instances.json");
        CocoWriter.write(file, d, written);
        Dataset back = CocoReader.read(file, null, dir.resolve("images"));
        assertThat(back.problems()).isEmpty();
        assertThat(back.categories()).isEqualTo(d.categories());
        assertThat(back.header()).isEqualTo(d.header());
        assertThat(back.images()).hasSize(10);
        for (int i = 0; i < 10; i++) {
            List<DatasetObject> a = written.get(i).objects(), b = back.images().get(i).objects();
            assertThat(b).hasSameSizeAs(a);
            for (int j = 0; j < a.size(); j++) {
                for (int k = 0; k < 4; k++) assertThat(b.get(j).bbox()[k]).isCloseTo(a.get(j).bbox()[k], within(0.005));
                assertThat(b.get(j).crowd()).isEqualTo(a.get(j).crowd());
                assertThat(b.get(j).categoryId()).isEqualTo(a.get(j).categoryId());
                if (a.get(j).keypoints() != null) assertThat(b.get(j).keypoints()).containsExactly(a.get(j).keypoints());
                if (!a.get(j).crowd()) {
                    assertThat(((Segmentation.Polygons) b.get(j).segmentation()).parts()).allMatch(p -> p.length >= 6);
                }
            }
        }
    }

    static double[] clip(double[] b, int w, int h) {
        double x0 = Math.max(0, b[0]), y0 = Math.max(0, b[1]), x1 = Math.min(w, b[0] + b[2]), y1 = Math.min(h, b[1] + b[3]);
        return new double[] {CocoWriter.round(x0), CocoWriter.round(y0), CocoWriter.round(x1 - x0), CocoWriter.round(y1 - y0)};
    }

    static double maskIoU(Segmentation a, Segmentation b, int w, int h) {
        try (Mat ma = MaskCodec.rasterise(a, w, h); Mat mb = MaskCodec.rasterise(b, w, h)) {
            byte[] pa = Mats.toBytes(ma), pb = Mats.toBytes(mb);
            int inter = 0, union = 0;
            for (int i = 0; i < pa.length; i++) {
                boolean x = pa[i] != 0, y = pb[i] != 0;
                if (x && y) inter++;
                if (x || y) union++;
            }
            return union == 0 ? 1 : (double) inter / union;
        }
    }

    static List<int[]> crowdCounts(Dataset d) {
        List<int[]> out = new ArrayList<>();
        for (DatasetImage i : d.images()) {
            for (DatasetObject o : i.objects()) if (o.segmentation() instanceof Segmentation.Rle r) out.add(r.counts());
        }
        return out;
    }

}
