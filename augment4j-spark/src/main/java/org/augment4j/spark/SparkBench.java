package org.augment4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.datasets.CocoReader;
import org.augment4j.loader.Loader;
import org.augment4j.serial.PipelineFile;
import org.augment4j.target.TargetCodec;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Throughput of {@link SparkAugmenter} against the library used directly on one machine, on the same rows: a COCO
 * dataset repeated {@code --repeat} times (each copy its own row id), held in memory as encoded image and PNG mask
 * bytes with boxes and labels. Every side does the same work per row — decode image and mask, run the pipeline,
 * encode the image and mask as PNG and the boxes — so the difference is what Spark adds (row conversion, scheduling,
 * serialisation):
 * <ul>
 *   <li>Spark: {@code SparkAugmenter} on the cached rows into the {@code noop} sink (runs everything, keeps nothing);</li>
 *   <li>direct: the same rows with the same per-row seeds ({@link SparkAugmenter#rowSeed}) on a pool of as many
 *       threads as the master's cores, so the random work is identical to Spark's row for row;</li>
 *   <li>Loader: {@link Loader} with that many worker threads (its own per-index seeds; the consumer thread encodes).</li>
 * </ul>
 * Prints rows/s for each run, the CPU time per row of the whole JVM for Spark and direct (less sensitive to other
 * processes on a shared machine than wall time), and the load average. A measurement command, not a test.
 */
@Command(name = "spark-bench", mixinStandardHelpOptions = true, description = "Rows/s of SparkAugmenter vs the single-machine Loader on the same rows.")
public final class SparkBench implements Callable<Integer> {
    @Option(names = "--coco", required = true, paramLabel = "DIR", description = "COCO folder.")
    Path coco;

    @Option(names = "--pipeline", required = true, paramLabel = "P", description = "Pipeline file.")
    Path pipeline;

    @Option(names = "--master", defaultValue = "local[1]", description = "Spark master; local[N] also sets the Loader's threads (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--repeat", defaultValue = "20", description = "Times the dataset is repeated (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs of each side, after one warm-up run (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || runs < 1) throw new IllegalArgumentException("--repeat and --runs must be >= 1");
        int threads = master.matches("local\\[\\d+]") ? Integer.parseInt(master.replaceAll("\\D", "")) : Runtime.getRuntime().availableProcessors();
        SparkConf conf = new SparkConf().setAppName("augment4j-spark-bench").setMaster(master).setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            org.augment4j.datasets.Dataset ds = CocoReader.read(coco);
            Dataset<Row> base = CocoFrames.withInstanceMask(CocoFrames.read(spark, ds, coco.resolve("images"), 1)).drop("polygons", "rle");
            Dataset<Row> rows = base.crossJoin(spark.range(repeat).withColumnRenamed("id", "rep"))
                    .withColumn("file_name", concat(col("rep").cast("string"), lit("/"), col("file_name"))).drop("rep")
                    .repartition(4 * threads, col("file_name")).persist(StorageLevel.MEMORY_ONLY());
            long n = rows.count();
            Compose compose = CocoFrames.pipeline(PipelineFile.load(pipeline));
            SparkAugmenter aug = SparkAugmenter.builder(compose).idColumn("file_name").seed(seed).build();
            List<Row> local = rows.collectAsList();
            System.out.printf("spark-bench: %s, %d rows (%d images x %d), pipeline %s, %d runs after a warm-up; load average before: %s%n",
                    master, n, ds.images().size(), repeat, pipeline, runs, loadAverage());
            List<Double> sparkRates = new ArrayList<>(), directRates = new ArrayList<>(), loaderRates = new ArrayList<>();
            List<Double> sparkCpu = new ArrayList<>(), directCpu = new ArrayList<>();
            for (int r = 0; r <= runs; r++) {
                long t0 = System.nanoTime(), c0 = cpu();
                aug.transform(rows).write().format("noop").mode("overwrite").save();
                double sparkRate = n / ((System.nanoTime() - t0) / 1e9), sparkMs = (cpu() - c0) / 1e6 / n;
                t0 = System.nanoTime();
                c0 = cpu();
                long done = direct(compose, local, threads);
                double directRate = done / ((System.nanoTime() - t0) / 1e9), directMs = (cpu() - c0) / 1e6 / done;
                t0 = System.nanoTime();
                done = loader(compose, local, threads);
                double loaderRate = done / ((System.nanoTime() - t0) / 1e9);
                if (r == 0) continue;
                sparkRates.add(sparkRate);
                directRates.add(directRate);
                loaderRates.add(loaderRate);
                sparkCpu.add(sparkMs);
                directCpu.add(directMs);
                System.out.printf("run %d: Spark %s %.2f rows/s | direct %d threads %.2f rows/s (Spark overhead %+.1f %%) | Loader %d threads %.2f rows/s "
                        + "(Spark overhead %+.1f %%) | CPU per row: Spark %.1f ms, direct %.1f ms (%+.1f %%) | load average %s%n", r, master, sparkRate,
                        threads, directRate, 100 * (directRate / sparkRate - 1), threads, loaderRate, 100 * (loaderRate / sparkRate - 1), sparkMs, directMs,
                        100 * (sparkMs / directMs - 1), loadAverage());
            }
            double s = median(sparkRates), d = median(directRates), l = median(loaderRates), sc = median(sparkCpu), dc = median(directCpu);
            System.out.printf("median: Spark %s %.2f rows/s | direct %.2f rows/s (Spark overhead %+.1f %%) | Loader %.2f rows/s (Spark overhead %+.1f %%) "
                    + "| CPU per row: Spark %.1f ms, direct %.1f ms (%+.1f %%)%n", master, s, d, 100 * (d / s - 1), l, 100 * (l / s - 1), sc, dc, 100 * (sc / dc - 1));
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** The same per-row work and seeds as Spark's, on a pool of {@code threads}; returns the rows done. */
    private long direct(Compose compose, List<Row> rows, int threads) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (Row r : rows) {
                futures.add(pool.submit(() -> {
                    try (Sample in = sample(compose, r); Sample s = compose.apply(in, SparkAugmenter.rowSeed(seed, r.getAs("file_name"), 0))) {
                        encode(compose, s);
                    }
                }));
            }
            for (var f : futures) f.get();
            return futures.size();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Sample sample(Compose compose, Row r) {
        Mat image = ImageCodec.decode(r.getAs("image"));
        Mat mask = ImageCodec.decodeMask(r.getAs("mask"));
        List<scala.collection.Seq<Double>> b = r.getList(r.fieldIndex("boxes"));
        double[][] boxes = new double[b.size()][];
        for (int k = 0; k < boxes.length; k++) {
            boxes[k] = scala.jdk.javaapi.CollectionConverters.asJava(b.get(k)).stream().mapToDouble(Double::doubleValue).toArray();
        }
        Map<String, List<?>> labels = new HashMap<>();
        for (String f : compose.bboxParams().labelFields()) labels.put(f, r.getList(r.fieldIndex(f)));
        return Sample.builder().image(image).mask(mask).boxes(TargetCodec.decodeBoxes(boxes, labels, compose.bboxParams(), image.cols(), image.rows())).build();
    }

    private static void encode(Compose compose, Sample s) {
        ImageCodec.encode(s.image(), ".png");
        ImageCodec.encode(s.mask(), ".png");
        TargetCodec.encodeBoxes(s.boxes(), compose.bboxParams(), s.width(), s.height());
        for (String f : compose.bboxParams().labelFields()) s.boxes().labels().get(f);
    }

    /** The same per-row work through the single-machine Loader; returns the rows done. */
    private long loader(Compose compose, List<Row> rows, int threads) {
        Map<Integer, Row> byIndex = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) byIndex.put(i, rows.get(i));
        long done = 0;
        try (Loader loader = Loader.builder(compose).indexed(rows.size(), i -> sample(compose, byIndex.get(i))).threads(threads).seed(seed).build()) {
            for (Sample s : loader) {
                try (s) {
                    encode(compose, s);
                    done++;
                }
            }
        }
        return done;
    }

    /** CPU time of this whole JVM (all threads, Spark's included), in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
