package org.augment4j.datasets;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.OutsidePaths;

/**
 * Reads a COCO folder: {@code annotations/instances.json} (images, annotations with {@code bbox}, polygon,
 * uncompressed- or compressed-RLE {@code segmentation}, {@code iscrowd}; categories, {@code info}, {@code licenses}),
 * optionally {@code annotations/person_keypoints.json} whose {@code keypoints} are joined to the instance records by
 * annotation id (a keypoints file alone also works), and the images in {@code images/<file_name>}. Stateless.
 *
 * <p>An image whose {@code file_name} leads outside the image folder ({@code ..}, an absolute path, a symbolic link
 * out) is refused under {@link OutsidePaths#REFUSE}, the default: it is left out with its annotations and reported in
 * {@link Dataset#problems()}. Sub-folders of the image folder ({@code train2017/x.jpg}) are inside.
 */
public final class CocoReader {
    static final ObjectMapper JSON = new ObjectMapper();

    private CocoReader() {}

    /** Reads {@code dir} laid out as above, refusing files outside it ({@link OutsidePaths#REFUSE}). */
    public static Dataset read(Path dir) {
        return read(dir, OutsidePaths.REFUSE);
    }

    /**
     * Reads {@code dir} laid out as above. Unless {@code outside} allows it, its annotation files and image folder must
     * lie in {@code dir} (an {@link IllegalArgumentException} otherwise) and every image in the image folder.
     */
    public static Dataset read(Path dir, OutsidePaths outside) {
        Path inst = dir.resolve("annotations/instances.json");
        Path kp = dir.resolve("annotations/person_keypoints.json");
        if (!Files.isRegularFile(inst) && !Files.isRegularFile(kp)) {
            throw new IllegalArgumentException("COCO folder " + dir + " has neither annotations/instances.json nor annotations/person_keypoints.json");
        }
        Path images = dir.resolve("images");
        for (Path p : List.of(inst, kp, images)) {
            if (Files.exists(p)) outside.require(dir, p, "COCO dataset entry");
        }
        return read(Files.isRegularFile(inst) ? inst : kp, Files.isRegularFile(inst) && Files.isRegularFile(kp) ? kp : null, images, outside);
    }

    /** Reads one instances file, an optional keypoints file to join, and images from {@code imageDir} (none outside it). */
    public static Dataset read(Path instancesFile, Path keypointsFile, Path imageDir) {
        return read(instancesFile, keypointsFile, imageDir, OutsidePaths.REFUSE);
    }

    /** Reads one instances file, an optional keypoints file to join, and images from {@code imageDir}. */
    @SuppressWarnings("unchecked")
    public static Dataset read(Path instancesFile, Path keypointsFile, Path imageDir, OutsidePaths outside) {
        Map<String, Object> root = readJson(instancesFile);
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
        for (Map<String, Object> a : list(root, "annotations", instancesFile)) {
            long imageId = num(a, "image_id", instancesFile).longValue();
            List<DatasetObject> objs = byImage.get(imageId);
            if (objs == null) {
                problems.add("annotation " + a.get("id") + " in " + instancesFile + " points to image_id " + imageId + ", which is not in images");
                continue;
            }
            DatasetObject o = object(a, keypoints, instancesFile);
            int[] size = sizes.get(imageId);
            String problem = DatasetObject.boxProblem(o.bbox(), size[0], size[1]);
            if (problem != null) {
                problems.add("annotation " + a.get("id") + " in " + instancesFile + ": " + problem + "; left out");
                continue;
            }
            objs.add(o);
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
        return new Dataset(categories, out, header, problems);
    }

    @SuppressWarnings("unchecked")
    private static DatasetObject object(Map<String, Object> a, Map<Long, List<Number>> keypoints, Path file) {
        long id = num(a, "id", file).longValue();
        List<Number> b = (List<Number>) a.get("bbox");
        if (b == null || b.size() != 4) throw new IllegalArgumentException(file + ": annotation " + id + " has no [x, y, w, h] bbox");
        double[] bbox = {b.get(0).doubleValue(), b.get(1).doubleValue(), b.get(2).doubleValue(), b.get(3).doubleValue()};
        Segmentation seg = null;
        Object s = a.get("segmentation");
        if (s instanceof List<?> polys && !polys.isEmpty()) {
            List<double[]> parts = new ArrayList<>();
            for (Object p : polys) parts.add(((List<Number>) p).stream().mapToDouble(Number::doubleValue).toArray());
            seg = new Segmentation.Polygons(parts);
        } else if (s instanceof Map<?, ?> rle) {
            List<Number> size = (List<Number>) rle.get("size");
            Object counts = rle.get("counts");
            int[] c = counts instanceof String str ? Rle.decodeString(str) : ((List<Number>) counts).stream().mapToInt(Number::intValue).toArray();
            seg = new Segmentation.Rle(size.get(0).intValue(), size.get(1).intValue(), c);
        }
        List<Number> k = keypoints.containsKey(id) ? keypoints.get(id) : (List<Number>) a.get("keypoints");
        double[] kps = k == null ? null : k.stream().mapToDouble(Number::doubleValue).toArray();
        if (kps != null && kps.length % 3 != 0) throw new IllegalArgumentException(file + ": annotation " + id + " has " + kps.length + " keypoint values, not a multiple of 3");
        boolean crowd = a.get("iscrowd") instanceof Number n && n.intValue() != 0;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("id", id);
        if (a.containsKey("area")) extra.put("area", a.get("area"));
        return new DatasetObject(num(a, "category_id", file).intValue(), bbox, seg, kps, crowd, extra);
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
