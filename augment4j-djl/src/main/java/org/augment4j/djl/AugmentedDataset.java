package org.augment4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Sampler;
import ai.djl.translate.Batchifier;
import ai.djl.translate.PaddingStackBatchifier;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.loader.Loader;
import org.augment4j.loader.Normalization;
import org.augment4j.loader.SampleSource;
import org.augment4j.target.BoundingBoxes;

/**
 * A DJL {@link RandomAccessDataset} whose records are augmented samples, labels included. Record {@code i} of epoch
 * {@code e} is the source's sample {@code i} through the pipeline with the draws of (seed, e, i): epochs differ, any
 * record can be reproduced, and the order or thread it is made on does not matter.
 *
 * <pre>{@code
 * AugmentedDataset train = AugmentedDataset.builder(SampleSource.imageFolder(root), pipeline)
 *         .seed(42).normalization(Normalization.IMAGENET).threads(2).setSampling(32, true).build();
 * EasyTrain.fit(trainer, 10, train, null);   // each pass is the next epoch
 * }</pre>
 *
 * <p><b>Epochs.</b> Each {@link #getData} call, which DJL's trainer makes once per epoch, is one pass and starts the
 * next epoch: the builder's {@link Builder#epoch epoch} first, then one more per pass. {@link #get} uses the current
 * pass's epoch ({@link #epoch()}).
 *
 * <p><b>Loading.</b> A pass augments its samples on augment4j {@link Loader} threads ({@link Builder#threads}), in the
 * sampler's order, DJL's {@code prefetchNumber} batches ahead of the trainer; the trainer's thread only converts
 * finished samples into NDArrays and stacks them. Closing the manager a pass was made on stops its threads.
 *
 * <p>Data: the image as a CHW float32 NDArray, normalised when a {@link Normalization} is given. Labels, by task:
 * <ul>
 *   <li>{@link Task#CLASSIFICATION}: the sample's class index ({@link SampleSource#CLASS_INDEX}, as
 *       {@link SampleSource#imageFolder} sets it), an int32 scalar, as DJL's {@code ImageFolder} gives it;</li>
 *   <li>{@link Task#DETECTION}: DJL's object-detection convention, float32 rows {@code [class, x0, y0, x1, y1]} with
 *       corners normalised to [0, 1]: either a fixed {@code (maxObjects, 5)} padded with rows of -1, or one row per box,
 *       padded per batch by {@link #BOX_ROWS}; the class comes from the pipeline's bbox label field named in
 *       {@link Builder#detection(String)};</li>
 *   <li>{@link Task#SEGMENTATION}: the main mask as an int32 {@code (H, W)} array, followed by the sample's other
 *       masks in the same form;</li>
 *   <li>{@link Task#KEYPOINTS}: a float32 {@code (maxKeypoints, 3)} array of rows {@code [x, y, visible]}, coordinates
 *       normalised by the output size, {@code visible} 1 inside the image and 0 outside (declare
 *       {@code remove_invisible=false} to keep the layout), padded with rows of -1.</li>
 * </ul>
 * Sampling, batchifiers, DJL transform pipelines, the prefetch depth and the device are DJL's
 * ({@link RandomAccessDataset.BaseBuilder}). Thread-safe.
 */
public final class AugmentedDataset extends RandomAccessDataset {
    /** What the labels of a record are. */
    public enum Task { CLASSIFICATION, DETECTION, SEGMENTATION, KEYPOINTS }

    /** What happens to a sample whose file cannot be read. */
    public enum Unreadable {
        /** {@link #get} fails with an {@link java.io.UncheckedIOException} naming the index and the reason (the default). */
        FAIL,
        /** The sample is skipped with a logged warning, and the next readable one (in index order, wrapping) takes its place. */
        SKIP
    }

    /**
     * The label batchifier of {@link Builder#detection(String) detection with variable box counts}: stacks
     * {@code (n_i, 5)} box rows into {@code (batch, max n_i, 5)}, padding with rows of -1 (DJL's
     * {@link PaddingStackBatchifier}).
     */
    public static final Batchifier BOX_ROWS = PaddingStackBatchifier.builder().addPad(0, 0, m -> m.full(new Shape(1, 5), -1f)).build();

    private static final System.Logger LOG = System.getLogger(AugmentedDataset.class.getName());

    private final SampleSource source;
    private final Compose compose;
    private final long seed;
    private final long firstEpoch;
    /** getData calls so far: the pass that the next call starts. */
    private final AtomicLong passes = new AtomicLong();
    private final int threads;
    private final Task task;
    private final String classField;
    private final int maxObjects;
    private final Normalization normalization;
    private final Unreadable unreadable;

    private AugmentedDataset(Builder b) {
        super(b);
        this.source = b.source;
        this.compose = b.pipeline;
        this.seed = b.seed;
        this.firstEpoch = b.epoch;
        this.threads = b.threads;
        this.task = b.task;
        this.classField = b.classField;
        this.maxObjects = b.maxObjects;
        this.normalization = b.normalization;
        this.unreadable = b.unreadable;
    }

    /**
     * A builder over a labelled dataset as augment4j-datasets reads it, through
     * {@link org.augment4j.datasets.DatasetSamples}. COCO, YOLO and Pascal VOC: boxes with the label fields
     * {@code category_id} and {@code object_index}, of which {@code pipeline}'s {@code bbox_params} must declare
     * {@code category_id}; use {@code detection("category_id")}. COCO and YOLO-seg objects also give an instance mask.
     * Mask folders: the masks, for {@link Builder#segmentation()}.
     */
    public static Builder builder(org.augment4j.datasets.Dataset dataset, Compose pipeline) {
        return new Builder(org.augment4j.datasets.DatasetSamples.of(dataset), pipeline);
    }

    /** A builder over a sized {@code source} (a list, folder, image folder or indexed source) and {@code pipeline}. */
    public static Builder builder(SampleSource source, Compose pipeline) {
        return new Builder(source, pipeline);
    }

    /**
     * The record at {@code index} in the current pass's epoch ({@link #epoch()}): the augmented image and its labels, on
     * {@code manager}. A sample whose file cannot be read fails or is skipped, as {@link Builder#onUnreadable} says.
     */
    @Override
    public Record get(NDManager manager, long index) {
        long e = epoch();
        Sample in = input(index);
        try (Sample out = compose.apply(in, seedOf(e, index))) {
            return record(manager, out, index);
        } finally {
            if (source.closesInputs()) in.close();
        }
    }

    /**
     * One pass over the dataset (one epoch), as DJL's trainer asks for it: batches in {@code sampler}'s order. Each call
     * starts the next epoch ({@link #epoch()}). With {@link Builder#threads threads} &gt; 0 (the default), samples are
     * augmented on augment4j {@link Loader} threads, {@code prefetchNumber} batches ahead of the trainer
     * ({@link RandomAccessDataset.BaseBuilder#optPrefetchNumber}), and {@code executorService} is not used; with
     * {@code threads(0)} this is DJL's own loading, record by record on {@code executorService} if one is given.
     */
    @Override
    public Iterable<Batch> getData(NDManager manager, Sampler sampler, ExecutorService executorService) throws IOException, TranslateException {
        long e = firstEpoch + passes.getAndIncrement();
        if (threads == 0) return super.getData(manager, sampler, executorService);
        return new LoaderBatches(this, e, manager, sampler.sample(this), dataBatchifier, labelBatchifier, pipeline, targetPipeline, device);
    }

    /**
     * The epoch of the current pass: the builder's {@link Builder#epoch epoch} until the first {@link #getData} call,
     * then one more for each further call.
     */
    public long epoch() {
        return firstEpoch + Math.max(0, passes.get() - 1);
    }

    /** The loader that augments {@code order}'s records of epoch {@code e}, started. */
    Loader loader(long e, long[] order, int batchSize) {
        SampleSource inputs = SampleSource.indexed(order.length, i -> input(order[i]));
        return Loader.builder(compose).source(source.closesInputs() ? inputs : inputs.borrowed()).threads(threads)
                .prefetch(Math.max(1, prefetchNumber) * batchSize).seedOf(i -> seedOf(e, order[(int) i])).build();
    }

    /** The draws of record {@code index} in epoch {@code e}: (seed, e, index). */
    private long seedOf(long e, long index) {
        return Seeds.mix(Seeds.mix(seed, e), index);
    }

    /** The input of record {@code index}: its sample, or with {@link Unreadable#SKIP} the next readable one. */
    private Sample input(long index) {
        int size = source.size();
        for (int tried = 0; ; tried++) {
            int i = (int) ((index + tried) % size);
            try {
                return source.get(i);
            } catch (java.io.UncheckedIOException e) {
                String reason = "sample " + i + " cannot be read: " + e.getMessage();
                if (unreadable == Unreadable.FAIL) throw new java.io.UncheckedIOException(reason, e.getCause());
                if (tried + 1 >= size) throw new java.io.UncheckedIOException("no sample of the dataset can be read; the last: " + reason, e.getCause());
                LOG.log(System.Logger.Level.WARNING, "AugmentedDataset: skipped " + reason + "; record " + index + " takes the next sample");
            }
        }
    }

    /** The record of augmented sample {@code out} (record {@code index}) on {@code manager}. */
    Record record(NDManager manager, Sample out, long index) {
        NDArray image = Tensors.chw(manager, out.image(), normalization);
        NDList labels = switch (task) {
            case CLASSIFICATION -> {
                int c = SampleSource.classIndex(out);
                if (c < 0) throw new IllegalArgumentException("sample " + index + " has no class index (metadata '" + SampleSource.CLASS_INDEX + "')");
                yield new NDList(manager.create(c));
            }
            case DETECTION -> {
                float[] rows = detection(out.boxes(), index);
                yield new NDList(manager.create(rows, new Shape(rows.length / 5, 5)));
            }
            case KEYPOINTS -> new NDList(manager.create(keypoints(out, index), new Shape(maxObjects, 3)));
            case SEGMENTATION -> {
                if (out.mask() == null) throw new IllegalArgumentException("sample " + index + " has no mask");
                NDList masks = new NDList(Tensors.mask(manager, out.mask()));
                for (var m : out.masks().entrySet()) if (m.getValue() != out.mask()) masks.add(Tensors.mask(manager, m.getValue()));
                yield masks;
            }
        };
        return new Record(new NDList(image), labels);
    }

    /** The boxes as rows {@code [class, x0, y0, x1, y1]}: {@code maxObjects} rows padded with -1, or one per box if 0. */
    private float[] detection(BoundingBoxes boxes, long index) {
        if (maxObjects > 0 && boxes.size() > maxObjects) {
            throw new IllegalArgumentException("sample " + index + " has " + boxes.size() + " boxes after augmentation, more than maxObjects " + maxObjects);
        }
        List<Object> classes = boxes.size() == 0 ? List.of() : boxes.labels().get(classField);
        float[] rows = new float[(maxObjects > 0 ? maxObjects : boxes.size()) * 5];
        java.util.Arrays.fill(rows, -1f);
        for (int i = 0; i < boxes.size(); i++) {
            double[] b = boxes.get(i);
            rows[5 * i] = ((Number) classes.get(i)).floatValue();
            for (int k = 0; k < 4; k++) rows[5 * i + 1 + k] = (float) Math.min(1, Math.max(0, b[k]));
        }
        return rows;
    }

    /** The keypoints as {@code maxObjects} rows {@code [x, y, visible]}, normalised, padded with -1. */
    private float[] keypoints(Sample out, long index) {
        org.augment4j.target.Keypoints k = out.keypoints();
        if (k.size() > maxObjects) {
            throw new IllegalArgumentException("sample " + index + " has " + k.size() + " keypoints after augmentation, more than maxKeypoints " + maxObjects);
        }
        int w = out.width(), h = out.height();
        float[] rows = new float[maxObjects * 3];
        java.util.Arrays.fill(rows, -1f);
        for (int i = 0; i < k.size(); i++) {
            double[] p = k.get(i);
            boolean inside = p[0] >= 0 && p[0] < w && p[1] >= 0 && p[1] < h;
            rows[3 * i] = (float) (p[0] / w);
            rows[3 * i + 1] = (float) (p[1] / h);
            rows[3 * i + 2] = inside ? 1 : 0;
        }
        return rows;
    }

    /** The number of records: the source's size. */
    @Override
    protected long availableSize() {
        return source.size();
    }

    /** Nothing to prepare: samples are read and augmented on access. */
    @Override
    public void prepare(Progress progress) {
        // nothing to download or index
    }

    /** Builds an {@link AugmentedDataset}; DJL's sampling, batchifiers and prefetch options come from the base builder. */
    public static final class Builder extends RandomAccessDataset.BaseBuilder<Builder> {
        private final SampleSource source;
        private final Compose pipeline;
        private long seed;
        private long epoch;
        private Task task = Task.CLASSIFICATION;
        private String classField;
        private int maxObjects;
        private Normalization normalization;
        private Unreadable unreadable = Unreadable.FAIL;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

        private Builder(SampleSource source, Compose pipeline) {
            this.source = java.util.Objects.requireNonNull(source, "source");
            this.pipeline = java.util.Objects.requireNonNull(pipeline, "pipeline");
            if (source.size() < 0) throw new IllegalArgumentException("AugmentedDataset needs a sized source (a list, folder or indexed source), not an iterator");
        }

        /** The seed of every draw (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The epoch, which changes every draw (default 0). */
        public Builder epoch(long epoch) {
            this.epoch = epoch;
            return this;
        }

        /** Labels are class indices (the default). */
        public Builder classification() {
            this.task = Task.CLASSIFICATION;
            return this;
        }

        /**
         * Labels are one row {@code [class, x0, y0, x1, y1]} per box, as many as the sample has after augmentation; the
         * class is the bbox label field {@code classField}. The label batchifier becomes {@link #BOX_ROWS}, which pads
         * each batch's rows to its largest count with rows of -1, so that batches stack whatever the counts.
         */
        public Builder detection(String classField) {
            detection(classField, 1);
            this.maxObjects = 0;
            return optLabelBatchifier(BOX_ROWS);
        }

        /** Labels are {@code maxObjects} rows {@code [class, x0, y0, x1, y1]}, padded with rows of -1; the class is the bbox label field {@code classField}. */
        public Builder detection(String classField, int maxObjects) {
            if (maxObjects < 1) throw new IllegalArgumentException("maxObjects must be >= 1, got " + maxObjects);
            java.util.Objects.requireNonNull(classField, "classField");
            if (pipeline.bboxParams() == null || !pipeline.bboxParams().labelFields().contains(classField)) {
                throw new IllegalArgumentException("detection: the pipeline must declare bbox_params with the label field '" + classField + "'");
            }
            this.task = Task.DETECTION;
            this.classField = classField;
            this.maxObjects = maxObjects;
            return this;
        }

        /** Labels are {@code maxKeypoints} rows {@code [x, y, visible]}; the pipeline must declare {@code keypoint_params}. */
        public Builder keypoints(int maxKeypoints) {
            if (maxKeypoints < 1) throw new IllegalArgumentException("maxKeypoints must be >= 1, got " + maxKeypoints);
            if (pipeline.keypointParams() == null) throw new IllegalArgumentException("keypoints: the pipeline must declare keypoint_params");
            this.task = Task.KEYPOINTS;
            this.maxObjects = maxKeypoints;
            return this;
        }

        /** Labels are the augmented masks. */
        public Builder segmentation() {
            this.task = Task.SEGMENTATION;
            return this;
        }

        /** Normalises the image while converting it (null: values kept, uint8 stays 0..255). */
        public Builder normalization(Normalization normalization) {
            this.normalization = normalization;
            return this;
        }

        /**
         * Augmentation threads of each pass ({@link AugmentedDataset#getData}), 0 to {@value Loader#MAX_THREADS}; default:
         * the number of processors. 0 leaves loading to DJL (record by record, on the trainer's executor if it has one).
         * How many batches are prepared ahead is DJL's {@link #optPrefetchNumber} (default 2).
         */
        public Builder threads(int n) {
            if (n < 0 || n > Loader.MAX_THREADS) throw new IllegalArgumentException("threads must be between 0 and " + Loader.MAX_THREADS + ", got " + n);
            this.threads = n;
            return this;
        }

        /** What happens to a sample whose file cannot be read (default {@link Unreadable#FAIL}). */
        public Builder onUnreadable(Unreadable policy) {
            this.unreadable = java.util.Objects.requireNonNull(policy, "policy");
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The dataset; call {@link #setSampling} first, as DJL requires. */
        public AugmentedDataset build() {
            return new AugmentedDataset(this);
        }
    }
}
