package org.augment4j.djl.example;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.TestData;
import org.augment4j.djl.AugmentedDataset;
import org.augment4j.loader.Normalization;
import org.augment4j.loader.SampleSource;

/**
 * Proof by training: a small CNN learns to tell COCO objects apart (crops of the bundled COCO sample's four most common
 * categories, {@link CocoCrops}) with DJL's PyTorch engine on the CPU, trained twice from the same initial weights, the
 * same seeds and the same batch order: once on plain crops (resize and normalise only) and once on crops augmented by
 * an augment4j pipeline fed through {@link AugmentedDataset}, with a new epoch's draws every epoch. Validation crops
 * are never augmented. Prints every epoch's mean training loss, validation loss and accuracy and wall time of both
 * runs, then a two-row table beside the majority-class baseline.
 *
 * <p>Run it with {@code mvn -B -q test -pl augment4j-djl -am -Dtest=CocoCropClassificationTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Daugment4j.example.epochs=60} (the test runs {@link #run} with that many
 * epochs and checks what it claims), or {@link #main} from an IDE on the module's test classpath.
 *
 * <p>Reproducibility: DJL's engine is seeded ({@link Engine#setRandomSeed}, which seeds both PyTorch's generator, used
 * for the initial weights, and DJL's, used to shuffle), the augmentations are drawn from (seed, epoch, index), and the
 * PyTorch thread counts are fixed ({@link #fixThreads}) before the engine loads, so the same machine prints the same
 * numbers on every run.
 */
public final class CocoCropClassification {
    /** The epochs of {@link #main} without an argument. */
    public static final int DEFAULT_EPOCHS = 60;
    /** The number of categories (the most common of the COCO sample: person, chair, book, car). */
    public static final int CATEGORIES = 4;
    /** The side of the stored crops, in pixels; the network sees {@link Settings#inputSize} pixels. */
    public static final int CROP_SIZE = 64;
    /** One object of every this many of a category is held out for validation. */
    public static final int VALIDATION_EVERY = 4;

    private CocoCropClassification() {}

    /**
     * What a run trains with.
     *
     * @param epochs       passes over the training crops, >= 1
     * @param inputSize    the side of the network's input, in pixels, from 8 to {@link #CROP_SIZE}
     * @param batchSize    crops per batch, >= 1 (the last batch of an epoch may be smaller)
     * @param seed         the seed of the weights, the batch order and the augmentations
     * @param learningRate Adam's fixed learning rate, > 0
     */
    public record Settings(int epochs, int inputSize, int batchSize, long seed, float learningRate) {
        /** Checks the ranges above. */
        public Settings {
            if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            if (inputSize < 8 || inputSize > CROP_SIZE) throw new IllegalArgumentException("inputSize must be in [8, " + CROP_SIZE + "], got " + inputSize);
            if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
            if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }

        /** The example's settings with {@code epochs} epochs: 48-pixel input, batches of 16, seed 42, learning rate 0.002. */
        public static Settings of(int epochs) {
            return new Settings(epochs, 48, 16, 42, 0.002f);
        }
    }

    /**
     * The outcome of one training run.
     *
     * @param name               "plain" or "augmented"
     * @param trainLoss          each epoch's mean softmax cross-entropy over the training crops (as trained on)
     * @param validationLoss     each epoch's mean softmax cross-entropy over the validation crops
     * @param validationAccuracy each epoch's share of validation crops classified right, in [0, 1]
     * @param balancedAccuracy   each epoch's mean over classes of the share of that class's validation crops classified right
     * @param time               the wall time of the run (data, training and validation)
     */
    public record Run(String name, List<Double> trainLoss, List<Double> validationLoss, List<Double> validationAccuracy, List<Double> balancedAccuracy,
                      Duration time) {
        /** Copies the lists. */
        public Run {
            trainLoss = List.copyOf(trainLoss);
            validationLoss = List.copyOf(validationLoss);
            validationAccuracy = List.copyOf(validationAccuracy);
            balancedAccuracy = List.copyOf(balancedAccuracy);
        }

        /** The last epoch's training loss. */
        public double finalLoss() {
            return trainLoss.get(trainLoss.size() - 1);
        }

        /** The last epoch's validation loss. */
        public double finalValidationLoss() {
            return validationLoss.get(validationLoss.size() - 1);
        }

        /** The lowest validation loss of any epoch. */
        public double bestValidationLoss() {
            return Collections.min(validationLoss);
        }

        /** The mean validation accuracy of the last {@code n} epochs (less noisy than one epoch's on a small set). */
        public double meanAccuracyOfLast(int n) {
            return mean(validationAccuracy.subList(validationAccuracy.size() - n, validationAccuracy.size()));
        }

        /** The last epoch's validation accuracy. */
        public double finalAccuracy() {
            return validationAccuracy.get(validationAccuracy.size() - 1);
        }

        /** The best validation accuracy of any epoch. */
        public double bestAccuracy() {
            return Collections.max(validationAccuracy);
        }

        /** The last epoch's balanced validation accuracy. */
        public double finalBalancedAccuracy() {
            return balancedAccuracy.get(balancedAccuracy.size() - 1);
        }

        /** The mean training loss of the first {@code n} epochs. */
        public double meanLossOfFirst(int n) {
            return mean(trainLoss.subList(0, n));
        }

        /** The mean training loss of the last {@code n} epochs. */
        public double meanLossOfLast(int n) {
            return mean(trainLoss.subList(trainLoss.size() - n, trainLoss.size()));
        }

        private static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
    }

    /**
     * Both runs and what they were measured against.
     *
     * @param classes     the class names
     * @param trainCounts training crops per class
     * @param validationCounts validation crops per class
     * @param majority    the validation accuracy of always answering the most common class
     * @param plain       the run without augmentation
     * @param augmented   the run with {@link #augmentedRecipe}
     */
    public record Report(List<String> classes, int[] trainCounts, int[] validationCounts, double majority, Run plain, Run augmented) {}

    /** The plain pipeline, also the validation one: only a resize of the {@link #CROP_SIZE} crop to {@code size × size}. */
    public static Compose plainRecipe(int size) {
        return A.Compose(A.Resize(size, size));
    }

    /**
     * The augmentation a user would pick for small object crops: a random resized crop (scale 0.5-1, aspect 3/4-4/3) to
     * {@code size × size}, a horizontal flip (p 0.5), a colour jitter (brightness, contrast and saturation ±30 %, hue
     * ±0.05 turn, p 0.8) and an occasional conversion to gray (p 0.1).
     */
    public static Compose augmentedRecipe(int size) {
        return A.Compose(
                A.RandomResizedCrop(size, size).with("scale", List.of(0.5, 1.0)),
                A.HorizontalFlip(),
                A.ColorJitter().with("brightness", 0.3).with("contrast", 0.3).with("saturation", 0.3).with("hue", 0.05).withP(0.8),
                A.ToGray().withP(0.1));
    }

    /**
     * The training records of {@code epoch}: {@code crops}' training crops through {@code recipe} with the draws of
     * ({@code settings.seed()}, {@code epoch}, index), ImageNet-normalised, class-index labels, shuffled in batches of
     * {@code settings.batchSize()} by DJL's sampler.
     */
    public static AugmentedDataset trainingSet(CocoCrops crops, Compose recipe, Settings settings, int epoch) {
        return AugmentedDataset.builder(SampleSource.of(crops.train()), recipe).seed(settings.seed()).epoch(epoch)
                .classification().normalization(Normalization.IMAGENET).setSampling(settings.batchSize(), true).build();
    }

    /** The validation records: {@code crops}' validation crops resized by {@link #plainRecipe}, in order. */
    public static AugmentedDataset validationSet(CocoCrops crops, Settings settings) {
        return AugmentedDataset.builder(SampleSource.of(crops.validation()), plainRecipe(settings.inputSize()))
                .classification().normalization(Normalization.IMAGENET).setSampling(settings.batchSize(), false).build();
    }

    /**
     * Fixes PyTorch's thread counts for reproducible numbers (intra-op {@code ai.djl.pytorch.num_threads} 1,
     * inter-op {@code ai.djl.pytorch.num_interop_threads} 1) unless the caller set them: the same count gives the same
     * numbers on every run, another count slightly different ones (the order of float sums changes). One thread is as
     * fast as two for this small network and much steadier on a busy 2-core machine. Also switches DJL to offline
     * mode (nothing downloaded; the native library comes from {@code pytorch-native-cpu} on the classpath) unless
     * {@code ai.djl.offline} is set. Takes effect only before DJL's engine is first loaded in this JVM.
     */
    public static void fixThreads() {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) System.setProperty("ai.djl.pytorch.num_threads", "1");
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
    }

    /** The small CNN: three conv 3×3 / batch norm / ReLU / max-pool 2×2 stages (16, 32, 64 filters), global average pool, linear. */
    static SequentialBlock network(int classes) {
        SequentialBlock net = new SequentialBlock();
        for (int filters : new int[] {16, 32, 64}) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)));
        }
        return net.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(classes).build());
    }

    /**
     * Trains a fresh {@link #network} on {@code crops}' training crops through {@code recipe} for
     * {@code settings.epochs()} epochs (a new {@link AugmentedDataset} per epoch), validating after each, and prints a
     * line per epoch to {@code log}.
     */
    public static Run train(String name, CocoCrops crops, Compose recipe, Settings settings, PrintStream log) throws IOException, TranslateException {
        long start = System.nanoTime();
        int classes = crops.classes().size();
        List<Double> losses = new ArrayList<>(), validationLosses = new ArrayList<>(), accuracies = new ArrayList<>(), balanced = new ArrayList<>();
        Engine.getInstance().setRandomSeed((int) settings.seed());   // the initial weights and DJL's shuffling
        AugmentedDataset validation = validationSet(crops, settings);
        try (Model model = Model.newInstance("coco-crops-" + name)) {
            model.setBlock(network(classes));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate())).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 3, settings.inputSize(), settings.inputSize()));
                for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    double lossSum = 0;
                    long seen = 0;
                    for (Batch batch : trainer.iterateDataset(trainingSet(crops, recipe, settings, epoch))) {
                        try (batch; GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray prediction = trainer.forward(batch.getData()).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), new NDList(prediction));
                            gc.backward(loss);
                            lossSum += loss.getFloat() * batch.getSize();
                            seen += batch.getSize();
                        }
                        trainer.step();
                    }
                    double[] measured = validate(trainer, validation, classes);
                    losses.add(lossSum / seen);
                    validationLosses.add(measured[0]);
                    accuracies.add(measured[1]);
                    balanced.add(measured[2]);
                    log.printf(Locale.ROOT, "%-9s epoch %3d  train loss %.4f  val loss %.4f  val acc %5.1f %%  balanced %5.1f %%  %5.2f s%n",
                            name, epoch + 1, lossSum / seen, measured[0], 100 * measured[1], 100 * measured[2], (System.nanoTime() - epochStart) / 1e9);
                }
            }
        }
        return new Run(name, losses, validationLosses, accuracies, balanced, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * {mean loss, accuracy, balanced accuracy} of the trained network on {@code validation}, in inference mode (batch
     * norm uses its running statistics).
     */
    private static double[] validate(Trainer trainer, AugmentedDataset validation, int classes) throws IOException, TranslateException {
        int[] right = new int[classes], total = new int[classes];
        double lossSum = 0;
        for (Batch batch : trainer.iterateDataset(validation)) {
            try (batch) {
                NDArray prediction = trainer.evaluate(batch.getData()).singletonOrThrow();
                lossSum += trainer.getLoss().evaluate(batch.getLabels(), new NDList(prediction)).getFloat() * batch.getSize();
                long[] predicted = prediction.argMax(1).toLongArray();
                int[] truth = batch.getLabels().singletonOrThrow().toIntArray();
                for (int i = 0; i < truth.length; i++) {
                    total[truth[i]]++;
                    if (predicted[i] == truth[i]) right[truth[i]]++;
                }
            }
        }
        double recallSum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (total[c] == 0) continue;
            recallSum += (double) right[c] / total[c];
            present++;
        }
        int all = Arrays.stream(total).sum();
        return new double[] {lossSum / all, (double) Arrays.stream(right).sum() / all, recallSum / present};
    }

    /**
     * Builds the crops from the bundled COCO sample ({@code testdata/data/coco}), trains the plain and the augmented run
     * with {@code settings}, and prints the data, every epoch and the final table to {@code out}.
     */
    public static Report run(Settings settings, PrintStream out) throws IOException, TranslateException {
        fixThreads();
        Path coco = TestData.data("coco");
        try (CocoCrops crops = CocoCrops.build(coco, CATEGORIES, CROP_SIZE, VALIDATION_EVERY)) {
            int[] trainCounts = crops.counts(crops.train()), validationCounts = crops.counts(crops.validation());
            double majority = crops.majorityAccuracy(crops.validation());
            out.printf(Locale.ROOT, "COCO crops from %s: classes %s, train %d %s, validation %d %s; %d epochs, input %d px, batch %d, seed %d%n",
                    coco, crops.classes(), crops.train().size(), Arrays.toString(trainCounts), crops.validation().size(),
                    Arrays.toString(validationCounts), settings.epochs(), settings.inputSize(), settings.batchSize(), settings.seed());
            out.printf(Locale.ROOT, "DJL %s engine %s, intra-op threads %s%n", Engine.getDjlVersion(), Engine.getInstance().getEngineName(),
                    System.getProperty("ai.djl.pytorch.num_threads"));
            Run plain = train("plain", crops, plainRecipe(settings.inputSize()), settings, out);
            Run augmented = train("augmented", crops, augmentedRecipe(settings.inputSize()), settings, out);
            Report report = new Report(crops.classes(), trainCounts, validationCounts, majority, plain, augmented);
            printTable(report, out);
            return report;
        }
    }

    /** How many final epochs the table's mean validation accuracy covers. */
    static final int LAST = 10;

    /**
     * The two-row summary: final training loss; final and lowest validation loss; validation accuracy of the last epoch,
     * the best epoch, and the mean of the last {@link #LAST} epochs (or all, if fewer); the last epoch's balanced
     * accuracy; the majority-class baseline; wall time.
     */
    static void printTable(Report report, PrintStream out) {
        int last = Math.min(LAST, report.plain().trainLoss().size());
        out.printf(Locale.ROOT, "%n%-9s %10s %10s %10s %9s %9s %10s %9s %9s %7s%n", "run", "train loss", "val loss", "best vloss",
                "val acc", "best acc", "last" + last + " acc", "bal acc", "majority", "time");
        for (Run r : List.of(report.plain(), report.augmented())) {
            out.printf(Locale.ROOT, "%-9s %10.4f %10.4f %10.4f %7.1f %% %7.1f %% %8.1f %% %7.1f %% %7.1f %% %6.1fs%n", r.name(), r.finalLoss(),
                    r.finalValidationLoss(), r.bestValidationLoss(), 100 * r.finalAccuracy(), 100 * r.bestAccuracy(),
                    100 * r.meanAccuracyOfLast(last), 100 * r.finalBalancedAccuracy(), 100 * report.majority(), r.time().toMillis() / 1000.0);
        }
    }

    /**
     * Runs the example with {@code args[0]} epochs ({@link #DEFAULT_EPOCHS} without it). Needs the module's test
     * classpath (PyTorch's engine and native library, core's test data locator) and the repository's {@code testdata/}.
     */
    public static void main(String[] args) throws IOException, TranslateException {
        run(Settings.of(args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_EPOCHS), System.out);
    }
}
