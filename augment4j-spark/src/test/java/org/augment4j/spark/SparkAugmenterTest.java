package org.augment4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.TestData;
import org.augment4j.cli.Main;
import org.augment4j.datasets.CocoReader;
import org.augment4j.serial.PipelineFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DataFrame API in local[2] on the COCO subset of testdata/data. */
class SparkAugmenterTest {
    static final Path COCO = TestData.data("coco");
    static final Path ARTICLE = Path.of("../pipelines/article.json");
    static final String FLIP = """
            {"__version__": "2.0.8", "transform": {"__class_fullname__": "Compose", "p": 1.0,
              "transforms": [{"__class_fullname__": "HorizontalFlip", "p": 0.5}],
              "bbox_params": {"format": "coco", "label_fields": ["category_id"]}}}""";
    static SparkSession spark;
    static org.augment4j.datasets.Dataset coco;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2]");
        coco = CocoReader.read(COCO);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Dataset<Row> cocoRows(int partitions) {
        return CocoFrames.read(spark, coco, COCO.resolve("images"), partitions);
    }

    static SparkAugmenter cocoAugmenter(String pipelineJson, int copies, long seed) {
        return SparkAugmenter.builder(CocoFrames.pipeline(PipelineFile.fromJson(pipelineJson))).idColumn("file_name").copies(copies).seed(seed).build();
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    /** category ids and boxes (rounded to 2 decimals, as COCO files are written) of one output row. */
    static List<List<Object>> labels(Row r) {
        List<List<Object>> out = new ArrayList<>();
        List<Integer> cats = r.getList(r.fieldIndex("category_id"));
        List<scala.collection.Seq<Double>> boxes = r.getList(r.fieldIndex("boxes"));
        for (int i = 0; i < cats.size(); i++) {
            List<Double> b = scala.jdk.javaapi.CollectionConverters.asJava(boxes.get(i));
            out.add(List.of(cats.get(i), round(b.get(0)), round(b.get(1)), round(b.get(2)), round(b.get(3))));
        }
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void flipLabelsEqualThoseOfTheRunCommandRowByRow(@TempDir Path tmp) throws Exception {
        Path pipeline = tmp.resolve("flip.json");
        Files.writeString(pipeline, FLIP);
        Path out = tmp.resolve("run");
        StringWriter log = new StringWriter();
        int code = Main.run(new String[] {"run", "--input", COCO.toString(), "--format", "coco", "--pipeline", pipeline.toString(), "--copies", "3",
            "--seed", "11", "--out", out.toString()}, new PrintWriter(log, true), new PrintWriter(log, true));
        assertThat(code).as(log.toString()).isZero();
        Map<String, Object> runJson = new ObjectMapper().readValue(out.resolve("annotations/instances.json").toFile(), Map.class);
        Map<Object, List<List<Object>>> byImageId = new HashMap<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) runJson.get("annotations")) {
            List<Number> b = (List<Number>) a.get("bbox");
            List<Object> l = new ArrayList<>(List.of(((Number) a.get("category_id")).intValue()));
            for (Number v : b) l.add(v.doubleValue());
            byImageId.computeIfAbsent(((Number) a.get("image_id")).longValue(), k -> new ArrayList<>()).add(l);
        }
        Map<String, List<List<Object>>> expected = new HashMap<>();
        for (Map<String, Object> img : (List<Map<String, Object>>) runJson.get("images")) {
            expected.put(img.get("source_file_name") + "#" + img.get("copy"), byImageId.getOrDefault(((Number) img.get("id")).longValue(), List.of()));
        }

        List<Row> rows = cocoAugmenter(FLIP, 3, 11).transform(cocoRows(2)).select("source_id", "copy", "boxes", "category_id", "error").collectAsList();

        assertThat(rows).hasSize(3 * coco.images().size());
        assertThat(expected).hasSize(rows.size());
        int flipped = 0;
        Map<String, List<List<Object>>> original = new HashMap<>();
        for (var img : coco.images()) {
            List<List<Object>> l = new ArrayList<>();
            for (var o : img.objects()) l.add(List.of(o.categoryId(), round(o.bbox()[0]), round(o.bbox()[1]), round(o.bbox()[2]), round(o.bbox()[3])));
            original.put(img.fileName(), l);
        }
        for (Row r : rows) {
            assertThat(r.isNullAt(4)).as("error of %s", r).isTrue();
            String key = r.getString(0) + "#" + r.getInt(1);
            assertThat(labels(r)).as(key).isEqualTo(expected.get(key));
            if (!labels(r).equals(original.get(r.getString(0)))) flipped++;
        }
        // p = 0.5: some copies flipped, some not, so the seeds must match for the labels to match
        assertThat(flipped).isBetween(5, rows.size() - 5);
    }

    @Test
    void outputIsByteIdenticalForOneAndFourPartitions() throws Exception {
        String article = Files.readString(ARTICLE);
        SparkAugmenter aug = cocoAugmenter(article, 2, 5);
        List<Row> one = aug.transform(CocoFrames.withInstanceMask(cocoRows(1))).orderBy("source_id", "copy").collectAsList();
        List<Row> four = aug.transform(CocoFrames.withInstanceMask(cocoRows(4))).orderBy("source_id", "copy").collectAsList();
        assertThat(cocoRows(4).rdd().getNumPartitions()).isEqualTo(4);
        assertThat(one).hasSize(2 * coco.images().size()).hasSameSizeAs(four);
        int changedLabels = 0;
        for (int i = 0; i < one.size(); i++) {
            Row a = one.get(i), b = four.get(i);
            assertThat(a.isNullAt(a.fieldIndex("error"))).as("error %s", String.valueOf((Object) a.getAs("error"))).isTrue();
            assertThat(b.getString(b.fieldIndex("source_id"))).isEqualTo(a.getString(a.fieldIndex("source_id")));
            assertThat((byte[]) b.getAs("image")).as(a.getString(a.fieldIndex("source_id"))).isEqualTo((byte[]) a.getAs("image"));
            assertThat((byte[]) b.getAs("mask")).isEqualTo((byte[]) a.getAs("mask"));
            assertThat(labels(b)).isEqualTo(labels(a));
            assertThat(b.getList(b.fieldIndex("annotation_id"))).isEqualTo(a.getList(a.fieldIndex("annotation_id")));
            try (Mat m = ImageCodec.decode(a.getAs("image"))) {
                assertThat(m.cols()).isEqualTo(512);
                assertThat(m.rows()).isEqualTo(512);
            }
            if (a.getList(a.fieldIndex("category_id")).size() != coco.images().stream().filter(x -> x.fileName().equals(a.getAs("source_id"))).findFirst().orElseThrow().objects().size()) {
                changedLabels++;
            }
        }
        assertThat(changedLabels).as("the article pipeline's crops drop boxes").isPositive();
        // a different seed gives different images
        List<Row> other = cocoAugmenter(article, 2, 6).transform(CocoFrames.withInstanceMask(cocoRows(2))).orderBy("source_id", "copy").collectAsList();
        assertThat((byte[]) other.get(0).getAs("image")).isNotEqualTo((byte[]) one.get(0).getAs("image"));
    }

    @Test
    void aCorruptImageLandsInTheErrorColumnAndTheJobCompletes() {
        Dataset<Row> good = cocoRows(2);
        Row bad = RowFactory.create("corrupt.jpg", 999L, 100, 80, List.of(List.of(1.0, 2.0, 10.0, 10.0)), List.of(1), List.of(0), Arrays.asList(5L),
                Arrays.asList((Object) null), Arrays.asList((Object) null), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4});
        Dataset<Row> withBad = good.union(spark.createDataFrame(List.of(bad), good.schema()));
        List<Row> rows = cocoAugmenter(FLIP, 2, 1).transform(withBad.repartition(3)).collectAsList();
        assertThat(rows).hasSize(2 * (coco.images().size() + 1));
        List<Row> failed = rows.stream().filter(r -> !r.isNullAt(r.fieldIndex("error"))).toList();
        assertThat(failed).hasSize(2).allSatisfy(r -> {
            assertThat(r.<String>getAs("source_id")).isEqualTo("corrupt.jpg");
            assertThat(r.<String>getAs("error")).contains("not a readable image");
            assertThat(r.isNullAt(r.fieldIndex("image"))).isTrue();
            assertThat(r.<Long>getAs("image_id")).isEqualTo(999L);
        });
        assertThat(failed.stream().map(r -> r.<Integer>getAs("copy")).sorted().toList()).containsExactly(0, 1);
    }

    @Test
    void rowsWhoseBoxesAreAllFilteredOutAreKeptWithEmptyArrays() {
        byte[] png = png(120, 100);
        StructType schema = new StructType().add("id", DataTypes.LongType).add("image", DataTypes.BinaryType)
                .add("boxes", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType)))
                .add("labels", DataTypes.createArrayType(DataTypes.StringType));
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(7L, png, List.of(List.of(80.0, 60.0, 110.0, 90.0)), List.of("cat"))), schema);
        String crop = """
                {"transform": {"__class_fullname__": "Compose", "p": 1.0,
                  "transforms": [{"__class_fullname__": "Crop", "x_min": 0, "y_min": 0, "x_max": 50, "y_max": 40, "p": 1.0}],
                  "bbox_params": {"format": "pascal_voc", "label_fields": ["labels"]}}}""";
        Row r = SparkAugmenter.builder(PipelineFile.fromJson(crop)).idColumn("id").build().transform(df).first();
        assertThat(r.isNullAt(r.fieldIndex("error"))).isTrue();
        assertThat(r.getList(r.fieldIndex("boxes"))).isEmpty();
        assertThat(r.getList(r.fieldIndex("labels"))).isEmpty();
        assertThat(r.<String>getAs("source_id")).isEqualTo("7");
        try (Mat m = ImageCodec.decode(r.getAs("image"))) {
            assertThat(m.cols()).isEqualTo(50);
            assertThat(m.rows()).isEqualTo(40);
        }
    }

    @Test
    void sparkImageStructsComeBackAsStructsInBgrOrderWithTheirMasksMoved() {
        Dataset<Row> images = imageSourceRows("000000397133.jpg", "000000183709.jpg");
        String flip = """
                {"transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [{"__class_fullname__": "HorizontalFlip", "p": 1.0}]}}""";
        List<Row> in = images.collectAsList();
        List<Row> out = SparkAugmenter.builder(PipelineFile.fromJson(flip)).build().transform(images).collectAsList();
        assertThat(out).hasSameSizeAs(in);
        Map<String, Row> byOrigin = new HashMap<>();
        for (Row r : in) byOrigin.put(r.getStruct(0).getAs("origin"), r.getStruct(0));
        for (Row r : out) {
            Row o = r.getStruct(0), src = byOrigin.get(o.<String>getAs("origin"));
            assertThat(r.<String>getAs("source_id")).isEqualTo(o.<String>getAs("origin"));
            assertThat(o.<Integer>getAs("width")).isEqualTo(src.<Integer>getAs("width"));
            assertThat(o.<Integer>getAs("nChannels")).isEqualTo(3);
            assertThat(o.<Integer>getAs("mode")).isEqualTo(16);
            assertThat((byte[]) o.getAs("data")).isEqualTo(mirror(src.getAs("data"), src.getAs("height"), src.getAs("width"), 3));
        }
        // an encoded image with a PNG mask: both flipped
        byte[] mask = maskPng(30, 20);
        StructType schema = new StructType().add("id", DataTypes.StringType).add("image", DataTypes.BinaryType).add("mask", DataTypes.BinaryType);
        Row r = SparkAugmenter.builder(PipelineFile.fromJson(flip)).idColumn("id").build()
                .transform(spark.createDataFrame(List.of(RowFactory.create("m", png(30, 20), mask)), schema)).first();
        try (Mat in0 = ImageCodec.decodeMask(mask); Mat m = ImageCodec.decodeMask(r.getAs("mask"))) {
            byte[] a = new byte[30 * 20], b = new byte[30 * 20];
            in0.data().get(a);
            m.data().get(b);
            assertThat(b).isEqualTo(mirror(a, 20, 30, 1));
        }
    }

    @Test
    void keypointsWithTheirLabelsAndSeveralMasksFollowTheImage() {
        String flip = """
                {"transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [{"__class_fullname__": "HorizontalFlip", "p": 1.0}],
                  "keypoint_params": {"format": "xy", "label_fields": ["kp_labels"], "remove_invisible": true}}}""";
        StructType schema = new StructType().add("id", DataTypes.StringType).add("image", DataTypes.BinaryType)
                .add("keypoints", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType)))
                .add("kp_labels", DataTypes.createArrayType(DataTypes.StringType))
                .add("mask", DataTypes.createArrayType(DataTypes.BinaryType));
        byte[] m1 = maskPng(30, 20), m2 = maskPng(30, 20);
        Row in = RowFactory.create("k", png(30, 20), List.of(List.of(3.0, 4.0), List.of(29.0, 0.0)), List.of("nose", "tail"), List.of(m1, m2));
        Row r = SparkAugmenter.builder(PipelineFile.fromJson(flip)).idColumn("id").build().transform(spark.createDataFrame(List.of(in), schema)).first();
        assertThat(r.isNullAt(r.fieldIndex("error"))).as(String.valueOf((Object) r.getAs("error"))).isTrue();
        List<scala.collection.Seq<Double>> kps = r.getList(r.fieldIndex("keypoints"));
        assertThat(kps).hasSize(2);
        assertThat(scala.jdk.javaapi.CollectionConverters.asJava(kps.get(0))).containsExactly(26.0, 4.0);   // x' = W - 1 - x
        assertThat(scala.jdk.javaapi.CollectionConverters.asJava(kps.get(1))).containsExactly(0.0, 0.0);
        assertThat(r.getList(r.fieldIndex("kp_labels"))).containsExactly("nose", "tail");
        List<byte[]> masks = r.getList(r.fieldIndex("mask"));
        assertThat(masks).hasSize(2);
        for (byte[] m : masks) {
            try (Mat in0 = ImageCodec.decodeMask(m1); Mat out = ImageCodec.decodeMask(m)) {
                byte[] a = new byte[30 * 20], b = new byte[30 * 20];
                in0.data().get(a);
                out.data().get(b);
                assertThat(b).isEqualTo(mirror(a, 20, 30, 1));
            }
        }
    }

    @Test
    void badColumnsAreRejectedByName() {
        Dataset<Row> rows = cocoRows(1).drop("category_id");
        assertThatThrownBy(() -> cocoAugmenter(FLIP, 1, 0).transform(rows)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label field 'category_id'");
        assertThatThrownBy(() -> SparkAugmenter.builder(PipelineFile.fromJson(FLIP)).build().transform(cocoRows(1)))
                .hasMessageContaining("no row id");
        assertThatThrownBy(() -> SparkAugmenter.builder(PipelineFile.fromJson(FLIP)).idColumn("width").imageColumn("height").build().transform(cocoRows(1)))
                .hasMessageContaining("image column 'height' is int");
        assertThatThrownBy(() -> SparkAugmenter.builder(PipelineFile.fromJson(FLIP)).copies(0)).hasMessageContaining("copies must be in [1, 10000], got 0");
    }

    @Test
    void sparksJsonFunctionsWorkBesideAugment4jsJackson() {
        Row r = spark.sql("select to_json(named_struct('a', 1, 'b', array(1, 2))) j, from_json('{\"x\": [1.5, 2]}', 'x array<double>').x x").first();
        assertThat(r.getString(0)).isEqualTo("{\"a\":1,\"b\":[1,2]}");
        assertThat(r.getList(1)).containsExactly(1.5, 2.0);
        assertThat(PipelineFile.toJson(PipelineFile.fromJson(FLIP))).contains("HorizontalFlip");
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion())
                .isEqualTo(com.fasterxml.jackson.module.scala.JacksonModule$.MODULE$.version().getMinorVersion());
    }

    /**
     * Rows as {@code spark.read.format("image")} makes them (that source lives in spark-mllib, which this module does
     * not need): one struct column {@code image} (origin, height, width, nChannels, mode, data in BGR order).
     */
    static Dataset<Row> imageSourceRows(String... files) {
        StructType image = new StructType().add("origin", DataTypes.StringType, true).add("height", DataTypes.IntegerType, false)
                .add("width", DataTypes.IntegerType, false).add("nChannels", DataTypes.IntegerType, false).add("mode", DataTypes.IntegerType, false)
                .add("data", DataTypes.BinaryType, false);
        List<Row> rows = new ArrayList<>();
        for (String f : files) {
            Path file = COCO.resolve("images").resolve(f).toAbsolutePath();
            try (Mat rgb = ImageCodec.decode(Files.readAllBytes(file))) {
                rows.add(RowFactory.create(RowFactory.create(file.toUri().toString(), rgb.rows(), rgb.cols(), 3, 16, ImageCodec.toRaw(rgb))));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return spark.createDataFrame(rows, new StructType().add("image", image, true));
    }

    /** Mirrors raw row-major pixels left to right. */
    static byte[] mirror(byte[] data, int h, int w, int c) {
        byte[] out = new byte[data.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) System.arraycopy(data, (y * w + x) * c, out, (y * w + (w - 1 - x)) * c, c);
        }
        return out;
    }

    /** A PNG of a gradient, w x h, RGB. */
    static byte[] png(int w, int h) {
        try (Mat m = new Mat(h, w, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            byte[] px = new byte[w * h * 3];
            for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 7 % 251);
            m.data().put(px);
            return ImageCodec.encode(m, ".png");
        }
    }

    /** A PNG label mask, w x h, with distinct values per column. */
    static byte[] maskPng(int w, int h) {
        try (Mat m = new Mat(h, w, org.bytedeco.opencv.global.opencv_core.CV_8UC1)) {
            byte[] px = new byte[w * h];
            for (int i = 0; i < px.length; i++) px[i] = (byte) (i % w + (i / w) % 3);
            m.data().put(px);
            return ImageCodec.encode(m, ".png");
        }
    }
}
