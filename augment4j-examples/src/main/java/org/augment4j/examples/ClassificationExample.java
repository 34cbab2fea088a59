package org.augment4j.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.loader.Batch;
import org.augment4j.loader.Loader;
import org.augment4j.loader.SampleSource;

/**
 * Task 2: a classification loader, what Python writes with torchvision's {@code ImageFolder}, Albumentations,
 * {@code ToTensorV2} and {@code DataLoader(batch_size=..., shuffle=True)}: batches of float32 NCHW images with their
 * class indices, for one epoch.
 */
public final class ClassificationExample {
    private ClassificationExample() {}

    /** One batch as a training step would get it: the NCHW floats, their shape and the class indices. */
    public record Step(float[] images, long[] shape, int[] labels) {}

    /** One epoch over {@code root/<class>/<image>} in batches of {@code batchSize}, shuffled and augmented with {@code seed}. */
    public static List<Step> epoch(Path root, int batchSize, long seed) {
        Compose train = A.Compose(A.RandomResizedCrop(224, 224), A.HorizontalFlip(), A.Normalize());
        SampleSource data = SampleSource.imageFolder(root);
        List<Step> steps = new ArrayList<>();
        try (Loader loader = Loader.builder(train).source(data.shuffled(seed)).threads(2).seed(seed).build()) {
            for (Batch batch : loader.batches(batchSize)) {
                try (batch) {
                    steps.add(new Step(batch.images(), batch.shape(), batch.labels()));   // model.step(...) in a real loop
                }
            }
        }
        return steps;
    }
}
