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
import org.augment4j.SharedData;
import org.augment4j.datasets.CocoReader;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code augment4j run} on the shared COCO subset: round trip, determinism, resume, corrupt inputs, refusals. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path COCO = SharedData.data().resolve("coco");

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
        Cli.Result yolo = Cli.run("run", "--input", COCO.toString(), "--format", "yolo", "--pipeline", p.toString(), "--copies", "1", "--out", tmp.resolve("y").toString());
        assertThat(yolo.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(yolo.errLines()).singleElement().asString().contains("not supported yet");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).filter(f -> !f.toString().equals("report.json")).sorted().toList();
        }
    }
}
