package org.augment4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Pipeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.augment4j.Sample;
import org.augment4j.loader.Loader;

/**
 * One pass of an {@link AugmentedDataset}: the sampler's batches, whose samples a {@link Loader} augments on its threads
 * ahead of the consumer; the consumer's thread converts them into NDArrays and stacks them, as DJL's own
 * {@code DataIterable} does with records. The loader is attached to this pass's manager (a sub-manager of the
 * trainer's), so closing either stops its threads; the pass also closes it when its last batch has been taken.
 */
final class LoaderBatches implements Iterable<Batch>, Iterator<Batch> {
    private final AugmentedDataset dataset;
    private final long epoch;
    private final NDManager manager;
    private final List<List<Long>> batches = new ArrayList<>();
    private final Batchifier dataBatchifier;
    private final Batchifier labelBatchifier;
    private final Pipeline pipeline;
    private final Pipeline targetPipeline;
    private final Device device;
    private final Loader loader;
    private int next;
    private long progress;

    LoaderBatches(AugmentedDataset dataset, long epoch, NDManager parent, Iterator<List<Long>> sampled, Batchifier dataBatchifier,
                  Batchifier labelBatchifier, Pipeline pipeline, Pipeline targetPipeline, Device device) {
        this.dataset = dataset;
        this.epoch = epoch;
        this.dataBatchifier = dataBatchifier;
        this.labelBatchifier = labelBatchifier;
        this.pipeline = pipeline;
        this.targetPipeline = targetPipeline;
        this.device = device;
        sampled.forEachRemaining(batches::add);
        long[] order = batches.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
        this.manager = parent.newSubManager();
        manager.setName("augment4j pass " + epoch);
        this.loader = dataset.loader(epoch, order, batches.isEmpty() ? 1 : batches.get(0).size());
        manager.attachInternal("augment4j-loader-" + System.identityHashCode(loader), loader);
    }

    @Override
    public Iterator<Batch> iterator() {
        return this;
    }

    /** Whether a batch is left; after the last one the pass's loader and manager are closed. */
    @Override
    public boolean hasNext() {
        if (next < batches.size()) return true;
        close();
        return false;
    }

    /** The next batch, on a sub-manager that {@link Batch#close()} releases. */
    @Override
    public Batch next() {
        if (!hasNext()) throw new NoSuchElementException("the pass over the dataset is finished");
        List<Long> indices = batches.get(next++);
        NDManager batchManager = manager.newSubManager();
        NDList[] data = new NDList[indices.size()];
        NDList[] labels = new NDList[indices.size()];
        try {
            for (int k = 0; k < indices.size(); k++) {
                try (Sample s = take(indices.get(k))) {
                    Record r = dataset.record(batchManager, s, indices.get(k));
                    data[k] = pipeline == null ? r.getData() : pipeline.transform(r.getData());
                    labels[k] = r.getLabels();
                }
            }
            NDList batchData = dataBatchifier.batchify(data);
            NDList batchLabels = labelBatchifier.batchify(labels);
            if (targetPipeline != null) batchLabels = targetPipeline.transform(batchLabels);
            if (device != null) {
                batchData = batchData.toDevice(device, false);
                batchLabels = batchLabels.toDevice(device, false);
            }
            progress += indices.size();
            return new Batch(batchManager, batchData, batchLabels, indices.size(), dataBatchifier, labelBatchifier, progress, dataset.size(), indices);
        } catch (RuntimeException e) {
            batchManager.close();
            close();
            throw e;
        } finally {
            Arrays.stream(data).filter(d -> d != null).forEach(NDList::close);
            Arrays.stream(labels).filter(l -> l != null).forEach(NDList::close);
        }
    }

    /** The loader's next sample, record {@code index}; a failure names the record and the epoch. */
    private Sample take(long index) {
        try {
            return loader.next();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("AugmentedDataset: record " + index + " of epoch " + epoch + " failed: " + cause.getMessage(), e);
        }
    }

    private void close() {
        loader.close();
        if (manager.isOpen()) manager.close();
    }
}
