package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.OutsidePaths;
import org.augment4j.datasets.CocoLayout;
import org.augment4j.datasets.DatasetSplit;
import org.augment4j.datasets.ExportFixtures;
import org.augment4j.datasets.Voc;
import org.augment4j.datasets.YoloLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} and {@code preview} on exports as labelling tools write them: found without renaming, written back in the same layout. */
class ExportRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path flip;

    @BeforeEach
    void pipeline() throws IOException {
        flip = tmp.resolve("flip.json");
        Files.writeString(flip, "{\"__version__\": \"1.3.1\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": ["
                + "{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 1.0}]}}");
    }

    private Cli.Result run(Path in, String format, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--input", in.toString(), "--format", format, "--pipeline", flip.toString(),
                "--copies", "1", "--out", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(Path out) throws IOException {
        return JSON.readValue(out.resolve("report.json").toFile(), Map.class);
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).filter(f -> !f.startsWith(".augment4j")).sorted().toList();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void roboflowInGivesRoboflowOutWithEverySplit() throws IOException {
        Path in = ExportFixtures.roboflowCoco(tmp.resolve("rf")), out = tmp.resolve("out");
        Cli.Result r = run(in, "coco", out);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("run: note: 1 bbox(es)").contains("category name 'parts'");
        assertThat(r.out()).contains("4 images in, 4 images out").contains("6 objects in, 6 objects out in 2 splits (train, valid)").contains("parts (id 2)");
        assertThat(files(out)).filteredOn(f -> f.endsWith(".json")).containsExactly("report.json", "train/_annotations.coco.json", "valid/_annotations.coco.json");
        assertThat(files(out)).filteredOn(f -> f.endsWith(".jpg")).hasSize(4).allMatch(f -> f.startsWith("train/") || f.startsWith("valid/"));
        Map<String, Object> report = report(out);
        assertThat(report).containsEntry("objects_in", 6).containsEntry("objects_out", 6).containsEntry("annotation_problems", List.of());
        assertThat((List<String>) report.get("notes")).hasSize(6);
        assertThat((List<Map<String, Object>>) report.get("splits")).extracting(s -> s.get("name") + ":" + s.get("images") + ":" + s.get("objects_out"))
                .containsExactly("train:train:3", "valid:valid:3");

        // What came out reads back the same way, with the source's categories and header, and flipped boxes.
        List<DatasetSplit> back = CocoLayout.read(out, null, OutsidePaths.REFUSE);
        assertThat(back).extracting(DatasetSplit::name).containsExactly("train", "valid");
        Map<String, Object> src = JSON.readValue(in.resolve("train/_annotations.coco.json").toFile(), Map.class);
        Map<String, Object> got = JSON.readValue(out.resolve("train/_annotations.coco.json").toFile(), Map.class);
        assertThat(got.get("categories")).isEqualTo(src.get("categories"));
        assertThat(got.get("info")).isEqualTo(src.get("info"));
        Map<String, Object> a = ((List<Map<String, Object>>) got.get("annotations")).get(0);
        assertThat((List<Number>) a.get("bbox")).extracting(Number::doubleValue).containsExactly(17.5, 4.0, 10.5, 8.25);

        Cli.Result p = Cli.run("preview", "--input", in.toString(), "--format", "coco", "--pipeline", flip.toString(), "--n", "4", "--out", tmp.resolve("p.png").toString());
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.err()).contains("preview: note:");
        assertThat(p.out()).contains("4 augmentations of 4 images");
    }

    @Test
    @SuppressWarnings("unchecked")
    void cvatInGivesWhatCvatImportsWithTheAttributesUnchanged() throws IOException {
        Path in = ExportFixtures.cvatCoco(tmp.resolve("cvat")), out = tmp.resolve("out");
        Cli.Result r = run(in, "coco", out);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(files(out)).containsExactly("annotations/instances_default.json", "images/colour_0_" + hex(files(out), "colour"),
                "images/gray_0_" + hex(files(out), "gray"), "report.json");
        Map<String, Object> src = JSON.readValue(in.resolve("annotations/instances_default.json").toFile(), Map.class);
        Map<String, Object> got = JSON.readValue(out.resolve("annotations/instances_default.json").toFile(), Map.class);
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(src.keySet());
        assertThat(got.get("categories")).isEqualTo(src.get("categories"));
        List<Map<String, Object>> anns = (List<Map<String, Object>>) got.get("annotations"), srcAnns = (List<Map<String, Object>>) src.get("annotations");
        assertThat(anns).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(anns.get(i).keySet()).containsAll(srcAnns.get(i).keySet());
            assertThat(anns.get(i).get("attributes")).isEqualTo(srcAnns.get(i).get("attributes"));
        }
        // The box is the flipped polygon's extent (the file's own boxes disagreed with the polygons): [2, 3, 18, 12] on a 40 px image.
        assertThat((List<Number>) anns.get(0).get("bbox")).extracting(Number::doubleValue).containsExactly(20.0, 3.0, 18.0, 12.0);
        assertThat(((List<Map<String, Object>>) got.get("images")).get(0)).containsEntry("date_captured", "").containsEntry("width", 40);

        // --annotations names the file explicitly; it must exist.
        Cli.Result named = run(in, "coco", tmp.resolve("out2"), "--annotations", in.resolve("annotations/instances_default.json").toString());
        assertThat(named.code()).as(named.err()).isZero();
        assertThat(tmp.resolve("out2/annotations/instances_default.json")).isRegularFile();
        Cli.Result missing = run(in, "coco", tmp.resolve("out3"), "--annotations", in.resolve("nope.json").toString());
        assertThat(missing.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.errLines()).singleElement().asString().contains("COCO annotation file not found");
        Cli.Result wrong = run(in, "yolo", tmp.resolve("out4"), "--annotations", in.resolve("annotations/instances_default.json").toString());
        assertThat(wrong.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(wrong.errLines()).singleElement().asString().contains("--annotations").contains("does not apply to --format yolo");
    }

    private static String hex(List<String> files, String stem) {
        return files.stream().filter(f -> f.startsWith("images/" + stem + "_0_")).findFirst().orElseThrow().substring(("images/" + stem + "_0_").length());
    }

    @Test
    void ultralyticsSplitsAndTheNamedDataFileAreKept() throws IOException {
        Path in = ExportFixtures.ultralytics(tmp.resolve("useg")), out = tmp.resolve("out");
        Cli.Result r = run(in, "yolo", out);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("run: note: path: '/home/some user/datasets/parts-seg'").contains("1 label file(s)").contains("gone.txt");
        assertThat(r.out()).contains("3 images in, 3 images out").contains("4 objects in, 4 objects out in 2 splits (train, val)");
        List<String> files = files(out);
        assertThat(files).filteredOn(f -> f.startsWith("images/train/")).hasSize(2);
        assertThat(files).filteredOn(f -> f.startsWith("labels/train/")).hasSize(2);
        assertThat(files).filteredOn(f -> f.startsWith("images/val/")).hasSize(1);
        assertThat(files).filteredOn(f -> f.startsWith("labels/val/")).hasSize(1);
        assertThat(files).contains("parts-seg.yaml").doesNotContain("data.yaml");
        String yaml = Files.readString(out.resolve("parts-seg.yaml"));
        assertThat(yaml).contains("train: \"images/train\"").contains("val: \"images/val\"").contains("door").doesNotContain("path:");
        // The output is found and read the same way.
        YoloLayout back = YoloLayout.discover(out, null, OutsidePaths.REFUSE);
        assertThat(back.notes()).isEmpty();
        assertThat(back.read(back.task(OutsidePaths.REFUSE), OutsidePaths.REFUSE)).extracting(s -> s.dataset().images().size()).containsExactly(2, 1);
    }

    @Test
    void cvatDarknetInGivesDarknetOut() throws IOException {
        Path in = ExportFixtures.darknet(tmp.resolve("dn")), out = tmp.resolve("out");
        Cli.Result r = run(in, "yolo", out);
        assertThat(r.code()).as(r.err()).isZero();
        List<String> files = files(out);
        assertThat(files).contains("obj.data", "obj.names", "train.txt");
        assertThat(files).filteredOn(f -> f.startsWith("obj_train_data/")).hasSize(4);
        assertThat(Files.readString(out.resolve("obj.names"))).isEqualTo("door\nwheel\n");
        assertThat(Files.readString(out.resolve("obj.data"))).contains("classes = 2").contains("train = data/train.txt").contains("names = data/obj.names");
        List<String> listed = Files.readAllLines(out.resolve("train.txt"));
        assertThat(listed).hasSize(2).allMatch(l -> l.startsWith("data/obj_train_data/") && Files.isRegularFile(out.resolve(l.substring(5))));
        String a = files.stream().filter(f -> f.startsWith("obj_train_data/a_") && f.endsWith(".txt")).findFirst().orElseThrow();
        // Flipped: cx 0.25 -> 0.75, 0.75 -> 0.25.
        assertThat(Files.readString(out.resolve(a))).isEqualTo("0 0.750000 0.500000 0.300000 0.400000\n1 0.250000 0.500000 0.200000 0.600000\n");
    }

    @Test
    void labelImgVocIsWrittenBesideItsImages() throws IOException {
        Path in = ExportFixtures.labelImg(tmp.resolve("li")), out = tmp.resolve("out");
        Cli.Result r = run(in, "voc", out);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("have no VOC file").contains("unlabelled.jpg");
        List<String> files = files(out);
        assertThat(files).filteredOn(f -> f.endsWith(".xml")).hasSize(3).noneMatch(f -> f.contains("/"));
        assertThat(files).filteredOn(f -> f.endsWith(".jpg")).hasSize(3).noneMatch(f -> f.contains("/"));
        assertThat(Voc.readLayout(out, true, OutsidePaths.REFUSE).get(0).dataset().notes()).isEmpty();
    }
}
