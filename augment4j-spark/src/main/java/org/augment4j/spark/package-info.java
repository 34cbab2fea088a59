/**
 * augment4j on Apache Spark 4 (Scala 2.13, Java 17). {@link org.augment4j.spark.SparkAugmenter} augments a DataFrame
 * of images (Spark's image struct or encoded bytes) with their boxes, keypoints, labels and masks in
 * {@code mapPartitions}, each row's randomness fixed by (seed, row id, copy index); {@link org.augment4j.spark.CocoFrames}
 * turns a COCO dataset into such rows; {@link org.augment4j.spark.AugmentJob} is the batch job for
 * {@code spark-submit}; {@link org.augment4j.spark.SparkBench} measures its throughput against the single-machine
 * loader.
 */
package org.augment4j.spark;
