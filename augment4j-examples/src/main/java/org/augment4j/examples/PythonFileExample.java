package org.augment4j.examples;

import java.nio.file.Path;
import java.util.List;
import org.augment4j.Augmented;
import org.augment4j.Compose;
import org.augment4j.Inputs;
import org.augment4j.opencv.ImageIO;
import org.augment4j.serial.PipelineFile;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Task 3: a pipeline file the Python team wrote with {@code A.save(transform, "pipeline.json")} (here with
 * {@code bbox_params} in pascal_voc and a {@code labels} field), loaded and applied to an image and its boxes.
 */
public final class PythonFileExample {
    private PythonFileExample() {}

    /** The boxes (in the file's format) and labels after one application with {@code seed}. */
    public record Result(double[][] boxes, List<Object> labels) {}

    /** Loads {@code pipelineFile}, applies it to {@code imageFile} with {@code boxes} labelled {@code labels} and writes the image to {@code out}. */
    public static Result run(Path pipelineFile, Path imageFile, double[][] boxes, List<?> labels, Path out, long seed) {
        Compose pipeline = PipelineFile.load(pipelineFile);              // means what it meant in the Albumentations that wrote it
        try (Mat image = ImageIO.readRgb(imageFile);
             Augmented result = pipeline.apply(Inputs.of(image).bboxes(boxes, "labels", labels), seed)) {
            ImageIO.write(out, result.image());
            return new Result(result.bboxes(), result.labels("labels"));
        }
    }
}
