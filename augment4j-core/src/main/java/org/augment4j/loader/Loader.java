package org.augment4j.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import java.util.function.LongUnaryOperator;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;

/**
 * Runs a pipeline over a {@link SampleSource} on worker threads and yields the augmented samples <b>in source order</b>:
 * what a training loop iterates.
 *
 * <pre>{@code
 * try (Loader loader = Loader.builder(pipeline).folder(Path.of("photos")).threads(2).seed(42).build()) {
 *     for (Sample s : loader) {
 *         try (s) { train(s.image()); }
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Reproducible</b>: sample {@code i} is {@code pipeline.apply(input_i, Seeds.mix(seed, i))} (or the seed {@link Builder#seedOf} gives), so the output is
 *       bit-identical whatever the thread count or scheduling.</li>
 *   <li><b>Bounded</b>: at most {@code threads + prefetch} samples are read but not yet handed out (in flight or
 *       finished and waiting); workers block until the consumer takes one.</li>
 *   <li><b>Ownership</b>: every sample {@link #next()} returns belongs to the caller, who closes it. Inputs the source
 *       hands over are closed after use (see {@link SampleSource}); finished samples never handed out are closed by
 *       {@link #close()}.</li>
 *   <li><b>Errors</b>: an exception from the source or the pipeline at sample {@code i} is thrown by {@code next()} at
 *       position {@code i} (samples before it are delivered first) as a {@link LoaderException} naming {@code i}; the
 *       loader is then closed. Interrupting the consumer while it waits closes the loader and throws a
 *       {@link LoaderException} with the interrupt flag set again.</li>
 *   <li><b>Threads</b>: daemon threads named {@code augment4j-loader-N}, started by {@link Builder#build()}, ended and
 *       joined by {@link #close()} (and ending by themselves when the source is exhausted). Always close a loader.</li>
 * </ul>
 *
 * A loader is iterated once (one epoch), by samples or by {@link #batches(Batching) batches} (NCHW float32 arrays
 * with labels, see the package description for a whole classification loader); it is an {@link Iterator} and its
 * {@link #iterator()} returns itself. Its iterator methods are meant for one consumer thread; {@link #close()} may be
 * called from any thread.
 */
public final class Loader implements Iterable<Sample>, Iterator<Sample>, AutoCloseable {
    /** The name prefix of loader threads. */
    public static final String THREAD_PREFIX = "augment4j-loader-";
    /** The largest thread count accepted. */
    public static final int MAX_THREADS = 256;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final Compose pipeline;
    private final LongUnaryOperator seedOf;
    private final SampleSource source;
    private final Semaphore permits;
    private final List<Thread> workers = new ArrayList<>();
    /** Serialises claims of the next index (and reads of an iterator source). Taken before {@link #lock}, never after. */
    private final ReentrantLock claimLock = new ReentrantLock();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    /** Finished samples and failures by index, not yet handed out. Guarded by {@link #lock}. */
    private final Map<Long, Object> done = new HashMap<>();
    /** The first index past the source's end (or past the first failure); guarded by {@link #lock}. */
    private long end;
    /** Guarded by {@link #claimLock}. */
    private long nextClaim;
    /** Consumer side; guarded by {@link #lock}. */
    private long nextOut;
    private volatile boolean closed;
    private boolean iterated;
    /** The batch view made by {@link #batches(Batching)}, whose unclaimed batch {@link #close()} releases; guarded by this. */
    private Batches batches;

    private record Failure(Throwable cause) {}

    private Loader(Builder b) {
        this.pipeline = b.pipeline;
        long base = b.seed;
        this.seedOf = b.seedOf != null ? b.seedOf : i -> Seeds.mix(base, i);
        this.source = b.source;
        this.end = source.size() < 0 ? Long.MAX_VALUE : source.size();
        int threads = b.threads;
        this.permits = new Semaphore(threads + b.prefetch());
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(this::work, THREAD_PREFIX + THREAD_NUMBER.incrementAndGet());
            w.setDaemon(true);
            workers.add(w);
        }
    }

    /** A builder for a loader running {@code pipeline}. */
    public static Builder builder(Compose pipeline) {
        return new Builder(pipeline);
    }

    /** Returns this loader; a loader is iterated once. */
    @Override
    public Iterator<Sample> iterator() {
        synchronized (this) {
            if (iterated) throw new IllegalStateException("a Loader is iterated once; build a new one for another epoch");
            iterated = true;
        }
        return this;
    }

    /** {@link #batches(Batching) batches(Batching.of(size))}: batches of {@code size} samples, the last maybe smaller, values as they are. */
    public Batches batches(int size) {
        return batches(Batching.of(size));
    }

    /**
     * This loader's samples stacked into {@link Batch}es of NCHW float32 images, as {@code spec} says. Takes the place
     * of iterating the samples: a loader is iterated once, by samples or by batches.
     *
     * <pre>{@code
     * try (Loader loader = Loader.builder(pipeline).imageFolder(root).seed(epoch).build()) {
     *     for (Batch b : loader.batches(32)) {
     *         try (b) { step(b.images(), b.shape(), b.labels()); }
     *     }
     * }
     * }</pre>
     *
     * @throws IllegalStateException if the loader was already iterated
     */
    public Batches batches(Batching spec) {
        java.util.Objects.requireNonNull(spec, "spec");
        iterator();
        Batches b = new Batches(this, spec);
        synchronized (this) {
            batches = b;
        }
        if (closed) b.discard();
        return b;
    }

    /** The source position of the sample {@link #next()} returned last (-1 before the first). */
    long lastIndex() {
        lock.lock();
        try {
            return nextOut - 1;
        } finally {
            lock.unlock();
        }
    }

    /** The source's size, or -1 for an iterator source. */
    long sourceSize() {
        return source.size();
    }

    /** Whether another sample (or a failure) comes; waits for it if it is still being made. False once closed. */
    @Override
    public boolean hasNext() {
        long waitingFor;
        InterruptedException interrupt;
        lock.lock();
        try {
            while (true) {
                if (closed) return false;
                if (done.containsKey(nextOut)) return true;
                if (nextOut >= end) return false;
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    interrupt = e;
                    waitingFor = nextOut;
                    break;
                }
            }
        } finally {
            lock.unlock();
        }
        throw interrupted(waitingFor, interrupt);
    }

    /**
     * The next augmented sample in source order, owned by the caller; waits for it if needed.
     *
     * @throws LoaderException if making this sample failed, or the calling thread was interrupted while waiting
     * @throws NoSuchElementException after the last sample
     * @throws IllegalStateException if the loader is closed
     */
    @Override
    public Sample next() {
        Object result = null;
        long index;
        InterruptedException interrupt = null;
        lock.lock();
        try {
            while (true) {
                if (closed) throw new IllegalStateException("the loader is closed");
                index = nextOut;
                result = done.remove(index);
                if (result != null) {
                    nextOut++;
                    break;
                }
                if (index >= end) throw new NoSuchElementException("the source ended after " + end + " samples");
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    interrupt = e;
                    break;
                }
            }
        } finally {
            lock.unlock();
        }
        if (interrupt != null) throw interrupted(index, interrupt);
        permits.release();
        if (result instanceof Failure f) {
            close();
            Throwable c = f.cause();
            throw new LoaderException(index, "sample " + index + " failed: " + c.getClass().getSimpleName() + ": " + c.getMessage(), c);
        }
        return (Sample) result;
    }

    private LoaderException interrupted(long index, InterruptedException e) {
        close();
        Thread.currentThread().interrupt();
        return new LoaderException(index, "interrupted while waiting for sample " + index, e);
    }

    /**
     * Stops the workers (interrupting and joining them) and closes every finished sample not handed out. Idempotent.
     * A worker busy in the pipeline finishes that sample first; a source that blocks ignoring interrupts delays this.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread w : workers) w.interrupt();
        boolean interrupted = false;
        for (Thread w : workers) {
            while (true) {
                try {
                    w.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        List<Object> left;
        lock.lock();
        try {
            left = new ArrayList<>(done.values());
            done.clear();
        } finally {
            lock.unlock();
        }
        for (Object o : left) if (o instanceof Sample s) s.close();
        Batches b;
        synchronized (this) {
            b = batches;
        }
        if (b != null) b.discard();
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void start() {
        for (Thread w : workers) w.start();
    }

    /** A worker: claim an index (within the permits), read, augment, deposit; until the source ends or close(). */
    private void work() {
        while (!closed) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                continue; // close() interrupts; any other interrupt is ignored
            }
            long index;
            Sample in = null;
            Object result = null;
            try {
                claimLock.lockInterruptibly();
            } catch (InterruptedException e) {
                permits.release();
                continue;
            }
            try {
                index = nextClaim;
                if (closed || index >= end()) {
                    permits.release();
                    return;
                }
                Iterator<Sample> it = source.iteratorSupplier();
                if (it != null) {
                    try {
                        if (!it.hasNext()) {
                            setEnd(index);
                            permits.release();
                            return;
                        }
                        in = Objects.requireNonNull(it.next(), "the source's iterator returned null");
                    } catch (Throwable t) {
                        result = new Failure(t);
                    }
                }
                nextClaim = index + 1;
            } finally {
                claimLock.unlock();
            }
            try {
                if (result == null) {
                    if (in == null) in = Objects.requireNonNull(source.indexedSupplier().apply((int) index), "the source returned null");
                    result = pipeline.apply(in, seedOf.applyAsLong(index));
                }
            } catch (Throwable t) {
                result = new Failure(t);
            } finally {
                if (in != null && source.closesInputs()) in.close();
            }
            deposit(index, result);
        }
    }

    private long end() {
        lock.lock();
        try {
            return end;
        } finally {
            lock.unlock();
        }
    }

    private void setEnd(long e) {
        lock.lock();
        try {
            end = Math.min(end, e);
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void deposit(long index, Object result) {
        lock.lock();
        try {
            if (!closed) {
                done.put(index, result);
                if (result instanceof Failure) end = Math.min(end, index + 1);
                ready.signalAll();
                return;
            }
        } finally {
            lock.unlock();
        }
        if (result instanceof Sample s) s.close();
    }

    /** Configures a {@link Loader}: a source (required), threads, prefetch depth and seed. */
    public static final class Builder {
        private final Compose pipeline;
        private SampleSource source;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int prefetch = -1;
        private long seed;
        private LongUnaryOperator seedOf;

        private Builder(Compose pipeline) {
            this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        }

        /** The samples to augment. */
        public Builder source(SampleSource s) {
            this.source = Objects.requireNonNull(s, "source");
            return this;
        }

        /** In-memory samples, lent: see {@link SampleSource#of(List)}. */
        public Builder samples(List<Sample> samples) {
            return source(SampleSource.of(samples));
        }

        /** The PNG/JPEG images of a folder, read as RGB: see {@link SampleSource#folder(Path)}. */
        public Builder folder(Path folder) {
            return source(SampleSource.folder(folder));
        }

        /**
         * A classification dataset in torchvision's {@code ImageFolder} layout, {@code root/<class>/<image>}, read as RGB
         * with each sample's class index: see {@link SampleSource#imageFolder(Path)}.
         */
        public Builder imageFolder(Path root) {
            return source(SampleSource.imageFolder(root));
        }

        /** Samples from an iterator, handed over: see {@link SampleSource#iterator(Iterator)}. */
        public Builder iterator(Iterator<Sample> samples) {
            return source(SampleSource.iterator(samples));
        }

        /** Samples {@code 0..count-1} from a thread-safe supplier, handed over: see {@link SampleSource#indexed}. */
        public Builder indexed(int count, IntFunction<Sample> supplier) {
            return source(SampleSource.indexed(count, supplier));
        }

        /** Worker threads, 1 to {@value #MAX_THREADS}; default: the number of processors. */
        public Builder threads(int n) {
            if (n < 1 || n > MAX_THREADS) throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS + ", got " + n);
            this.threads = n;
            return this;
        }

        /** Finished samples that may wait beyond the ones in flight, 0 or more; default: twice the thread count. */
        public Builder prefetch(int n) {
            if (n < 0) throw new IllegalArgumentException("prefetch must be >= 0, got " + n);
            this.prefetch = n;
            return this;
        }

        /** The base seed; sample {@code i} runs with {@code Seeds.mix(seed, i)}. Default 0. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * How the seed of the sample at source position {@code i} is made, replacing {@link #seed}'s
         * {@code Seeds.mix(seed, i)}; must be a pure function (it runs on the worker threads). For a source that
         * yields a shuffled dataset, seed by the dataset index, so that a record's draws do not depend on where the
         * shuffle put it: {@code seedOf(i -> Seeds.mix(seed, order[(int) i]))}.
         */
        public Builder seedOf(LongUnaryOperator seedOf) {
            this.seedOf = Objects.requireNonNull(seedOf, "seedOf");
            return this;
        }

        private int prefetch() {
            return prefetch < 0 ? 2 * threads : prefetch;
        }

        /** Builds the loader and starts its threads, which begin reading at once. */
        public Loader build() {
            if (source == null) throw new IllegalStateException("a Loader needs a source: samples, folder, imageFolder, iterator or indexed");
            Loader l = new Loader(this);
            l.start();
            return l;
        }
    }
}
