package org.augment4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.TestData;
import org.augment4j.loader.Normalization;
import org.augment4j.loader.SampleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small CNN trained by DJL's PyTorch engine on augmented batches: the loss falls (a smoke test of the whole path, not a benchmark). */
class TrainingTest {
    @TempDir
    Path tmp;

    @Test
    void aSmallCnnLearnsFromAugmentedBatches() throws Exception {
        Path root = TestData.imageFolder(tmp.resolve("train"), i -> i % 2 == 0 ? "even" : "odd",
                "astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "horse.png", "camera.png");
        Compose recipe = A.Compose(A.RandomResizedCrop(32, 32).with("scale", List.of(0.5, 1.0)), A.HorizontalFlip());
        SequentialBlock cnn = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(8).build()).add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2))).add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(2).build());
        ai.djl.engine.Engine.getInstance().setRandomSeed(1234);   // the weights' initialisation
        List<Float> epochLoss = new ArrayList<>();
        try (Model model = Model.newInstance("cnn")) {
            model.setBlock(cnn);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 3, 32, 32));
                AugmentedDataset data = AugmentedDataset.builder(SampleSource.imageFolder(root), recipe).seed(7)
                        .normalization(Normalization.IMAGENET).threads(2).setSampling(3, true).build();
                for (int epoch = 0; epoch < 25; epoch++) {
                    float sum = 0;
                    for (Batch batch : trainer.iterateDataset(data)) {
                        try (batch; GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray prediction = trainer.forward(batch.getData()).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), new NDList(prediction));
                            gc.backward(loss);
                            sum += loss.getFloat();
                        }
                        trainer.step();
                    }
                    epochLoss.add(sum);
                    assertThat(data.epoch()).isEqualTo(epoch);   // each pass is the next epoch
                }
            }
        }
        float first = (epochLoss.get(0) + epochLoss.get(1) + epochLoss.get(2)) / 3, last = (epochLoss.get(22) + epochLoss.get(23) + epochLoss.get(24)) / 3;
        assertThat(last).as("loss per epoch %s", epochLoss).isLessThan(first * 0.7f);
    }
}
