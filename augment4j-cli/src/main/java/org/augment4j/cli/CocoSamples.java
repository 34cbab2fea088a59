package org.augment4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small COCO folder as the demo reads it: {@code annotations/instances.json} (required),
 * {@code annotations/person_keypoints.json} (optional), {@code images/<file_name>} and
 * {@code masks/<stem>_instances.png} (optional instance masks, 0 = background, 1..N = the image's non-crowd
 * annotations in file order).
 */
final class CocoSamples {
    /** One image with its non-crowd instance records and the person keypoint records by annotation id. */
    record Entry(Map<String, Object> image, Path imageFile, Path maskFile, List<Map<String, Object>> instances,
                 Map<Long, Map<String, Object>> persons) {
        long id() {
            return ((Number) image.get("id")).longValue();
        }

        String stem() {
            String f = (String) image.get("file_name");
            int dot = f.lastIndexOf('.');
            return dot < 0 ? f : f.substring(0, dot);
        }
    }

    final Map<String, Object> instancesJson;
    final List<Map<String, Object>> categories;
    final List<String> keypointNames;
    final List<int[]> skeleton;
    final List<Entry> entries = new ArrayList<>();

    @SuppressWarnings("unchecked")
    CocoSamples(Path dir) {
        Path inst = dir.resolve("annotations/instances.json");
        instancesJson = Json.readObject(inst, "COCO annotations file");
        Path kpFile = dir.resolve("annotations/person_keypoints.json");
        Map<String, Object> kpJson = Files.isRegularFile(kpFile) ? Json.readObject(kpFile, "COCO keypoints file") : Map.of();

        List<String> names = List.of();
        List<int[]> bones = List.of();
        for (Map<String, Object> c : (List<Map<String, Object>>) kpJson.getOrDefault("categories", List.of())) {
            if ("person".equals(c.get("name")) && c.get("keypoints") instanceof List<?> k) {
                names = k.stream().map(String::valueOf).toList();
                List<int[]> b = new ArrayList<>();
                for (Object pair : (List<Object>) c.getOrDefault("skeleton", List.of())) {
                    List<Number> p = (List<Number>) pair;
                    b.add(new int[] {p.get(0).intValue() - 1, p.get(1).intValue() - 1});
                }
                bones = b;
            }
        }
        keypointNames = names;
        skeleton = bones;
        List<Map<String, Object>> cats = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) instancesJson.getOrDefault("categories", List.of())) {
            Map<String, Object> copy = new LinkedHashMap<>(c);
            if ("person".equals(c.get("name")) && !keypointNames.isEmpty()) {
                copy.put("keypoints", keypointNames);
                copy.put("skeleton", skeleton.stream().map(p -> List.of(p[0] + 1, p[1] + 1)).toList());
            }
            cats.add(copy);
        }
        categories = cats;

        Map<Long, Map<String, Object>> persons = new LinkedHashMap<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) kpJson.getOrDefault("annotations", List.of())) {
            persons.put(((Number) a.get("id")).longValue(), a);
        }
        List<Map<String, Object>> annotations = (List<Map<String, Object>>) instancesJson.getOrDefault("annotations", List.of());
        for (Map<String, Object> img : (List<Map<String, Object>>) instancesJson.getOrDefault("images", List.of())) {
            long id = ((Number) img.get("id")).longValue();
            List<Map<String, Object>> inst2 = new ArrayList<>();
            Map<Long, Map<String, Object>> pers = new LinkedHashMap<>();
            for (Map<String, Object> a : annotations) {
                if (((Number) a.get("image_id")).longValue() != id) continue;
                if (a.get("iscrowd") instanceof Number n && n.intValue() != 0) continue;
                inst2.add(a);
                long aid = ((Number) a.get("id")).longValue();
                if (persons.containsKey(aid)) pers.put(aid, persons.get(aid));
            }
            String file = (String) img.get("file_name");
            String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            Path mask = dir.resolve("masks").resolve(stem + "_instances.png");
            entries.add(new Entry(img, dir.resolve("images").resolve(file), Files.isRegularFile(mask) ? mask : null, inst2, pers));
        }
        if (entries.isEmpty()) throw Errors.bad("no images in " + inst);
    }

    /** The category record for an id, or null. */
    Map<String, Object> category(int id) {
        for (Map<String, Object> c : categories) if (((Number) c.get("id")).intValue() == id) return c;
        return null;
    }
}
