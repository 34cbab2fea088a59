package org.augment4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.OutsidePaths;
import org.augment4j.datasets.AtomicFiles;
import org.augment4j.datasets.CocoReader;
import org.augment4j.datasets.CocoWriter;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.MaskFolders;
import org.augment4j.datasets.Voc;
import org.augment4j.datasets.Yolo;

/**
 * How {@code augment4j run} reads and writes one dataset format: where the images go, how one output image's labels
 * are written (atomically), and what is written at the end. Implementations are immutable.
 */
interface RunFormat {
    /** Reads the input dataset. */
    Dataset read(Path input);

    /** The output folder of the images, relative to {@code --out}. */
    String imageFolder();

    /**
     * Writes the labels of one output image atomically; returns what the run must keep to finish (COCO: the image's
     * records), or null.
     */
    Map<String, Object> writeLabels(Path out, Dataset dataset, DatasetImage image) throws IOException;

    /** Writes what comes last (COCO: the annotation file assembled from the kept records). */
    void finish(Path out, Dataset dataset, List<Map<String, Object>> kept) throws IOException;

    /**
     * The format named on the command line. {@code outside} says whether files named by the dataset may lie outside the
     * folder they belong to: the layout's own entries outside {@code input} are then bad input, and image, label, mask
     * and annotation files outside their folder are left out as annotation problems.
     */
    static RunFormat of(String name, Path input, boolean vocOneBased, OutsidePaths outside) {
        return switch (name) {
            case "coco" -> new Coco(outside);
            case "yolo" -> new YoloFormat(input, outside);
            case "voc" -> new VocFormat(!vocOneBased, outside);
            case "masks" -> new Masks(outside);
            default -> throw Errors.bad("--format " + name + " is not supported; supported: coco, yolo, voc, masks");
        };
    }

    /** Fails when one of the layout's {@code entries} of {@code input} that exist leads outside it. */
    private static void requireLayoutInside(Path input, OutsidePaths outside, String format, String... entries) {
        for (String e : entries) {
            Path p = input.resolve(e);
            if (Files.exists(p)) outside.require(input, p, format + " dataset entry");
        }
    }

    /** COCO: {@code annotations/instances.json} (+ {@code person_keypoints.json}) and {@code images/}. */
    final class Coco implements RunFormat {
        private final OutsidePaths outside;

        Coco(OutsidePaths outside) {
            this.outside = outside;
        }

        @Override
        public Dataset read(Path input) {
            return CocoReader.read(input, outside);
        }

        @Override
        public String imageFolder() {
            return "images";
        }

        @Override
        public Map<String, Object> writeLabels(Path out, Dataset dataset, DatasetImage image) {
            Map<String, Object> tree = CocoWriter.toJson(dataset, List.of(image));
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("images", tree.get("images"));
            part.put("annotations", tree.get("annotations"));
            return part;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void finish(Path out, Dataset dataset, List<Map<String, Object>> kept) throws IOException {
            List<Object> images = new ArrayList<>();
            List<Map<String, Object>> annotations = new ArrayList<>();
            for (Map<String, Object> p : kept) {
                images.addAll((List<Object>) p.get("images"));
                for (Map<String, Object> a : (List<Map<String, Object>>) p.get("annotations")) {
                    a.put("id", annotations.size() + 1);
                    annotations.add(a);
                }
            }
            Map<String, Object> root = new LinkedHashMap<>(dataset.header());
            root.put("images", images);
            root.put("annotations", annotations);
            root.put("categories", dataset.categories());
            AtomicFiles.write(out.resolve("annotations/instances.json"), Json.WRITE.writeValueAsBytes(root));
        }
    }

    /**
     * YOLO (Ultralytics layout): {@code images/}, {@code labels/} and {@code data.yaml}. The task is pose when
     * data.yaml gives {@code kpt_shape}, otherwise detection when label lines have 5 values and segmentation if not.
     */
    final class YoloFormat implements RunFormat {
        private final Yolo.Task task;
        private final OutsidePaths outside;

        YoloFormat(Path input, OutsidePaths outside) {
            this.outside = outside;
            Path yaml = input.resolve("data.yaml");
            if (!Files.isRegularFile(yaml)) throw Errors.bad("YOLO folder " + input + " has no data.yaml");
            requireLayoutInside(input, outside, "YOLO", "data.yaml", "images", "labels");
            this.task = Yolo.readDataYaml(yaml).containsKey("kpt_shape") ? Yolo.Task.POSE : guess(input.resolve("labels"), outside);
        }

        /** The task the first label line suggests; label files that lead outside the label folder are not opened. */
        private static Yolo.Task guess(Path labels, OutsidePaths outside) {
            if (!Files.isDirectory(labels)) return Yolo.Task.DETECT;
            try (Stream<Path> s = Files.list(labels)) {
                for (Path f : s.filter(f -> f.toString().endsWith(".txt") && outside.problem(labels, f) == null).sorted().toList()) {
                    for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        if (!l.isBlank()) return l.strip().split("\\s+").length == 5 ? Yolo.Task.DETECT : Yolo.Task.SEGMENT;
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read YOLO labels in " + labels + ": " + e.getMessage(), e);
            }
            return Yolo.Task.DETECT;
        }

        @Override
        public Dataset read(Path input) {
            return Yolo.read(input.resolve("images"), input.resolve("labels"), input.resolve("data.yaml"), task, outside);
        }

        @Override
        public String imageFolder() {
            return "images";
        }

        @Override
        public Map<String, Object> writeLabels(Path out, Dataset dataset, DatasetImage image) throws IOException {
            AtomicFiles.write(out.resolve("labels").resolve(image.stem() + ".txt"), Yolo.format(image, task).getBytes(StandardCharsets.UTF_8));
            return null;
        }

        @Override
        public void finish(Path out, Dataset dataset, List<Map<String, Object>> kept) throws IOException {
            Map<String, Object> yaml = new LinkedHashMap<>(dataset.header());
            Map<Integer, Object> names = new LinkedHashMap<>();
            for (Map<String, Object> c : dataset.categories()) names.put(((Number) c.get("id")).intValue(), c.get("name"));
            yaml.put("names", names);
            yaml.put("path", ".");
            yaml.put("train", "images");
            yaml.remove("val");
            yaml.remove("test");
            AtomicFiles.write(out.resolve("data.yaml"),
                    new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).writeValueAsBytes(yaml));
        }
    }

    /** Pascal VOC: {@code Annotations/*.xml} (0-based as albumentations' pascal_voc, or 1-based) and {@code JPEGImages/}. */
    final class VocFormat implements RunFormat {
        private final boolean zeroBased;
        private final OutsidePaths outside;

        VocFormat(boolean zeroBased, OutsidePaths outside) {
            this.zeroBased = zeroBased;
            this.outside = outside;
        }

        @Override
        public Dataset read(Path input) {
            requireLayoutInside(input, outside, "VOC", "Annotations", "JPEGImages");
            return Voc.read(input.resolve("Annotations"), input.resolve("JPEGImages"), zeroBased, outside);
        }

        @Override
        public String imageFolder() {
            return "JPEGImages";
        }

        @Override
        public Map<String, Object> writeLabels(Path out, Dataset dataset, DatasetImage image) throws IOException {
            AtomicFiles.write(out.resolve("Annotations").resolve(image.stem() + ".xml"), Voc.format(image, dataset, zeroBased).getBytes(StandardCharsets.UTF_8));
            return null;
        }

        @Override
        public void finish(Path out, Dataset dataset, List<Map<String, Object>> kept) {
            // one XML per image, written with it
        }
    }

    /** Mask folders: {@code images/} plus mask folders matched by stem (see {@link MaskFolders}); masks are written as PNG. */
    final class Masks implements RunFormat {
        private final OutsidePaths outside;

        Masks(OutsidePaths outside) {
            this.outside = outside;
        }

        @Override
        public Dataset read(Path input) {
            return MaskFolders.read(input, outside);
        }

        @Override
        public String imageFolder() {
            return "images";
        }

        @Override
        public Map<String, Object> writeLabels(Path out, Dataset dataset, DatasetImage image) {
            return null;  // the masks are written with the image
        }

        @Override
        public void finish(Path out, Dataset dataset, List<Map<String, Object>> kept) {
            // nothing comes last
        }
    }
}
