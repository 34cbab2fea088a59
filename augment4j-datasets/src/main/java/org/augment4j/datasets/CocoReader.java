package org.augment4j.datasets;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.OutsidePaths;

/**
 * Reads COCO annotation files: images, annotations with {@code bbox}, polygon, uncompressed- or compressed-RLE
 * {@code segmentation}, {@code iscrowd} and {@code keypoints}; categories, {@code info}, {@code licenses}. A separate
 * keypoints file ({@code person_keypoints*.json}) is joined to the instance records by annotation id; keypoints in the
 * instances file itself are read as well. Where the files of a folder are, and which image folder their
 * {@code file_name}s resolve in, is {@link CocoLayout}'s business. Stateless.
 *
 * <p>What labelling tools' exports need is adjusted and noted in {@link Dataset#notes()}: when most polygon annotations
 * of a file have a {@code bbox} that differs from the polygon's extent by more than {@value #BOX_TOLERANCE} px on some
 * side, the file's boxes were not derived from its polygons (COCO defines them so), and those boxes are replaced by the
 * extent (the polygon is what was drawn; a few loose boxes, such as those of rotated objects, are left alone); a missing {@code bbox} of a polygon is derived from it, a box that overshoots its image is clipped to
 * it, and categories used by no annotation and category names used twice are noted. Annotation fields this reader does
 * not interpret (CVAT's {@code attributes}…) are kept under {@link #OTHER_FIELDS} and written back by
 * {@link CocoWriter}.
 *
 * <p>An image whose {@code file_name} leads outside the image folder ({@code ..}, an absolute path, a symbolic link
 * out) is refused under {@link OutsidePaths#REFUSE}, the default: it is left out with its annotations and reported in
 * {@link Dataset#problems()}. Sub-folders of the image folder ({@code train2017/x.jpg}) are inside.
 */
public final class CocoReader {
    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The {@link DatasetObject#extra()} key of the annotation fields this reader does not interpret (a
     * {@code Map<String, Object>} in file order, e.g. CVAT's {@code attributes}), carried through unchanged.
     */
    public static final String OTHER_FIELDS = "coco_other_fields";
    /** How far (pixels) a polygon's {@code bbox} may differ from the polygon's extent and still count as derived from it. */
    public static final double BOX_TOLERANCE = 4.0;
    private static final java.util.Set<String> KNOWN = java.util.Set.of("id", "image_id", "category_id", "bbox", "area", "iscrowd",
            "segmentation", "keypoints", "num_keypoints");

    private CocoReader() {}

    /** Reads {@code dir} as {@link CocoLayout} finds it, refusing files outside it ({@link OutsidePaths#REFUSE}). */
    public static Dataset read(Path dir) {
        return read(dir, OutsidePaths.REFUSE);
    }

    /**
     * Reads {@code dir} as {@link CocoLayout#discover} finds it, which must be a single annotation set (several splits:
     * read them with {@link CocoLayout#read}). Unless {@code outside} allows it, its annotation files and image folder
     * must lie in {@code dir} (an {@link IllegalArgumentException} otherwise) and every image in the image folder.
     */
    public static Dataset read(Path dir, OutsidePaths outside) {
        List<DatasetSplit> splits = CocoLayout.read(dir, null, outside);
        if (splits.size() != 1) {
            throw new IllegalArgumentException("COCO folder " + dir + " holds " + splits.size() + " annotation sets ("
                    + splits.stream().map(s -> String.valueOf(s.labels())).collect(java.util.stream.Collectors.joining(", "))
                    + "); read them with CocoLayout.read or name one file");
        }
        return splits.get(0).dataset();
    }

    /** Reads one instances file, an optional keypoints file to join, and images from {@code imageDir} (none outside it). */
    public static Dataset read(Path instancesFile, Path keypointsFile, Path imageDir) {
        return read(instancesFile, keypointsFile, imageDir, OutsidePaths.REFUSE);
    }

    /** Reads one instances file, an optional keypoints file to join, and images from {@code imageDir}. */
    public static Dataset read(Path instancesFile, Path keypointsFile, Path imageDir, OutsidePaths outside) {
        return read(readJson(instancesFile), instancesFile, keypointsFile, imageDir, outside);
    }

    /** As {@link #read(Path, Path, Path, OutsidePaths)} with the instances file already parsed into {@code root}. */
    @SuppressWarnings("unchecked")
    static Dataset read(Map<String, Object> root, Path instancesFile, Path keypointsFile, Path imageDir, OutsidePaths outside) {
        Map<Long, List<Number>> keypoints = new LinkedHashMap<>();
        Map<String, Map<String, Object>> kpCategories = new LinkedHashMap<>();
        if (keypointsFile != null) {
            Map<String, Object> kroot = readJson(keypointsFile);
            for (Map<String, Object> a : list(kroot, "annotations", keypointsFile)) {
                if (a.get("keypoints") instanceof List<?> k) keypoints.put(num(a, "id", keypointsFile).longValue(), (List<Number>) k);
            }
            for (Map<String, Object> c : list(kroot, "categories", keypointsFile)) kpCategories.put(String.valueOf(c.get("id")), c);
        }
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Map<String, Object> c : list(root, "categories", instancesFile)) {
            Map<String, Object> copy = new LinkedHashMap<>(c);
            Map<String, Object> k = kpCategories.get(String.valueOf(c.get("id")));
            if (k != null && k.get("keypoints") != null) {
                copy.put("keypoints", k.get("keypoints"));
                copy.put("skeleton", k.get("skeleton"));
            }
            categories.add(copy);
        }
        Map<Long, List<DatasetObject>> byImage = new LinkedHashMap<>();
        Map<Long, int[]> sizes = new LinkedHashMap<>();
        List<Map<String, Object>> images = list(root, "images", instancesFile);
        for (Map<String, Object> img : images) {
            long id = num(img, "id", instancesFile).longValue();
            byImage.put(id, new ArrayList<>());
            sizes.put(id, new int[] {num(img, "width", instancesFile).intValue(), num(img, "height", instancesFile).intValue()});
        }
        List<String> problems = new ArrayList<>();
        Adjustments adjusted = new Adjustments();
        java.util.Set<Integer> used = new java.util.HashSet<>();
        List<Map<String, Object>> records = new ArrayList<>();
        List<DatasetObject> parsed = new ArrayList<>();
        List<double[]> extents = new ArrayList<>();
        int withPolygon = 0, off = 0;
        for (Map<String, Object> a : list(root, "annotations", instancesFile)) {
            long imageId = num(a, "image_id", instancesFile).longValue();
            if (!byImage.containsKey(imageId)) {
                problems.add("annotation " + a.get("id") + " in " + instancesFile + " points to image_id " + imageId + ", which is not in images");
                continue;
            }
            DatasetObject o = object(a, keypoints, instancesFile, adjusted);
            double[] extent = o.segmentation() instanceof Segmentation.Polygons p ? extent(p) : null;
            records.add(a);
            parsed.add(o);
            extents.add(extent);
            if (extent != null) {
                withPolygon++;
                if (deviation(o.bbox(), extent) > BOX_TOLERANCE) off++;
            }
        }
        // A file whose boxes mostly disagree with their polygons did not derive them from the polygons: the polygons win.
        boolean polygonsWin = off > 0 && 2 * off > withPolygon;
        for (int i = 0; i < parsed.size(); i++) {
            Map<String, Object> a = records.get(i);
            DatasetObject o = parsed.get(i);
            long imageId = num(a, "image_id", instancesFile).longValue();
            if (polygonsWin && extents.get(i) != null && deviation(o.bbox(), extents.get(i)) > BOX_TOLERANCE) {
                adjusted.replaced++;
                adjusted.replacedBy = Math.max(adjusted.replacedBy, deviation(o.bbox(), extents.get(i)));
                o = new DatasetObject(o.categoryId(), extents.get(i), o.segmentation(), o.keypoints(), o.crowd(), o.extra());
            }
            int[] size = sizes.get(imageId);
            String problem = DatasetObject.boxProblem(o.bbox(), size[0], size[1]);
            if (problem != null) {
                problems.add("annotation " + a.get("id") + " in " + instancesFile + ": " + problem + "; left out");
                continue;
            }
            used.add(o.categoryId());
            byImage.get(imageId).add(adjusted.clip(o, size[0], size[1]));
        }
        List<DatasetImage> out = new ArrayList<>();
        for (Map<String, Object> img : images) {
            String name = String.valueOf(img.get("file_name"));
            long id = num(img, "id", instancesFile).longValue();
            FileRef file = FileRef.named(imageDir, name, outside);
            if (file.problem() != null) {
                problems.add(file.skipped("image " + id + " in " + instancesFile + ": file_name '" + name + "'") + " with its " + byImage.get(id).size() + " annotation(s)");
                continue;
            }
            Map<String, Object> extra = new LinkedHashMap<>(img);
            out.add(new DatasetImage(name, file.path(), num(img, "width", instancesFile).intValue(), num(img, "height", instancesFile).intValue(),
                    byImage.get(id), extra));
        }
        Map<String, Object> header = new LinkedHashMap<>();
        if (root.containsKey("info")) header.put("info", root.get("info"));
        if (root.containsKey("licenses")) header.put("licenses", root.get("licenses"));
        List<String> notes = adjusted.notes(instancesFile);
        notes.addAll(categoryNotes(categories, used, instancesFile));
        return new Dataset(categories, out, header, problems, notes);
    }

    /** Notes on categories used by no annotation and on names two categories share. */
    private static List<String> categoryNotes(List<Map<String, Object>> categories, java.util.Set<Integer> used, Path file) {
        List<String> notes = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        Map<String, List<Object>> idsByName = new LinkedHashMap<>();
        for (Map<String, Object> c : categories) {
            if (c.get("id") instanceof Number n && !used.contains(n.intValue())) unused.add(c.get("id") + " '" + c.get("name") + "'");
            idsByName.computeIfAbsent(String.valueOf(c.get("name")), k -> new ArrayList<>()).add(c.get("id"));
        }
        if (!unused.isEmpty() && !used.isEmpty()) {
            String listed = String.join(", ", unused.subList(0, Math.min(10, unused.size()))) + (unused.size() > 10 ? ", …" : "");
            notes.add(unused.size() + " of " + categories.size() + " categories in " + file + " are used by no annotation (" + listed
                    + "); kept in the output's categories as they are");
        }
        idsByName.forEach((name, ids) -> {
            if (ids.size() > 1) {
                notes.add("category name '" + name + "' in " + file + " belongs to ids " + ids + "; ids are kept apart, reports name them '" + name
                        + " (id N)'");
            }
        });
        return notes;
    }

    /** Counts of boxes adjusted while reading one file, for its notes. Not thread-safe. */
    private static final class Adjustments {
        int replaced, derived, clipped;
        double replacedBy, clippedBy;

        /** {@code o} with its box clipped to the {@code w × h} image (counted when that changed it). */
        DatasetObject clip(DatasetObject o, int w, int h) {
            double[] b = o.bbox();
            if (w <= 0 || h <= 0) return o;
            double x0 = Math.max(0, b[0]), y0 = Math.max(0, b[1]), x1 = Math.min(w, b[0] + b[2]), y1 = Math.min(h, b[1] + b[3]);
            double over = Math.max(Math.max(-b[0], -b[1]), Math.max(b[0] + b[2] - w, b[1] + b[3] - h));
            if (over <= 0) return o;
            clipped++;
            clippedBy = Math.max(clippedBy, over);
            return new DatasetObject(o.categoryId(), new double[] {x0, y0, x1 - x0, y1 - y0}, o.segmentation(), o.keypoints(), o.crowd(), o.extra());
        }

        List<String> notes(Path file) {
            List<String> notes = new ArrayList<>();
            if (replaced > 0) {
                notes.add(replaced + " bbox(es) in " + file + " did not match their polygon's extent (by up to " + px(replacedBy)
                        + " px) and were replaced by it");
            }
            if (derived > 0) notes.add(derived + " annotation(s) in " + file + " had no bbox; it was derived from the polygon");
            if (clipped > 0) notes.add(clipped + " bbox(es) in " + file + " overshot their image (by up to " + px(clippedBy) + " px) and were clipped to it");
            return notes;
        }

        private static String px(double v) {
            return String.format(java.util.Locale.ROOT, "%.3g", v);
        }
    }

    @SuppressWarnings("unchecked")
    private static DatasetObject object(Map<String, Object> a, Map<Long, List<Number>> keypoints, Path file, Adjustments adjusted) {
        long id = num(a, "id", file).longValue();
        Segmentation seg = null;
        Object s = a.get("segmentation");
        if (s instanceof List<?> polys && !polys.isEmpty()) {
            List<double[]> parts = new ArrayList<>();
            for (Object p : polys) {
                if (!(p instanceof List<?> l)) throw new IllegalArgumentException(file + ": annotation " + id + " has a polygon that is not a list of numbers");
                parts.add(((List<Number>) l).stream().mapToDouble(Number::doubleValue).toArray());
            }
            seg = new Segmentation.Polygons(parts);
        } else if (s instanceof Map<?, ?> rle) {
            List<Number> size = (List<Number>) rle.get("size");
            Object counts = rle.get("counts");
            int[] c = counts instanceof String str ? Rle.decodeString(str) : ((List<Number>) counts).stream().mapToInt(Number::intValue).toArray();
            seg = new Segmentation.Rle(size.get(0).intValue(), size.get(1).intValue(), c);
        }
        List<Number> b = a.get("bbox") instanceof List<?> l ? (List<Number>) l : null;
        double[] bbox;
        if (b == null || b.size() != 4) {
            bbox = seg instanceof Segmentation.Polygons p ? extent(p) : null;
            if (bbox == null) throw new IllegalArgumentException(file + ": annotation " + id + " has no [x, y, w, h] bbox");
            adjusted.derived++;
        } else {
            bbox = new double[] {b.get(0).doubleValue(), b.get(1).doubleValue(), b.get(2).doubleValue(), b.get(3).doubleValue()};
        }
        List<Number> k = keypoints.containsKey(id) ? keypoints.get(id) : (List<Number>) a.get("keypoints");
        double[] kps = k == null ? null : k.stream().mapToDouble(Number::doubleValue).toArray();
        if (kps != null && kps.length % 3 != 0) throw new IllegalArgumentException(file + ": annotation " + id + " has " + kps.length + " keypoint values, not a multiple of 3");
        if (kps != null && kps.length == 0) kps = null;
        boolean crowd = a.get("iscrowd") instanceof Number n && n.intValue() != 0;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("id", id);
        if (a.containsKey("area")) extra.put("area", a.get("area"));
        Map<String, Object> other = new LinkedHashMap<>();
        a.forEach((key, v) -> {
            if (!KNOWN.contains(key)) other.put(key, v);
        });
        if (!other.isEmpty()) extra.put(OTHER_FIELDS, other);
        return new DatasetObject(num(a, "category_id", file).intValue(), bbox, seg, kps, crowd, extra);
    }

    /** The largest difference (pixels) between the sides of two {@code [x, y, w, h]} boxes. */
    private static double deviation(double[] a, double[] b) {
        return Math.max(Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])),
                Math.max(Math.abs(a[0] + a[2] - b[0] - b[2]), Math.abs(a[1] + a[3] - b[1] - b[3])));
    }

    /** {@code [x, y, w, h]} around every point of the polygons with at least 3 points, or null when there is none. */
    private static double[] extent(Segmentation.Polygons p) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        boolean any = false;
        for (double[] part : p.parts()) {
            if (part.length < 6) continue;
            for (int i = 0; i + 1 < part.length; i += 2) {
                x0 = Math.min(x0, part[i]);
                x1 = Math.max(x1, part[i]);
                y0 = Math.min(y0, part[i + 1]);
                y1 = Math.max(y1, part[i + 1]);
                any = true;
            }
        }
        return any ? new double[] {x0, y0, x1 - x0, y1 - y0} : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readJson(Path file) {
        try {
            Object v = JSON.readValue(file.toFile(), Object.class);
            if (!(v instanceof Map)) throw new IllegalArgumentException("COCO file " + file + " must hold a JSON object");
            return (Map<String, Object>) v;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("COCO file " + file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read COCO file " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> root, String key, Path file) {
        Object v = root.getOrDefault(key, List.of());
        if (!(v instanceof List)) throw new IllegalArgumentException("COCO file " + file + ": '" + key + "' must be a list");
        return (List<Map<String, Object>>) v;
    }

    private static Number num(Map<String, Object> m, String key, Path file) {
        if (m.get(key) instanceof Number n) return n;
        throw new IllegalArgumentException("COCO file " + file + ": a record lacks the number '" + key + "': " + m.keySet());
    }
}
