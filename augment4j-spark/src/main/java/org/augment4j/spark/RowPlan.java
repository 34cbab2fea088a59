package org.augment4j.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Where each role sits in an input row, checked on the driver by {@link SparkAugmenter}, and what the executors need:
 * the pipeline's JSON text, the files it names ({@link PipelineFiles}), copies, seed and output format. Column indices are -1 when absent ({@code width} and
 * {@code height}: the int columns set to the output image size); {@code id} is -1 when
 * the id is the image struct's {@code origin}. Immutable, serialisable.
 */
record RowPlan(String pipelineJson, StructType input, StructType output, int image, boolean imageStruct, int id,
               int boxes, List<String> boxFields, int[] boxLabels, int keypoints, List<String> keypointFields, int[] keypointLabels,
               int mask, boolean maskArray, int width, int height, int copies, long seed, String outputFormat,
               java.util.Map<String, byte[]> files) implements Serializable {
    RowPlan {
        boxFields = List.copyOf(boxFields);
        keypointFields = List.copyOf(keypointFields);
        boxLabels = boxLabels.clone();
        keypointLabels = keypointLabels.clone();
    }
}
