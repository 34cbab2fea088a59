package org.augment4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.augment4j.TestData;
import org.augment4j.datasets.CocoReader;
import org.augment4j.datasets.DatasetImage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch job in local[2], in-process, on the COCO subset of testdata/data. */
class AugmentJobTest {
    static final Path COCO = TestData.data("coco");

    record Result(int code, String out, String err) {}

    static Result job(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = AugmentJob.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void cocoToParquetPartitionedByCopy(@TempDir Path tmp) {
        Path out = tmp.resolve("parquet");
        Result r = job("--input", COCO.toString(), "--pipeline", "../pipelines/article.json", "--copies", "2", "--seed", "3", "--out", out.toString(),
                "--master", "local[2]", "--partitions", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("copy=0")).isDirectory();
        assertThat(out.resolve("copy=1")).isDirectory();
        SparkSession spark = LocalSpark.start("local[2]");
        try {
            List<Row> rows = spark.read().parquet(out.toString()).collectAsList();
            assertThat(rows).hasSize(20);
            for (Row row : rows) {
                assertThat(row.isNullAt(row.fieldIndex("error"))).isTrue();
                assertThat(row.<Integer>getAs("width")).isEqualTo(512);
                assertThat(row.<String>getAs("file_name")).isEqualTo(row.<String>getAs("source_id").replace(".jpg", "_" + row.<Integer>getAs("copy") + ".png"));
                assertThat(row.getList(row.fieldIndex("boxes"))).hasSameSizeAs(row.getList(row.fieldIndex("category_id")));
                try (Mat m = ImageCodec.decode(row.getAs("image")); Mat mask = ImageCodec.decodeMask(row.getAs("mask"))) {
                    assertThat(m.cols()).isEqualTo(512);
                    assertThat(mask.rows()).isEqualTo(512);
                }
            }
        } finally {
            spark.stop();
        }
    }

    @Test
    void cocoToCocoWritesImagesAndOneMergedAnnotationFile(@TempDir Path tmp) throws Exception {
        Path pipeline = tmp.resolve("flip.json");
        Files.writeString(pipeline, SparkAugmenterTest.FLIP);
        Path out = tmp.resolve("coco");
        Result r = job("--input", COCO.toString(), "--pipeline", pipeline.toString(), "--copies", "2", "--out", out.toString(), "--output", "coco",
                "--image-format", "jpg", "--master", "local[2]");
        assertThat(r.code()).as(r.err()).isZero();
        org.augment4j.datasets.Dataset in = CocoReader.read(COCO), back = CocoReader.read(out);
        assertThat(back.images()).hasSize(20);
        assertThat(back.categories()).isEqualTo(in.categories());
        int objectsIn = in.images().stream().mapToInt(i -> i.objects().size()).sum();
        assertThat(back.images().stream().mapToInt(i -> i.objects().size()).sum()).isEqualTo(2 * objectsIn);
        for (DatasetImage img : back.images()) {
            assertThat(img.file()).isRegularFile();
            assertThat(img.fileName()).endsWith(".jpg");
            try (Mat m = ImageCodec.decode(Files.readAllBytes(img.file()))) {
                assertThat(m.cols()).isEqualTo(img.width());
                assertThat(m.rows()).isEqualTo(img.height());
            }
        }
        assertThat(out.resolve("report.json")).content().contains("\"failed\" : [ ]");
    }

    @Test
    void anImageFolderWithACorruptFileFinishesWithExitCode3(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(COCO.resolve("images/000000397133.jpg"), in.resolve("a.jpg"));
        Files.copy(COCO.resolve("images/000000183709.jpg"), in.resolve("b.jpg"));
        Files.write(in.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1, 2});
        Files.writeString(in.resolve("notes.txt"), "not an image");
        Path out = tmp.resolve("out");
        Path pipeline = tmp.resolve("flip.json");
        Files.writeString(pipeline, SparkAugmenterTest.FLIP);
        Result r = job("--input", in.toString(), "--format", "images", "--pipeline", pipeline.toString(), "--copies", "2", "--out", out.toString(),
                "--master", "local[2]");
        assertThat(r.code()).as(r.err()).isEqualTo(AugmentJob.SOME_FAILED);
        assertThat(r.out()).contains("2 failed rows");
        SparkSession spark = LocalSpark.start("local[2]");
        try {
            List<Row> rows = spark.read().parquet(out.toString()).orderBy("source_id", "copy").collectAsList();
            assertThat(rows).extracting(x -> x.<String>getAs("source_id")).containsExactly("a.jpg", "a.jpg", "b.jpg", "b.jpg", "broken.jpg", "broken.jpg");
            assertThat(rows.get(4).<String>getAs("error")).contains("not a readable image");
            assertThat(rows.get(0).isNullAt(rows.get(0).fieldIndex("error"))).isTrue();
            assertThat(rows.get(0).<Integer>getAs("width")).isEqualTo(640);
        } finally {
            spark.stop();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anImageNamedOutsideTheDatasetIsLeftOutAndReported(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("annotations"));
        Files.createDirectories(tmp.resolve("secret"));
        Files.copy(COCO.resolve("images/000000397133.jpg"), tmp.resolve("secret/outside.jpg"));
        Files.createSymbolicLink(in.resolve("images"), COCO.resolve("images").toAbsolutePath());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, Object> root = json.readValue(COCO.resolve("annotations/instances.json").toFile(), java.util.Map.class);
        ((List<Object>) root.get("images")).add(java.util.Map.of("id", 999_999, "file_name", "../../secret/outside.jpg", "width", 640, "height", 427));
        json.writeValue(in.resolve("annotations/instances.json").toFile(), root);
        Path out = tmp.resolve("coco");
        String[] args = {"--input", in.toString(), "--pipeline", "../pipelines/article.json", "--out", out.toString(), "--output", "coco",
            "--master", "local[2]"};
        Result refused = job(args); // images/ links out of the dataset: the layout itself is refused
        assertThat(refused.code()).isEqualTo(AugmentJob.BAD_INPUT);
        assertThat(refused.err()).contains("COCO dataset entry").contains("leads through a symbolic link");

        Files.delete(in.resolve("images"));
        Files.createDirectories(in.resolve("images"));
        try (var files = Files.list(COCO.resolve("images"))) {
            for (Path f : files.toList()) Files.copy(f, in.resolve("images").resolve(f.getFileName()));
        }
        Result r = job(args);
        assertThat(r.code()).as(r.err()).isEqualTo(AugmentJob.SOME_FAILED);
        assertThat(r.out()).contains("annotation problem: image 999999").contains("file_name '../../secret/outside.jpg' resolves to");
        java.util.Map<String, Object> report = json.readValue(out.resolve("report.json").toFile(), java.util.Map.class);
        assertThat(report).containsEntry("images_in", 10).containsEntry("images_out", 10);
        assertThat((List<String>) report.get("annotation_problems")).singleElement().asString().contains("outside " + in.toAbsolutePath().resolve("images"));
    }

    @Test
    void badInputExitsWith2AndOneLine(@TempDir Path tmp) {
        Result r = job("--input", COCO.toString(), "--format", "yolo", "--pipeline", "../pipelines/article.json", "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(AugmentJob.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("augment4j-spark-job: --format must be coco or images, got 'yolo'");
        Result noPipeline = job("--input", COCO.toString(), "--pipeline", tmp.resolve("missing.json").toString(), "--out", tmp.resolve("o").toString());
        assertThat(noPipeline.code()).isEqualTo(AugmentJob.BAD_INPUT);
        assertThat(noPipeline.err()).contains("is not a file");
    }
}
