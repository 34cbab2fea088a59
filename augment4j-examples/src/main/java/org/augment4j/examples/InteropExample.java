package org.augment4j.examples;

import java.awt.image.BufferedImage;
import org.augment4j.A;
import org.augment4j.Augmented;
import org.augment4j.Compose;
import org.augment4j.Inputs;
import org.augment4j.loader.Tensors;
import org.augment4j.opencv.BufferedImages;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Task 4: interop with what a Java program already holds: a {@code BufferedImage} in, a {@code BufferedImage} and a
 * channels-first float array out, what Python writes with {@code np.array(PIL image)} and {@code Image.fromarray}.
 */
public final class InteropExample {
    private InteropExample() {}

    /** The augmented picture and the same pixels as CHW floats (values 0..255). */
    public record Result(BufferedImage picture, float[] chw) {}

    /** Flips {@code picture} horizontally and shifts its colours with {@code seed}. */
    public static Result run(BufferedImage picture, long seed) {
        Compose pipeline = A.Compose(A.HorizontalFlip().withP(1), A.RGBShift());
        try (Mat image = BufferedImages.toMat(picture); Augmented out = pipeline.apply(Inputs.of(image), seed)) {
            return new Result(BufferedImages.toBufferedImage(out.image()), Tensors.chw(out.image()));
        }
    }
}
