package org.augment4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a test (its name keeps it out of {@code mvn test}): {@link SparkBench} submitted to a standalone
 * cluster of two one-core workers (separate JVMs, see {@link StandaloneCluster}) with {@code spark.cores.max} 1 and
 * then 2, so one and then two executors do the Spark side. Run it explicitly:
 * {@code mvn -B test -pl augment4j-spark -am -Dtest=StandaloneClusterThroughput -Dsurefire.failIfNoSpecifiedTests=false};
 * each driver's output (rows/s per run and the medians) is printed and kept in
 * {@code augment4j-spark/target/standalone-throughput/}.
 */
class StandaloneClusterThroughput {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * The batch job itself ({@link AugmentJob}: executors read the COCO images and write Parquet), 10 images × 20
     * copies = 200 rows ({@code -Daugment4j.throughput.copies=N} for 10 × N), with 1 and 2 executors, alternating,
     * twice each ({@code -Daugment4j.throughput.rounds=R}). The rate is rows over the span of the
     * application's Spark jobs in its event log (first job submitted to last job completed), so JVM and context
     * start-up are left out.
     */
    @Test
    void batchJobRowsPerSecondWithOneAndTwoExecutors() throws Exception {
        Path tmp = Path.of("target/standalone-throughput-job").toAbsolutePath();
        StandaloneClusterTest.deleteTree(tmp);
        Files.createDirectories(tmp);
        Path jobJar = ClusterJars.jobJar(tmp);
        try (StandaloneCluster cluster = StandaloneCluster.start(tmp.resolve("cluster"), ClusterJars.sparkJars(), 2, 1, "2g")) {
            int copies = Integer.getInteger("augment4j.throughput.copies", 20), rows = 10 * copies;
            for (int round = 0; round < Integer.getInteger("augment4j.throughput.rounds", 2); round++) {
                for (int executors : new int[] {1, 2}) {
                    String name = "job-" + executors + "-" + round;
                    Path events = Files.createDirectories(tmp.resolve("events-" + name));
                    Map<String, String> conf = withMallocSettings(StandaloneCluster.conf(executors, events));
                    Process driver = cluster.submit(name, tmp, jobJar, AugmentJob.class.getName(), conf,
                            List.of("--input", StandaloneClusterTest.COCO.toString(), "--pipeline", StandaloneClusterTest.ARTICLE.toString(),
                                    "--copies", Integer.toString(copies), "--seed", "1", "--out", tmp.resolve("out-" + name).toString()));
                    try {
                        assertThat(driver.waitFor(900, TimeUnit.SECONDS)).as("job finished").isTrue();
                        assertThat(driver.exitValue()).as(Files.readString(cluster.log(name, "err"))).isZero();
                    } finally {
                        driver.destroyForcibly();
                    }
                    long first = Long.MAX_VALUE, last = 0;
                    try (java.util.stream.Stream<Path> files = Files.walk(events)) {
                        for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                            for (String line : Files.readAllLines(f)) {
                                com.fasterxml.jackson.databind.JsonNode e = JSON.readTree(line);
                                String type = e.path("Event").asText();
                                if (type.equals("SparkListenerJobStart")) first = Math.min(first, e.path("Submission Time").asLong());
                                if (type.equals("SparkListenerJobEnd")) last = Math.max(last, e.path("Completion Time").asLong());
                            }
                        }
                    }
                    System.out.printf("AugmentJob, %d executor(s) of 1 core, round %d: %d rows in %.2f s of Spark jobs = %.2f rows/s (load average %s)%n",
                            executors, round, rows, (last - first) / 1000.0, rows * 1000.0 / (last - first),
                            Files.readString(Path.of("/proc/loadavg")).strip());
                }
            }
        }
    }

    @Test
    void rowsPerSecondWithOneAndTwoExecutors() throws Exception {
        Path tmp = Path.of("target/standalone-throughput").toAbsolutePath();
        StandaloneClusterTest.deleteTree(tmp);
        Files.createDirectories(tmp);
        Path jobJar = ClusterJars.jobJar(tmp);
        try (StandaloneCluster cluster = StandaloneCluster.start(tmp.resolve("cluster"), ClusterJars.sparkJars(), 2, 1, "2g")) {
            for (int executors : new int[] {1, 2}) {
                Map<String, String> conf = withMallocSettings(StandaloneCluster.conf(executors, null));
                String name = "bench-" + executors;
                Process driver = cluster.submit(name, tmp, jobJar, SparkBench.class.getName(), conf,
                        List.of("--coco", StandaloneClusterTest.COCO.toString(), "--pipeline", StandaloneClusterTest.ARTICLE.toString(),
                                "--master", cluster.masterUrl(), "--repeat", "20", "--runs", "3"));
                try {
                    assertThat(driver.waitFor(900, TimeUnit.SECONDS)).as("bench finished").isTrue();
                    assertThat(driver.exitValue()).as(Files.readString(cluster.log(name, "err"))).isZero();
                } finally {
                    driver.destroyForcibly();
                }
                System.out.println("== " + executors + " executor(s) of 1 core ==");
                System.out.println(Files.readString(cluster.log(name, "out")).strip());
            }
        }
    }

    /** The executors' glibc settings the README advises (page-fault cliffs otherwise; docs/performance.md). */
    private static Map<String, String> withMallocSettings(Map<String, String> conf) {
        conf.put("spark.executorEnv.MALLOC_MMAP_THRESHOLD_", "33554432");
        conf.put("spark.executorEnv.MALLOC_TRIM_THRESHOLD_", "268435456");
        return conf;
    }
}
