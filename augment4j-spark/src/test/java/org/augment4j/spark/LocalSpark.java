package org.augment4j.spark;

import org.apache.spark.sql.SparkSession;

/** A loopback-only local Spark session for tests: no UI, 4 shuffle partitions, driver bound to 127.0.0.1. */
final class LocalSpark {
    private LocalSpark() {}

    static SparkSession start(String master) {
        return SparkSession.builder()
                .appName("augment4j-spark-test")
                .master(master)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
    }
}
