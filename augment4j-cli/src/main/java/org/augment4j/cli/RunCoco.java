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
import org.augment4j.datasets.CocoWriter;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetObject;
import org.augment4j.datasets.ObjectAugmenter;
import org.augment4j.opencv.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The COCO side of {@code augment4j run}: the copies of one input image, and the final annotation file.
 *
 * <p>Each output image {@code images/<name>} is written atomically, then its annotations as a part file
 * {@code .augment4j/parts/<name>.json} (also atomic): an output is complete when both exist, which is what
 * {@code --resume} checks. Names, image ids and sample seeds depend only on (seed, input file name, copy index):
 * image id = input position × slots + slot + 1, so thread count and resumption change nothing. The annotation file is
 * assembled from the parts at the end, annotation ids numbered in image order. Immutable, thread-safe.
 */
final class RunCoco {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dataset dataset;
    private final ObjectAugmenter augmenter;
    private final Path out;
    private final int copies;
    private final long seed;
    private final boolean includeOriginal;
    private final boolean resume;

    RunCoco(Dataset dataset, ObjectAugmenter augmenter, Path out, int copies, long seed, boolean includeOriginal, boolean resume) {
        this.dataset = dataset;
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
        return out.resolve(".augment4j/parts").resolve(name + ".json");
    }

    /** Writes every slot of input {@code index}; returns how many slots were already complete (resumed). */
    int process(int index, DatasetImage img) {
        int skipped = 0;
        List<Integer> todo = new ArrayList<>();
        for (int s = 0; s < slots(); s++) {
            String name = outputName(img, s);
            if (resume && Files.isRegularFile(out.resolve("images").resolve(name)) && Files.isRegularFile(part(name))) skipped++;
            else todo.add(s);
        }
        if (todo.isEmpty()) return skipped;
        try (Mat image = ImageIO.readRgb(img.file())) {
            for (int s : todo) {
                String name = outputName(img, s);
                long id = (long) index * slots() + s + 1;
                if (includeOriginal && s == 0) {
                    copyFile(img.file(), out.resolve("images").resolve(name));
                    writePart(name, image(img, name, id, -1, img.width(), img.height(), img.objects()), List.of());
                    continue;
                }
                int copy = includeOriginal ? s - 1 : s;
                long sampleSeed = sampleSeed(img, copy);
                ObjectAugmenter.Result r = augmenter.apply(img, image, sampleSeed);
                try (Mat result = r.image()) {
                    Path file = out.resolve("images").resolve(name);
                    Path tmp = AtomicFiles.temporary(file);
                    ImageIO.write(tmp, result);
                    AtomicFiles.move(tmp, file);
                    writePart(name, image(img, name, id, copy, result.cols(), result.rows(), r.kept()), r.dropped());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return skipped;
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
        Map<String, Object> tree = CocoWriter.toJson(dataset, List.of(img));
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("images", tree.get("images"));
        part.put("annotations", tree.get("annotations"));
        part.put("dropped_category_ids", dropped.stream().map(DatasetObject::categoryId).toList());
        AtomicFiles.write(part(name), JSON.writeValueAsBytes(part));
    }

    private static void copyFile(Path from, Path to) throws IOException {
        Path tmp = AtomicFiles.temporary(to);
        Files.copy(from, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.move(tmp, to);
    }

    /**
     * Joins the parts of the given inputs (in order) into {@code annotations/instances.json}, written last and
     * atomically; counts kept and dropped objects per category name into {@code stats}.
     */
    @SuppressWarnings("unchecked")
    int assemble(List<DatasetImage> done, RunStats stats) {
        List<Object> images = new ArrayList<>();
        List<Map<String, Object>> annotations = new ArrayList<>();
        for (DatasetImage img : done) {
            for (int s = 0; s < slots(); s++) {
                Map<String, Object> p;
                try {
                    p = JSON.readValue(part(outputName(img, s)).toFile(), Map.class);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read part file " + part(outputName(img, s)) + ": " + e.getMessage(), e);
                }
                images.addAll((List<Object>) p.get("images"));
                for (Map<String, Object> a : (List<Map<String, Object>>) p.get("annotations")) {
                    a.put("id", annotations.size() + 1);
                    annotations.add(a);
                    stats.kept(dataset.categoryName(((Number) a.get("category_id")).intValue()));
                }
                for (Object c : (List<Object>) p.get("dropped_category_ids")) stats.dropped(dataset.categoryName(((Number) c).intValue()));
            }
        }
        Map<String, Object> root = new LinkedHashMap<>(dataset.header());
        root.put("images", images);
        root.put("annotations", annotations);
        root.put("categories", dataset.categories());
        try {
            AtomicFiles.write(out.resolve("annotations/instances.json"), Json.WRITE.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve("annotations/instances.json") + ": " + e.getMessage(), e);
        }
        return images.size();
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
