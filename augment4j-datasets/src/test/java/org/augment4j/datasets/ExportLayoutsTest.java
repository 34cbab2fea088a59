package org.augment4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.augment4j.OutsidePaths;
import org.augment4j.opencv.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layouts and quirks of CVAT, Roboflow, Ultralytics and labelImg exports ({@link ExportFixtures}), read as found. */
class ExportLayoutsTest {
    @TempDir
    Path tmp;

    @Test
    void cvatCocoIsFoundItsBoxesComeFromThePolygonsAndItsAttributesAreKept() throws IOException {
        Path dir = ExportFixtures.cvatCoco(tmp.resolve("cvat"));
        List<DatasetSplit> splits = CocoLayout.read(dir, null, OutsidePaths.REFUSE);
        assertThat(splits).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("default");
            assertThat(s.labels()).isEqualTo(dir.resolve("annotations/instances_default.json"));
            assertThat(s.imageDir()).isEqualTo(dir.resolve("images"));
        });
        Dataset d = splits.get(0).dataset();
        assertThat(d.problems()).isEmpty();
        assertThat(d.images()).extracting(DatasetImage::fileName).containsExactly("gray.jpg", "colour.jpg");
        assertThat(d.images().get(0).extra()).containsEntry("date_captured", "");
        DatasetObject first = d.images().get(0).objects().get(0);
        assertThat(first.bbox()).containsExactly(new double[] {2, 3, 18, 12}, within(1e-9));
        assertThat(d.images().get(1).objects().get(1).bbox()).containsExactly(5, 5, 10, 7);
        assertThat(first.extra().get(CocoReader.OTHER_FIELDS)).isEqualTo(Map.of("attributes",
                Map.of("Damage location", "", "Severity", "", "occluded", false)));
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("3 bbox(es)").contains("did not match their polygon's extent"));
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("2 of 4 categories").contains("3 'knob'").contains("4 'vent'"));

        // The grayscale JPEG is read as RGB of the stated size.
        try (Mat m = ImageIO.readRgb(d.images().get(0).file())) {
            assertThat(new int[] {m.cols(), m.rows(), m.channels()}).containsExactly(40, 30, 3);
        }
        // Written back, the attributes come out unchanged beside the standard keys.
        Map<String, Object> json = CocoWriter.toJson(d, d.images());
        @SuppressWarnings("unchecked")
        Map<String, Object> ann = ((List<Map<String, Object>>) json.get("annotations")).get(0);
        assertThat(ann).containsKeys("id", "image_id", "category_id", "bbox", "area", "iscrowd", "segmentation")
                .containsEntry("attributes", Map.of("Damage location", "", "Severity", "", "occluded", false));
    }

    @Test
    void cvatKeypointsComeFromTheirOwnFileOrBesideTheInstances() throws IOException {
        Path dir = ExportFixtures.cvatCoco(tmp.resolve("kp"));
        String kp = """
                {"categories": [{"id": 1, "name": "seat", "keypoints": ["left_x", "right_x"], "skeleton": [[1, 2]]}],
                 "images": [{"id": 1, "width": 40, "height": 30, "file_name": "gray.jpg"}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [2, 3, 18, 12], "keypoints": [4, 5, 2, 15, 6, 1], "num_keypoints": 2}]}
                """;
        Files.writeString(dir.resolve("annotations/person_keypoints_default.json"), kp);
        Dataset joined = CocoLayout.read(dir, null, OutsidePaths.REFUSE).get(0).dataset();
        assertThat(joined.images().get(0).objects().get(0).keypoints()).containsExactly(4, 5, 2, 15, 6, 1);
        assertThat(joined.keypointNames()).containsExactly("left_x", "right_x");
        assertThat(joined.flipIndex()).containsExactly(1, 0);

        // CVAT's "COCO Keypoints 1.0" export alone: keypoints in the same file.
        Files.delete(dir.resolve("annotations/instances_default.json"));
        List<DatasetSplit> alone = CocoLayout.read(dir, null, OutsidePaths.REFUSE);
        assertThat(alone).singleElement().satisfies(s -> assertThat(s.labels().getFileName().toString()).isEqualTo("person_keypoints_default.json"));
        assertThat(alone.get(0).dataset().images().get(0).objects().get(0).keypoints()).containsExactly(4, 5, 2, 15, 6, 1);
    }

    @Test
    void roboflowSplitsResolveBesideTheirFileAndItsQuirksAreNoted() throws IOException {
        Path dir = ExportFixtures.roboflowCoco(tmp.resolve("rf"));
        List<DatasetSplit> splits = CocoLayout.read(dir, null, OutsidePaths.REFUSE);
        assertThat(splits).extracting(DatasetSplit::name).containsExactly("train", "valid");
        for (DatasetSplit s : splits) {
            assertThat(s.imageDir()).isEqualTo(s.labels().getParent());
            Dataset d = s.dataset();
            assertThat(d.problems()).isEmpty();
            assertThat(d.images()).hasSize(2).allSatisfy(i -> assertThat(i.file()).isRegularFile());
            assertThat(d.images().get(0).extra()).containsEntry("id", 0);
            // 0.4 px past the 32 px image: clipped.
            assertThat(d.images().get(0).objects().get(1).bbox()).containsExactly(new double[] {20, 16, 12, 16}, within(1e-9));
            assertThat(d.images().get(0).objects().get(0).bbox()).containsExactly(4, 4, 10.5, 8.25);
            assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("1 bbox(es)").contains("overshot their image (by up to 0.400 px)"));
            assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("0 'parts'").contains("used by no annotation"));
            assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("category name 'parts'").contains("[0, 2]"));
            assertThat(d.categoryLabel(2)).isEqualTo("parts (id 2)");
            assertThat(d.categoryLabel(1)).isEqualTo("door");
            assertThat(d.categories()).hasSize(3);
        }
        // CocoReader.read(dir) wants a single set and says how to read several.
        assertThatThrownBy(() -> CocoReader.read(dir)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 annotation sets");
        // A file named explicitly is read alone.
        List<DatasetSplit> named = CocoLayout.read(dir, dir.resolve("valid/_annotations.coco.json"), OutsidePaths.REFUSE);
        assertThat(named).singleElement().satisfies(s -> assertThat(s.imageDir()).isEqualTo(dir.resolve("valid")));
    }

    @Test
    void aSingleJsonAtTheTopIsFoundAndSeveralMustBeNamed() throws IOException {
        Path dir = tmp.resolve("top");
        ExportFixtures.image(dir.resolve("images/x.png"), 10, 10, false);
        String coco = "{\"images\": [{\"id\": 1, \"file_name\": \"x.png\", \"width\": 10, \"height\": 10}], \"categories\": [{\"id\": 1, \"name\": \"a\"}],"
                + " \"annotations\": [{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 1, 4, 4]}]}";
        Files.writeString(dir.resolve("my export.json"), coco);
        Files.writeString(dir.resolve("notes.json"), "{\"comment\": \"not COCO\"}");
        List<DatasetSplit> splits = CocoLayout.read(dir, null, OutsidePaths.REFUSE);
        assertThat(splits).singleElement().satisfies(s -> assertThat(s.imageDir()).isEqualTo(dir.resolve("images")));
        assertThat(splits.get(0).dataset().images().get(0).objects()).hasSize(1);

        Files.writeString(dir.resolve("second.json"), coco);
        assertThatThrownBy(() -> CocoLayout.read(dir, null, OutsidePaths.REFUSE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 annotation files at the top (my export.json, second.json)").hasMessageContaining("--annotations");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> CocoLayout.read(empty, null, OutsidePaths.REFUSE)).hasMessageContaining("has no annotation file")
                .hasMessageContaining("_annotations.coco.json");
    }

    @Test
    void discoveredFilesAndFoldersLeadingOutAreRefused() throws IOException {
        Path outside = ExportFixtures.roboflowCoco(tmp.resolve("elsewhere"));
        Path dir = Files.createDirectories(tmp.resolve("ds"));
        Files.createSymbolicLink(dir.resolve("train"), outside.resolve("train"));
        assertThatThrownBy(() -> CocoLayout.read(dir, null, OutsidePaths.REFUSE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("COCO dataset entry " + dir.resolve("train")).hasMessageContaining("--allow-outside-paths");
        assertThat(CocoLayout.read(dir, null, OutsidePaths.ALLOW)).hasSize(1);

        Path cvat = Files.createDirectories(tmp.resolve("cvat/annotations"));
        Files.createSymbolicLink(cvat.resolve("instances_default.json"), outside.resolve("train/_annotations.coco.json"));
        assertThatThrownBy(() -> CocoLayout.read(cvat.getParent(), null, OutsidePaths.REFUSE)).hasMessageContaining("instances_default.json")
                .hasMessageContaining("symbolic link");

        // A YOLO split that leads out is not followed.
        Path yolo = ExportFixtures.ultralytics(tmp.resolve("yolo"));
        Files.writeString(yolo.resolve("parts-seg.yaml"), "train: ../elsewhere/train\nval: images/val\nnames: [door, wheel]\n");
        YoloLayout layout = YoloLayout.discover(yolo, null, OutsidePaths.REFUSE);
        assertThat(layout.splits()).extracting(YoloLayout.Split::name).containsExactly("val");
        assertThat(layout.notes()).anySatisfy(n -> assertThat(n).startsWith("train: '../elsewhere/train'").contains("outside the dataset folder"));
    }

    @Test
    void ultralyticsNamedYamlWithAForeignPathReadsEverySplit() throws IOException {
        Path dir = ExportFixtures.ultralytics(tmp.resolve("useg"));
        YoloLayout layout = YoloLayout.discover(dir, null, OutsidePaths.REFUSE);
        assertThat(layout.dataFile()).isEqualTo(dir.resolve("parts-seg.yaml"));
        assertThat(layout.kind()).isEqualTo(YoloLayout.Kind.ULTRALYTICS);
        assertThat(layout.notes()).singleElement().asString().contains("path: '/home/some user/datasets/parts-seg'").contains("does not exist")
                .contains("data file's own folder");
        assertThat(layout.task(OutsidePaths.REFUSE)).isEqualTo(Yolo.Task.SEGMENT);
        List<DatasetSplit> splits = layout.read(Yolo.Task.SEGMENT, OutsidePaths.REFUSE);
        assertThat(splits).extracting(DatasetSplit::name).containsExactly("train", "val");
        assertThat(splits.get(0).labels()).isEqualTo(dir.toAbsolutePath().resolve("labels/train"));
        Dataset train = splits.get(0).dataset();
        assertThat(train.images()).extracting(DatasetImage::fileName).containsExactly("t1.jpg", "t2.jpg");
        assertThat(train.images().get(0).objects()).hasSize(2);
        assertThat(train.images().get(1).objects()).hasSize(1);
        assertThat(train.images().get(0).objects().get(0).bbox()).containsExactly(new double[] {4, 2, 16, 10}, within(1e-9));
        assertThat(train.categoryName(1)).isEqualTo("wheel");
        assertThat(train.problems()).isEmpty();
        assertThat(train.notes()).anySatisfy(n -> assertThat(n).startsWith("1 label file(s)").contains("have no image").contains("gone.txt"));
        assertThat(splits.get(1).dataset().images()).hasSize(1);

        // Named explicitly; several candidates otherwise.
        Files.writeString(dir.resolve("other.yml"), "names: [a]\n");
        assertThatThrownBy(() -> YoloLayout.discover(dir, null, OutsidePaths.REFUSE)).hasMessageContaining("2 data files").hasMessageContaining("--data");
        assertThat(YoloLayout.discover(dir, dir.resolve("parts-seg.yaml"), OutsidePaths.REFUSE).splits()).hasSize(2);
    }

    @Test
    void cvatDarknetYoloReadsLabelsBesideTheImages() throws IOException {
        Path dir = ExportFixtures.darknet(tmp.resolve("dn"));
        YoloLayout layout = YoloLayout.discover(dir, null, OutsidePaths.REFUSE);
        assertThat(layout.kind()).isEqualTo(YoloLayout.Kind.DARKNET);
        assertThat(layout.task(OutsidePaths.REFUSE)).isEqualTo(Yolo.Task.DETECT);
        List<DatasetSplit> splits = layout.read(Yolo.Task.DETECT, OutsidePaths.REFUSE);
        assertThat(splits).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("train");
            assertThat(s.labels()).isEqualTo(s.imageDir());
        });
        Dataset d = splits.get(0).dataset();
        assertThat(d.categories()).extracting(c -> c.get("name")).containsExactly("door", "wheel");
        assertThat(d.images()).extracting(DatasetImage::fileName).containsExactly("a.jpg", "b.png");
        assertThat(d.images().get(0).objects()).hasSize(2);
        assertThat(d.images().get(0).objects().get(0).bbox()).containsExactly(new double[] {4, 6, 12, 8}, within(1e-9));
        assertThat(d.images().get(1).objects()).isEmpty();
        assertThat(d.notes()).isEmpty();
    }

    @Test
    void labelImgXmlBesideTheImagesWithEmptyAndMissingXml() throws IOException {
        Path dir = ExportFixtures.labelImg(tmp.resolve("li"));
        List<DatasetSplit> splits = Voc.readLayout(dir, true, OutsidePaths.REFUSE);
        assertThat(splits).singleElement().satisfies(s -> {
            assertThat(s.name()).isEmpty();
            assertThat(s.imageDir()).isEqualTo(dir);
        });
        Dataset d = splits.get(0).dataset();
        assertThat(d.problems()).isEmpty();
        assertThat(d.images()).extracting(DatasetImage::fileName).containsExactly("empty.jpg", "one.jpg", "unlabelled.jpg");
        assertThat(d.images()).extracting(i -> i.objects().size()).containsExactly(0, 1, 0);
        assertThat(d.images().get(2).width()).isEqualTo(40);
        assertThat(d.notes()).singleElement().asString().startsWith("1 image(s)").contains("have no VOC file").contains("unlabelled.jpg");
        assertThat(Voc.format(d.images().get(0), d, true)).contains("<filename>empty.jpg</filename>").doesNotContain("<object>");
    }
}
