package org.augment4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.OutsidePaths;

/**
 * Where the parts of a YOLO export are: its data file, class names and splits, as Ultralytics, Roboflow and CVAT
 * write them. Immutable.
 *
 * <p>The data file is the one the caller names ({@code --data FILE}), else {@code data.yaml}, else the single
 * {@code *.yaml}/{@code *.yml} at the top that has {@code names} (Ultralytics names it after the dataset:
 * {@code coco8-seg.yaml}), else the darknet {@code obj.data} with {@code obj.names} (CVAT's "YOLO 1.1" export).
 *
 * <p><b>Ultralytics data file.</b> Its {@code path} is the dataset root when it leads to a folder inside the dataset
 * folder; an absolute or foreign {@code path} (written on another machine) falls back to the data file's own folder,
 * with a note. {@code train}, {@code val} and {@code test} each name an image folder, a list of them, or a
 * {@code .txt} file listing images, relative to the root ({@code ../x} that does not exist is tried as {@code x}, as
 * Ultralytics does for Roboflow's files); each is a split. The labels of an image folder are found by replacing its
 * last {@code images} segment with {@code labels} ({@code images/train} → {@code labels/train}), or beside the images
 * when the path has no such segment. When the data file names no existing folder: every sub-folder of {@code images/}
 * that holds images is a split ({@code images/train} with {@code labels/train}), else {@code images/} with
 * {@code labels/}.
 *
 * <p><b>Darknet ({@code obj.data}).</b> Class names come from {@code obj.names} (one per line); every
 * {@code obj_<split>_data/} folder is a split with its label files beside the images.
 *
 * <p>Under {@link OutsidePaths#REFUSE}, the default, a split folder leading outside the dataset folder is not followed
 * (noted), and {@code images/} and {@code labels/} must lie in it (an {@link IllegalArgumentException} otherwise).
 */
public final class YoloLayout {
    /** How the export describes itself. */
    public enum Kind {
        /** An Ultralytics data file ({@code *.yaml}). */
        ULTRALYTICS,
        /** Darknet's {@code obj.data} and {@code obj.names}, label files beside the images (CVAT's "YOLO 1.1"). */
        DARKNET
    }

    /**
     * One split: its images and where their label files are.
     *
     * @param name     the split's name ({@code train}, {@code val}; {@code ""} when unnamed)
     * @param imageDir the folder of its images
     * @param labelDir the folder of their label files (the image folder when they lie beside the images)
     * @param images   the image files, in order
     */
    public record Split(String name, Path imageDir, Path labelDir, List<Path> images) {
        public Split {
            images = List.copyOf(images);
        }
    }

    private final Path dir;
    private final Path dataFile;
    private final Kind kind;
    private final List<Map<String, Object>> categories;
    private final Map<String, Object> header;
    private final List<Split> splits;
    private final List<String> notes;

    private YoloLayout(Path dir, Path dataFile, Kind kind, List<Map<String, Object>> categories, Map<String, Object> header, List<Split> splits,
                       List<String> notes) {
        this.dir = dir;
        this.dataFile = dataFile;
        this.kind = kind;
        this.categories = List.copyOf(categories);
        this.header = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(header));
        this.splits = List.copyOf(splits);
        this.notes = List.copyOf(notes);
    }

    /** The data file read ({@code *.yaml} or {@code obj.data}). */
    public Path dataFile() {
        return dataFile;
    }

    /** The kind of export. */
    public Kind kind() {
        return kind;
    }

    /** The splits found, in order. */
    public List<Split> splits() {
        return splits;
    }

    /** The data file's fields other than {@code names} (Ultralytics: {@code kpt_shape}, {@code flip_idx}, {@code train}…). */
    public Map<String, Object> header() {
        return header;
    }

    /** What discovery had to adjust (a {@code path} not followed…). */
    public List<String> notes() {
        return notes;
    }

    /** Finds the layout of {@code dir}; {@code dataFile} (or null) is a data file the caller names. */
    public static YoloLayout discover(Path dir, Path dataFile, OutsidePaths outside) {
        Path file = dataFile != null ? dataFile : findDataFile(dir, outside);
        if (dataFile != null && !Files.isRegularFile(dataFile)) throw new IllegalArgumentException("YOLO data file not found: " + dataFile);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".data")) return darknet(dir, file, outside);
        return ultralytics(dir, file, outside);
    }

    /** Reads every split with {@code task}'s label lines. */
    public List<DatasetSplit> read(Yolo.Task task, OutsidePaths outside) {
        List<DatasetSplit> out = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            Split s = splits.get(i);
            Dataset d = Yolo.read(s.images(), s.imageDir(), s.labelDir(), categories, header, task, outside);
            out.add(new DatasetSplit(s.name(), i == 0 ? d.withNotes(notes) : d, s.imageDir(), s.labelDir()));
        }
        return out;
    }

    /**
     * The task the label lines suggest: pose when the header gives {@code kpt_shape}, else detection when the first
     * non-empty label line has 5 values and segmentation when it has more. Label files leading outside their folder are
     * not opened.
     */
    public Yolo.Task task(OutsidePaths outside) {
        if (header.containsKey("kpt_shape")) return Yolo.Task.POSE;
        for (Split s : splits) {
            for (Path img : s.images()) {
                String n = img.getFileName().toString();
                Path label = s.labelDir().resolve(n.substring(0, n.lastIndexOf('.')) + ".txt");
                if (!Files.isRegularFile(label) || outside.problem(s.labelDir(), label) != null) continue;
                try {
                    for (String l : Files.readAllLines(label, StandardCharsets.UTF_8)) {
                        if (!l.isBlank()) return l.strip().split("\\s+").length == 5 ? Yolo.Task.DETECT : Yolo.Task.SEGMENT;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read YOLO label file " + label + ": " + e.getMessage(), e);
                }
            }
        }
        return Yolo.Task.DETECT;
    }

    private static Path findDataFile(Path dir, OutsidePaths outside) {
        Path data = dir.resolve("data.yaml");
        if (Files.isRegularFile(data)) {
            outside.require(dir, data, "YOLO dataset entry");
            return data;
        }
        List<Path> withNames = new ArrayList<>();
        for (Path f : list(dir)) {
            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!(n.endsWith(".yaml") || n.endsWith(".yml")) || !Files.isRegularFile(f)) continue;
            outside.require(dir, f, "YOLO dataset entry");
            try {
                if (Yolo.readDataYaml(f).containsKey("names")) withNames.add(f);
            } catch (IllegalArgumentException e) {
                // not a data file
            }
        }
        if (withNames.size() == 1) return withNames.get(0);
        if (withNames.size() > 1) {
            throw new IllegalArgumentException("YOLO folder " + dir + " has " + withNames.size() + " data files with 'names' (" + withNames.stream()
                    .map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.joining(", ")) + "); name one with --data FILE");
        }
        Path obj = dir.resolve("obj.data");
        if (Files.isRegularFile(obj)) {
            outside.require(dir, obj, "YOLO dataset entry");
            return obj;
        }
        throw new IllegalArgumentException("YOLO folder " + dir + " has no data.yaml, no other *.yaml with 'names' and no obj.data; name the data file with --data FILE");
    }

    private static YoloLayout ultralytics(Path dir, Path file, OutsidePaths outside) {
        Map<String, Object> data = Yolo.readDataYaml(file);
        List<Map<String, Object>> categories = Yolo.categories(data, file);
        Map<String, Object> header = new LinkedHashMap<>(data);
        header.remove("names");
        List<String> notes = new ArrayList<>();
        Path yamlDir = file.toAbsolutePath().getParent();
        Path root = yamlDir;
        if (data.get("path") instanceof String p && !p.isBlank()) {
            Path to = resolve(yamlDir, p);
            if (to != null && Files.isDirectory(to) && inside(dir, to, outside)) {
                root = to;
            } else if (to == null || !to.normalize().equals(yamlDir.normalize())) {
                notes.add("path: '" + p + "' in " + file + (to == null ? " is not a valid path" : Files.isDirectory(to) ? " leads to " + to.normalize()
                        + ", outside the dataset folder" : " leads to " + to.normalize() + ", which does not exist")
                        + "; its splits were looked up in the data file's own folder " + yamlDir + " instead");
            }
        }
        List<Split> splits = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (String key : List.of("train", "val", "test")) {
            Object v = data.get(key);
            List<String> values = v instanceof String s ? List.of(s) : v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            for (String value : values) {
                if (value.isBlank()) continue;
                Path p = resolve(root, value);
                if ((p == null || !Files.exists(p)) && value.startsWith("../")) p = resolve(root, value.substring(3));
                if (p == null || !Files.exists(p)) {
                    notes.add(key + ": '" + value + "' in " + file + " does not exist under " + root + "; not read");
                    continue;
                }
                if (!inside(dir, p, outside)) {
                    notes.add(key + ": '" + value + "' in " + file + " leads to " + p.normalize() + ", outside the dataset folder; not read");
                    continue;
                }
                String name = values.size() == 1 ? key : key + (values.indexOf(value) + 1);
                if (Files.isDirectory(p)) {
                    if (seen.add(p.toAbsolutePath().normalize())) splits.add(new Split(name, p, labelsOf(p), Yolo.imageFiles(p)));
                } else {
                    splits.addAll(listed(name, p, root, dir, outside, notes));
                }
            }
        }
        if (splits.isEmpty()) splits = fallback(dir, outside);
        return new YoloLayout(dir, file, Kind.ULTRALYTICS, categories, header, splits, notes);
    }

    /** The splits of a list file: its images grouped by folder (relative lines are relative to the root; {@code ./x} to the list's folder). */
    private static List<Split> listed(String name, Path list, Path root, Path dir, OutsidePaths outside, List<String> notes) {
        Map<Path, List<Path>> byFolder = new LinkedHashMap<>();
        int missing = 0;
        try {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty()) continue;
                Path img = l.startsWith("./") ? resolve(list.toAbsolutePath().getParent(), l.substring(2)) : resolve(root, l);
                if (img == null || !Files.isRegularFile(img) || !inside(dir, img, outside)) {
                    missing++;
                    continue;
                }
                byFolder.computeIfAbsent(img.getParent(), k -> new ArrayList<>()).add(img);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read YOLO image list " + list + ": " + e.getMessage(), e);
        }
        if (missing > 0) notes.add(missing + " image(s) listed in " + list + " do not exist in the dataset folder; not read");
        List<Split> out = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> e : byFolder.entrySet()) {
            out.add(new Split(byFolder.size() == 1 ? name : name + "/" + e.getKey().getFileName(), e.getKey(), labelsOf(e.getKey()), e.getValue()));
        }
        return out;
    }

    /** {@code images/<split>} sub-folders with images, each a split, else {@code images/} with {@code labels/}. */
    private static List<Split> fallback(Path dir, OutsidePaths outside) {
        Path images = dir.resolve("images"), labels = dir.resolve("labels");
        for (Path p : List.of(images, labels)) {
            if (Files.exists(p)) outside.require(dir, p, "YOLO dataset entry");
        }
        if (!Files.isDirectory(images)) throw new IllegalArgumentException("YOLO folder " + dir + " has no images/ folder and its data file names none");
        List<Split> splits = new ArrayList<>();
        if (Yolo.imageFiles(images).isEmpty()) {
            for (Path sub : list(images)) {
                if (!Files.isDirectory(sub) || sub.getFileName().toString().startsWith(".")) continue;
                outside.require(dir, sub, "YOLO dataset entry");
                List<Path> files = Yolo.imageFiles(sub);
                if (!files.isEmpty()) splits.add(new Split(sub.getFileName().toString(), sub, labels.resolve(sub.getFileName().toString()), files));
            }
        }
        if (splits.isEmpty()) splits.add(new Split("", images, labels, Yolo.imageFiles(images)));
        return splits;
    }

    private static YoloLayout darknet(Path dir, Path file, OutsidePaths outside) {
        Map<String, String> data = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) data.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read darknet data file " + file + ": " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        String namesValue = data.getOrDefault("names", "obj.names");
        Path names = resolve(base, namesValue);
        if ((names == null || !Files.isRegularFile(names)) && namesValue.startsWith("data/")) names = resolve(base, namesValue.substring(5));
        if (names == null || !Files.isRegularFile(names)) names = base.resolve("obj.names");
        if (!Files.isRegularFile(names)) throw new IllegalArgumentException("darknet data file " + file + " names '" + namesValue + "', and no obj.names is beside it");
        outside.require(dir, names, "YOLO dataset entry");
        List<Map<String, Object>> categories = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(names, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
            for (int i = 0; i < lines.size(); i++) categories.add(Map.of("id", i, "name", lines.get(i)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + names + ": " + e.getMessage(), e);
        }
        List<Split> splits = new ArrayList<>();
        for (Path sub : list(dir)) {
            String n = sub.getFileName().toString();
            if (!Files.isDirectory(sub) || !n.startsWith("obj_") || !n.endsWith("_data")) continue;
            outside.require(dir, sub, "YOLO dataset entry");
            splits.add(new Split(n.substring(4, n.length() - 5), sub, sub, Yolo.imageFiles(sub)));
        }
        if (splits.isEmpty()) throw new IllegalArgumentException("darknet YOLO folder " + dir + " has no obj_<split>_data/ folder");
        List<String> notes = new ArrayList<>();
        if (data.containsKey("classes") && !data.get("classes").equals(String.valueOf(categories.size()))) {
            notes.add(file + " says classes = " + data.get("classes") + " but " + names + " lists " + categories.size() + " names; the names were used");
        }
        return new YoloLayout(dir, file, Kind.DARKNET, categories, Map.of(), splits, notes);
    }

    /** The label folder of an image folder: its last {@code images} segment replaced by {@code labels}, else the folder itself. */
    static Path labelsOf(Path imageDir) {
        Path abs = imageDir.normalize();
        for (int i = abs.getNameCount() - 1; i >= 0; i--) {
            if (abs.getName(i).toString().equals("images")) {
                Path prefix = abs.getRoot() == null ? Path.of("") : abs.getRoot();
                for (int j = 0; j < abs.getNameCount(); j++) prefix = prefix.resolve(j == i ? "labels" : abs.getName(j).toString());
                return prefix;
            }
        }
        return imageDir;
    }

    private static boolean inside(Path dir, Path p, OutsidePaths outside) {
        return outside.problem(dir, p) == null;
    }

    private static Path resolve(Path base, String value) {
        try {
            return base.resolve(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
