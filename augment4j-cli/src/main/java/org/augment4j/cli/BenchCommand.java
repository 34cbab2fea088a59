package org.augment4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code augment4j bench}: throughput (images/s) of every row of a pipelines file on the images of a folder, as CSV
 * {@code transform,images_per_sec[,reference,ratio]}. OpenCV's own threading is off while it runs, so
 * {@code --threads 1} is exactly one thread. Rows this build cannot run are reported on stderr and skipped. With
 * {@code --size S} the inputs are resized once, before any timing, to S × S (see {@link BenchInputs}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the throughput of pipelines (images/s, median over runs) on the images of a folder.",
            "FILE.json maps a row name to {\"kind\": \"image\"|\"mask\"|\"full\", \"to_dict\": <Albumentations to_dict of a pipeline or one transform>}; "
                + "image rows get the image, mask rows image + --mask, full rows image + --mask + --targets (pascal_voc boxes with labels, xy keypoints).",
            "Every PNG and JPEG in DIR is loaded once as RGB uint8 and the calls cycle over them; call i uses seed mix(--seed, i).",
            "--size S resizes the images (INTER_AREA to shrink, INTER_CUBIC to enlarge) and the mask (INTER_NEAREST) to S x S once at load, "
                + "and scales the targets' boxes and keypoints with them.",
            "Rows that this build cannot run are reported on stderr and skipped. "
                + "Exit codes: 0 success, 1 no row ran, 2 bad input (one line on stderr)."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pipelines", required = true, paramLabel = "FILE.json", description = "Rows to time: name -> {kind, to_dict}. Repeat to add the rows of more files.")
    List<Path> pipelines;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of PNG/JPEG inputs.")
    Path images;

    @Option(names = "--mask", paramLabel = "M.png", description = "Mask for mask and full rows (same size as every image).")
    Path mask;

    @Option(names = "--targets", paramLabel = "T.json", description = "Boxes, labels and keypoints for full rows.")
    Path targets;

    @Option(names = "--size", paramLabel = "S",
            description = "Resize every image and the mask to S x S pixels once at load, and scale the targets with them (16..8192; default: the files' own size).")
    Integer size;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Time only these rows (comma-separated).")
    List<String> only = new ArrayList<>();

    @Option(names = "--n", defaultValue = "200", paramLabel = "N", description = "Calls per timed run (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "R", description = "Timed runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "20", paramLabel = "W", description = "Untimed calls before the runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-seconds", defaultValue = "1", paramLabel = "S",
            description = "Keep warming up each row for at least this long, so that the JVM has compiled its code (default: ${DEFAULT-VALUE}; 0 = exactly --warmup calls).")
    double warmupSeconds;

    @Option(names = "--min-run-seconds", defaultValue = "0", paramLabel = "S",
            description = "Repeat each timed run's N calls (same seeds) until at least S seconds have passed, so that cheap rows are timed long enough "
                + "while every row still averages over the same N seeds at any --size (default: ${DEFAULT-VALUE} = exactly N calls).")
    double minRunSeconds;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T", description = "Threads: 1 = the calling thread does every call; more = a Loader with that many workers, consumed in order; the total rate is reported (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Base seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--compare", paramLabel = "REF.csv", description = "Reference CSV (transform,images_per_sec,…): adds reference and ratio columns.")
    Path compare;

    @Option(names = "--compare-floor", paramLabel = "FLOOR.csv",
            description = "JMH's CSV of OpenCvFloorBenchmark (-rf csv): adds floor and floor_ratio columns and names the rows below 0.95 of their floor.")
    Path compareFloor;

    @Option(names = "--out", paramLabel = "CSV", description = "Write the CSV here instead of stdout.")
    Path out;

    @Override
    public Integer call() {
        if (n < 1) throw Errors.bad("--n must be at least 1, got " + n);
        if (runs < 1) throw Errors.bad("--runs must be at least 1, got " + runs);
        if (warmup < 0) throw Errors.bad("--warmup must not be negative, got " + warmup);
        if (!(warmupSeconds >= 0 && warmupSeconds <= 3600)) throw Errors.bad("--warmup-seconds must be in [0, 3600], got " + warmupSeconds);
        if (threads < 1) throw Errors.bad("--threads must be at least 1, got " + threads);
        if (!(minRunSeconds >= 0 && minRunSeconds <= 3600)) throw Errors.bad("--min-run-seconds must be in [0, 3600], got " + minRunSeconds);
        if (size != null) BenchInputs.checkSize(size);
        Map<String, Double> reference = compare == null ? null : BenchReference.read(compare);
        Map<String, Double> floor = compareFloor == null ? null : BenchFloor.read(compareFloor);
        Map<String, Object> targetMap = targets == null ? null : Json.readObject(targets, "targets file");
        BenchSuite suite = BenchSuite.load(pipelines, only, targetMap != null && targetMap.containsKey("labels"));
        PrintWriter err = spec.commandLine().getErr();
        for (BenchSuite.Failure f : suite.failures()) err.println("bench: skipped " + f.name() + ": " + f.reason());

        List<Mat> loaded = new ArrayList<>();
        Mat maskMat = null;
        int before = opencv_core.getNumThreads();
        try {
            for (Path p : imageFiles()) loaded.add(ImageIO.readRgb(p));
            if (mask != null) {
                maskMat = Inputs.mask(mask);
                for (int i = 0; i < loaded.size(); i++) {
                    Mat img = loaded.get(i);
                    if (img.rows() != maskMat.rows() || img.cols() != maskMat.cols()) {
                        throw Errors.bad("mask " + mask + " is " + maskMat.cols() + "x" + maskMat.rows() + " but image " + imageFiles().get(i)
                                + " is " + img.cols() + "x" + img.rows() + " (width x height)");
                    }
                }
            }
            if (size != null) {
                if (targetMap != null) targetMap = scaledTargets(targetMap, loaded);
                resizeAll(loaded);
                if (maskMat != null) {
                    Mat m = BenchInputs.resizedMask(maskMat, size);
                    maskMat.release();
                    maskMat = m;
                }
            }
            opencv_core.setNumThreads(0); // OpenCV 4: 0 = threading optimisations off, every function sequential
            BenchRunner runner = new BenchRunner(new BenchRunner.Settings(n, runs, warmup, warmupSeconds, minRunSeconds, threads, seed));
            List<String> lines = new ArrayList<>();
            lines.add((reference == null ? "transform,images_per_sec" : "transform,images_per_sec,reference,ratio") + (floor == null ? "" : ",floor,floor_ratio"));
            List<Double> ratios = new ArrayList<>();
            List<String> belowFloor = new ArrayList<>();
            int floored = 0;
            for (BenchSuite.Row row : suite.rows()) {
                double rate;
                try {
                    rate = runner.imagesPerSecond(row, loaded, maskMat, targetMap);
                } catch (RuntimeException e) {
                    err.println("bench: skipped " + row.name() + ": " + Errors.describe(e));
                    continue;
                }
                StringBuilder line = new StringBuilder(row.name()).append(',').append(format(rate));
                if (reference != null) {
                    Double ref = reference.get(row.name());
                    line.append(',').append(ref == null ? "" : format(ref)).append(',');
                    if (ref != null && ref > 0) {
                        line.append(String.format(Locale.ROOT, "%.3f", rate / ref));
                        ratios.add(rate / ref);
                    }
                }
                if (floor != null) {
                    Double f = floor.get(row.name());
                    line.append(',').append(f == null ? "" : format(f)).append(',');
                    if (f != null && f > 0) {
                        line.append(String.format(Locale.ROOT, "%.3f", rate / f));
                        floored++;
                        if (rate / f < BenchFloor.TARGET) belowFloor.add(String.format(Locale.ROOT, "%s %.2f", row.name(), rate / f));
                    }
                }
                lines.add(line.toString());
                err.println("bench: " + row.name() + " " + format(rate) + " images/s");
                err.flush();
            }
            if (lines.size() == 1) {
                err.println("bench: no row ran");
                return 1;
            }
            if (!ratios.isEmpty()) {
                err.println(String.format(Locale.ROOT, "bench: median ratio %.3f over %d row(s)", BenchRunner.median(ratios.stream().mapToDouble(Double::doubleValue).toArray()), ratios.size()));
            }
            if (floor != null) {
                err.println(String.format(Locale.ROOT, "bench: %d of %d row(s) with a floor at >= %.2f of it%s", floored - belowFloor.size(), floored,
                        BenchFloor.TARGET, belowFloor.isEmpty() ? "" : "; below: " + String.join(", ", belowFloor)));
            }
            write(lines);
            return 0;
        } finally {
            opencv_core.setNumThreads(before);
            Mats.release(loaded.toArray(new Mat[0]));
            Mats.release(maskMat);
        }
    }

    /** The targets scaled from the images' own size to {@code --size}; every image must then have the same size. */
    private Map<String, Object> scaledTargets(Map<String, Object> targetMap, List<Mat> loaded) {
        Mat first = loaded.get(0);
        for (int i = 1; i < loaded.size(); i++) {
            Mat img = loaded.get(i);
            if (img.rows() != first.rows() || img.cols() != first.cols()) {
                throw Errors.bad("--size with --targets needs images of one size (the targets' pixels), but " + imageFiles().get(0) + " is "
                        + first.cols() + "x" + first.rows() + " and " + imageFiles().get(i) + " is " + img.cols() + "x" + img.rows());
            }
        }
        try {
            return BenchInputs.scaledTargets(targetMap, (double) size / first.cols(), (double) size / first.rows());
        } catch (IllegalArgumentException e) {
            throw Errors.bad("targets file " + targets + ": " + e.getMessage());
        }
    }

    /** Replaces every loaded image by its {@code --size} copy, releasing the original. */
    private void resizeAll(List<Mat> loaded) {
        for (int i = 0; i < loaded.size(); i++) {
            Mat original = loaded.get(i);
            loaded.set(i, BenchInputs.resizedImage(original, size));
            original.release();
        }
    }

    private static String format(double rate) {
        return String.format(Locale.ROOT, "%.2f", rate);
    }

    /** The PNG and JPEG files of the images folder, by name. */
    private List<Path> imageFiles() {
        if (!Files.isDirectory(images)) throw Errors.bad("images folder not found: " + images);
        List<Path> files;
        try (Stream<Path> s = Files.list(images)) {
            files = s.filter(p -> Files.isRegularFile(p) && Arrays.asList("png", "jpg", "jpeg").contains(extension(p))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list images folder " + images + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) throw Errors.bad("no PNG or JPEG images in " + images);
        return files;
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private void write(List<String> lines) {
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            lines.forEach(o::println);
            o.flush();
            return;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(out, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("bench: wrote " + out);
    }
}
