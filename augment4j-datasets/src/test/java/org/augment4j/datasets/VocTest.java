package org.augment4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.augment4j.TestData;
import org.augment4j.opencv.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pascal VOC XML of testdata/data (0-based) through {@link ObjectAugmenter}. */
class VocTest {
    static final Path ANNOTATIONS = TestData.data("voc/coco_derived/Annotations");
    static final Path IMAGES = TestData.data("coco/images");

    private static DatasetImage augment(Dataset d, DatasetImage img, org.augment4j.Compose c) {
        try (Mat image = ImageIO.readRgb(img.file())) {
            ObjectAugmenter.Result r = new ObjectAugmenter(c, d.flipIndex()).apply(img, image, 2);
            int w = r.image().cols(), h = r.image().rows();
            r.image().close();
            return new DatasetImage(img.fileName(), null, w, h, r.kept(), img.extra());
        }
    }

    @Test
    void identityReproducesTheXmlFilesExactly() throws IOException {
        Dataset d = Voc.read(ANNOTATIONS, IMAGES, true);
        assertThat(d.images()).hasSize(10);
        int objects = 0;
        for (DatasetImage img : d.images()) {
            String want = Files.readString(ANNOTATIONS.resolve(img.extra().get("annotation_file").toString()));
            String got = Voc.format(augment(d, img, CocoDatasetTest.IDENTITY), d, true);
            assertThat(objectsOf(got)).isEqualTo(objectsOf(want));
            objects += img.objects().size();
        }
        assertThat(objects).isEqualTo(172);
    }

    @Test
    void flipMirrorsBoxesAndKeepsTruncationAtTheBorder() {
        Dataset d = Voc.read(ANNOTATIONS, IMAGES, true);
        for (DatasetImage img : d.images()) {
            DatasetImage out = augment(d, img, CocoDatasetTest.FLIP);
            assertThat(out.objects()).hasSameSizeAs(img.objects());
            for (int i = 0; i < out.objects().size(); i++) {
                double[] a = img.objects().get(i).bbox(), b = out.objects().get(i).bbox();
                assertThat(Math.round(b[0])).isEqualTo(Math.round(img.width() - a[0] - a[2]));
                assertThat(Math.round(b[0] + b[2])).isEqualTo(Math.round(img.width() - a[0]));
                assertThat(Math.round(b[1])).isEqualTo(Math.round(a[1]));
            }
            String xml = Voc.format(out, d, true);
            assertThat(xml.split("<truncated>1").length).isGreaterThanOrEqualTo(
                    (int) img.objects().stream().filter(o -> "1".equals(o.extra().get("truncated"))).count() + 1);
        }
    }

    @Test
    void oneBasedFilesAreReadAndWrittenInTheirOwnConvention(@TempDir Path dir) throws IOException {
        Dataset zero = Voc.read(ANNOTATIONS, IMAGES, true);
        DatasetImage img = zero.images().get(0);
        Files.writeString(dir.resolve("a.xml"), Voc.format(img, zero, false));
        Dataset one = Voc.read(dir, IMAGES, false);
        for (int i = 0; i < img.objects().size(); i++) {
            assertThat(one.images().get(0).objects().get(i).bbox()).containsExactly(img.objects().get(i).bbox());
        }
        assertThat(Files.readString(dir.resolve("a.xml"))).contains("<xmin>" + (Math.round(img.objects().get(0).bbox()[0]) + 1) + "</xmin>");
    }

    /** The {@code <object>} elements of a file, whitespace-normalised. */
    private static String objectsOf(String xml) {
        int start = xml.indexOf("<object>");
        return start < 0 ? "" : xml.substring(start, xml.lastIndexOf("</object>")).replaceAll("\\s+", "");
    }
}
