package org.augment4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.Transform;
import org.augment4j.serial.TransformDescriptions;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.transform.spatial.Resize;
import org.bytedeco.javacpp.Pointer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code augment4j soak}: applies the article's pipeline and a random mix of the catalogue continuously, samples the
 * process's resident memory (VmRSS) as it goes, prints it, and fails when memory grows after warm-up beyond a bound.
 *
 * <p>The mix is every registered transform that runs with its defaults on the sample photos (one transform per
 * application, in a {@code Compose} with the photos' boxes, mask and keypoints), on the photos scaled to 96 x 64 so that
 * a million applications take minutes; every {@code --article-every}-th application is the article's pipeline on a
 * full-size photo. Exit codes: 0 memory flat, 4 memory grew beyond the bound, 2 bad input, 1 an unexpected error.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Apply the article pipeline and a random catalogue mix continuously and watch resident memory.",
            "Prints resident memory (VmRSS), heap and live JavaCPP pointers every --sample-seconds; after warm-up (the first "
                + "--warmup fraction of the samples) the highest resident size may exceed the first post-warm-up sample by at most --max-growth-mib.",
            "Exit codes: 0 memory flat, 4 memory grew beyond the bound, 2 bad input, 1 an unexpected error."})
public final class SoakCommand implements Callable<Integer> {
    /** Exit code when memory grew beyond the bound. */
    public static final int MEMORY_GREW = 4;
    static final String ARTICLE = "pipelines/article.json";
    static final String SAMPLES = "samples/coco";

    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", paramLabel = "M", description = "Run for M minutes (default: until --applications).")
    Double minutes;

    @Option(names = "--applications", paramLabel = "N", description = "Run N pipeline applications (default with neither option: 100000).")
    Long applications;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T", description = "Threads sharing the pipelines (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--article-every", defaultValue = "500", paramLabel = "K",
            description = "Every K-th application is the article pipeline on a full-size photo (default: ${DEFAULT-VALUE}).")
    int articleEvery;

    @Option(names = "--sample-seconds", defaultValue = "5", paramLabel = "S", description = "Seconds between memory samples (default: ${DEFAULT-VALUE}).")
    double sampleSeconds;

    @Option(names = "--warmup", defaultValue = "0.25", paramLabel = "F", description = "Fraction of the samples that is warm-up (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--max-growth-mib", defaultValue = "64", paramLabel = "MIB",
            description = "Allowed growth of resident memory after warm-up, MiB (default: ${DEFAULT-VALUE}).")
    double maxGrowthMib;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--pipeline", paramLabel = "FILE", description = "Pipeline to interleave instead of " + ARTICLE + ".")
    Path pipeline;

    @Option(names = "--samples", paramLabel = "DIR", description = "A COCO folder as the demo's, instead of " + SAMPLES + ".")
    Path samples;

    @Option(names = "--report", paramLabel = "CSV", description = "Write the memory samples to this CSV file.")
    Path report;

    @Override
    public Integer call() throws InterruptedException {
        if (minutes != null && !(minutes > 0 && minutes <= 100_000)) throw Errors.bad("--minutes must be in (0, 100000], got " + minutes);
        if (applications != null && applications < 1) throw Errors.bad("--applications must be at least 1, got " + applications);
        if (threads < 1 || threads > 256) throw Errors.bad("--threads must be in [1, 256], got " + threads);
        if (articleEvery < 1) throw Errors.bad("--article-every must be at least 1, got " + articleEvery);
        if (!(sampleSeconds >= 0.05 && sampleSeconds <= 3600)) throw Errors.bad("--sample-seconds must be in [0.05, 3600], got " + sampleSeconds);
        if (!(warmup >= 0 && warmup < 1)) throw Errors.bad("--warmup must be in [0, 1), got " + warmup);
        if (!(maxGrowthMib >= 0)) throw Errors.bad("--max-growth-mib must be >= 0, got " + maxGrowthMib);
        long limit = applications != null ? applications : minutes != null ? Long.MAX_VALUE : 100_000;
        long deadline = minutes == null ? Long.MAX_VALUE : System.nanoTime() + (long) (minutes * 60e9);
        PrintWriter log = spec.commandLine().getOut();

        Compose article = Inputs.pipeline(file(pipeline, ARTICLE + "", "--pipeline FILE"));
        BboxParams bp = article.bboxParams() != null ? article.bboxParams() : BboxParams.of(BboxFormat.COCO, "category_id");
        KeypointParams kp = article.keypointParams() != null ? article.keypointParams() : KeypointParams.of(KeypointFormat.XY, "keypoint_labels");
        CocoSamples coco = new CocoSamples(samplesDir());
        List<Sample> full = new ArrayList<>(), small = new ArrayList<>();
        try {
            DemoCommand reader = new DemoCommand();
            for (CocoSamples.Entry e : coco.entries) full.add(reader.prepare(e, bp, kp, coco.keypointNames));
            Compose shrink = new Compose(List.of(new Resize(64, 96)), 1.0, bp, kp, Map.of(), null);
            for (Sample s : full) small.add(shrink.apply(s, 0L));
            Map<String, Compose> mix = mix(small, bp, kp, log);
            List<Compose> pool = List.copyOf(mix.values());
            log.printf(Locale.ROOT, "soak: article pipeline every %d applications on %d full-size photos, otherwise one of %d catalogue transforms on 96x64; %d thread(s); %s%n",
                    articleEvery, full.size(), pool.size(), threads, minutes != null ? minutes + " minutes" : limit + " applications");

            AtomicLong next = new AtomicLong(), done = new AtomicLong(), articleDone = new AtomicLong(), refused = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread w = new Thread(() -> {
                    try {
                        while (failure.get() == null && System.nanoTime() < deadline) {
                            long n = next.getAndIncrement();
                            if (n >= limit) break;
                            long s = Seeds.mix(seed, n);
                            RandomGenerator rng = Seeds.generator(s);
                            boolean isArticle = n % articleEvery == 0;
                            Compose c = isArticle ? article : pool.get(rng.nextInt(pool.size()));
                            Sample in = isArticle ? full.get(rng.nextInt(full.size())) : small.get(rng.nextInt(small.size()));
                            try (Sample out = c.apply(in, s)) {
                                if (out.image().empty()) throw new IllegalStateException("empty output at application " + n);
                            } catch (IllegalArgumentException e) {
                                refused.incrementAndGet();
                            }
                            done.incrementAndGet();
                            if (isArticle) articleDone.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "augment4j-soak-" + t);
                w.setDaemon(true);
                workers.add(w);
                w.start();
            }
            List<RssCurve.Point> points = new ArrayList<>();
            long start = System.nanoTime();
            points.add(point(start, done.get()));
            print(log, points.get(0), articleDone.get());
            while (workers.stream().anyMatch(Thread::isAlive)) {
                long until = System.nanoTime() + (long) (sampleSeconds * 1e9);
                while (System.nanoTime() < until && workers.stream().anyMatch(Thread::isAlive)) Thread.sleep(20);
                RssCurve.Point p = point(start, done.get());
                points.add(p);
                print(log, p, articleDone.get());
            }
            if (failure.get() != null) throw new IllegalStateException("soak stopped by an unexpected error: " + failure.get(), failure.get());
            RssCurve curve = new RssCurve(points);
            if (report != null) write(report, curve.csv());
            RssCurve.Verdict v = curve.verdict(warmup, (long) (maxGrowthMib * (1 << 20)));
            double secs = (System.nanoTime() - start) / 1e9;
            log.printf(Locale.ROOT, "soak: %d applications (%d article, %d mix; %d refused with a documented error) in %.1f s, %d thread(s)%n",
                    done.get(), articleDone.get(), done.get() - articleDone.get(), refused.get(), secs, threads);
            log.printf(Locale.ROOT, "soak: RSS after warm-up %.1f MiB, highest after it %.1f MiB: growth %.1f MiB (bound %.1f MiB), trend %.2f MiB per million applications: %s%n",
                    RssCurve.mib(v.baselineBytes()), RssCurve.mib(v.maxAfterBytes()), RssCurve.mib(v.growthBytes()), RssCurve.mib(v.boundBytes()),
                    v.mibPerMillion(), v.flat() ? "FLAT" : "GREW");
            log.flush();
            return v.flat() ? 0 : MEMORY_GREW;
        } finally {
            for (Sample s : full) s.close();
            for (Sample s : small) s.close();
        }
    }

    private static RssCurve.Point point(long start, long applications) {
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new RssCurve.Point((System.nanoTime() - start) / 1e9, applications, RssCurve.residentBytes(), heap, Pointer.totalCount());
    }

    private static void print(PrintWriter log, RssCurve.Point p, long article) {
        log.printf(Locale.ROOT, "soak: %8.1f s %,12d applications (%,d article)  RSS %8.1f MiB  heap %7.1f MiB  live JavaCPP pointers %d%n",
                p.seconds(), p.applications(), article, RssCurve.mib(p.rssBytes()), RssCurve.mib(p.heapBytes()), p.nativePointers());
        log.flush();
    }

    /**
     * One pipeline per registered transform that builds from its defaults (with 48-pixel sizes where sizes are
     * required) and applies to every small photo; the others are named on the log.
     */
    static Map<String, Compose> mix(List<Sample> inputs, BboxParams bp, KeypointParams kp, PrintWriter log) {
        Map<String, Compose> out = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (TransformDescriptions.Description d : TransformDescriptions.describe()) {
            if (!d.kind().equals("transform")) continue;
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("p", 1.0);
            for (TransformDescriptions.Parameter p : d.parameters()) {
                if (!p.required()) continue;
                switch (p.name()) {
                    case "height", "width" -> params.put(p.name(), 48);
                    case "min_max_height" -> params.put(p.name(), List.of(32, 48));
                    case "px" -> params.put(p.name(), 4);
                    default -> { }
                }
            }
            try {
                Transform t = TransformRegistry.create(d.name(), params);
                Compose c = new Compose(List.of(t), 1.0, bp, kp, Map.of(), null);
                for (int i = 0; i < inputs.size(); i++) {
                    try (Sample probe = c.apply(inputs.get(i), i)) {
                        probe.image();
                    }
                }
                out.put(d.name(), c);
            } catch (IllegalArgumentException e) {
                skipped.add(d.name());
            }
        }
        log.println("soak: left out of the mix (they need metadata, reference images or other input the photos lack): " + skipped);
        return out;
    }

    private Path file(Path given, String relative, String hint) {
        if (given != null) return given;
        Optional<Path> p = ProjectFiles.find(relative);
        if (p.isEmpty()) throw Errors.bad(relative + " not found (looked above the working directory and the jar); give " + hint);
        return p.get();
    }

    private Path samplesDir() {
        if (samples != null) {
            if (!Files.isDirectory(samples)) throw Errors.bad("samples folder not found: " + samples);
            return samples;
        }
        return file(null, SAMPLES + "/annotations/instances.json", "--samples DIR").getParent().getParent();
    }

    private static void write(Path file, List<String> rows) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.write(file, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
