package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.TestData;
import org.augment4j.datasets.CocoReader;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code augment4j run} on the COCO subset of testdata/data: round trip, determinism, resume, corrupt inputs, refusals. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path COCO = TestData.data("coco");

    @TempDir
    Path tmp;

    private Path pipeline(String transforms) throws IOException {
        Path p = tmp.resolve("p" + Math.abs(transforms.hashCode()) + ".json");
        Files.writeString(p, "{\"__version__\": \"1.3.1\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": [" + transforms + "]}}");
        return p;
    }

    private Path augmenting() throws IOException {
        return pipeline("{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 0.5}, {\"__class_fullname__\": \"ShiftScaleRotate\", \"p\": 0.7},"
                + "{\"__class_fullname__\": \"RandomBrightnessContrast\", \"p\": 0.5}");
    }

    private Cli.Result run(Path in, Path p, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--input", in.toString(), "--format", "coco", "--pipeline", p.toString(),
                "--copies", "2", "--out", out.toString(), "--seed", "5"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void identityRunReproducesBoxesAndKeypointsAndLoadsBack() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = run(COCO, pipeline(""), out, "--include-original");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("10 images in, 30 images out").contains("person").contains("images/s");
        Dataset src = CocoReader.read(COCO);
        Dataset back = CocoReader.read(out);
        assertThat(back.images()).hasSize(30);
        assertThat(back.categories()).isEqualTo(src.categories());
        for (int i = 0; i < 30; i++) {
            DatasetImage in = src.images().get(i / 3), got = back.images().get(i);
            assertThat(Files.isRegularFile(got.file())).isTrue();
            assertThat(got.objects()).hasSameSizeAs(in.objects());
            for (int j = 0; j < in.objects().size(); j++) {
                DatasetObject a = in.objects().get(j), b = got.objects().get(j);
                double[] box = a.bbox();
                double x0 = Math.max(0, box[0]), y0 = Math.max(0, box[1]);
                double[] clipped = {x0, y0, Math.min(in.width(), box[0] + box[2]) - x0, Math.min(in.height(), box[1] + box[3]) - y0};
                for (int k = 0; k < 4; k++) assertThat(b.bbox()[k]).isCloseTo(clipped[k], within(0.005 + 1e-9));
                assertThat(b.categoryId()).isEqualTo(a.categoryId());
                assertThat(b.crowd()).isEqualTo(a.crowd());
                if (a.keypoints() != null) assertThat(b.keypoints()).containsExactly(a.keypoints());
            }
        }
    }

    @Test
    void outputDoesNotDependOnThreadsAndResumeCompletesAKilledRun() throws IOException {
        Path p = augmenting();
        Path one = tmp.resolve("one"), four = tmp.resolve("four");
        assertThat(run(COCO, p, one, "--threads", "1").code()).isZero();
        assertThat(run(COCO, p, four, "--threads", "4").code()).isZero();
        assertThat(files(four)).isEqualTo(files(one));
        for (Path f : files(one)) assertThat(Files.readAllBytes(four.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(one.resolve(f)));

        // A killed run: the annotation file was never written, some outputs never finished, a temporary file is left over.
        Files.delete(four.resolve("annotations/instances.json"));
        List<Path> images;
        try (Stream<Path> s = Files.list(four.resolve("images"))) {
            images = s.sorted().toList();
        }
        Files.delete(images.get(3));
        Files.delete(four.resolve(".augment4j/parts").resolve(images.get(7).getFileName() + ".json"));
        Files.write(four.resolve("images/.tmp-000000397133_1-123.jpg"), new byte[] {1, 2, 3});
        Cli.Result r = run(COCO, p, four, "--resume", "--threads", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(18 resumed)");
        assertThat(files(four)).isEqualTo(files(one));
        for (Path f : files(one)) {
            if (f.startsWith("report.json")) continue;
            assertThat(Files.readAllBytes(four.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(one.resolve(f)));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void corruptAndMissingImagesAreReportedNotFatal() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("images"));
        Files.createDirectories(in.resolve("annotations"));
        Files.copy(COCO.resolve("annotations/instances.json"), in.resolve("annotations/instances.json"));
        try (Stream<Path> s = Files.list(COCO.resolve("images"))) {
            for (Path f : s.toList()) Files.copy(f, in.resolve("images").resolve(f.getFileName()));
        }
        Files.write(in.resolve("images/000000397133.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
        Files.delete(in.resolve("images/000000183709.jpg"));
        Path out = tmp.resolve("out");
        Cli.Result r = run(in, augmenting(), out);
        assertThat(r.code()).isEqualTo(RunCommand.SKIPPED);
        assertThat(r.out()).contains("10 images in, 16 images out").contains("2 skipped");
        Map<String, Object> report = JSON.readValue(out.resolve("report.json").toFile(), Map.class);
        List<Map<String, Object>> skipped = (List<Map<String, Object>>) report.get("skipped");
        assertThat(skipped).extracting(m -> (String) m.get("file")).anyMatch(f -> f.endsWith("000000397133.jpg")).anyMatch(f -> f.endsWith("000000183709.jpg"));
        assertThat(skipped).extracting(m -> (String) m.get("reason")).anyMatch(s -> s.contains("corrupt")).anyMatch(s -> s.contains("not found"));
        assertThat(CocoReader.read(out).images()).hasSize(16);
    }

    @Test
    void refusesTheInputFolderANonEmptyOutputAndOtherFormats() throws IOException {
        Path p = pipeline("");
        Cli.Result inside = run(COCO, p, COCO.resolve("aug"));
        assertThat(inside.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(inside.errLines()).singleElement().asString().contains("inside the input folder");
        Path full = tmp.resolve("full");
        Files.createDirectories(full);
        Files.writeString(full.resolve("x.txt"), "x");
        Cli.Result nonEmpty = run(COCO, p, full);
        assertThat(nonEmpty.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(nonEmpty.errLines()).singleElement().asString().contains("not empty").contains("--resume").contains("--overwrite");
        assertThat(run(COCO, p, full, "--overwrite").code()).isZero();
        Cli.Result yolo = Cli.run("run", "--input", COCO.toString(), "--format", "tiff", "--pipeline", p.toString(), "--copies", "1", "--out", tmp.resolve("y").toString());
        assertThat(yolo.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(yolo.errLines()).singleElement().asString().contains("not supported");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyWrittenCocoAnnotationIsValid() throws IOException {
        Path out = tmp.resolve("out");
        Path p = pipeline("{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 0.5}, {\"__class_fullname__\": \"RandomSizedCrop\", \"p\": 1.0, "
                + "\"min_max_height\": [150, 400], \"height\": 320, \"width\": 320}, {\"__class_fullname__\": \"ShiftScaleRotate\", \"p\": 1.0}");
        Cli.Result r = Cli.run("run", "--input", COCO.toString(), "--format", "coco", "--pipeline", p.toString(), "--copies", "4",
                "--out", out.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> root = JSON.readValue(out.resolve("annotations/instances.json").toFile(), Map.class);
        Map<Object, Map<String, Object>> images = new java.util.HashMap<>();
        for (Map<String, Object> i : (List<Map<String, Object>>) root.get("images")) images.put(i.get("id"), i);
        java.util.Set<Integer> categories = new java.util.HashSet<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) root.get("categories")) categories.add((Integer) c.get("id"));
        List<Map<String, Object>> anns = (List<Map<String, Object>>) root.get("annotations");
        assertThat(anns).isNotEmpty();
        int points = 0;
        for (Map<String, Object> a : anns) {
            Map<String, Object> img = images.get(a.get("image_id"));
            assertThat(img).as("image of annotation %s", a.get("id")).isNotNull();
            double w = ((Number) img.get("width")).doubleValue(), h = ((Number) img.get("height")).doubleValue();
            List<Number> b = (List<Number>) a.get("bbox");
            assertThat(b.get(0).doubleValue()).isBetween(0.0, w);
            assertThat(b.get(1).doubleValue()).isBetween(0.0, h);
            assertThat(b.get(2).doubleValue()).isPositive();
            assertThat(b.get(3).doubleValue()).isPositive();
            assertThat(b.get(0).doubleValue() + b.get(2).doubleValue()).isLessThanOrEqualTo(w + 1e-9);
            assertThat(b.get(1).doubleValue() + b.get(3).doubleValue()).isLessThanOrEqualTo(h + 1e-9);
            assertThat(categories).contains((Integer) a.get("category_id"));
            if (a.get("segmentation") instanceof List<?> polys) {
                assertThat(polys).isNotEmpty().allMatch(q -> ((List<?>) q).size() >= 6 && ((List<?>) q).size() % 2 == 0);
            } else {
                assertThat(a.get("iscrowd")).isEqualTo(1);
            }
            if (a.get("keypoints") instanceof List<?> k) {
                assertThat(k).hasSize(51);
                int labelled = 0;
                for (int j = 0; j < 17; j++) {
                    double x = ((Number) k.get(3 * j)).doubleValue(), y = ((Number) k.get(3 * j + 1)).doubleValue();
                    int v = ((Number) k.get(3 * j + 2)).intValue();
                    if (v == 0) {
                        assertThat(new double[] {x, y}).containsExactly(0, 0);
                    } else {
                        assertThat(x).isBetween(0.0, w);
                        assertThat(y).isBetween(0.0, h);
                        labelled++;
                        points++;
                    }
                }
                assertThat(a.get("num_keypoints")).isEqualTo(labelled);
            }
        }
        assertThat(points).isPositive();
    }

    private Path copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
        return to;
    }

    @Test
    void yoloPoseRunWritesOneUltralyticsLabelFilePerImageAndDataYaml() throws IOException {
        Path in = tmp.resolve("yolo");
        copyTree(COCO.resolve("images"), in.resolve("images"));
        copyTree(TestData.data("yolo/labels-pose"), in.resolve("labels"));
        Files.copy(TestData.data("yolo/data.yaml"), in.resolve("data.yaml"));
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", "--input", in.toString(), "--format", "yolo", "--pipeline",
                pipeline("{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 1.0}").toString(), "--copies", "1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("10 images in, 10 images out");
        List<Path> labels = files(out).stream().filter(f -> f.startsWith("labels")).toList();
        assertThat(labels).hasSize(10);
        int lines = 0;
        for (Path l : labels) {
            for (String line : Files.readAllLines(out.resolve(l))) {
                assertThat(line).matches("0( \\d\\.\\d{6}){4}( \\d\\.\\d{6} \\d\\.\\d{6} [012]){17}");
                lines++;
            }
            String stem = l.getFileName().toString().replace(".txt", "");
            assertThat(out.resolve("images").resolve(stem + ".jpg")).isRegularFile();
        }
        assertThat(lines).isEqualTo(26);
        assertThat(Files.readString(out.resolve("data.yaml"))).contains("kpt_shape").contains("flip_idx").contains("person");
    }

    @Test
    void vocIdentityRunReproducesTheBoxes() throws IOException {
        Path in = tmp.resolve("voc");
        copyTree(COCO.resolve("images"), in.resolve("JPEGImages"));
        copyTree(TestData.data("voc/coco_derived/Annotations"), in.resolve("Annotations"));
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", "--input", in.toString(), "--format", "voc", "--pipeline", pipeline("").toString(), "--copies", "1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(out.resolve("Annotations"))) {
            List<Path> xmls = s.sorted().toList();
            assertThat(xmls).hasSize(10);
            for (Path x : xmls) {
                String stem = x.getFileName().toString().substring(0, 12);
                String want = Files.readString(in.resolve("Annotations").resolve(stem + ".xml"));
                String got = Files.readString(x);
                assertThat(got.substring(got.indexOf("<object>")).replaceAll("\\s+", ""))
                        .isEqualTo(want.substring(want.indexOf("<object>")).replaceAll("\\s+", ""));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void maskFoldersFollowTheImageThroughAFlipAndAMissingMaskIsReported() throws IOException {
        Path in = tmp.resolve("masks");
        copyTree(COCO.resolve("images"), in.resolve("images"));
        Path derived = TestData.data("masks/coco_derived");
        Files.createDirectories(in.resolve("semantic"));
        Files.createDirectories(in.resolve("instances"));
        try (Stream<Path> s = Files.list(COCO.resolve("images"))) {
            for (Path f : s.toList()) {
                String stem = f.getFileName().toString().replace(".jpg", "");
                Files.copy(derived.resolve(stem + "_semantic.png"), in.resolve("semantic").resolve(stem + ".png"));
                if (!stem.equals("000000358083")) Files.copy(derived.resolve(stem + "_instances.png"), in.resolve("instances").resolve(stem + ".png"));
            }
        }
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", "--input", in.toString(), "--format", "masks", "--pipeline",
                pipeline("{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 1.0}").toString(), "--copies", "1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(RunCommand.SKIPPED);
        assertThat(r.out()).contains("9 images in, 9 images out");
        Map<String, Object> report = JSON.readValue(out.resolve("report.json").toFile(), Map.class);
        assertThat((List<String>) report.get("annotation_problems")).singleElement().asString().contains("000000358083").contains("no mask");
        int checked = 0;
        try (Stream<Path> s = Files.list(out.resolve("images"))) {
            for (Path f : s.sorted().toList()) {
                String stem = f.getFileName().toString().replace(".jpg", "");
                String source = stem.substring(0, 12);
                for (String folder : List.of("semantic", "instances")) {
                    try (org.bytedeco.opencv.opencv_core.Mat want = org.augment4j.opencv.ImageIO.readMask(in.resolve(folder).resolve(source + ".png"));
                         org.bytedeco.opencv.opencv_core.Mat mirrored = new org.bytedeco.opencv.opencv_core.Mat();
                         org.bytedeco.opencv.opencv_core.Mat got = org.augment4j.opencv.ImageIO.readMask(out.resolve(folder).resolve(stem + ".png"))) {
                        org.bytedeco.opencv.global.opencv_core.flip(want, mirrored, 1);
                        assertThat(org.augment4j.opencv.Mats.toBytes(got)).containsExactly(org.augment4j.opencv.Mats.toBytes(mirrored));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(18);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).filter(f -> !f.toString().equals("report.json")).sorted().toList();
        }
    }
}
