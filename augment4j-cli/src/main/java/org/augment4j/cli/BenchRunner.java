package org.augment4j.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.serial.TargetsJson;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Times one benchmark row: {@code warmup} untimed calls, then {@code runs} timed runs of {@code n} calls each, cycling
 * over the images; call {@code i} uses seed {@code Seeds.mix(seed, i)}. With one thread the calling thread does all the
 * work; with more, that many workers share each run's calls and the rate is the total. Every output is released right
 * after the call (the inputs are the caller's and are never touched).
 */
final class BenchRunner {
    /** How to run: calls per timed run, timed runs, untimed warm-up calls, worker threads, base seed. */
    record Settings(int n, int runs, int warmup, int threads, long seed) {}

    private final Settings settings;

    BenchRunner(Settings settings) {
        this.settings = settings;
    }

    /**
     * The median images/s of the row over the runs.
     *
     * @param images the loaded RGB images (owned by the caller)
     * @param mask the mask for mask and full rows, or null
     * @param targets the targets for full rows, or null
     * @throws IllegalArgumentException if the row needs a mask or targets that were not given, or its inputs do not fit
     * @throws RuntimeException whatever a call of the pipeline throws
     */
    double imagesPerSecond(BenchSuite.Row row, List<Mat> images, Mat mask, Map<String, Object> targets) throws InterruptedException {
        List<Sample> inputs = inputs(row, images, mask, targets);
        ExecutorService pool = settings.threads() > 1 ? Executors.newFixedThreadPool(settings.threads()) : null;
        try {
            AtomicLong next = new AtomicLong();
            calls(pool, row.pipeline(), inputs, next, settings.warmup());
            double[] rates = new double[settings.runs()];
            for (int r = 0; r < rates.length; r++) {
                long t0 = System.nanoTime();
                calls(pool, row.pipeline(), inputs, next, settings.n());
                long dt = Math.max(1, System.nanoTime() - t0);
                rates[r] = settings.n() * 1e9 / dt;
            }
            return median(rates);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /** One input sample per image; they share the caller's Mats and are therefore never closed here. */
    private static List<Sample> inputs(BenchSuite.Row row, List<Mat> images, Mat mask, Map<String, Object> targets) {
        if (row.kind() != BenchSuite.Kind.IMAGE && mask == null) throw new IllegalArgumentException("a " + row.kind().name().toLowerCase(java.util.Locale.ROOT) + " row needs --mask");
        if (row.kind() == BenchSuite.Kind.FULL && targets == null) throw new IllegalArgumentException("a full row needs --targets");
        List<Sample> out = new ArrayList<>();
        for (Mat img : images) {
            Sample.Builder b = Sample.builder().image(img);
            if (row.kind() != BenchSuite.Kind.IMAGE) b.mask(mask);
            Sample s = b.build();
            if (row.kind() == BenchSuite.Kind.FULL) s = TargetsJson.attach(s, targets, row.pipeline());
            out.add(s);
        }
        return out;
    }

    /** {@code count} calls, indices taken from {@code next}; on the calling thread or shared by the pool's workers. */
    private void calls(ExecutorService pool, Compose pipeline, List<Sample> inputs, AtomicLong next, int count) throws InterruptedException {
        long end = next.get() + count;
        if (pool == null) {
            for (long i = next.get(); i < end; i = next.incrementAndGet()) call(pipeline, inputs, i);
            return;
        }
        Callable<Void> worker = () -> {
            for (long i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) call(pipeline, inputs, i);
            return null;
        };
        List<Future<Void>> futures = pool.invokeAll(java.util.Collections.nCopies(settings.threads(), worker));
        next.set(end);
        for (Future<Void> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void call(Compose pipeline, List<Sample> inputs, long i) {
        Sample in = inputs.get((int) (i % inputs.size()));
        Sample out = pipeline.apply(in, Seeds.mix(settings.seed(), i));
        Sample.releaseReplaced(out, in, Set.of());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
