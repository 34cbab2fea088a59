package org.augment4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.augment4j.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch job on a real Spark standalone cluster of separate JVMs on 127.0.0.1 (a master, two workers of one core,
 * so two executors of one core; see {@link StandaloneCluster}), submitted with {@code SparkSubmit} in client mode
 * from a driver JVM whose working directory holds the pipeline: each run's output must be byte for byte that of
 * {@code local[1]} in this JVM. Executors see only Spark's jars and the job jar, run in the workers' folders, and
 * must load OpenCV's natives themselves; one run loses an executor to {@code kill -9} in the middle of its tasks.
 */
class StandaloneClusterTest {
    static final Path COCO = TestData.data("coco").toAbsolutePath();
    static final Path ARTICLE = Path.of("../pipelines/article.json").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Everything the test writes, logs of every JVM included, kept for a look after a failure (target/ is cleaned by {@code mvn clean}). */
    static Path tmp = Path.of("target/standalone-cluster").toAbsolutePath();
    static StandaloneCluster cluster;
    static Path jobJar;

    @BeforeAll
    static void startCluster() throws Exception {
        deleteTree(tmp);
        Files.createDirectories(tmp);
        jobJar = ClusterJars.jobJar(tmp);
        cluster = StandaloneCluster.start(tmp.resolve("cluster"), ClusterJars.sparkJars(), 2, 1, "2g");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster == null) return;
        cluster.close();
        assertThat(cluster.alive()).as("processes of the cluster still running after close()").isEmpty();
    }

    /** Runs the job on the cluster with the driver in {@code cwd}; returns the event log's events. */
    static List<JsonNode> submit(String name, Path cwd, List<String> args, Runnable whileRunning) throws Exception {
        Path events = Files.createDirectories(tmp.resolve("events-" + name));
        Map<String, String> conf = StandaloneCluster.conf(2, events);
        conf.put("spark.sql.adaptive.enabled", "false");
        Process driver = cluster.submit(name, cwd, jobJar, AugmentJob.class.getName(), conf, args);
        try {
            whileRunning.run();
            assertThat(driver.waitFor(240, TimeUnit.SECONDS)).as("driver finished within 240 s; its log: %s", cluster.log(name, "err")).isTrue();
            assertThat(driver.exitValue()).as("driver exit code; stderr:%n%s", tail(cluster.log(name, "err"))).isZero();
        } finally {
            driver.destroyForcibly();
        }
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(events)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                for (String line : Files.readAllLines(f)) out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    static AugmentJobTest.Result local1(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--master", "local[1]"));
        return AugmentJobTest.job(all.toArray(String[]::new));
    }

    /** The driver's folder: the pipeline (and the files it names) exist there and nowhere an executor looks. */
    static Path driverFolder(String name, String pipelineJson) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("driver-" + name));
        Files.writeString(d.resolve("pipeline.json"), pipelineJson);
        Files.createDirectories(d.resolve("refs"));
        Files.copy(TestData.data("photos/chelsea.png"), d.resolve("refs/reference.png"));
        return d;
    }

    @Test
    void twoExecutorsWriteTheSameImagesMasksAndLabelsAsLocal1() throws Exception {
        List<String> common = List.of("--input", COCO.toString(), "--copies", "2", "--seed", "11", "--partitions", "4");
        Path driver = driverFolder("parquet", Files.readString(ARTICLE));
        Path clusterOut = tmp.resolve("cluster-parquet"), localOut = tmp.resolve("local-parquet");
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of("--pipeline", "pipeline.json", "--out", clusterOut.toString()));
        List<JsonNode> events = submit("parquet", driver, args, () -> {});

        List<String> local = new ArrayList<>(common);
        local.addAll(List.of("--pipeline", ARTICLE.toString(), "--out", localOut.toString()));
        AugmentJobTest.Result ref = local1(local);
        assertThat(ref.code()).as(ref.err()).isZero();

        Map<String, Row> c = parquetRows(clusterOut), l = parquetRows(localOut);
        assertThat(c.keySet()).hasSize(20).isEqualTo(l.keySet());
        for (String file : l.keySet()) {
            Row a = c.get(file), b = l.get(file);
            assertThat(a.schema()).isEqualTo(b.schema());
            for (String col : b.schema().fieldNames()) {
                Object x = a.getAs(col), y = b.getAs(col);
                if (y instanceof byte[] bytes) assertThat((byte[]) x).as("%s of %s", col, file).isEqualTo(bytes);
                else assertThat(String.valueOf(x)).as("%s of %s", col, file).isEqualTo(String.valueOf(y));
            }
        }
        assertThat(executorsThatRanTasks(events)).as("both executors ran tasks").hasSize(2);
        assertExecutorsSawOnlySparkAndTheJobJar();
    }

    @Test
    void anExecutorKilledMidJobChangesNoByteOfTheOutput() throws Exception {
        String pipeline = Files.readString(ARTICLE).replace("{\"__class_fullname__\": \"Cutout\", \"p\": 1}",
                "{\"__class_fullname__\": \"Cutout\", \"p\": 1},\n      {\"__class_fullname__\": \"HistogramMatching\", \"p\": 1.0, \"reference_images\": [\"refs/reference.png\"]}");
        assertThat(pipeline).contains("HistogramMatching");
        List<String> common = List.of("--input", COCO.toString(), "--copies", "4", "--seed", "5", "--partitions", "4", "--output", "coco");
        Path driver = driverFolder("kill", pipeline);
        Path clusterOut = tmp.resolve("cluster-coco"), localOut = tmp.resolve("local-coco");
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of("--pipeline", "pipeline.json", "--out", clusterOut.toString()));
        String[] killed = new String[1];
        List<JsonNode> events = submit("kill", driver, args, () -> killed[0] = killAnExecutorRunningATask(clusterOut.resolve("images")));

        Path localPipeline = driverFolder("kill-local", pipeline).resolve("pipeline.json");
        List<String> local = new ArrayList<>(common);
        local.addAll(List.of("--pipeline", localPipeline.toString(), "--out", localOut.toString()));
        AugmentJobTest.Result ref = local1(local);
        assertThat(ref.code()).as(ref.err()).isZero();

        Map<String, byte[]> c = tree(clusterOut), l = tree(localOut);
        assertThat(c.keySet()).as("files written (no duplicate, missing or temporary file)").isEqualTo(l.keySet());
        assertThat(l.keySet()).contains("annotations/instances.json", "report.json").hasSize(40 + 2);
        for (String f : l.keySet()) assertThat(c.get(f)).as(f).isEqualTo(l.get(f));

        assertThat(events.stream().filter(e -> e.path("Event").asText().equals("SparkListenerExecutorRemoved"))
                .map(e -> e.path("Executor ID").asText())).as("executors removed").contains(killed[0]);
        assertThat(events.stream().filter(e -> e.path("Event").asText().equals("SparkListenerTaskEnd"))
                .filter(e -> e.path("Task End Reason").path("Reason").asText().equals("ExecutorLostFailure"))
                .map(e -> e.path("Task Info").path("Executor ID").asText())).as("tasks lost with the killed executor").isNotEmpty().containsOnly(killed[0]);
    }

    /** Waits until the final stage writes images and an executor is inside a task, kills it with SIGKILL; returns its executor id. */
    private static String killAnExecutorRunningATask(Path images) {
        try {
            StandaloneCluster.await("the first augmented image", () -> count(images) > 0, Duration.ofSeconds(180));
            ProcessHandle[] victim = new ProcessHandle[1];
            StandaloneCluster.await("an executor inside a task", () -> {
                for (ProcessHandle h : cluster.executors()) {
                    if (runningTask(h)) {
                        victim[0] = h;
                        return true;
                    }
                }
                return false;
            }, Duration.ofSeconds(60));
            String id = executorId(victim[0]);
            assertThat(victim[0].destroyForcibly()).isTrue(); // SIGKILL
            victim[0].onExit().get(30, TimeUnit.SECONDS);
            return id;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long count(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String executorId(ProcessHandle h) {
        Matcher m = Pattern.compile("--executor-id (\\S+)").matcher(h.info().commandLine().orElse(""));
        assertThat(m.find()).as("executor command line %s", h.info().commandLine()).isTrue();
        return m.group(1);
    }

    /** Whether the executor's log shows a task it started and has not finished. */
    private static boolean runningTask(ProcessHandle h) {
        Optional<Path> log = executorLog(h);
        if (log.isEmpty()) return false;
        try {
            String text = Files.readString(log.get());
            Set<String> running = new HashSet<>();
            Matcher m = Pattern.compile("(Running|Finished) task (\\S+ in stage \\S+)").matcher(text);
            while (m.find()) {
                if (m.group(1).equals("Running")) running.add(m.group(2));
                else running.remove(m.group(2));
            }
            return !running.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> executorLog(ProcessHandle h) {
        String id = executorId(h);
        Matcher app = Pattern.compile("--app-id (\\S+)").matcher(h.info().commandLine().orElse(""));
        if (!app.find()) return Optional.empty();
        for (Path work : cluster.workDirs()) {
            Path log = work.resolve(app.group(1)).resolve(id).resolve("stderr");
            if (Files.isRegularFile(log)) return Optional.of(log);
        }
        return Optional.empty();
    }

    private static Set<String> executorsThatRanTasks(List<JsonNode> events) {
        Set<String> ids = new HashSet<>();
        events.stream().filter(e -> e.path("Event").asText().equals("SparkListenerTaskEnd")).forEach(e -> ids.add(e.path("Task Info").path("Executor ID").asText()));
        ids.remove("driver");
        return ids;
    }

    /**
     * Each executor's launch command (the first line of its log) has only Spark's jars on its classpath, and the job
     * jar reached it through the driver (fetched into its working directory).
     */
    private static void assertExecutorsSawOnlySparkAndTheJobJar() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (Path work : cluster.workDirs()) {
            try (Stream<Path> s = Files.walk(work)) {
                s.filter(p -> p.getFileName().toString().equals("stderr")).forEach(logs::add);
            }
        }
        assertThat(logs).isNotEmpty();
        for (Path log : logs) {
            String command = Files.readAllLines(log).stream().filter(x -> x.startsWith("Spark Executor Command:")).findFirst().orElseThrow();
            Matcher cp = Pattern.compile("\"-cp\" \"([^\"]*)\"").matcher(command);
            assertThat(cp.find()).as(command).isTrue();
            String sparkHome = tmp.resolve("cluster/spark-home").toString();
            assertThat(cp.group(1).split(":")).as("executor classpath: $SPARK_HOME's conf/ and jars only").allSatisfy(e -> assertThat(e).startsWith(sparkHome + "/"))
                    .contains(sparkHome + "/jars/*");
            try (Stream<Path> s = Files.list(log.getParent())) {
                assertThat(s.map(p -> p.getFileName().toString())).as("files fetched by executor %s", log.getParent()).contains(jobJar.getFileName().toString());
            }
        }
    }

    private static Map<String, Row> parquetRows(Path dir) {
        SparkSession spark = LocalSpark.start("local[1]");
        try {
            Map<String, Row> out = new TreeMap<>();
            for (Row r : spark.read().parquet(dir.toString()).collectAsList()) out.put(r.getAs("file_name"), r);
            return out;
        } finally {
            spark.stop();
        }
    }

    /** Every file below {@code dir} (hidden ones too), by relative path, with its bytes. */
    private static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
        }
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
