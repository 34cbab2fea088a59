package org.augment4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.Seeds;
import org.augment4j.datasets.AtomicFiles;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetObject;
import org.augment4j.datasets.DatasetSplit;
import org.augment4j.datasets.MaskFolders;
import org.augment4j.datasets.ObjectAugmenter;
import org.augment4j.opencv.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The copies of one input image for {@code augment4j run}, and what is written at the end, for any {@link RunFormat}.
 *
 * <p>Each output image is written atomically, then its labels (COCO: kept for the end; YOLO, VOC: the label file), then
 * a part file {@code .augment4j/parts/[<split>/]<name>.json} with the kept and dropped category ids (also atomic): an output is
 * complete when its image and part exist, which is what {@code --resume} checks. Names, image ids and sample seeds depend only on (seed, input file name, copy index):
 * image id = input position × slots + slot + 1, so thread count and resumption change nothing. The annotation file is
 * assembled from the parts at the end, annotation ids numbered in image order. Immutable, thread-safe.
 */
final class RunWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunFormat format;
    private final DatasetSplit split;
    private final Dataset dataset;
    private final Path parts;
    private final ObjectAugmenter augmenter;
    private final Path out;
    private final int copies;
    private final long seed;
    private final boolean includeOriginal;
    private final boolean resume;

    /**
     * @param parts the folder of this split's part files, relative to {@code out} ({@code .augment4j/parts}, with a
     *              sub-folder per split when there are several)
     */
    RunWriter(RunFormat format, DatasetSplit split, Path parts, ObjectAugmenter augmenter, Path out, int copies, long seed, boolean includeOriginal,
              boolean resume) {
        this.format = format;
        this.split = split;
        this.dataset = split.dataset();
        this.parts = parts;
        this.augmenter = augmenter;
        this.out = out;
        this.copies = copies;
        this.seed = seed;
        this.includeOriginal = includeOriginal;
        this.resume = resume;
    }

    int slots() {
        return copies + (includeOriginal ? 1 : 0);
    }

    /** The output file name of a slot (slot 0 is the original when {@code --include-original}). */
    String outputName(DatasetImage img, int slot) {
        String f = img.fileName();
        int dot = f.lastIndexOf('.');
        String ext = dot < 0 ? ".png" : f.substring(dot);
        if (includeOriginal && slot == 0) return img.stem() + "_orig" + ext;
        int copy = includeOriginal ? slot - 1 : slot;
        return img.stem() + "_" + copy + "_" + String.format("%08x", (int) (sampleSeed(img, copy) >>> 32)) + ext;
    }

    /** The seed of one copy: the run's seed mixed with the input file name and the copy index. */
    long sampleSeed(DatasetImage img, int copy) {
        return Seeds.mix(Seeds.mix(seed, fnv(img.fileName())), copy);
    }

    private Path part(String name) {
        return out.resolve(parts).resolve(name + ".json");
    }

    /** Writes every slot of input {@code index}; returns how many slots were already complete (resumed). */
    int process(int index, DatasetImage img) {
        int skipped = 0;
        List<Integer> todo = new ArrayList<>();
        for (int s = 0; s < slots(); s++) {
            String name = outputName(img, s);
            if (resume && Files.isRegularFile(out.resolve(format.imageFolder(split)).resolve(name)) && Files.isRegularFile(part(name))) skipped++;
            else todo.add(s);
        }
        if (todo.isEmpty()) return skipped;
        Map<String, Mat> masks = new LinkedHashMap<>();
        try (Mat image = ImageIO.readRgb(img.file())) {
            for (Map.Entry<String, Path> m : maskFiles(img).entrySet()) masks.put(m.getKey(), ImageIO.readMask(m.getValue()));
            for (int s : todo) {
                String name = outputName(img, s);
                long id = (long) index * slots() + s + 1;
                if (includeOriginal && s == 0) {
                    writeMasks(name, masks);
                    copyFile(img.file(), out.resolve(format.imageFolder(split)).resolve(name));
                    writePart(name, image(img, name, id, -1, img.width(), img.height(), img.objects()), List.of());
                    continue;
                }
                int copy = includeOriginal ? s - 1 : s;
                long sampleSeed = sampleSeed(img, copy);
                ObjectAugmenter.Result r = augmenter.apply(img, image, masks, sampleSeed);
                try (Mat result = r.image()) {
                    try {
                        writeMasks(name, r.masks());
                    } finally {
                        r.masks().values().forEach(Mat::close);
                    }
                    Path file = out.resolve(format.imageFolder(split)).resolve(name);
                    Path tmp = AtomicFiles.temporary(file);
                    ImageIO.write(tmp, result);
                    AtomicFiles.move(tmp, file);
                    writePart(name, image(img, name, id, copy, result.cols(), result.rows(), r.kept()), r.dropped());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            masks.values().forEach(Mat::close);
        }
        return skipped;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Path> maskFiles(DatasetImage img) {
        Object m = img.extra().get(MaskFolders.MASKS);
        return m == null ? Map.of() : (Map<String, Path>) m;
    }

    /** Writes each mask as {@code <folder>/<output stem>.png} (lossless), atomically. */
    private void writeMasks(String name, Map<String, Mat> masks) throws IOException {
        String stem = name.substring(0, name.lastIndexOf('.'));
        for (Map.Entry<String, Mat> m : masks.entrySet()) {
            Path file = out.resolve(m.getKey()).resolve(stem + ".png");
            Path tmp = AtomicFiles.temporary(file);
            ImageIO.write(tmp, m.getValue());
            AtomicFiles.move(tmp, file);
        }
    }

    private DatasetImage image(DatasetImage src, String name, long id, int copy, int w, int h, List<DatasetObject> objects) {
        Map<String, Object> extra = new LinkedHashMap<>(src.extra());
        extra.put("id", id);
        extra.put("source_image_id", src.extra().get("id"));
        extra.put("source_file_name", src.fileName());
        extra.put("copy", copy);
        return new DatasetImage(name, null, w, h, objects, extra);
    }

    private void writePart(String name, DatasetImage img, List<DatasetObject> dropped) throws IOException {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("labels", format.writeLabels(out, split, img));
        part.put("kept_category_ids", img.objects().stream().map(DatasetObject::categoryId).toList());
        part.put("dropped_category_ids", dropped.stream().map(DatasetObject::categoryId).toList());
        AtomicFiles.write(part(name), JSON.writeValueAsBytes(part));
    }

    private static void copyFile(Path from, Path to) throws IOException {
        Path tmp = AtomicFiles.temporary(to);
        Files.copy(from, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.move(tmp, to);
    }

    /**
     * Reads the parts of the given inputs (in order), counts kept and dropped objects per category into {@code stats}
     * (by {@link Dataset#categoryLabel}), and lets the format write what comes last for this split; returns the number
     * of output images.
     */
    @SuppressWarnings("unchecked")
    int finish(List<DatasetImage> done, RunStats stats) {
        List<Map<String, Object>> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int n = 0;
        for (DatasetImage img : done) {
            for (int s = 0; s < slots(); s++) {
                names.add(outputName(img, s));
                Map<String, Object> p;
                try {
                    p = JSON.readValue(part(outputName(img, s)).toFile(), Map.class);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read part file " + part(outputName(img, s)) + ": " + e.getMessage(), e);
                }
                n++;
                if (p.get("labels") != null) labels.add((Map<String, Object>) p.get("labels"));
                for (Object c : (List<Object>) p.get("kept_category_ids")) stats.kept(dataset.categoryLabel(((Number) c).intValue()));
                for (Object c : (List<Object>) p.get("dropped_category_ids")) stats.dropped(dataset.categoryLabel(((Number) c).intValue()));
            }
        }
        try {
            format.finish(out, split, labels, names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the output in " + out + ": " + e.getMessage(), e);
        }
        return n;
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: a hash of file names that is the same on every JVM. */
    static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
