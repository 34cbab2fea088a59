package org.augment4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.augment4j.TestData;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link LoadingThroughput}: briefly by default, to keep it working (nothing about speed is asserted), or the
 * full table with {@code -Daugment4j.djl.throughput=full}.
 */
class LoadingThroughputTest {
    @Test
    void theThroughputTableRuns() throws Exception {
        boolean full = "full".equals(System.getProperty("augment4j.djl.throughput"));
        List<LoadingThroughput.Row> rows = LoadingThroughput.run(TestData.root().resolve("perf/images"), full ? 192 : 8, full ? 32 : 4, full ? 3 : 1);
        assertThat(rows).hasSize(6).allSatisfy(r -> assertThat(r.imagesPerSecond()).isPositive());
        assertThat(rows.subList(3, 6)).allSatisfy(r -> assertThat(r.waitShare()).isBetween(0.0, 1.0));
    }
}
