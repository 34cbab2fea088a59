package org.augment4j.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.loader.Loader;
import org.augment4j.loader.SampleSource;
import org.augment4j.serial.TargetsJson;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Times one benchmark row: untimed warm-up calls (at least {@code warmup} of them, and for at least
 * {@code warmupSeconds}, so that the JVM has compiled the row's code), then {@code runs} timed runs of {@code n} calls
 * each, cycling over the images; call {@code i} of a run uses seed {@code Seeds.mix(seed, i)}. With one thread the
 * calling thread does all the work; with more, each run is a {@link Loader} with that many workers (the API a training
 * loop uses), consumed in order, and the rate is the total. Every output is released right after the call (the inputs
 * are the caller's and are never touched).
 */
final class BenchRunner {
    /**
     * How to run: calls per timed run, timed runs, untimed warm-up calls and seconds, the least seconds of a timed run
     * (its {@code n} calls are repeated, with the same seeds, until then; 0 = exactly {@code n} calls), worker threads,
     * base seed.
     */
    record Settings(int n, int runs, int warmup, double warmupSeconds, double minRunSeconds, int threads, long seed) {}

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
    double imagesPerSecond(BenchSuite.Row row, List<Mat> images, Mat mask, Map<String, Object> targets) {
        List<Sample> inputs = inputs(row, images, mask, targets);
        long warmEnd = System.nanoTime() + (long) (settings.warmupSeconds() * 1e9);
        int warmed = 0;
        while (warmed < settings.warmup() || System.nanoTime() < warmEnd) {
            // the counted calls first, then batches of a timed run's size (a loader per call would time thread start-up)
            int batch = warmed < settings.warmup() ? Math.min(settings.n(), settings.warmup() - warmed) : settings.n();
            run(row.pipeline(), inputs, batch);
            warmed += batch;
        }
        double[] rates = new double[settings.runs()];
        long minRunNanos = (long) (settings.minRunSeconds() * 1e9);
        for (int r = 0; r < rates.length; r++) {
            long t0 = System.nanoTime();
            long calls = 0;
            long dt;
            do {
                run(row.pipeline(), inputs, settings.n());
                calls += settings.n();
                dt = System.nanoTime() - t0;
            } while (dt < minRunNanos);
            rates[r] = calls * 1e9 / Math.max(1, dt);
        }
        return median(rates);
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

    /** {@code count} calls: on the calling thread, or through a loader of {@code threads} workers. */
    private void run(Compose pipeline, List<Sample> inputs, int count) {
        if (settings.threads() == 1) {
            for (int i = 0; i < count; i++) {
                Sample in = inputs.get(i % inputs.size());
                Sample out = pipeline.apply(in, Seeds.mix(settings.seed(), i));
                Sample.releaseReplaced(out, in, Set.of());
            }
            return;
        }
        SampleSource source = SampleSource.indexed(count, i -> inputs.get(i % inputs.size())).borrowed();
        try (Loader loader = Loader.builder(pipeline).source(source).threads(settings.threads()).seed(settings.seed()).build()) {
            for (Sample s : loader) s.close();
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
