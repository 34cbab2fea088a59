package org.augment4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.OutsidePaths;
import org.augment4j.datasets.AtomicFiles;
import org.augment4j.datasets.CocoLayout;
import org.augment4j.datasets.CocoWriter;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetSplit;
import org.augment4j.datasets.MaskFolders;
import org.augment4j.datasets.Voc;
import org.augment4j.datasets.Yolo;
import org.augment4j.datasets.YoloLayout;

/**
 * How {@code augment4j run} reads and writes one dataset format: the splits it finds, where each split's images go, how
 * one output image's labels are written (atomically), and what is written at the end. The output keeps the input's
 * layout: every folder and annotation file lands at the same path under {@code --out} as under {@code --input}, so a
 * Roboflow export gives a Roboflow export and a CVAT export gives what CVAT imports. Implementations are immutable.
 */
interface RunFormat {
    /** Reads the input dataset's splits. */
    List<DatasetSplit> read(Path input);

    /** The output folder of a split's images, relative to {@code --out}. */
    Path imageFolder(DatasetSplit split);

    /**
     * Writes the labels of one output image of {@code split} atomically; returns what the run must keep to finish (COCO:
     * the image's records), or null.
     */
    Map<String, Object> writeLabels(Path out, DatasetSplit split, DatasetImage image) throws IOException;

    /** Writes what comes last for one split (COCO: its annotation file from the kept records); {@code names} are its output images. */
    void finish(Path out, DatasetSplit split, List<Map<String, Object>> kept, List<String> names) throws IOException;

    /** Writes what comes last for the whole output (YOLO: the data file). */
    default void finishAll(Path out, List<DatasetSplit> splits) throws IOException {}

    /**
     * The format named on the command line. {@code annotations} (COCO) and {@code data} (YOLO) name the annotation or
     * data file when the user gave one, else null. {@code outside} says whether files named by the dataset may lie
     * outside the folder they belong to: the layout's own entries outside {@code input} are then bad input, and image,
     * label, mask and annotation files outside their folder are left out as annotation problems.
     */
    static RunFormat of(String name, Path input, Path annotations, Path data, boolean vocOneBased, OutsidePaths outside) {
        return switch (name) {
            case "coco" -> new Coco(input, annotations, outside);
            case "yolo" -> new YoloFormat(input, data, outside);
            case "voc" -> new VocFormat(input, !vocOneBased, outside);
            case "masks" -> new Masks(outside);
            default -> throw Errors.bad("--format " + name + " is not supported; supported: coco, yolo, voc, masks");
        };
    }

    /** {@code path} relative to {@code input} when it lies inside it, else {@code fallback}. */
    static Path relative(Path input, Path path, String fallback) {
        Path in = input.toAbsolutePath().normalize(), p = path.toAbsolutePath().normalize();
        return p.startsWith(in) ? in.relativize(p) : Path.of(fallback);
    }

    /**
     * COCO, wherever {@link CocoLayout} finds the files: each split's annotation file is written at its input path
     * ({@code annotations/instances_default.json}, {@code train/_annotations.coco.json}), with keypoints included, and
     * its images into the folder they came from.
     */
    final class Coco implements RunFormat {
        private final Path input;
        private final Path annotations;
        private final OutsidePaths outside;

        Coco(Path input, Path annotations, OutsidePaths outside) {
            this.input = input;
            this.annotations = annotations;
            this.outside = outside;
        }

        @Override
        public List<DatasetSplit> read(Path in) {
            return CocoLayout.read(in, annotations, outside);
        }

        @Override
        public Path imageFolder(DatasetSplit split) {
            return relative(input, split.imageDir(), "images");
        }

        @Override
        public Map<String, Object> writeLabels(Path out, DatasetSplit split, DatasetImage image) {
            Map<String, Object> tree = CocoWriter.toJson(split.dataset(), List.of(image));
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("images", tree.get("images"));
            part.put("annotations", tree.get("annotations"));
            return part;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void finish(Path out, DatasetSplit split, List<Map<String, Object>> kept, List<String> names) throws IOException {
            List<Object> images = new ArrayList<>();
            List<Map<String, Object>> annotations = new ArrayList<>();
            for (Map<String, Object> p : kept) {
                images.addAll((List<Object>) p.get("images"));
                for (Map<String, Object> a : (List<Map<String, Object>>) p.get("annotations")) {
                    a.put("id", annotations.size() + 1);
                    annotations.add(a);
                }
            }
            Dataset dataset = split.dataset();
            Map<String, Object> root = new LinkedHashMap<>(dataset.header());
            root.put("images", images);
            root.put("annotations", annotations);
            root.put("categories", dataset.categories());
            Path file = relative(input, split.labels(), "annotations/" + split.labels().getFileName());
            AtomicFiles.write(out.resolve(file), Json.WRITE.writeValueAsBytes(root));
        }
    }

    /**
     * YOLO as {@link YoloLayout} finds it. Ultralytics: images and label folders at their input paths
     * ({@code images/train}, {@code labels/train}), and the data file under its input name with {@code train},
     * {@code val} and {@code test} naming the output folders (no {@code path}: Ultralytics then takes the data file's
     * folder). Darknet (CVAT's "YOLO 1.1"): {@code obj_<split>_data/} with label files beside the images,
     * {@code <split>.txt} listing them as {@code data/obj_<split>_data/<name>}, {@code obj.names} and {@code obj.data}.
     * The task is pose when the data file gives {@code kpt_shape}, otherwise detection when label lines have 5 values
     * and segmentation if not.
     */
    final class YoloFormat implements RunFormat {
        private final Path input;
        private final YoloLayout layout;
        private final Yolo.Task task;
        private final OutsidePaths outside;

        YoloFormat(Path input, Path data, OutsidePaths outside) {
            this.input = input;
            this.outside = outside;
            try {
                this.layout = YoloLayout.discover(input, data, outside);
            } catch (IllegalArgumentException e) {
                throw Errors.bad(e.getMessage());
            }
            this.task = layout.task(outside);
        }

        @Override
        public List<DatasetSplit> read(Path in) {
            return layout.read(task, outside);
        }

        @Override
        public Path imageFolder(DatasetSplit split) {
            return relative(input, split.imageDir(), split.name().isEmpty() ? "images" : "images/" + split.name());
        }

        private Path labelFolder(DatasetSplit split) {
            if (split.labels().equals(split.imageDir())) return imageFolder(split);
            return relative(input, split.labels(), split.name().isEmpty() ? "labels" : "labels/" + split.name());
        }

        @Override
        public Map<String, Object> writeLabels(Path out, DatasetSplit split, DatasetImage image) throws IOException {
            AtomicFiles.write(out.resolve(labelFolder(split)).resolve(image.stem() + ".txt"), Yolo.format(image, task).getBytes(StandardCharsets.UTF_8));
            return null;
        }

        @Override
        public void finish(Path out, DatasetSplit split, List<Map<String, Object>> kept, List<String> names) throws IOException {
            if (layout.kind() != YoloLayout.Kind.DARKNET) return;
            StringBuilder list = new StringBuilder();
            String folder = imageFolder(split).toString().replace('\\', '/');
            for (String n : names) list.append("data/").append(folder).append('/').append(n).append('\n');
            AtomicFiles.write(out.resolve(split.name() + ".txt"), list.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void finishAll(Path out, List<DatasetSplit> splits) throws IOException {
            Dataset first = splits.isEmpty() ? new Dataset(List.of(), List.of(), layout.header(), List.of()) : splits.get(0).dataset();
            if (layout.kind() == YoloLayout.Kind.DARKNET) {
                StringBuilder names = new StringBuilder(), data = new StringBuilder();
                for (Map<String, Object> c : first.categories()) names.append(c.get("name")).append('\n');
                data.append("classes = ").append(first.categories().size()).append('\n');
                for (DatasetSplit s : splits) data.append(s.name()).append(" = data/").append(s.name()).append(".txt\n");
                data.append("names = data/obj.names\nbackup = backup/\n");
                AtomicFiles.write(out.resolve("obj.names"), names.toString().getBytes(StandardCharsets.UTF_8));
                AtomicFiles.write(out.resolve("obj.data"), data.toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, Object> yaml = new LinkedHashMap<>(first.header());
            yaml.remove("path");
            Map<String, List<String>> keys = new LinkedHashMap<>();
            for (DatasetSplit s : splits) keys.computeIfAbsent(key(s.name()), k -> new ArrayList<>()).add(imageFolder(s).toString().replace('\\', '/'));
            for (String k : List.of("train", "val", "test")) yaml.remove(k);
            for (Map.Entry<String, List<String>> e : keys.entrySet()) yaml.put(e.getKey(), e.getValue().size() == 1 ? e.getValue().get(0) : e.getValue());
            Map<Integer, Object> names = new LinkedHashMap<>();
            for (Map<String, Object> c : first.categories()) names.put(((Number) c.get("id")).intValue(), c.get("name"));
            yaml.put("names", names);
            Path file = relative(input, layout.dataFile(), "data.yaml");
            AtomicFiles.write(out.resolve(file), new ObjectMapper(new YAMLFactory()).writeValueAsBytes(yaml));
        }

        /** The data-file key of a split: {@code train}, {@code val} or {@code test} (by name; anything else trains). */
        private static String key(String split) {
            String s = split.toLowerCase(java.util.Locale.ROOT).replaceAll("[0-9/].*$", "");
            return switch (s) {
                case "val", "valid", "validation" -> "val";
                case "test" -> "test";
                default -> "train";
            };
        }
    }

    /**
     * Pascal VOC as {@link Voc#readLayout} finds it ({@code Annotations/} with {@code JPEGImages/}, or XML beside the
     * images); 0-based as albumentations' pascal_voc, or 1-based. Each XML goes to the folder its input came from.
     */
    final class VocFormat implements RunFormat {
        private final Path input;
        private final boolean zeroBased;
        private final OutsidePaths outside;

        VocFormat(Path input, boolean zeroBased, OutsidePaths outside) {
            this.input = input;
            this.zeroBased = zeroBased;
            this.outside = outside;
        }

        @Override
        public List<DatasetSplit> read(Path in) {
            return Voc.readLayout(in, zeroBased, outside);
        }

        @Override
        public Path imageFolder(DatasetSplit split) {
            return relative(input, split.imageDir(), "JPEGImages");
        }

        @Override
        public Map<String, Object> writeLabels(Path out, DatasetSplit split, DatasetImage image) throws IOException {
            Path folder = relative(input, split.labels(), "Annotations");
            AtomicFiles.write(out.resolve(folder).resolve(image.stem() + ".xml"), Voc.format(image, split.dataset(), zeroBased).getBytes(StandardCharsets.UTF_8));
            return null;
        }

        @Override
        public void finish(Path out, DatasetSplit split, List<Map<String, Object>> kept, List<String> names) {
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
        public List<DatasetSplit> read(Path input) {
            return List.of(new DatasetSplit("", MaskFolders.read(input, outside), input.resolve("images"), input));
        }

        @Override
        public Path imageFolder(DatasetSplit split) {
            return Path.of("images");
        }

        @Override
        public Map<String, Object> writeLabels(Path out, DatasetSplit split, DatasetImage image) {
            return null;  // the masks are written with the image
        }

        @Override
        public void finish(Path out, DatasetSplit split, List<Map<String, Object>> kept, List<String> names) {
            // nothing comes last
        }
    }
}
