package org.augment4j.datasets;

import java.util.List;
import java.util.Map;

/**
 * A labelled dataset: categories, images with objects, and the format's other top-level fields.
 *
 * @param categories    the category records in file order (each with at least {@code id} and {@code name}; a
 *                      keypoint category also carries {@code keypoints} and {@code skeleton}); unmodifiable
 * @param images        the images in file order
 * @param header        the format's other top-level fields carried over unchanged (COCO: {@code info}, {@code licenses})
 * @param problems      entries that were left out (an annotation that could not be attached to an image, a file
 *                      outside its folder…), one message each; a caller that must read everything treats them as failures
 * @param notes         adjustments made while reading that lost nothing a user labelled (a box clipped to its image by a
 *                      rounding overshoot, a box replaced by its polygon's extent, a label file without its image, a path
 *                      in a data file that was not followed…), one message each
 */
public record Dataset(List<Map<String, Object>> categories, List<DatasetImage> images, Map<String, Object> header, List<String> problems,
                      List<String> notes) {
    public Dataset {
        categories = List.copyOf(categories);
        images = List.copyOf(images);
        header = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(header));
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** A dataset without notes. */
    public Dataset(List<Map<String, Object>> categories, List<DatasetImage> images, Map<String, Object> header, List<String> problems) {
        this(categories, images, header, problems, List.of());
    }

    /** This dataset with {@code more} notes after its own. */
    public Dataset withNotes(List<String> more) {
        if (more.isEmpty()) return this;
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Dataset(categories, images, header, problems, all);
    }

    /**
     * The name of category {@code id} as reports show it: {@link #categoryName} when that name is unique among the
     * categories, otherwise {@code "<name> (id <id>)"} (Roboflow exports list their umbrella class and a real class under
     * the same name).
     */
    public String categoryLabel(int id) {
        String name = categoryName(id);
        long same = categories.stream().filter(c -> name.equals(String.valueOf(c.get("name")))).count();
        return same > 1 ? name + " (id " + id + ")" : name;
    }

    /** The name of category {@code id}, or {@code "category <id>"} when it is not listed. */
    public String categoryName(int id) {
        for (Map<String, Object> c : categories) {
            if (c.get("id") instanceof Number n && n.intValue() == id) return String.valueOf(c.get("name"));
        }
        return "category " + id;
    }

    /** The keypoint names of the first category that lists them (COCO's person), or an empty list. */
    @SuppressWarnings("unchecked")
    public List<String> keypointNames() {
        for (Map<String, Object> c : categories) {
            if (c.get("keypoints") instanceof List<?> k && !k.isEmpty()) return ((List<Object>) k).stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /**
     * The left/right swap of the keypoint layout for horizontal flips: {@code flip[i]} is the point that {@code i}
     * becomes. The header's {@code flip_idx} (YOLO's data.yaml) when given, otherwise derived from names starting with {@code left_}/{@code right_} (COCO), identity where there is no pair.
     */
    public int[] flipIndex() {
        if (header.get("flip_idx") instanceof List<?> given) return given.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        List<String> names = keypointNames();
        int[] flip = new int[names.size()];
        for (int i = 0; i < flip.length; i++) {
            String n = names.get(i);
            String other = n.startsWith("left_") ? "right_" + n.substring(5) : n.startsWith("right_") ? "left_" + n.substring(6) : null;
            int j = other == null ? -1 : names.indexOf(other);
            flip[i] = j < 0 ? i : j;
        }
        return flip;
    }
}
