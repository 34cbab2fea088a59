package org.augment4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.OutsidePaths;

/**
 * Where the COCO annotation files of a folder are, as labelling tools export them, and which folder their
 * {@code file_name}s resolve in. Looked for in this order; the first rule that finds a file wins:
 * <ol>
 *   <li>a file the caller names ({@code --annotations FILE});</li>
 *   <li>every {@code annotations/*.json}: {@code instances<S>.json} joined with {@code person_keypoints<S>.json} of the
 *       same suffix, a keypoints file alone, or any other name on its own; {@code captions*} and {@code panoptic*}
 *       files are not instance annotations and are passed over. The split is the suffix without its
 *       {@code _} ({@code instances_default.json}: CVAT's "COCO 1.0" export, split {@code default};
 *       {@code instances_train2017.json}: split {@code train2017}). When the plain {@code instances.json} or
 *       {@code person_keypoints.json} is there, that pair alone is read (an unnamed split) and other files beside it
 *       are taken for variants of it;</li>
 *   <li>{@code _annotations.coco.json} in the folder and in each sub-folder (Roboflow: {@code train/}, {@code valid/},
 *       {@code test/}); the split is the sub-folder's name and the images lie beside the file;</li>
 *   <li>a single {@code *.json} at the top that holds {@code images} (several: the caller must name one).</li>
 * </ol>
 * The image folder of a file is the first of its candidates in which the most {@code file_name}s exist:
 * {@code images/<split>}, {@code <split>}, {@code images}, the annotation file's own folder, then the dataset folder.
 * Stateless.
 *
 * <p>Under {@link OutsidePaths#REFUSE}, the default, every annotation file found and every existing candidate image
 * folder must lie in the dataset folder (an {@link IllegalArgumentException} otherwise, naming the entry); a file the
 * caller names may lie anywhere, but its folder is then not a candidate for the images.
 */
public final class CocoLayout {
    /** The Roboflow annotation file name. */
    public static final String ROBOFLOW_FILE = "_annotations.coco.json";

    /**
     * One annotation set of a COCO export.
     *
     * @param split       the split name ({@code ""} when unnamed)
     * @param annotations the instances file (or a keypoints file alone)
     * @param keypoints   a keypoints file to join by annotation id, or null
     * @param imageDirs   the candidate image folders in order of preference (not necessarily existing)
     */
    public record Part(String split, Path annotations, Path keypoints, List<Path> imageDirs) {
        public Part {
            imageDirs = List.copyOf(imageDirs);
        }
    }

    private CocoLayout() {}

    /** Reads every annotation set of {@code dir} that {@link #discover} finds, in order. */
    public static List<DatasetSplit> read(Path dir, Path annotationsFile, OutsidePaths outside) {
        List<DatasetSplit> out = new ArrayList<>();
        for (Part p : discover(dir, annotationsFile, outside)) {
            Map<String, Object> root = CocoReader.readJson(p.annotations());
            Path images = imageDir(root, p, dir, outside);
            out.add(new DatasetSplit(p.split(), CocoReader.read(root, p.annotations(), p.keypoints(), images, outside), images, p.annotations()));
        }
        return out;
    }

    /**
     * The annotation sets of {@code dir}, found as described above; {@code annotationsFile} (or null) is a file the
     * caller names. Fails with an {@link IllegalArgumentException} when there is none, or when several {@code *.json}
     * at the top hold images.
     */
    public static List<Part> discover(Path dir, Path annotationsFile, OutsidePaths outside) {
        if (annotationsFile != null) {
            if (!Files.isRegularFile(annotationsFile)) throw new IllegalArgumentException("COCO annotation file not found: " + annotationsFile);
            String name = annotationsFile.getFileName().toString();
            Path kp = null;
            if (name.startsWith("instances")) {
                Path k = annotationsFile.resolveSibling("person_keypoints" + name.substring("instances".length()));
                if (Files.isRegularFile(k) && outside.problem(annotationsFile.getParent(), k) == null) kp = k;
            }
            boolean inside = outside.problem(dir, annotationsFile) == null;
            return List.of(new Part("", annotationsFile, kp, candidates(dir, "", inside ? annotationsFile.getParent() : null)));
        }
        List<Part> parts = fromAnnotationsFolder(dir, outside);
        if (parts.isEmpty()) parts = roboflow(dir, outside);
        if (parts.isEmpty()) parts = singleTopFile(dir, outside);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("COCO folder " + dir + " has no annotation file: looked for annotations/*.json (e.g. instances.json, CVAT's "
                    + "instances_default.json), " + ROBOFLOW_FILE + " beside the images (Roboflow) and a single *.json at the top; name the file with --annotations FILE");
        }
        return parts;
    }

    private static List<Part> fromAnnotationsFolder(Path dir, OutsidePaths outside) {
        Path folder = dir.resolve("annotations");
        if (!Files.isDirectory(folder)) return List.of();
        outside.require(dir, folder, "COCO dataset entry");
        Map<String, Path> instances = new LinkedHashMap<>(), keypoints = new LinkedHashMap<>();
        List<Path> others = new ArrayList<>();
        for (Path f : jsonFiles(folder)) {
            outside.require(dir, f, "COCO dataset entry");
            String name = f.getFileName().toString(), lower = name.toLowerCase(Locale.ROOT);
            String suffix = name.substring(0, name.length() - ".json".length());
            if (lower.startsWith("captions") || lower.startsWith("panoptic")) continue;
            if (suffix.startsWith("person_keypoints")) keypoints.put(suffix.substring("person_keypoints".length()), f);
            else if (suffix.startsWith("instances")) instances.put(suffix.substring("instances".length()), f);
            else others.add(f);
        }
        if (instances.containsKey("") || keypoints.containsKey("")) {
            // The plain names: other files beside them are variants of the same set (e.g. the same data in compressed RLE).
            Path inst = instances.get(""), kp = keypoints.get("");
            return List.of(new Part("", inst != null ? inst : kp, inst != null ? kp : null, candidates(dir, "", folder)));
        }
        List<Part> parts = new ArrayList<>();
        LinkedHashSet<String> suffixes = new LinkedHashSet<>(instances.keySet());
        suffixes.addAll(keypoints.keySet());
        for (String s : suffixes.stream().sorted().toList()) {
            Path inst = instances.get(s), kp = keypoints.get(s);
            String split = s.startsWith("_") ? s.substring(1) : s;
            parts.add(new Part(split, inst != null ? inst : kp, inst != null ? kp : null, candidates(dir, split, folder)));
        }
        for (Path f : others) {
            String name = f.getFileName().toString();
            String split = name.substring(0, name.length() - ".json".length());
            parts.add(new Part(split, f, null, candidates(dir, split, folder)));
        }
        if (parts.size() == 1 && others.size() == 1) parts = List.of(new Part("", others.get(0), null, candidates(dir, "", folder)));
        return parts;
    }

    private static List<Part> roboflow(Path dir, OutsidePaths outside) {
        List<Part> parts = new ArrayList<>();
        Path top = dir.resolve(ROBOFLOW_FILE);
        if (Files.isRegularFile(top)) {
            outside.require(dir, top, "COCO dataset entry");
            parts.add(new Part("", top, null, List.of(dir)));
        }
        for (Path sub : subfolders(dir)) {
            Path f = sub.resolve(ROBOFLOW_FILE);
            if (!Files.isRegularFile(f)) continue;
            outside.require(dir, sub, "COCO dataset entry");
            outside.require(dir, f, "COCO dataset entry");
            parts.add(new Part(sub.getFileName().toString(), f, null, List.of(sub)));
        }
        return parts;
    }

    private static List<Part> singleTopFile(Path dir, OutsidePaths outside) {
        List<Path> coco = new ArrayList<>();
        for (Path f : jsonFiles(dir)) {
            outside.require(dir, f, "COCO dataset entry");
            if (holdsImages(f)) coco.add(f);
        }
        if (coco.size() > 1) {
            throw new IllegalArgumentException("COCO folder " + dir + " has " + coco.size() + " annotation files at the top (" + coco.stream()
                    .map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.joining(", ")) + "); name one with --annotations FILE");
        }
        return coco.stream().map(f -> new Part("", f, null, candidates(dir, "", dir))).toList();
    }

    private static boolean holdsImages(Path f) {
        try {
            return CocoReader.readJson(f).get("images") instanceof List;
        } catch (IllegalArgumentException e) {
            return false;  // not a COCO file
        }
    }

    private static List<Path> candidates(Path dir, String split, Path annotationFolder) {
        LinkedHashSet<Path> c = new LinkedHashSet<>();
        if (!split.isEmpty()) {
            c.add(dir.resolve("images").resolve(split));
            c.add(dir.resolve(split));
        }
        c.add(dir.resolve("images"));
        if (annotationFolder != null) c.add(annotationFolder);
        c.add(dir);
        return List.copyOf(c);
    }

    /**
     * The candidate folder of {@code part} in which the most of {@code root}'s {@code file_name}s exist (the first on a
     * tie); {@code images} when none exists. Every existing candidate must lie in {@code dir} unless {@code outside}
     * allows it.
     */
    @SuppressWarnings("unchecked")
    static Path imageDir(Map<String, Object> root, Part part, Path dir, OutsidePaths outside) {
        List<String> names = new ArrayList<>();
        if (root.get("images") instanceof List<?> images) {
            for (Object i : images) if (i instanceof Map<?, ?> m && m.get("file_name") != null) names.add(String.valueOf(m.get("file_name")));
        }
        Path best = null;
        long bestCount = -1;
        for (Path c : part.imageDirs()) {
            if (!Files.isDirectory(c)) continue;
            if (!c.normalize().equals(dir.normalize())) outside.require(dir, c, "COCO dataset entry");
            long n = names.stream().filter(name -> existsInside(c, name)).count();
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        if (bestCount > 0) return best;
        Path images = dir.resolve("images");
        return part.imageDirs().contains(images) ? images : part.imageDirs().get(0);
    }

    /** Whether {@code name} is a file inside {@code folder} (names leading out never count, whatever the rule). */
    private static boolean existsInside(Path folder, String name) {
        try {
            Path f = folder.resolve(name);
            return Files.isRegularFile(f) && OutsidePaths.REFUSE.problem(folder, f) == null;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> subfolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> Files.isDirectory(f) && !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
