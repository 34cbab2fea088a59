package org.augment4j.datasets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.OutsidePaths;

/**
 * Ultralytics YOLO label files, one {@code <stem>.txt} per image, one object per line, coordinates normalised to
 * [0, 1] and written with 6 decimals:
 * <ul>
 *   <li>{@link Task#DETECT}: {@code cls cx cy w h};</li>
 *   <li>{@link Task#SEGMENT}: {@code cls x1 y1 x2 y2 …}, one polygon (the box is its extent); written back from the
 *       outer contours of the object's surviving mask, joined into one ring by zero-width bridges ({@link #merged});</li>
 *   <li>{@link Task#POSE}: {@code cls cx cy w h} then {@code kpt_shape[0]} × {@code px py v}; unlabelled points are
 *       {@code 0 0 0}.</li>
 * </ul>
 * Class names, {@code kpt_shape} and {@code flip_idx} come from {@code data.yaml} ({@code names} as a list or an
 * index map); class ids are the category ids. Images are found by stem in the image folder. Stateless.
 *
 * <p>The image and label folders are the caller's choice here; {@link YoloLayout} finds them in an export (the data
 * file's {@code path}, {@code train}, {@code val}, {@code test}, or darknet's {@code obj_<split>_data/}). Label files of
 * the label folder without an image are noted in {@link Dataset#notes()}, not read. Under {@link OutsidePaths#REFUSE}, the
 * default, an image or label file that is a symbolic link out of its folder is left out with its image and reported in
 * {@link Dataset#problems()}.
 */
public final class Yolo {
    /** The kind of label file. */
    public enum Task { DETECT, SEGMENT, POSE }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Yolo() {}

    /** Reads {@code data.yaml}: categories ({@code id}, {@code name}) and the header ({@code kpt_shape}, {@code flip_idx}). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readDataYaml(Path file) {
        try {
            Object v = YAML.readValue(file.toFile(), Object.class);
            if (!(v instanceof Map)) throw new IllegalArgumentException("YOLO data file " + file + " must hold a mapping");
            return (Map<String, Object>) v;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read YOLO data file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads every image of {@code imageDir} with its labels from {@code labelDir}, none outside them. */
    public static Dataset read(Path imageDir, Path labelDir, Path dataYaml, Task task) {
        return read(imageDir, labelDir, dataYaml, task, OutsidePaths.REFUSE);
    }

    /** Reads every image of {@code imageDir} with its labels from {@code labelDir} (an image without a label file has no objects). */
    public static Dataset read(Path imageDir, Path labelDir, Path dataYaml, Task task, OutsidePaths outside) {
        Map<String, Object> data = readDataYaml(dataYaml);
        List<Map<String, Object>> categories = categories(data, dataYaml);
        Map<String, Object> header = new LinkedHashMap<>(data);
        header.remove("names");
        return read(imageFiles(imageDir), imageDir, labelDir, categories, header, task, outside);
    }

    /** The categories ({@code id}, {@code name}) of a data file's {@code names}, a list or an index map. */
    static List<Map<String, Object>> categories(Map<String, Object> data, Path dataYaml) {
        List<Map<String, Object>> categories = new ArrayList<>();
        Object names = data.get("names");
        if (names instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) categories.add(Map.of("id", i, "name", String.valueOf(l.get(i))));
        } else if (names instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                try {
                    categories.add(Map.of("id", Integer.parseInt(String.valueOf(e.getKey())), "name", String.valueOf(e.getValue())));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("YOLO data file " + dataYaml + ": names key '" + e.getKey() + "' is not a class index");
                }
            }
        } else {
            throw new IllegalArgumentException("YOLO data file " + dataYaml + " has no 'names'");
        }
        return categories;
    }

    /** The image files directly in {@code imageDir}, by name. */
    static List<Path> imageFiles(Path imageDir) {
        try (Stream<Path> s = Files.list(imageDir)) {
            return s.filter(ImageFiles::isImage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list image folder " + imageDir + ": " + e.getMessage(), e);
        }
    }


    /**
     * Reads {@code files} (images of {@code imageDir}) with their labels {@code labelDir/<stem>.txt}. Label files of
     * {@code labelDir} whose image is not among {@code files} are noted, not read.
     */
    @SuppressWarnings("unchecked")
    static Dataset read(List<Path> files, Path imageDir, Path labelDir, List<Map<String, Object>> categories, Map<String, Object> header, Task task,
                        OutsidePaths outside) {
        int kpts = task == Task.POSE ? ((List<Number>) header.getOrDefault("kpt_shape", List.of(0, 3))).get(0).intValue() : 0;
        List<DatasetImage> images = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        java.util.Set<String> stems = new java.util.HashSet<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String stem = name.substring(0, name.lastIndexOf('.'));
            stems.add(stem);
            Path label = labelDir.resolve(stem + ".txt");
            FileRef image = FileRef.found(imageDir, f, outside), labels = FileRef.found(labelDir, label, outside);
            if (image.problem() != null || labels.problem() != null) {
                problems.add(image.problem() != null ? image.skipped("YOLO image " + f) : labels.skipped("YOLO label file " + label) + " with its image " + f);
                continue;
            }
            int[] size = ImageSize.of(f);
            if (size == null) size = decodedSize(f);
            List<DatasetObject> objects = new ArrayList<>();
            if (Files.isRegularFile(label) && size != null) {
                List<DatasetObject> parsed = parse(label, size[0], size[1], task, kpts);
                for (int i = 0; i < parsed.size(); i++) {
                    String problem = DatasetObject.boxProblem(parsed.get(i).bbox(), size[0], size[1]);
                    if (problem == null) objects.add(parsed.get(i));
                    else problems.add("object " + (i + 1) + " of " + label + ": " + problem + "; left out");
                }
            }
            images.add(new DatasetImage(name, f, size == null ? 0 : size[0], size == null ? 0 : size[1], objects, Map.of()));
        }
        List<String> notes = new ArrayList<>();
        List<String> orphans = orphanLabels(labelDir, stems);
        if (!orphans.isEmpty()) {
            notes.add(orphans.size() + " label file(s) in " + labelDir + " have no image and were not read: "
                    + String.join(", ", orphans.subList(0, Math.min(10, orphans.size()))) + (orphans.size() > 10 ? ", …" : ""));
        }
        return new Dataset(categories, images, header, problems, notes);
    }

    /** The {@code *.txt} files of {@code labelDir} whose stem is not among {@code stems} ({@code classes.txt} aside). */
    private static List<String> orphanLabels(Path labelDir, java.util.Set<String> stems) {
        if (!Files.isDirectory(labelDir)) return List.of();
        try (Stream<Path> s = Files.list(labelDir)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt") && !n.equals("classes.txt"))
                    .filter(n -> !stems.contains(n.substring(0, n.length() - 4))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list label folder " + labelDir + ": " + e.getMessage(), e);
        }
    }

    private static int[] decodedSize(Path f) {
        try (org.bytedeco.opencv.opencv_core.Mat m = org.augment4j.opencv.ImageIO.readImage(f)) {
            return new int[] {m.cols(), m.rows()};
        } catch (RuntimeException e) {
            return null;  // reported when the run reads the image
        }
    }

    private static List<DatasetObject> parse(Path label, int w, int h, Task task, int kpts) {
        List<DatasetObject> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(label, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read YOLO label file " + label + ": " + e.getMessage(), e);
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) continue;
            String[] t = line.split("\\s+");
            double[] v = new double[t.length - 1];
            try {
                for (int i = 1; i < t.length; i++) v[i - 1] = Double.parseDouble(t[i]);
                int cls = Integer.parseInt(t[0]);
                out.add(switch (task) {
                    case DETECT -> new DatasetObject(cls, box(v, w, h, 4), null, null, false, Map.of());
                    case POSE -> {
                        double[] b = box(v, w, h, 4 + 3 * kpts);
                        double[] k = new double[3 * kpts];
                        for (int j = 0; j < kpts; j++) {
                            k[3 * j] = v[4 + 3 * j] * w;
                            k[3 * j + 1] = v[5 + 3 * j] * h;
                            k[3 * j + 2] = v[6 + 3 * j];
                        }
                        yield new DatasetObject(cls, b, null, k, false, Map.of());
                    }
                    case SEGMENT -> {
                        if (v.length < 6 || v.length % 2 != 0) throw new IllegalArgumentException("a polygon needs an even number of at least 6 values");
                        double[] p = new double[v.length];
                        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
                        for (int i = 0; i < v.length; i += 2) {
                            p[i] = v[i] * w;
                            p[i + 1] = v[i + 1] * h;
                            x0 = Math.min(x0, p[i]); x1 = Math.max(x1, p[i]);
                            y0 = Math.min(y0, p[i + 1]); y1 = Math.max(y1, p[i + 1]);
                        }
                        yield new DatasetObject(cls, new double[] {x0, y0, x1 - x0, y1 - y0}, new Segmentation.Polygons(List.of(p)), null, false, Map.of());
                    }
                });
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("YOLO label file " + label + " line " + (n + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static double[] box(double[] v, int w, int h, int expected) {
        if (v.length != expected) throw new IllegalArgumentException("expected " + (expected + 1) + " values, got " + (v.length + 1));
        return new double[] {(v[0] - v[2] / 2) * w, (v[1] - v[3] / 2) * h, v[2] * w, v[3] * h};
    }

    /** The label file text of one image's objects. */
    public static String format(DatasetImage img, Task task) {
        StringBuilder sb = new StringBuilder();
        int w = img.width(), h = img.height();
        for (DatasetObject o : img.objects()) {
            sb.append(o.categoryId());
            double[] b = o.bbox();
            if (task == Task.SEGMENT) {
                double[] p = merged(o.segmentation());
                if (p == null) continue;
                for (int i = 0; i < p.length; i += 2) sb.append(' ').append(f6(p[i] / w)).append(' ').append(f6(p[i + 1] / h));
            } else {
                sb.append(' ').append(f6((b[0] + b[2] / 2) / w)).append(' ').append(f6((b[1] + b[3] / 2) / h))
                        .append(' ').append(f6(b[2] / w)).append(' ').append(f6(b[3] / h));
            }
            if (task == Task.POSE && o.keypoints() != null) {
                double[] k = o.keypoints();
                for (int j = 0; j < k.length; j += 3) {
                    sb.append(' ').append(f6(k[j] / w)).append(' ').append(f6(k[j + 1] / h)).append(' ').append((int) k[j + 2]);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * All parts of a segmentation as one ring, as Ultralytics' {@code merge_multi_segment} does: the largest part is
     * walked in order and every other part is spliced in at its vertex nearest to it, through a zero-width bridge
     * (out to the part's nearest vertex, around the part, and back). Parts of fewer than 3 points are ignored; null when
     * nothing is left.
     */
    static double[] merged(Segmentation s) {
        if (!(s instanceof Segmentation.Polygons p)) return null;
        List<double[]> parts = p.parts().stream().filter(q -> q.length >= 6).sorted((a, b) -> Double.compare(area(b), area(a))).toList();
        if (parts.isEmpty()) return null;
        double[] main = parts.get(0);
        int n0 = main.length / 2;
        List<List<int[]>> attached = new ArrayList<>();
        for (int v = 0; v < n0; v++) attached.add(new ArrayList<>());
        for (int i = 1; i < parts.size(); i++) {
            double[] q = parts.get(i);
            int bestV = 0, bestU = 0;
            double best = Double.MAX_VALUE;
            for (int v = 0; v < n0; v++) {
                for (int u = 0; u < q.length / 2; u++) {
                    double dx = main[2 * v] - q[2 * u], dy = main[2 * v + 1] - q[2 * u + 1], d = dx * dx + dy * dy;
                    if (d < best) {
                        best = d;
                        bestV = v;
                        bestU = u;
                    }
                }
            }
            attached.get(bestV).add(new int[] {i, bestU});
        }
        List<Double> ring = new ArrayList<>();
        for (int v = 0; v < n0; v++) {
            ring.add(main[2 * v]);
            ring.add(main[2 * v + 1]);
            for (int[] a : attached.get(v)) {
                double[] q = parts.get(a[0]);
                int m = q.length / 2;
                for (int t = 0; t <= m; t++) {
                    int u = (a[1] + t) % m;
                    ring.add(q[2 * u]);
                    ring.add(q[2 * u + 1]);
                }
                ring.add(main[2 * v]);
                ring.add(main[2 * v + 1]);
            }
        }
        return ring.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double area(double[] part) {
        double a = 0;
        for (int i = 0; i < part.length; i += 2) {
            int j = (i + 2) % part.length;
            a += part[i] * part[j + 1] - part[j] * part[i + 1];
        }
        return Math.abs(a) / 2;
    }

    static String f6(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
