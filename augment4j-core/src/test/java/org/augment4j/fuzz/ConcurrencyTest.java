package org.augment4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.loader.Loader;
import org.augment4j.loader.LoaderException;
import org.augment4j.serial.PipelineFile;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One pipeline instance shared by 8 threads gives, per sample, exactly the sequential result with the same seed; the
 * {@link Loader} survives worker exceptions, an interrupted consumer and an early close without leaving threads or
 * native matrices behind.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;

    /** Random pipelines (as {@link PipelineFuzzTest} makes them) on photos and edge shapes, 8 threads against 1. */
    @ParameterizedTest(name = "pipelines from base seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void sharedPipelineMatchesSequentialRun(long base) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int k = 0; k < 5; k++) {
                long seed = Seeds.mix(base, k);
                RandomGenerator rng = Seeds.generator(seed);
                Compose pipeline = null;
                while (pipeline == null) {
                    try {
                        pipeline = PipelineFile.fromTree(PipelineGenerator.generate(rng).tree());
                    } catch (IllegalArgumentException e) {
                        // a refused random tree: draw another
                    }
                }
                List<FuzzSamples.Input> inputs = new ArrayList<>();
                for (int i = 1; i < 8; i += 2) inputs.add(FuzzSamples.photos().get(i)); // quarter-size photos
                List<FuzzSamples.Input> owned = new ArrayList<>();
                while (owned.size() < 4) owned.add(FuzzSamples.edge(rng)); // 1 x 1 and 4 x 1 included since K1 was fixed
                inputs.addAll(owned);
                try {
                    int n = inputs.size() * 3;
                    String[] sequential = new String[n];
                    for (int i = 0; i < n; i++) sequential[i] = outcome(pipeline, inputs.get(i % inputs.size()), Seeds.mix(seed, i));
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < n; i++) order.add(i);
                    Collections.shuffle(order, new java.util.Random(seed));
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<String>> parallel = new ArrayList<>(Collections.nCopies(n, null));
                    final Compose shared = pipeline;
                    for (int i : order) {
                        parallel.set(i, pool.submit(() -> {
                            start.await();
                            return outcome(shared, inputs.get(i % inputs.size()), Seeds.mix(seed, i));
                        }));
                    }
                    start.countDown();
                    for (int i = 0; i < n; i++) {
                        assertThat(parallel.get(i).get()).as("sample %d of pipeline seed %d: %s", i, seed, PipelineFile.toJson(pipeline)).isEqualTo(sequential[i]);
                    }
                } finally {
                    for (FuzzSamples.Input in : owned) in.sample().close();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Everything one application gives: the fingerprint of its output, or its exception's class and message. */
    private static String outcome(Compose c, FuzzSamples.Input in, long seed) {
        try (Sample out = c.apply(in.sample(), seed)) {
            return Invariants.fingerprint(out);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Live loader threads. Native pointer counts are compared with "at most": a collection of other tests' garbage can only lower them. */
    private static long loaderThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(Loader.THREAD_PREFIX)).count();
    }

    private static Compose flip() {
        return PipelineFile.fromJson("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 0.5},"
                + " {\"__class_fullname__\": \"GaussNoise\", \"p\": 1}]}}");
    }

    private static Sample input(int i) {
        return FuzzSamples.edge(Seeds.generator(i)).sample();
    }

    /**
     * One complete loader run over the same inputs first: lazily made constants (a first run leaves 14 live pointers
     * that later runs reuse) are not leaks.
     */
    private static void warmUp() {
        try (Loader l = Loader.builder(flip()).indexed(60, ConcurrencyTest::input).threads(THREADS).seed(3).build()) {
            for (Sample s : l) s.close();
        }
    }

    @Test
    void workerExceptionIsRethrownWithItsIndexAndNothingLeaks() {
        warmUp();
        long threadsBefore = loaderThreads(), pointersBefore = Pointer.totalCount();
        int delivered = 0;
        Loader loader = Loader.builder(flip()).indexed(200, i -> {
            if (i == 37) throw new IllegalStateException("broken input 37");
            return input(i);
        }).threads(THREADS).prefetch(8).seed(3).build();
        try (loader) {
            assertThatThrownBy(() -> {
                for (Sample s : loader) {
                    try (s) {
                        s.image();
                    }
                }
            }).isInstanceOf(LoaderException.class).hasMessageContaining("sample 37 failed").hasMessageContaining("broken input 37");
            delivered = 37;
        }
        assertThat(delivered).isEqualTo(37);
        assertThat(loaderThreads()).isEqualTo(threadsBefore);
        assertThat(Pointer.totalCount()).as("live native pointers after the loader").isLessThanOrEqualTo(pointersBefore);
    }

    @Test
    void interruptedConsumerAndEarlyCloseLeaveNoThreadsOrMatrices() throws Exception {
        warmUp();
        long threadsBefore = loaderThreads(), pointersBefore = Pointer.totalCount();
        AtomicReference<Throwable> seen = new AtomicReference<>();
        CountDownLatch consuming = new CountDownLatch(1);
        Loader slow = Loader.builder(flip()).indexed(1000, i -> {
            try {
                Thread.sleep(i < 5 ? 0 : 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return input(i);
        }).threads(THREADS).prefetch(4).seed(5).build();
        Thread consumer = new Thread(() -> {
            try (slow) {
                for (Sample s : slow) {
                    try (s) {
                        consuming.countDown();
                    }
                }
            } catch (Throwable t) {
                seen.set(t);
            }
        });
        consumer.start();
        consuming.await();
        consumer.interrupt();
        consumer.join(60_000);
        assertThat(consumer.isAlive()).isFalse();
        assertThat(seen.get()).isInstanceOf(LoaderException.class).hasMessageContaining("interrupted while waiting");
        assertThat(loaderThreads()).isEqualTo(threadsBefore);

        Loader early = Loader.builder(flip()).indexed(500, ConcurrencyTest::input).threads(THREADS).prefetch(16).seed(6).build();
        try (early) {
            try (Sample first = early.next()) {
                assertThat(first.image().empty()).isFalse();
            }
        }
        assertThat(loaderThreads()).isEqualTo(threadsBefore);
        assertThat(Pointer.totalCount()).as("live native pointers after the loaders").isLessThanOrEqualTo(pointersBefore);
    }
}
