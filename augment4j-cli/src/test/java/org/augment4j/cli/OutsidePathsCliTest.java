package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security (issue 19) through the command line: for every format, a dataset whose entries lead outside it ({@code ..},
 * an absolute path, a symbolic link out) is augmented without them; they are listed under {@code annotation_problems}
 * and the run exits 3. {@code --allow-outside-paths} reads them, and says so.
 */
class OutsidePathsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path secret;
    Path ds;
    Path flip;

    @BeforeEach
    void setUp() throws IOException {
        secret = png(tmp.resolve("secret/outside.png"));
        ds = Files.createDirectory(tmp.resolve("ds"));
        flip = tmp.resolve("flip.json");
        Files.writeString(flip, "{\"__version__\": \"1.3.1\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": ["
                + "{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 1.0}]}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"coco", "voc", "yolo", "masks"})
    @SuppressWarnings("unchecked")
    void entriesLeadingOutAreReportedAndSkipped(String format) throws IOException {
        int hostile = hostileDataset(format);
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", "--input", ds.toString(), "--format", format, "--pipeline", flip.toString(), "--copies", "1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(RunCommand.SKIPPED);
        Map<String, Object> report = JSON.readValue(out.resolve("report.json").toFile(), Map.class);
        assertThat(report).containsEntry("images_out", 1).containsEntry("skipped", List.of()).containsEntry("allow_outside_paths", false);
        List<String> problems = (List<String>) report.get("annotation_problems");
        assertThat(problems).hasSize(hostile).allMatch(p -> p.contains("outside") && p.contains("skipped"));
        assertThat(String.join("\n", problems)).contains(secret.toRealPath().toString());
        assertThat(images(out)).hasSize(1);

        Path allowed = tmp.resolve("allowed");
        Cli.Result a = Cli.run("run", "--input", ds.toString(), "--format", format, "--pipeline", flip.toString(), "--copies", "1", "--out", allowed.toString(),
                "--allow-outside-paths");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.err()).contains("run: --allow-outside-paths: files named by the dataset or the pipeline file are read wherever they lie");
        Map<String, Object> all = JSON.readValue(allowed.resolve("report.json").toFile(), Map.class);
        assertThat(all).containsEntry("images_out", 1 + hostile).containsEntry("annotation_problems", List.of()).containsEntry("allow_outside_paths", true);
    }

    @Test
    void previewListsTheProblemsAndExits3() throws IOException {
        hostileDataset("coco");
        Cli.Result r = Cli.run("preview", "--input", ds.toString(), "--format", "coco", "--pipeline", flip.toString(), "--n", "2",
                "--out", tmp.resolve("sheet.png").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(RunCommand.SKIPPED);
        assertThat(r.err()).contains("preview: annotation problem: image 2").contains("file_name '../../secret/outside.png'");
        assertThat(tmp.resolve("sheet.png")).isRegularFile();
    }

    @Test
    void applyRefusesAReferenceImageOutsideThePipelinesFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("pipelines"));
        Path p = dir.resolve("hm.json");
        Files.writeString(p, "{\"__version__\": \"1.3.1\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": ["
                + "{\"__class_fullname__\": \"HistogramMatching\", \"p\": 1.0, \"reference_images\": [\"../secret/outside.png\"]}]}}");
        Path image = png(tmp.resolve("in.png"));
        Cli.Result r = Cli.run("apply", "--pipeline", p.toString(), "--image", image.toString(), "--out", tmp.resolve("o1").toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("HistogramMatching.reference_images names '../secret/outside.png'").contains("outside " + dir);
        Cli.Result a = Cli.run("apply", "--pipeline", p.toString(), "--image", image.toString(), "--out", tmp.resolve("o2").toString(), "--allow-outside-paths");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.err()).contains("apply: --allow-outside-paths");
    }

    /** A dataset of one good image (in a sub-folder where the format has them) and entries leading out; returns how many. */
    private int hostileDataset(String format) throws IOException {
        switch (format) {
            case "coco" -> {
                png(ds.resolve("images/train2017/a.png"));
                Files.createSymbolicLink(ds.resolve("images/link.png"), secret);
                Files.createDirectories(ds.resolve("annotations"));
                Files.writeString(ds.resolve("annotations/instances.json"), """
                        {"images": [%s, %s, %s, %s], "categories": [{"id": 1, "name": "x"}],
                         "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 3, 3], "iscrowd": 0},
                                         {"id": 2, "image_id": 2, "category_id": 1, "bbox": [1, 1, 3, 3], "iscrowd": 0}]}
                        """.formatted(coco(1, "train2017/a.png"), coco(2, "../../secret/outside.png"), coco(3, secret.toString()), coco(4, "link.png")));
                return 3;
            }
            case "voc" -> {
                png(ds.resolve("JPEGImages/sub/a.png"));
                Files.createSymbolicLink(ds.resolve("JPEGImages/link.png"), secret);
                Files.createDirectories(ds.resolve("Annotations"));
                String[] names = {"sub/a.png", "../../secret/outside.png", secret.toString(), "link.png"};
                for (int i = 0; i < names.length; i++) {
                    Files.writeString(ds.resolve("Annotations/" + i + ".xml"), "<annotation><filename>" + names[i] + "</filename><size><width>8</width>"
                            + "<height>6</height><depth>3</depth></size><object><name>x</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>4</xmax>"
                            + "<ymax>4</ymax></bndbox></object></annotation>");
                }
                return 3;
            }
            case "yolo" -> {
                png(ds.resolve("images/a.png"));
                Files.createSymbolicLink(ds.resolve("images/link.png"), secret);
                Files.createSymbolicLink(ds.resolve("images/rel.png"), Path.of("../../secret/outside.png"));
                Files.createDirectories(ds.resolve("labels"));
                for (String s : List.of("a", "link", "rel")) Files.writeString(ds.resolve("labels/" + s + ".txt"), "0 0.5 0.5 0.25 0.25\n");
                Files.writeString(ds.resolve("data.yaml"), "names: [x]\n");
                return 2;
            }
            default -> {
                png(ds.resolve("images/a.png"));
                png(ds.resolve("semantic/a.png"));
                Files.createSymbolicLink(ds.resolve("images/b.png"), secret);
                png(ds.resolve("semantic/b.png"));
                png(ds.resolve("images/c.png"));
                Files.createSymbolicLink(ds.resolve("semantic/c.png"), Path.of("../../secret/outside.png"));
                return 2;
            }
        }
    }

    private static String coco(int id, String fileName) {
        return "{\"id\": " + id + ", \"file_name\": \"" + fileName + "\", \"width\": 8, \"height\": 6}";
    }

    private static List<Path> images(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(f -> f.toString().endsWith(".png") && f.getParent().getFileName().toString().matches("images|JPEGImages")).toList();
        }
    }

    private static Path png(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage b = new BufferedImage(8, 6, BufferedImage.TYPE_3BYTE_BGR);
        b.setRGB(1, 1, 0xff8040);
        javax.imageio.ImageIO.write(b, "png", file.toFile());
        return file;
    }
}
