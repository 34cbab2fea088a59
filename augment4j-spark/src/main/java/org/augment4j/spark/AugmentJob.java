package org.augment4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring_index;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.augment4j.Compose;
import org.augment4j.OutsidePaths;
import org.augment4j.datasets.AtomicFiles;
import org.augment4j.datasets.CocoReader;
import org.augment4j.datasets.CocoWriter;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetObject;
import org.augment4j.serial.PipelineFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The batch job: augments a COCO dataset or a folder of images on a Spark cluster (or in {@code local[*]}) and writes
 * Parquet or a COCO dataset. Launch it with {@code spark-submit --class org.augment4j.spark.AugmentJob
 * augment4j-spark-job.jar …} or with the {@code augment4j-spark-job} script. Exit codes: 0 success, 2 bad input (one
 * line on stderr), 3 finished but some rows failed (their reasons are in the {@code error} column, or in
 * {@code report.json} for COCO output) or some COCO entries were left out as annotation problems (logged, and in
 * {@code report.json}), e.g. an image whose {@code file_name} leads outside the image folder.
 *
 * <p>Parquet output: one row per augmented image — {@code file_name} (the output name), {@code source_id},
 * {@code copy}, {@code image} (encoded bytes), {@code width}, {@code height}, {@code error}; for COCO input also
 * {@code image_id}, {@code boxes} (COCO {@code [x, y, w, h]}), {@code category_id}, {@code iscrowd},
 * {@code annotation_id} (of the source annotation) and {@code mask} (the instance mask, PNG) — partitioned by
 * {@code copy=<i>/} folders, so a training job can stream one copy after another, or all of them in parallel.
 *
 * <p>COCO output: {@code OUT/images/<stem>_<copy>.<ext>}, written by the executors (so OUT must be a folder they all
 * see: local in {@code local[*]}, a shared file system on a cluster; rewrites by retried tasks are byte-identical),
 * then {@code OUT/annotations/instances.json} with every image and its boxes, categories and {@code iscrowd} (no
 * segmentation: use {@code augment4j run} on one machine for polygons and keypoints), and {@code OUT/report.json}.
 */
@Command(name = "augment4j-spark-job", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Augment a COCO dataset or an image folder on Spark; write Parquet (partitioned by copy) or a COCO dataset.",
            "Exit codes: 0 success, 2 bad input, 3 finished but some rows failed (see the error column or report.json) or "
                + "annotation entries were left out (logged; e.g. an image file_name leading outside the image folder)."})
public final class AugmentJob implements Callable<Integer> {
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code when the job finished but some rows failed. */
    public static final int SOME_FAILED = 3;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "COCO folder (annotations/instances.json, images/) or image folder.")
    Path input;

    @Option(names = "--format", defaultValue = "coco", paramLabel = "coco|images", description = "Input layout (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--pipeline", required = true, paramLabel = "P", description = "Pipeline file, JSON or YAML (Albumentations' to_dict shape).")
    Path pipeline;

    @Option(names = "--copies", defaultValue = "1", paramLabel = "N", description = "Augmented copies per image (default: ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (Parquet: any Hadoop path; COCO: a shared folder), new or empty.")
    String out;

    @Option(names = "--output", defaultValue = "parquet", paramLabel = "parquet|coco", description = "What to write (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--image-format", defaultValue = "png", paramLabel = "png|jpg|webp", description = "Encoding of the augmented images (default: ${DEFAULT-VALUE}).")
    String imageFormat;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "P", description = "Partitions of the input rows (default: 4 per core of the cluster).")
    int partitions;

    @Option(names = "--allow-outside-paths",
            description = "Read images the annotations name, and files the pipeline names, even when they lead outside their folder (.., absolute "
                    + "paths, symbolic links out). Off by default: only for trusted layouts.")
    boolean allowOutsidePaths;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not launched by spark-submit (default: local[*]).")
    String master;

    private PrintWriter err = new PrintWriter(System.err, true);
    private PrintWriter log = new PrintWriter(System.out, true);

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the job with {@code args}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        AugmentJob job = new AugmentJob();
        job.log = out;
        job.err = err;
        CommandLine cl = new CommandLine(job);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
                err.println("augment4j-spark-job: " + oneLine(e.getMessage()));
                return BAD_INPUT;
            }
            throw e;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("augment4j-spark-job: " + oneLine(e.getMessage()));
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        format = format.toLowerCase(Locale.ROOT);
        output = output.toLowerCase(Locale.ROOT);
        if (!format.equals("coco") && !format.equals("images")) throw new IllegalArgumentException("--format must be coco or images, got '" + format + "'");
        if (!output.equals("parquet") && !output.equals("coco")) throw new IllegalArgumentException("--output must be parquet or coco, got '" + output + "'");
        if (copies < 1 || copies > SparkAugmenter.MAX_COPIES) throw new IllegalArgumentException("--copies must be in [1, " + SparkAugmenter.MAX_COPIES + "], got " + copies);
        if (partitions < 0) throw new IllegalArgumentException("--partitions must be >= 1 (or 0 for the default), got " + partitions);
        if (!Files.isDirectory(input)) throw new IllegalArgumentException("--input " + input + " is not a folder");
        if (!Files.isRegularFile(pipeline)) throw new IllegalArgumentException("--pipeline " + pipeline + " is not a file");
        OutsidePaths outside = allowOutsidePaths ? OutsidePaths.ALLOW : OutsidePaths.REFUSE;
        if (allowOutsidePaths) log.println("augment4j-spark-job: --allow-outside-paths: files named by the dataset or the pipeline file are read wherever they lie");
        Compose user = PipelineFile.load(pipeline, PipelineFile.Options.defaults().withOutsidePaths(outside));
        org.augment4j.datasets.Dataset coco = format.equals("coco") ? CocoReader.read(input, outside) : null;
        List<String> problems = coco == null ? List.of() : coco.problems();
        problems.forEach(p -> log.println("augment4j-spark-job: annotation problem: " + p));
        if (output.equals("coco")) checkLocalEmpty(Path.of(localPath(out)));

        SparkConf conf = new SparkConf().setAppName("augment4j-spark-job");
        if (!conf.contains("spark.master")) conf.setMaster(master == null ? "local[*]" : master);
        else if (master != null) throw new IllegalArgumentException("--master " + master + " given but spark-submit already set the master " + conf.get("spark.master"));
        if (conf.get("spark.master").startsWith("local")) conf.setIfMissing("spark.ui.enabled", "false");
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            int parts = partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism();
            SparkAugmenter.Builder b;
            Dataset<Row> rows;
            if (coco != null) {
                rows = CocoFrames.withInstanceMask(CocoFrames.read(spark, coco, input.resolve("images"), parts)).drop("polygons", "rle");
                b = SparkAugmenter.builder(CocoFrames.pipeline(user)).fileFolder(pipeline.toAbsolutePath().getParent());
            } else {
                rows = spark.read().format("binaryFile").load(input.toAbsolutePath().toString())
                        .select(substring_index(col("path"), "/", -1).as("file_name"), col("content").as("image"))
                        .where(col("file_name").rlike("(?i)\\.(jpe?g|png|bmp|webp|tiff?)$"))
                        .withColumn("width", lit(0)).withColumn("height", lit(0))
                        .repartition(parts, col("file_name"));
                b = SparkAugmenter.builder(user).fileFolder(pipeline.toAbsolutePath().getParent()).boxesColumn(null).keypointsColumn(null).maskColumn(null);
            }
            SparkAugmenter augmenter = b.idColumn("file_name").copies(copies).seed(seed).outputFormat(imageFormat).sizeColumns("width", "height").build();
            String ext = "." + imageFormat.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
            Dataset<Row> augmented = augmenter.transform(rows)
                    .withColumn("file_name", concat(regexp_replace(col("source_id"), "\\.[^./]*$", ""), lit("_"), col("copy").cast("string"), lit(ext)));
            long failed;
            if (output.equals("parquet")) {
                augmented.write().mode(SaveMode.ErrorIfExists).partitionBy(SparkAugmenter.COPY).parquet(out);
                failed = spark.read().parquet(out).where(col(SparkAugmenter.ERROR).isNotNull()).count();
                log.printf("augment4j-spark-job: wrote Parquet to %s (partitioned by copy), %d failed rows%n", out, failed);
            } else {
                failed = writeCoco(augmented, coco, Path.of(localPath(out)));
            }
            log.printf("augment4j-spark-job: %.1f s on %s%n", (System.nanoTime() - start) / 1e9, spark.sparkContext().master());
            return failed == 0 && problems.isEmpty() ? 0 : SOME_FAILED;
        } finally {
            spark.stop();
        }
    }

    private long writeCoco(Dataset<Row> augmented, org.augment4j.datasets.Dataset coco, Path dir) throws Exception {
        String imagesDir = dir.resolve("images").toAbsolutePath().toString();
        Files.createDirectories(dir.resolve("images"));
        List<Row> rows = augmented.mapPartitions(new ImageFileWriter(imagesDir), org.apache.spark.sql.Encoders.row(augmented.drop("image", "mask").schema()))
                .collectAsList();
        removeTemporaryFiles(dir.resolve("images"));
        Map<String, Integer> order = new HashMap<>();
        List<String> sources = coco != null ? coco.images().stream().map(DatasetImage::fileName).toList()
                : rows.stream().map(r -> r.<String>getAs("source_id")).distinct().sorted().toList();
        for (int i = 0; i < sources.size(); i++) order.put(sources.get(i), i);
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, c) -> {
            int k = Integer.compare(order.get(a.<String>getAs("source_id")), order.get(c.<String>getAs("source_id")));
            return k != 0 ? k : Integer.compare(a.<Integer>getAs("copy"), c.<Integer>getAs("copy"));
        });
        List<DatasetImage> images = new ArrayList<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        for (Row r : sorted) {
            String source = r.getAs("source_id");
            int copy = r.getAs("copy");
            if (!r.isNullAt(r.fieldIndex(SparkAugmenter.ERROR))) {
                failures.add(Map.of("file", source, "copy", copy, "reason", r.<String>getAs(SparkAugmenter.ERROR)));
                continue;
            }
            List<DatasetObject> objects = new ArrayList<>();
            if (coco != null) {
                List<Integer> cats = r.getList(r.fieldIndex("category_id"));
                List<Integer> crowd = r.getList(r.fieldIndex("iscrowd"));
                List<Long> ids = r.getList(r.fieldIndex("annotation_id"));
                List<scala.collection.Seq<Double>> boxes = r.getList(r.fieldIndex("boxes"));
                for (int i = 0; i < cats.size(); i++) {
                    double[] box = scala.jdk.javaapi.CollectionConverters.asJava(boxes.get(i)).stream().mapToDouble(Double::doubleValue).toArray();
                    Map<String, Object> extra = new LinkedHashMap<>();
                    if (ids.get(i) != null) extra.put("id", ids.get(i));
                    objects.add(new DatasetObject(cats.get(i), box, null, null, crowd.get(i) != 0, extra));
                }
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("id", (long) order.get(source) * copies + copy + 1);
            if (coco != null) extra.put("source_image_id", r.getAs("image_id"));
            extra.put("source_file_name", source);
            extra.put("copy", copy);
            images.add(new DatasetImage(r.getAs("file_name"), null, r.getAs("width"), r.getAs("height"), objects, extra));
        }
        org.augment4j.datasets.Dataset header = coco != null ? coco : new org.augment4j.datasets.Dataset(List.of(), List.of(), Map.of(), List.of());
        CocoWriter.write(dir.resolve("annotations/instances.json"), header, images);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("images_in", sources.size());
        report.put("images_out", images.size());
        report.put("failed", failures);
        report.put("annotation_problems", coco != null ? coco.problems() : List.of());
        Files.writeString(dir.resolve("report.json"), new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        log.printf("augment4j-spark-job: wrote %d images and %s, %d failed rows%n", images.size(), dir.resolve("annotations/instances.json"), failures.size());
        return failures.size();
    }

    /**
     * Deletes the hidden temporary files ({@code .tmp-*}, see {@link AtomicFiles}) that tasks killed between writing
     * and renaming left in {@code images} (the folder was new or empty: nothing else writes them). Their retries wrote
     * the complete files.
     */
    private void removeTemporaryFiles(Path images) throws java.io.IOException {
        try (var s = Files.list(images)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList()) {
                Files.deleteIfExists(p);
                log.println("augment4j-spark-job: removed " + p.getFileName() + ", left by a task that did not finish");
            }
        }
    }

    /** The local path of {@code out} (a plain path or a {@code file:} URI); an error for other file systems. */
    static String localPath(String out) {
        if (out.startsWith("file:")) return java.net.URI.create(out).getPath();
        if (out.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("--output coco writes to a local or shared folder, not " + out + "; use --output parquet for other file systems");
        }
        return out;
    }

    private static void checkLocalEmpty(Path dir) throws java.io.IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IllegalArgumentException("--out " + dir + " is a file, not a folder");
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isPresent()) throw new IllegalArgumentException("--out " + dir + " is not empty; choose a new folder");
            }
        }
    }

    /** Writes each successful row's image to {@code <dir>/<file_name>} and passes the row on without image and mask. */
    private static final class ImageFileWriter implements org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final String dir;

        ImageFileWriter(String dir) {
            this.dir = dir;
        }

        @Override
        public java.util.Iterator<Row> call(java.util.Iterator<Row> rows) {
            return Rows.mapped(rows, r -> {
                int image = r.fieldIndex("image");
                if (!r.isNullAt(image)) {
                    Path file = Path.of(dir, r.<String>getAs("file_name"));
                    try {
                        AtomicFiles.write(file, (byte[]) r.get(image));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
                    }
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    String name = r.schema().fields()[i].name();
                    if (!name.equals("image") && !name.equals("mask")) values.add(r.get(i));
                }
                return org.apache.spark.sql.RowFactory.create(values.toArray());
            });
        }
    }
}
