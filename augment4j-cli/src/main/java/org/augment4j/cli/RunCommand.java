package org.augment4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.augment4j.Compose;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetSplit;
import org.augment4j.datasets.ObjectAugmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code augment4j run}: N augmented copies of a labelled dataset, in the same format (COCO, YOLO, Pascal VOC). See
 * {@link RunWriter} for naming, atomicity and resumption, {@link RunFormat} for the layouts. Exit codes: 0 success, 2 bad input, 3 finished but
 * some inputs were skipped (listed in {@code report.json}).
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Augment a whole dataset: N copies of every image with its annotations, in the same format.",
            "Annotations are found where labelling tools export them, and the output keeps the input's layout (same folders and file names).",
            "COCO: --annotations FILE, else annotations/*.json (instances*.json joined with person_keypoints*.json; CVAT: instances_default.json), "
                + "else <split>/_annotations.coco.json beside the images (Roboflow), else a single *.json at the top; file_names resolve in "
                + "images/[<split>/], the annotation file's folder or DIR. Keypoints are written into the annotation file.",
            "YOLO: --data FILE, else data.yaml, a single *.yaml with 'names' (Ultralytics), or obj.data + obj.names (darknet, CVAT's YOLO 1.1); "
                + "train/val/test splits (images/train with labels/train…) are all processed; a 'path:' that does not lead into DIR falls "
                + "back to the data file's folder (noted). Detect, segment, or pose with kpt_shape and flip_idx.",
            "VOC: DIR/Annotations/*.xml with DIR/JPEGImages/, or XML beside the images (labelImg; Roboflow's split folders); 0-based "
                + "coordinates (albumentations' pascal_voc) or 1-based with --voc-one-based; truncated=1 where a box touches the border.",
            "Masks: DIR/images/ plus mask folders (every other folder) matched by file stem; writes the same, masks as PNG.",
            "Every run writes OUT/report.json: images and objects in and out (per split), skipped inputs with reasons, notes on what was "
                + "adjusted while reading (boxes clipped to the image, label files without images…), objects kept/dropped per class.",
            "Files the dataset names must lie in its folders: an image, label, mask or annotation file that leads outside (.., an absolute "
                + "path, a symbolic link out) is left out and listed under annotation_problems, unless --allow-outside-paths is given.",
            "Output names and ids depend only on (seed, input file, copy index), whatever --threads; --resume skips outputs already complete.",
            "Exit codes: 0 success, 2 bad input, 3 finished but some inputs were skipped (see report.json)."})
public final class RunCommand implements Callable<Integer> {
    /** Exit code when the run finished but skipped unreadable inputs. */
    public static final int SKIPPED = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Option(names = "--copies", required = true, paramLabel = "N", description = "Augmented copies per image.")
    int copies;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: new, empty, or with --resume/--overwrite.")
    Path out;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", description = "Keep complete outputs of an earlier run into --out and make only the missing ones.")
    boolean resume;

    @Option(names = "--overwrite", description = "Write into a non-empty --out, replacing outputs of the same names.")
    boolean overwrite;

    @Option(names = "--include-original", description = "Also write each original image with its annotations unchanged.")
    boolean includeOriginal;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        if (copies < 0) throw Errors.bad("--copies must be >= 0, got " + copies);
        if (copies == 0 && !includeOriginal) throw Errors.bad("--copies 0 writes nothing; give --copies N >= 1 or --include-original");
        if (threads < 1) throw Errors.bad("--threads must be >= 1, got " + threads);
        data.requireInput();
        checkOutput();
        DatasetOptions.Loaded loaded = data.load(spec.commandLine().getErr(), "run");
        RunFormat reader = loaded.format();
        Compose compose = loaded.pipeline();
        List<DatasetSplit> splits = loaded.splits();
        PrintWriter log = spec.commandLine().getErr();
        loaded.notes().forEach(n -> log.println("run: note: " + n));
        // One writer per split; tasks run over all splits' images in order.
        List<RunWriter> writers = new ArrayList<>();
        List<RunWriter> taskWriter = new ArrayList<>();
        List<Integer> taskIndex = new ArrayList<>();
        List<DatasetImage> images = new ArrayList<>();
        for (int k = 0; k < splits.size(); k++) {
            DatasetSplit split = splits.get(k);
            Path parts = Path.of(".augment4j", "parts");
            if (splits.size() > 1) parts = parts.resolve(k + "-" + (split.name().isEmpty() ? "unnamed" : split.name().replace('/', '-')));
            Dataset d = split.dataset();
            RunWriter w = new RunWriter(reader, split, parts, new ObjectAugmenter(compose, d.flipIndex()), out, copies, seed, includeOriginal, resume);
            writers.add(w);
            for (int i = 0; i < d.images().size(); i++) {
                taskWriter.add(w);
                taskIndex.add(i);
                images.add(d.images().get(i));
            }
        }
        Inputs.createDirectories(out);
        if (resume) removeTemporaries();

        List<Map<String, Object>> skipped = new ArrayList<>();
        List<List<DatasetImage>> done = new ArrayList<>();
        for (int k = 0; k < splits.size(); k++) done.add(new ArrayList<>());
        int resumed = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                int t = i;
                futures.add(pool.submit(() -> taskWriter.get(t).process(taskIndex.get(t), images.get(t))));
            }
            // On a terminal: a bar redrawn in place after every image; on a pipe or in CI: a plain line every 10%.
            boolean terminal = System.console() != null && System.getenv("CI") == null;
            int step = terminal ? 1 : Math.max(1, images.size() / 10);
            for (int i = 0; i < futures.size(); i++) {
                try {
                    resumed += futures.get(i).get();
                    done.get(writers.indexOf(taskWriter.get(i))).add(images.get(i));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (!(cause instanceof RuntimeException) || !Errors.isBadInput(cause)) throw new IllegalStateException("image " + images.get(i).file() + ": " + cause, cause);
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("file", images.get(i).file().toString());
                    s.put("reason", Errors.describe(cause));
                    skipped.add(s);
                    log.println("run: skipped " + images.get(i).file() + ": " + Errors.describe(cause));
                }
                if ((i + 1) % step == 0 || i + 1 == futures.size()) {
                    double secs = (System.nanoTime() - start) / 1e9;
                    double rate = (i + 1) / Math.max(secs, 1e-9);
                    double eta = (images.size() - i - 1) / rate;
                    if (terminal) {
                        int filled = (int) (30L * (i + 1) / images.size());
                        log.printf("\rrun [%s%s] %d/%d images, %.1f images/s, ETA %.0f s ", "#".repeat(filled), " ".repeat(30 - filled), i + 1, images.size(), rate, eta);
                        if (i + 1 == futures.size()) log.println();
                        log.flush();
                    } else {
                        log.printf("run: %d/%d input images, %.1f images/s, ETA %.0f s%n", i + 1, images.size(), rate, eta);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        RunStats stats = new RunStats();
        int written = 0, objectsIn = 0;
        List<Map<String, Object>> perSplit = new ArrayList<>();
        for (int k = 0; k < splits.size(); k++) {
            RunStats own = new RunStats();
            int n = writers.get(k).finish(done.get(k), own);
            own.perClass.forEach((c, v) -> {
                stats.perClass.computeIfAbsent(c, x -> new int[2])[0] += v[0];
                stats.perClass.get(c)[1] += v[1];
            });
            written += n;
            int in = splits.get(k).dataset().images().stream().mapToInt(i -> i.objects().size()).sum();
            objectsIn += in;
            Map<String, Object> sp = new LinkedHashMap<>();
            sp.put("name", splits.get(k).name());
            sp.put("images", reader.imageFolder(splits.get(k)).toString());
            sp.put("images_in", splits.get(k).dataset().images().size());
            sp.put("objects_in", in);
            sp.put("images_out", n);
            sp.put("objects_out", own.keptTotal());
            perSplit.add(sp);
        }
        try {
            reader.finishAll(out, splits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the output in " + out + ": " + e.getMessage(), e);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        List<String> problems = loaded.problems();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("format", data.format);
        report.put("images_in", images.size());
        report.put("images_out", written);
        report.put("images_resumed", resumed);
        report.put("objects_in", objectsIn);
        report.put("objects_out", stats.keptTotal());
        report.put("splits", perSplit);
        report.put("skipped", skipped);
        report.put("annotation_problems", problems);
        report.put("notes", loaded.notes());
        report.put("allow_outside_paths", loaded.outsidePathsAllowed());
        report.put("objects_per_class", stats.toJson());
        report.put("elapsed_seconds", Math.round(secs * 1000) / 1000.0);
        Json.write(out.resolve("report.json"), report);

        PrintWriter o = spec.commandLine().getOut();
        o.printf("run: %d images in, %d images out (%d resumed), %d skipped, %d annotation problems, %d notes%n",
                images.size(), written, resumed, skipped.size(), problems.size(), loaded.notes().size());
        o.printf("run: %d objects in, %d objects out%s%n", objectsIn, stats.keptTotal(),
                splits.size() > 1 ? " in " + splits.size() + " splits (" + String.join(", ", splits.stream().map(DatasetSplit::name).toList()) + ")" : "");
        stats.perClass.forEach((k, v) -> o.printf("  %-16s kept %5d  dropped %5d%n", k, v[0], v[1]));
        o.printf("run: %.2f s, %.1f images/s (output images); wrote %s%n", secs, written / Math.max(secs, 1e-9), out);
        return skipped.isEmpty() && problems.isEmpty() ? 0 : SKIPPED;
    }

    /** Deletes the temporary files ({@code .tmp-*}) a killed run left in the output folder. */
    private void removeTemporaries() {
        try (var s = Files.walk(out)) {
            for (Path f : s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().startsWith(".tmp-")).toList()) Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean temporary files in " + out + ": " + e.getMessage(), e);
        }
    }

    private void checkOutput() {
        Path in = data.input.toAbsolutePath().normalize(), o = out.toAbsolutePath().normalize();
        if (o.startsWith(in)) throw Errors.bad("--out " + out + " is inside the input folder " + data.input + "; choose another folder");
        if (in.startsWith(o)) throw Errors.bad("--out " + out + " contains the input folder " + data.input + "; choose another folder");
        if (Files.exists(o) && !Files.isDirectory(o)) throw Errors.bad("--out " + out + " is a file, not a folder");
        if (resume && overwrite) throw Errors.bad("--resume and --overwrite exclude each other");
        if (Files.isDirectory(o) && !resume && !overwrite) {
            try (var s = Files.list(o)) {
                if (s.findAny().isPresent()) throw Errors.bad("--out " + out + " is not empty; use --resume to complete an earlier run or --overwrite to replace it");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + out + ": " + e.getMessage(), e);
            }
        }
    }
}
