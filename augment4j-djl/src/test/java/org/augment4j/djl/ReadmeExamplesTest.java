package org.augment4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.augment4j.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Training with DJL" examples run, and the README shows them as {@link ReadmeExamples} compiles them. */
class ReadmeExamplesTest {
    @TempDir
    Path tmp;

    @Test
    void theClassificationExampleTrainsAndValidates() throws Exception {
        TestData.imageFolder(tmp, i -> (i < 6 ? "train/" : "val/") + (i % 2 == 0 ? "even" : "odd"),
                "astronaut.png", "camera.png", "chelsea.png", "china.jpg", "coffee.png", "flower.jpg", "horse.png", "rocket.jpg");
        SequentialBlock cnn = new SequentialBlock().add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(4).build()).add(Activation::relu)
                .add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(2).build());
        TrainingResult result = ReadmeExamples.classification(tmp, cnn, 2);
        assertThat(result.getEpoch()).isEqualTo(2);
        assertThat(result.getValidateEvaluation("Accuracy")).isBetween(0f, 1f);
        assertThat(result.getTrainLoss()).isPositive();
    }

    @Test
    void theDetectionExampleGivesPaddedBoxBatches() throws Exception {
        List<Shape> shapes = new java.util.ArrayList<>();
        ReadmeExamples.detection(TestData.root().getParent(), (images, boxes) -> {
            shapes.add(images.getShape());
            shapes.add(boxes.getShape());
        });
        assertThat(shapes).hasSize(6);   // 10 images in batches of 4, 4, 2
        for (int b = 0; b < 3; b++) {
            long n = b < 2 ? 4 : 2;
            assertThat(shapes.get(2 * b)).isEqualTo(new Shape(n, 3, 512, 512));
            assertThat(shapes.get(2 * b + 1).get(0)).isEqualTo(n);
            assertThat(shapes.get(2 * b + 1).get(2)).isEqualTo(5);
        }
    }

    @Test
    void readmeShowsTheExamplesAsCompiled() throws Exception {
        String source = Files.readString(Path.of("src/test/java/org/augment4j/djl/ReadmeExamples.java"));
        String readme = Files.readString(TestData.root().getParent().resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Training with DJL"));
        int from = 0;
        for (String name : new String[] {"classification", "detection"}) {
            String body = source.split("// README " + name + ": begin")[1].split("\n", 2)[1].split("\n\\s*// README " + name + ": end")[0];
            String expected = Arrays.stream(body.stripTrailing().split("\n")).map(l -> l.startsWith("        ") ? l.substring(8) : l)
                    .collect(Collectors.joining("\n"));
            int start = section.indexOf("```java\n", from) + 8;
            String block = section.substring(start, section.indexOf("\n```", start));
            assertThat(block).as("README's %s example", name).isEqualTo(expected);
            from = start;
        }
    }
}
