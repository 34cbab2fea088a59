package org.augment4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    @Test
    void rowsPerSecondWithOneAndTwoExecutors() throws Exception {
        Path tmp = Path.of("target/standalone-throughput").toAbsolutePath();
        StandaloneClusterTest.deleteTree(tmp);
        Files.createDirectories(tmp);
        Path jobJar = ClusterJars.jobJar(tmp);
        try (StandaloneCluster cluster = StandaloneCluster.start(tmp.resolve("cluster"), ClusterJars.sparkJars(), 2, 1, "2g")) {
            for (int executors : new int[] {1, 2}) {
                Map<String, String> conf = new LinkedHashMap<>();
                conf.put("spark.driver.host", "127.0.0.1");
                conf.put("spark.driver.bindAddress", "127.0.0.1");
                conf.put("spark.ui.enabled", "false");
                conf.put("spark.executor.cores", "1");
                conf.put("spark.cores.max", Integer.toString(executors));
                conf.put("spark.executor.memory", "1g");
                conf.put("spark.executorEnv.MALLOC_MMAP_THRESHOLD_", "33554432");
                conf.put("spark.executorEnv.MALLOC_TRIM_THRESHOLD_", "268435456");
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
}
