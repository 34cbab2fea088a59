package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code augment4j bench} on a tiny pipelines file: the CSV it prints or writes, --only, --compare and its one-line errors. */
class BenchCommandTest {
    @TempDir
    Path tmp;

    Path pipelines, images, mask, targets;

    @BeforeEach
    void files() throws Exception {
        images = Files.createDirectories(tmp.resolve("images"));
        byte[] px = new byte[48 * 40 * 3];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 7);
        Mat a = Mats.fromBytes(px, 40, 48, 3);
        Mat m = Mats.fromBytes(new byte[48 * 40], 40, 48, 1);
        try {
            ImageIO.write(images.resolve("a.png"), a);
            ImageIO.write(images.resolve("b.jpg"), a);
            mask = tmp.resolve("mask.png");
            ImageIO.write(mask, m);
        } finally {
            Mats.release(a, m);
        }
        Files.writeString(images.resolve("notes.txt"), "not an image");
        pipelines = tmp.resolve("pipelines.json");
        Files.writeString(pipelines, """
                {"HorizontalFlip": {"kind": "image", "to_dict": {"__version__": "1.3.1", "transform":
                    {"__class_fullname__": "HorizontalFlip", "always_apply": false, "p": 0.0}}},
                 "Pipe": {"kind": "full", "to_dict": {"__version__": "1.3.1", "transform": {"__class_fullname__": "Compose", "p": 1,
                    "transforms": [{"__class_fullname__": "VerticalFlip", "p": 0.5}, {"__class_fullname__": "Rotate", "p": 1, "limit": [-30, 30]}],
                    "bbox_params": null, "keypoint_params": null}}}}
                """);
        targets = tmp.resolve("targets.json");
        Files.writeString(targets, "{\"bboxes\": [[5, 5, 20, 20], [10, 12, 30, 35]], \"labels\": [1, 2], \"keypoints\": [[10, 10], [40, 30]]}");
    }

    private Cli.Result bench(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("bench", "--pipelines", pipelines.toString(), "--images", images.toString(),
                "--mask", mask.toString(), "--targets", targets.toString(), "--runs", "2", "--warmup", "2", "--warmup-seconds", "0"));
        if (!List.of(extra).contains("--n")) args.addAll(List.of("--n", "6"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static void assertRows(List<String> lines, String... names) {
        assertThat(lines).hasSize(names.length + 1);
        for (int i = 0; i < names.length; i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertThat(cells[0]).isEqualTo(names[i]);
            assertThat(Double.parseDouble(cells[1])).isPositive();
        }
    }

    @Test
    void printsOneLinePerRowWithPositiveRates() {
        Cli.Result r = bench();
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("transform,images_per_sec");
        assertRows(lines, "HorizontalFlip", "Pipe");
    }

    @Test
    void onlyKeepsTheNamedRows() {
        Cli.Result r = bench("--only", "Pipe");
        assertThat(r.code()).as(r.err()).isZero();
        assertRows(r.out().lines().toList(), "Pipe");
    }

    @Test
    void severalThreadsShareTheCalls() {
        Cli.Result r = bench("--threads", "2", "--n", "9");
        assertThat(r.code()).as(r.err()).isZero();
        assertRows(r.out().lines().toList(), "HorizontalFlip", "Pipe");
    }

    @Test
    void repeatedPipelinesFilesAddTheirRowsAndTheShippedArticleRowRunsEveryTarget() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("pipelines/bench-article-full.json"))) root = root.getParent();
        assertThat(root).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        Cli.Result r = bench("--pipelines", root.resolve("pipelines/bench-article-full.json").toString(), "--n", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertRows(r.out().lines().toList(), "HorizontalFlip", "Pipe", "ArticlePipeline_image_mask_bboxes_kps");
        assertBadInput(bench("--pipelines", pipelines.toString()), "the same file twice");
    }

    @Test
    void outWritesTheFileAndCompareAddsRatios() throws Exception {
        Path ref = tmp.resolve("ref.csv");
        Files.writeString(ref, "transform,images_per_sec,note\nHorizontalFlip,100.0,\nOther,5,x\n");
        Path csv = tmp.resolve("res/out.csv");
        Cli.Result r = bench("--out", csv.toString(), "--compare", ref.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("transform,images_per_sec,reference,ratio");
        assertRows(lines, "HorizontalFlip", "Pipe");
        String[] flip = lines.get(1).split(",", -1);
        assertThat(Double.parseDouble(flip[2])).isEqualTo(100.0);
        assertThat(Double.parseDouble(flip[3])).isCloseTo(Double.parseDouble(flip[1]) / 100.0, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(lines.get(2)).endsWith(",,");
    }

    @Test
    void compareFloorAddsTheFloorAndItsRatioAndNamesTheRowsBelowIt() throws Exception {
        Path floor = tmp.resolve("floor.csv");
        // JMH's -rf csv output of OpenCvFloorBenchmark, with a floor no row can reach for HorizontalFlip
        Files.writeString(floor, """
                "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: row"
                "org.augment4j.bench.OpenCvFloorBenchmark.call","thrpt",1,5,1.0E12,5.0E10,"ops/s",HorizontalFlip
                "org.augment4j.bench.OpenCvFloorBenchmark.call","thrpt",1,5,2.0,0.1,"ops/s",Rotate
                """);
        Cli.Result r = bench("--compare-floor", floor.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("transform,images_per_sec,floor,floor_ratio");
        assertRows(lines, "HorizontalFlip", "Pipe");
        String[] flip = lines.get(1).split(",", -1);
        assertThat(Double.parseDouble(flip[2])).isEqualTo(1.0E12);
        assertThat(Double.parseDouble(flip[3])).isLessThan(0.95);
        assertThat(lines.get(2)).endsWith(",,");   // no floor for Pipe
        assertThat(r.err()).containsPattern("bench: 0 of 1 row\\(s\\) with a floor at >= 0.95 of it; below: HorizontalFlip 0\\.\\d\\d");

        Path notJmh = tmp.resolve("plain.csv");
        Files.writeString(notJmh, "transform,images_per_sec\nHorizontalFlip,5\n");
        assertBadInput(bench("--compare-floor", notJmh.toString()), "a CSV that is not JMH's");
        Files.writeString(notJmh, "\"Benchmark\",\"Score\",\"Unit\",\"Param: row\"\n\"x\",3.5,\"us/op\",HorizontalFlip\n");
        assertBadInput(bench("--compare-floor", notJmh.toString()), "a floor in us/op");
    }

    @Test
    void rowsThatCannotRunAreSkippedOnStderr() throws Exception {
        Files.writeString(pipelines, """
                {"Nope": {"kind": "image", "to_dict": {"transform": {"__class_fullname__": "NoSuchTransform", "p": 1}}},
                 "NeedsMask": {"kind": "mask", "to_dict": {"transform": {"__class_fullname__": "HorizontalFlip", "p": 1}}},
                 "Flip": {"kind": "image", "to_dict": {"transform": {"__class_fullname__": "HorizontalFlip", "p": 1}}}}
                """);
        Cli.Result r = Cli.run("bench", "--pipelines", pipelines.toString(), "--images", images.toString(), "--n", "3", "--runs", "1", "--warmup", "0", "--warmup-seconds", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertRows(r.out().lines().toList(), "Flip");
        assertThat(r.err()).contains("skipped Nope").contains("skipped NeedsMask").contains("--mask");
    }

    @Test
    void nothingRunnableExitsOne() throws Exception {
        Files.writeString(pipelines, "{\"Nope\": {\"kind\": \"image\", \"to_dict\": {\"__class_fullname__\": \"NoSuchTransform\"}}}");
        Cli.Result r = bench();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badArgumentsExitTwoWithOneLine() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path notJson = tmp.resolve("bad.json");
        Files.writeString(notJson, "[1, 2");
        List<String[]> cases = List.of(
                new String[] {"--n", "0"},
                new String[] {"--threads", "0"},
                new String[] {"--warmup-seconds", "-1"},
                new String[] {"--runs", "x"},
                new String[] {"--only", "Missing"},
                new String[] {"--compare", tmp.resolve("nowhere.csv").toString()},
                new String[] {"--bogus"});
        for (String[] extra : cases) assertBadInput(bench(extra), String.join(" ", extra));
        images = empty;
        assertBadInput(bench(), "empty images folder");
        images = tmp.resolve("nowhere");
        assertBadInput(bench(), "missing images folder");
        images = empty.getParent().resolve("images");
        pipelines = notJson;
        assertBadInput(bench(), "malformed pipelines file");
        assertBadInput(Cli.run("bench", "--images", images.toString()), "no --pipelines");
    }

    private static void assertBadInput(Cli.Result r, String what) {
        assertThat(r.code()).as(what + ": " + r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.errLines()).as(what).hasSize(1);
        assertThat(r.out()).as(what).isEmpty();
    }

    @Test
    void sizeResizesTheInputsThePipelinesSee() throws Exception {
        // a 100 x 100 centre crop fails on the 48 x 40 files and on 64 x 64, and runs on 128 x 128
        Files.writeString(pipelines, """
                {"Crop100": {"kind": "mask", "to_dict": {"transform": {"__class_fullname__": "CenterCrop", "height": 100, "width": 100, "p": 1}}}}
                """);
        Cli.Result asIs = bench();
        assertThat(asIs.code()).as(asIs.err()).isEqualTo(1);
        assertThat(asIs.err()).contains("skipped Crop100");
        Cli.Result small = bench("--size", "64");
        assertThat(small.code()).as(small.err()).isEqualTo(1);
        Cli.Result big = bench("--size", "128");
        assertThat(big.code()).as(big.err()).isZero();
        assertRows(big.out().lines().toList(), "Crop100");
    }

    @Test
    void sizeScalesTheTargetsWithTheImages() {
        // the box [10, 12, 30, 35] and the keypoint (40, 30) lie outside a 16 x 16 image unless scaled with it
        Cli.Result r = bench("--size", "16", "--only", "Pipe");
        assertThat(r.code()).as(r.err()).isZero();
        assertRows(r.out().lines().toList(), "Pipe");

        Map<String, Object> scaled = BenchInputs.scaledTargets(Map.of("bboxes", List.of(List.of(10, 12, 30, 35, 7)),
                "keypoints", List.of(List.of(40, 30, 90)), "labels", List.of(1)), 0.5, 2.0);
        assertThat(scaled.get("bboxes")).isEqualTo(List.of(List.of(5.0, 24.0, 15.0, 70.0, 7)));
        assertThat(scaled.get("keypoints")).isEqualTo(List.of(List.of(20.0, 60.0, 90)));
        assertThat(scaled.get("labels")).isEqualTo(List.of(1));
    }

    @Test
    void resizedImagesAndMasksHaveTheSizeAndTheMaskKeepsItsLabels() {
        byte[] labels = new byte[40 * 48];
        for (int i = 0; i < labels.length; i++) labels[i] = (byte) (i % 48 < 24 ? 3 : 7);
        Mat img = Mats.fromBytes(new byte[40 * 48 * 3], 40, 48, 3);
        Mat mask = Mats.fromBytes(labels, 40, 48, 1);
        Mat up = BenchInputs.resizedImage(img, 100);
        Mat down = BenchInputs.resizedImage(img, 20);
        Mat m = BenchInputs.resizedMask(mask, 100);
        try {
            assertThat(new int[] {up.rows(), up.cols(), up.channels()}).containsExactly(100, 100, 3);
            assertThat(new int[] {down.rows(), down.cols(), down.channels()}).containsExactly(20, 20, 3);
            assertThat(new int[] {m.rows(), m.cols()}).containsExactly(100, 100);
            byte[] out = Mats.toBytes(m);
            java.util.Set<Byte> values = new java.util.HashSet<>();
            for (byte b : out) values.add(b);
            assertThat(values).containsExactlyInAnyOrder((byte) 3, (byte) 7);
        } finally {
            Mats.release(img, mask, up, down, m);
        }
    }

    @Test
    void minRunSecondsRepeatsTheCalls() {
        Cli.Result r = bench("--min-run-seconds", "0.05", "--only", "HorizontalFlip");
        assertThat(r.code()).as(r.err()).isZero();
        assertRows(r.out().lines().toList(), "HorizontalFlip");
        assertBadInput(bench("--min-run-seconds", "-1"), "--min-run-seconds -1");
    }

    @Test
    void badSizesAreRejectedNamingTheOptionTheValueAndTheRange() {
        for (String bad : List.of("8", "15", "8193", "-1")) {
            Cli.Result r = bench("--size", bad);
            assertBadInput(r, "--size " + bad);
            assertThat(r.err()).contains("--size").contains(bad).contains("[16, 8192]");
        }
        Cli.Result r = bench("--size", "big");
        assertBadInput(r, "--size big");
        assertThat(r.err()).contains("--size").contains("big");
    }

    @Test
    void singleTransformsAreWrappedAtProbabilityOneAndFullRowsGetLabelParams() {
        Map<String, Object> tree = BenchSuite.prepare(Map.of("transform", Map.of("__class_fullname__", "HorizontalFlip", "p", 0.5)),
                BenchSuite.Kind.FULL, true);
        assertThat(tree.get("__class_fullname__")).isEqualTo("Compose");
        assertThat(tree.get("p")).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> child = ((List<Map<String, Object>>) tree.get("transforms")).get(0);
        assertThat(child.get("p")).isEqualTo(1);
        assertThat(tree.get("bbox_params")).isEqualTo(Map.of("format", "pascal_voc", "label_fields", List.of("labels")));
        assertThat(tree.get("keypoint_params")).isEqualTo(Map.of("format", "xy"));
    }
}
