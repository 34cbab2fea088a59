package org.augment4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code augment4j gallery} applies to each transform beyond its defaults, read from the resource
 * {@code gallery-presets.json} next to this class: an object with
 * <ul>
 *   <li>{@code "default_image"}: the bundled COCO image (a {@code file_name} of {@code samples/coco}) shown when a
 *       transform names none;</li>
 *   <li>{@code "transforms"}: by registered transform name, an object with any of {@code "image"} (the bundled image
 *       to show it on), {@code "params"} (Albumentations-named parameters; {@code p} is always 1),
 *       {@code "before"} (a list of {@code {name: params}} transforms applied once to the input first, for transforms
 *       that need an input of another type), {@code "metadata"} (sample metadata entries; see
 *       {@link GalleryCommand} for the {@code "$image"} and {@code "$sample"} forms) and {@code "note"} (one line
 *       for the index).</li>
 * </ul>
 * Keys starting with {@code "_"} are comments and are ignored at every level.
 */
final class GalleryPresets {
    /** The resource, relative to this class. */
    static final String RESOURCE = "gallery-presets.json";
    private static final Set<String> FIELDS = Set.of("image", "params", "before", "metadata", "note");

    /**
     * One transform's preset.
     *
     * @param image    the bundled image's file name
     * @param params   parameters by Albumentations name (never holds {@code p}), empty for the defaults
     * @param before   transforms applied to the input first, each a one-entry map name → parameters; empty for none
     * @param metadata sample metadata entries, as written in the file (unresolved); empty for none
     * @param note     a line for the index, or null
     */
    record Preset(String image, Map<String, Object> params, List<Map<String, Object>> before, Map<String, Object> metadata, String note) {}

    private final String defaultImage;
    private final Map<String, Preset> presets;

    private GalleryPresets(String defaultImage, Map<String, Preset> presets) {
        this.defaultImage = defaultImage;
        this.presets = presets;
    }

    /**
     * Reads the bundled presets.
     *
     * @throws IllegalStateException when the resource is missing or malformed (a build error, not bad user input)
     */
    static GalleryPresets load() {
        Object root;
        try (InputStream in = GalleryPresets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
            root = Json.READ.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        Map<String, Object> top = object(root, "the file");
        if (!(top.get("default_image") instanceof String def)) throw malformed("\"default_image\" must be a string, got " + top.get("default_image"));
        Map<String, Preset> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> t : object(top.getOrDefault("transforms", Map.of()), "\"transforms\"").entrySet()) {
            if (t.getKey().startsWith("_")) continue;
            out.put(t.getKey(), preset(t.getKey(), object(t.getValue(), t.getKey()), def));
        }
        return new GalleryPresets(def, Map.copyOf(out));
    }

    @SuppressWarnings("unchecked")
    private static Preset preset(String name, Map<String, Object> m, String defaultImage) {
        for (String k : m.keySet()) {
            if (!k.startsWith("_") && !FIELDS.contains(k)) throw malformed(name + " has an unknown field '" + k + "' (allowed: " + FIELDS + ")");
        }
        Object image = m.getOrDefault("image", defaultImage);
        if (!(image instanceof String img)) throw malformed(name + ".image must be a string, got " + image);
        Map<String, Object> params = withoutComments(object(m.getOrDefault("params", Map.of()), name + ".params"));
        if (params.containsKey("p")) throw malformed(name + ".params must not set p: the gallery always applies with p = 1");
        if (!(m.getOrDefault("before", List.of()) instanceof List<?> before)) throw malformed(name + ".before must be a list");
        for (Object b : before) {
            if (!(b instanceof Map<?, ?> one) || one.size() != 1) throw malformed(name + ".before entries must be {name: params} objects, got " + b);
        }
        Map<String, Object> metadata = withoutComments(object(m.getOrDefault("metadata", Map.of()), name + ".metadata"));
        Object note = m.get("note");
        if (note != null && !(note instanceof String)) throw malformed(name + ".note must be a string, got " + note);
        return new Preset(img, params, (List<Map<String, Object>>) before, metadata, (String) note);
    }

    /** The preset of {@code transform}: the file's, or the defaults on the default image. */
    Preset of(String transform) {
        return presets.getOrDefault(transform, new Preset(defaultImage, Map.of(), List.of(), Map.of(), null));
    }

    /** The transform names the file has presets for. */
    Set<String> names() {
        return presets.keySet();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String what) {
        if (!(v instanceof Map<?, ?>)) throw malformed(what + " must be a JSON object, got " + v);
        return (Map<String, Object>) v;
    }

    private static Map<String, Object> withoutComments(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.keySet().removeIf(k -> k.startsWith("_"));
        return out;
    }

    private static IllegalStateException malformed(String message) {
        return new IllegalStateException(RESOURCE + ": " + message);
    }
}
