package org.augment4j.djl;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.datasets.CocoReader;
import org.augment4j.datasets.Dataset;
import org.augment4j.loader.Normalization;
import org.augment4j.loader.SampleSource;
import org.augment4j.serial.PipelineFile;

/** The README's "Training with DJL" examples, as compiled; {@link ReadmeExamplesTest} runs them and checks the README shows them. */
final class ReadmeExamples {
    private ReadmeExamples() {}

    /** Classification: trains {@code cnn} on {@code root/train} (one folder per class), validates on {@code root/val}. */
    static TrainingResult classification(Path root, Block cnn, int epochs) throws IOException, TranslateException {
        // README classification: begin
        Compose recipe = A.Compose(A.RandomResizedCrop(64, 64), A.HorizontalFlip(), A.ColorJitter().withP(0.8));
        AugmentedDataset train = AugmentedDataset.builder(SampleSource.imageFolder(root.resolve("train")), recipe)
                .seed(42).normalization(Normalization.IMAGENET)
                .threads(2)                          // augmentation threads, prefetching ahead of the trainer
                .setSampling(32, true).build();
        AugmentedDataset valid = AugmentedDataset.builder(SampleSource.imageFolder(root.resolve("val")), A.Compose(A.Resize(64, 64)))
                .normalization(Normalization.IMAGENET).setSampling(32, false).build();

        try (Model model = Model.newInstance("classifier")) {
            model.setBlock(cnn);                     // any DJL block with one output per class
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .addEvaluator(new Accuracy()).addTrainingListeners(TrainingListener.Defaults.logging());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 3, 64, 64));
                EasyTrain.fit(trainer, epochs, train, valid);   // every epoch draws new augmentations
                return trainer.getTrainingResult();          // e.g. getValidateEvaluation("Accuracy")
            }
        }
        // README classification: end
    }

    /** Detection: the bundled COCO sample through the article's pipeline file, into batches of DJL detection labels, each handed to {@code step}. */
    static void detection(Path repository, java.util.function.BiConsumer<NDArray, NDArray> step) throws IOException, TranslateException {
        // README detection: begin
        Dataset coco = CocoReader.read(repository.resolve("testdata/data/coco"));
        Compose article = PipelineFile.load(repository.resolve("pipelines/article.json"));   // bbox_params: coco, category_id
        AugmentedDataset train = AugmentedDataset.builder(coco, article)
                .detection("category_id")            // rows [class, x0, y0, x1, y1], 0..1, padded per batch with -1
                .seed(7).threads(2).setSampling(4, true).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Batch batch : train.getData(manager)) {   // or trainer.iterateDataset(train)
                try (batch) {
                    NDArray images = batch.getData().head();     // (4, 3, 512, 512) float32
                    NDArray boxes = batch.getLabels().head();    // (4, most boxes in the batch, 5) float32
                    step.accept(images, boxes);                  // your model's step
                }
            }
        }
        // README detection: end
    }
}
