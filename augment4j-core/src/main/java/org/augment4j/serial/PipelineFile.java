package org.augment4j.serial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.OneOf;
import org.augment4j.Sequential;
import org.augment4j.SomeOf;
import org.augment4j.Transform;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointParams;

/**
 * Loads and saves pipelines as JSON or YAML in Albumentations' {@code to_dict} shape:
 * {@code {"__version__": …, "transform": {"__class_fullname__": "Compose", "p": …, "transforms": […],
 * "bbox_params": …, "keypoint_params": …, "additional_targets": …}}}. Files written by Albumentations 1.3.x and 2.x
 * load, with short or dotted class names. Errors name the problem and its JSON path.
 */
public final class PipelineFile {
    /** The version written to {@code __version__}: the Albumentations release whose parameter names are written. */
    public static final String FORMAT_VERSION = "2.0.8";
    /** The largest pipeline file accepted, in bytes. */
    public static final long MAX_BYTES = 4 << 20;
    /** The deepest nesting of containers accepted. */
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build());

    private PipelineFile() {}

    /** Loads a {@code .json}, {@code .yaml} or {@code .yml} file. */
    public static Compose load(Path path) {
        try {
            if (Files.size(path) > MAX_BYTES) throw new PipelineException("$", "pipeline file " + path + " is larger than " + MAX_BYTES + " bytes");
            String text = Files.readString(path);
            return isYaml(path) ? fromYaml(text) : fromJson(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pipeline file " + path + ": " + e.getMessage(), e);
        }
    }

    public static Compose fromJson(String text) {
        return fromTree(parse(JSON, text, "JSON"));
    }

    public static Compose fromYaml(String text) {
        return fromTree(parse(YAML, text, "YAML"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(ObjectMapper mapper, String text, String kind) {
        try {
            Object v = mapper.readValue(text, Object.class);
            if (!(v instanceof Map)) throw new PipelineException("$", "a pipeline file must hold an object, got " + (v == null ? "nothing" : v.getClass().getSimpleName()));
            return (Map<String, Object>) v;
        } catch (JsonProcessingException e) {
            throw new PipelineException("$", "malformed " + kind + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
    }

    /** Builds a pipeline from an already parsed {@code to_dict} map (with or without the {@code transform} wrapper). */
    public static Compose fromTree(Map<String, Object> root) {
        Object t = root.containsKey("transform") ? root.get("transform") : root;
        String path = root.containsKey("transform") ? "$.transform" : "$";
        Transform tr = transform(t, path, 0);
        if (tr instanceof Compose c) return c;
        return new Compose(List.of(tr));
    }

    @SuppressWarnings("unchecked")
    private static Transform transform(Object node, String path, int depth) {
        if (depth > MAX_DEPTH) throw new PipelineException(path, "containers are nested deeper than " + MAX_DEPTH + " levels");
        if (!(node instanceof Map)) throw new PipelineException(path, "a transform must be an object with __class_fullname__, got " + node);
        Map<String, Object> m = (Map<String, Object>) node;
        Object nameObj = m.get("__class_fullname__");
        if (!(nameObj instanceof String name)) throw new PipelineException(path + ".__class_fullname__", "missing transform name");
        String shortName = TransformRegistry.shortName(name);
        Params params = new Params(m, path, shortName);
        switch (shortName) {
            case "Compose", "OneOf", "SomeOf", "Sequential", "ReplayCompose" -> {
                return container(shortName, params, path, depth);
            }
            default -> {
                return TransformRegistry.create(name, params);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Transform container(String kind, Params r, String path, int depth) {
        Object list = r.raw("transforms");
        if (!(list instanceof List<?> items)) throw r.error("transforms", "must be a list of transforms");
        List<Transform> children = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) children.add(transform(items.get(i), path + ".transforms[" + i + "]", depth + 1));
        try {
            switch (kind) {
                case "OneOf" -> {
                    double p = r.p(0.5);
                    r.finish();
                    return new OneOf(children, p);
                }
                case "Sequential" -> {
                    double p = r.p(0.5);
                    r.finish();
                    return new Sequential(children, p);
                }
                case "SomeOf" -> {
                    double p = r.p(1.0);
                    int n = r.integer("n", 1);
                    boolean replace = r.bool("replace", false);
                    r.finish();
                    return new SomeOf(children, n, replace, p);
                }
                default -> {
                    double p = r.p(1.0);
                    BboxParams bp = r.has("bbox_params") ? LabelParamsJson.bboxParams(sub(r, "bbox_params")) : (BboxParams) ignored(r, "bbox_params");
                    KeypointParams kp = r.has("keypoint_params") ? LabelParamsJson.keypointParams(sub(r, "keypoint_params")) : (KeypointParams) ignored(r, "keypoint_params");
                    Map<String, String> extra = additionalTargets(r);
                    Long seed = r.has("seed") ? Long.valueOf(r.integer("seed", 0)) : null;
                    r.ignore("seed");
                    r.ignore("is_check_shapes", "strict", "save_key", "mask_interpolation", "return_params", "save_applied_params");
                    r.finish();
                    return new Compose(children, p, bp, kp, extra, seed);
                }
            }
        } catch (PipelineException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PipelineException(path, e.getMessage(), e);
        }
    }

    private static Object ignored(Params r, String name) {
        r.raw(name);
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Params sub(Params r, String name) {
        Object v = r.raw(name);
        if (!(v instanceof Map)) throw r.error(name, "must be an object");
        return new Params((Map<String, Object>) v, r.path() + "." + name, name);
    }

    private static Map<String, String> additionalTargets(Params r) {
        Object v = r.raw("additional_targets");
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) return out;
        if (!(v instanceof Map<?, ?> m)) throw r.error("additional_targets", "must be an object of name: image|mask");
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof String s) || !(s.equals("image") || s.equals("mask"))) {
                throw new PipelineException(r.path() + ".additional_targets." + e.getKey(), "additional target must be 'image' or 'mask', got " + e.getValue());
            }
            out.put(String.valueOf(e.getKey()), (String) e.getValue());
        }
        return out;
    }

    /** The {@code to_dict} map of a pipeline, wrapped with {@code __version__}. */
    public static Map<String, Object> toTree(Compose pipeline) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("__version__", FORMAT_VERSION);
        root.put("transform", pipeline.toDict());
        return root;
    }

    public static String toJson(Compose pipeline) {
        return write(JSON, pipeline);
    }

    public static String toYaml(Compose pipeline) {
        return write(YAML, pipeline);
    }

    private static String write(ObjectMapper m, Compose pipeline) {
        try {
            return m.writeValueAsString(toTree(pipeline));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves as JSON or YAML by the file's extension. */
    public static void save(Compose pipeline, Path path) {
        try {
            Files.writeString(path, isYaml(path) ? toYaml(pipeline) : toJson(pipeline));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
