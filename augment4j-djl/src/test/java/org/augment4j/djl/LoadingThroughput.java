package org.augment4j.djl;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.loader.Normalization;
import org.augment4j.loader.SampleSource;
import org.augment4j.opencv.ImageIO;

/**
 * How fast {@link AugmentedDataset} feeds a DJL trainer: images per second delivered to {@code trainer.iterateDataset}
 * with 0 (DJL's own loading on the trainer's thread), 1 and 2 augmentation threads, with no model (the data path alone)
 * and while a small CNN trains (PyTorch on CPU), with the share of each step spent waiting for data.
 *
 * <p>The data: the six 512 × 512 photos of {@code testdata/perf/images}, decoded from their files on every access,
 * 192 records per pass in two classes, through a SimCLR-style recipe at 224 × 224 (RandomResizedCrop, HorizontalFlip,
 * ColorJitter p=0.8, ToGray p=0.2) and ImageNet normalisation into batches of 32. Run from the repository root:
 * <pre>
 * mvn -B -q test -pl augment4j-djl -am -Dtest=LoadingThroughputTest -Dsurefire.failIfNoSpecifiedTests=false -Daugment4j.djl.throughput=full
 * </pre>
 * Not a unit test: the figures depend on the machine; the test only runs it briefly unless asked for the full run.
 */
public final class LoadingThroughput {
    static final Compose RECIPE = A.Compose(A.RandomResizedCrop(224, 224), A.HorizontalFlip(), A.ColorJitter().withP(0.8), A.ToGray().withP(0.2));

    /** One row of the table: images/s and the share of the time the trainer waited for data. */
    record Row(String what, int threads, double imagesPerSecond, double waitShare) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "| %-22s | %7d | %8.1f | %9s |", what, threads, imagesPerSecond,
                    Double.isNaN(waitShare) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * waitShare));
        }
    }

    private LoadingThroughput() {}

    /** Runs the table: batches of {@code batch}, {@code passes} timed passes (after one warm-up pass) per row; prints and returns the rows. */
    static List<Row> run(Path images, int records, int batch, int passes) throws Exception {
        List<Path> files;
        try (var s = Files.list(images)) {
            files = s.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
        SampleSource source = SampleSource.indexed(records, i -> Sample.of(ImageIO.readRgb(files.get(i % files.size())))
                .withMetadata(SampleSource.CLASS_INDEX, i % 2));
        List<Row> rows = new ArrayList<>();
        for (int threads : new int[] {0, 1, 2}) rows.add(dataOnly(dataset(source, threads, batch), threads, passes));
        for (int threads : new int[] {0, 1, 2}) rows.add(training(dataset(source, threads, batch), threads, batch, passes));
        System.out.println("| what                   | threads | images/s | waiting   |");
        System.out.println("|------------------------|---------|----------|-----------|");
        rows.forEach(System.out::println);
        return rows;
    }

    private static AugmentedDataset dataset(SampleSource source, int threads, int batch) {
        return AugmentedDataset.builder(source, RECIPE).seed(1).normalization(Normalization.IMAGENET).threads(threads)
                .setSampling(batch, true).build();
    }

    /** Batches taken and closed as fast as the dataset makes them. */
    private static Row dataOnly(AugmentedDataset data, int threads, int passes) throws Exception {
        double best = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            for (int pass = 0; pass <= passes; pass++) {
                long start = System.nanoTime();
                long n = 0;
                for (Batch b : data.getData(m)) {
                    n += b.getSize();
                    b.close();
                }
                double rate = n / ((System.nanoTime() - start) / 1e9);
                if (pass > 0) best = Math.max(best, rate);
            }
        }
        return new Row("data only", threads, best, Double.NaN);
    }

    /** A small CNN trained on the batches; the time spent in the iterator is the waiting. */
    private static Row training(AugmentedDataset data, int threads, int batchSize, int passes) throws Exception {
        ai.djl.engine.Engine.getInstance().setRandomSeed(1);
        double bestRate = 0, waitShare = 0;
        try (Model model = Model.newInstance("cnn")) {
            model.setBlock(cnn());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batchSize, 3, 224, 224));
                for (int pass = 0; pass <= passes; pass++) {
                    long start = System.nanoTime(), waiting = 0, n = 0;
                    Iterator<Batch> it = trainer.iterateDataset(data).iterator();
                    while (true) {
                        long t = System.nanoTime();
                        if (!it.hasNext()) break;
                        Batch batch = it.next();
                        waiting += System.nanoTime() - t;
                        try (batch; GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray prediction = trainer.forward(batch.getData()).singletonOrThrow();
                            gc.backward(trainer.getLoss().evaluate(batch.getLabels(), new NDList(prediction)));
                            n += batch.getSize();
                        }
                        trainer.step();
                    }
                    long total = System.nanoTime() - start;
                    double rate = n / (total / 1e9);
                    if (pass > 0 && rate > bestRate) {
                        bestRate = rate;
                        waitShare = (double) waiting / total;
                    }
                }
            }
        }
        return new Row("training a small CNN", threads, bestRate, waitShare);
    }

    /** Three conv/batch-norm/ReLU/pool stages and a linear layer: about 20 ms a step of 32 at 224 × 224 on two cores. */
    private static SequentialBlock cnn() {
        SequentialBlock b = new SequentialBlock();
        for (int filters : new int[] {8, 16, 32}) {
            b.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).setFilters(filters).build())
                    .add(BatchNorm.builder().build()).add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2)));
        }
        return b.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(2).build());
    }

    /** Runs the full table on {@code testdata/perf/images} (or the folder given). */
    public static void main(String[] args) throws Exception {
        run(Path.of(args.length > 0 ? args[0] : "testdata/perf/images"), 192, 32, 3);
    }
}
