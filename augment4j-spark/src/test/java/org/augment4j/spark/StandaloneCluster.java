package org.augment4j.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on this machine, for tests: a master and {@code workers} workers, each a separate JVM
 * started from Spark's own classes on the Maven classpath ({@code org.apache.spark.deploy.master.Master},
 * {@code org.apache.spark.deploy.worker.Worker}), bound to 127.0.0.1 only. Spark is not downloaded: a folder
 * {@code spark-home/jars/} of symbolic links to Spark's jars (the list {@code target/spark-classpath.txt} that Maven
 * writes, plus the Jackson jars Spark shares with augment4j) stands in for a distribution's {@code $SPARK_HOME}, which
 * is where a worker takes its executors' classpath from. So an executor sees Spark's jars and nothing else: the job's
 * own classes reach it only in the job jar, as on a real cluster. Jobs are submitted with {@link #submit}: Spark's
 * {@code SparkSubmit} in client mode, in its own JVM. {@link #close} kills every process this cluster started,
 * executors included. Everything is written under the folder given to {@link #start}.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final String EXECUTOR_MAIN = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final Path sparkHome;
    private final List<Path> sparkJars;
    private final int masterPort;
    private final int masterWebPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private final List<Path> workDirs = new ArrayList<>();
    private final List<Process> drivers = new ArrayList<>();

    private StandaloneCluster(Path dir, List<Path> sparkJars) throws IOException {
        this.dir = dir;
        this.sparkJars = sparkJars;
        this.sparkHome = Files.createDirectories(dir.resolve("spark-home"));
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        for (Path jar : sparkJars) Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
        Files.createDirectories(dir.resolve("logs"));
        this.masterPort = freePort();
        this.masterWebPort = freePort();
        this.master = launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(masterPort),
                "--webui-port", String.valueOf(masterWebPort)), dir, Map.of());
    }

    /**
     * Starts a master and {@code workers} workers with {@code coresPerWorker} cores and {@code memory} (e.g.
     * {@code 2g}) each, and waits until all of them are registered.
     *
     * @param sparkJars Spark's jars (and their dependencies), as a distribution's {@code jars/} folder holds them
     */
    static StandaloneCluster start(Path dir, List<Path> sparkJars, int workers, int coresPerWorker, String memory) throws Exception {
        StandaloneCluster c = new StandaloneCluster(dir, sparkJars);
        try {
            for (int i = 0; i < workers; i++) {
                Path work = Files.createDirectories(dir.resolve("work-" + i));
                c.workDirs.add(work);
                c.workers.add(c.launch("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--port", String.valueOf(freePort()), "--webui-port", String.valueOf(freePort()), "--cores", String.valueOf(coresPerWorker),
                        "--memory", memory, "--work-dir", work.toString(), c.masterUrl()), work, Map.of()));
            }
            c.await("the master to list " + workers + " alive workers", () -> c.aliveWorkers() == workers, START_TIMEOUT);
            return c;
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
    }

    /** {@code spark://127.0.0.1:PORT}. */
    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The master's JSON state ({@code /json/}: workers, applications, their cores and state). */
    String masterState() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterWebPort + "/json/")).timeout(Duration.ofSeconds(10)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    private int aliveWorkers() {
        try {
            Matcher m = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(masterState());
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The workers' work folders ({@code app-…/<executor id>/} below each: an executor's working directory and logs). */
    List<Path> workDirs() {
        return List.copyOf(workDirs);
    }

    /**
     * The configuration every run on this cluster takes: the driver on 127.0.0.1, no UI, executors of 1 core and 1 GB,
     * at most {@code executors} of them; with {@code events} non-null, an uncompressed, unrolled event log there.
     */
    static Map<String, String> conf(int executors, Path events) {
        Map<String, String> conf = new java.util.LinkedHashMap<>();
        conf.put("spark.driver.host", "127.0.0.1");
        conf.put("spark.driver.bindAddress", "127.0.0.1");
        conf.put("spark.ui.enabled", "false");
        conf.put("spark.executor.cores", "1");
        conf.put("spark.cores.max", Integer.toString(executors));
        conf.put("spark.executor.memory", "1g");
        if (events != null) {
            conf.put("spark.eventLog.enabled", "true");
            conf.put("spark.eventLog.dir", events.toUri().toString());
            conf.put("spark.eventLog.rolling.enabled", "false");
            conf.put("spark.eventLog.compress", "false");
        }
        return conf;
    }

    /**
     * Starts {@code spark-submit --master spark://… --deploy-mode client [sparkConf as --conf k=v] --class mainClass jobJar args}
     * in its own JVM, working directory {@code cwd}; its output goes to {@code logs/<name>.out} and {@code .err}.
     */
    Process submit(String name, Path cwd, Path jobJar, String mainClass, Map<String, String> sparkConf, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl(), "--deploy-mode", "client",
                "--class", mainClass));
        sparkConf.forEach((k, v) -> cmd.addAll(List.of("--conf", k + "=" + v)));
        cmd.add(jobJar.toAbsolutePath().toString());
        cmd.addAll(args);
        Process p = launch(name, cmd, cwd, Map.of());
        drivers.add(p);
        return p;
    }

    /** The stdout ({@code .out}) or stderr ({@code .err}) file of a process started by this cluster. */
    Path log(String name, String stream) {
        return dir.resolve("logs").resolve(name + "." + stream);
    }

    /** The executor JVMs running now, over all workers (children of the worker JVMs). */
    List<ProcessHandle> executors() {
        List<ProcessHandle> out = new ArrayList<>();
        for (Process w : workers) {
            w.descendants().filter(h -> h.isAlive() && h.info().commandLine().orElse("").contains(EXECUTOR_MAIN)).forEach(out::add);
        }
        return out;
    }

    /** Every process this cluster started that is still alive (master, workers, executors, drivers). */
    List<ProcessHandle> alive() {
        List<ProcessHandle> out = new ArrayList<>();
        List<Process> all = new ArrayList<>(drivers);
        all.add(master);
        all.addAll(workers);
        for (Process p : all) {
            if (p.isAlive()) out.add(p.toHandle());
            p.descendants().filter(ProcessHandle::isAlive).forEach(out::add);
        }
        return out;
    }

    /** Kills every process of this cluster (drivers, executors, workers, master) and waits for them to exit. */
    @Override
    public void close() {
        List<Process> order = new ArrayList<>(drivers);
        order.addAll(workers);
        order.add(master);
        List<ProcessHandle> handles = new ArrayList<>();
        for (Process p : order) {
            p.descendants().forEach(handles::add); // children first: a worker's executors would outlive it
            handles.add(p.toHandle());
        }
        handles.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : handles) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the caller's check of alive()
            }
        }
    }

    /** Waits until {@code done} holds, polling every 200 ms; fails naming {@code what} after {@code timeout}. */
    static void await(String what, BooleanSupplier done, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            Thread.sleep(200);
        }
    }

    private Process launch(String name, List<String> mainAndArgs, Path cwd, Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList("-Xmx1g", "-XX:+UseSerialGC", "-cp", String.join(java.io.File.pathSeparator, sparkJars.stream().map(Path::toString).toList())));
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectOutput(log(name, "out").toFile()).redirectError(log(name, "err").toFile());
        Map<String, String> e = pb.environment();
        e.put("SPARK_HOME", sparkHome.toString());
        e.put("JAVA_HOME", System.getProperty("java.home"));
        e.put("SPARK_LOCAL_IP", "127.0.0.1");
        e.put("SPARK_SCALA_VERSION", "2.13"); // the launcher library asks, having no build folder to look at
        e.put("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("local")).toString());
        e.remove("SPARK_CONF_DIR");
        e.remove("CLASSPATH");
        e.putAll(env);
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
