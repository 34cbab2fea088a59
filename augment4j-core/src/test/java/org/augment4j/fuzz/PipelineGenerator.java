package org.augment4j.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformDescriptions;
import org.augment4j.serial.TransformDescriptions.Description;
import org.augment4j.serial.TransformDescriptions.Parameter;
import org.augment4j.serial.TransformRegistry;

/**
 * Random pipelines as Albumentations {@code to_dict} trees, drawn from the whole registry: every transform and
 * container that {@link TransformDescriptions} lists, each parameter either left at its default or drawn across its
 * documented bounds (unbounded ones around their default, capped so that one application stays cheap), string
 * parameters from the choices their own error message names. Trees go through {@link PipelineFile#fromTree}, so the
 * file path is fuzzed too. Masks always use nearest interpolation (the default); the fill values a tree gives masks
 * are recorded in {@link Generated#maskFills()}.
 *
 * <p>Output sizes are kept small, so that a run measures robustness rather than memory: required heights and widths
 * are at most 96 and {@code max_size} (Longest/SmallestMaxSize) is drawn in [8, 64]. With its default of 1024,
 * {@code SmallestMaxSize} turns a 2 x 300 edge shape into a 1024 x 153600 image, as asked (see docs/reliability.md).
 */
public final class PipelineGenerator {
    /** Transforms by name (registry only, containers excluded). */
    private static final Map<String, Description> TRANSFORMS = new LinkedHashMap<>();
    /** Choices of string parameters, harvested once from the message a bad value gets. */
    private static final Map<String, List<String>> CHOICES = new HashMap<>();
    private static final List<String> CONTAINERS = List.of("OneOf", "SomeOf", "Sequential", "OneOrOther", "RandomOrder", "Compose", "ReplayCompose", "SelectiveChannelTransform");
    private static final Set<String> MASK_FILL_NAMES = Set.of("fill_mask", "mask_drop_value", "mask_pad_val", "pad_cval_mask");
    private static final Pattern CHOICE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    static {
        for (Description d : TransformDescriptions.describe()) {
            if (d.kind().equals("transform")) TRANSFORMS.put(d.name(), d);
        }
    }

    /** A generated tree with what the checks need to know about it. */
    public record Generated(Map<String, Object> tree, Set<Integer> maskFills, Set<String> names) {}

    private final RandomGenerator rng;
    private final Set<Integer> maskFills = new LinkedHashSet<>(List.of(0));
    private final Set<String> names = new LinkedHashSet<>();

    private PipelineGenerator(RandomGenerator rng) {
        this.rng = rng;
    }

    /** Every registered transform name the generator draws from. */
    public static List<String> transformNames() {
        return List.copyOf(TRANSFORMS.keySet());
    }

    /** A random pipeline tree for this generator state: a top-level Compose with box and keypoint params. */
    public static Generated generate(RandomGenerator rng) {
        PipelineGenerator g = new PipelineGenerator(rng);
        Map<String, Object> compose = new LinkedHashMap<>();
        compose.put("__class_fullname__", "Compose");
        compose.put("p", 1.0);
        compose.put("transforms", g.children(0, 1 + rng.nextInt(4)));
        compose.put("bbox_params", g.bboxParams());
        compose.put("keypoint_params", g.keypointParams());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("__version__", PipelineFile.FORMAT_VERSION);
        root.put("transform", compose);
        return new Generated(root, Set.copyOf(g.maskFills), Set.copyOf(g.names));
    }

    /** A tree of one transform with random parameters (for tests over one transform at a time). */
    public static Generated single(String name, RandomGenerator rng) {
        PipelineGenerator g = new PipelineGenerator(rng);
        Map<String, Object> compose = new LinkedHashMap<>();
        compose.put("__class_fullname__", "Compose");
        compose.put("transforms", List.of(g.transform(name)));
        compose.put("bbox_params", g.bboxParams());
        compose.put("keypoint_params", g.keypointParams());
        return new Generated(Map.of("transform", compose), Set.copyOf(g.maskFills), Set.copyOf(g.names));
    }

    private List<Object> children(int depth, int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(depth < 3 && rng.nextDouble() < 0.2 ? container(depth + 1) : transform(pick()));
        return out;
    }

    private String pick() {
        List<String> all = transformNames();
        return all.get(rng.nextInt(all.size()));
    }

    private Map<String, Object> container(int depth) {
        String kind = CONTAINERS.get(rng.nextInt(CONTAINERS.size()));
        names.add(kind);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__class_fullname__", kind);
        m.put("p", rng.nextDouble() < 0.5 ? 1.0 : round(rng.nextDouble()));
        int n = kind.equals("OneOrOther") ? 2 : 1 + rng.nextInt(3);
        m.put("transforms", children(depth, n));
        if (kind.equals("SomeOf") || kind.equals("RandomOrder")) {
            m.put("n", rng.nextInt(n + 1));
            m.put("replace", rng.nextBoolean());
        }
        return m;
    }

    private Map<String, Object> transform(String name) {
        names.add(name);
        Description d = TRANSFORMS.get(name);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__class_fullname__", name);
        for (Parameter p : d.parameters()) {
            if (p.alternative()) continue;
            if (p.name().equals("p")) {
                m.put("p", rng.nextDouble() < 0.7 ? 1.0 : round(rng.nextDouble()));
                continue;
            }
            if (p.name().equals("mask_interpolation")) continue; // masks: nearest, the property the checks rely on
            if (p.name().equals("max_size")) {
                m.put("max_size", 8 + rng.nextInt(57)); // see the class comment: output sizes stay small
                continue;
            }
            if (!p.required() && rng.nextDouble() < 0.4) continue; // keep the default
            Object v = value(name, p);
            if (v != null) m.put(p.name(), v);
            else if (p.required()) m.put(p.name(), 1 + rng.nextInt(64));
        }
        return m;
    }

    /** A value for one parameter, or null to leave it at its default. */
    private Object value(String transform, Parameter p) {
        if (MASK_FILL_NAMES.contains(p.name())) {
            int v = List.of(0, 3, 255).get(rng.nextInt(3));
            maskFills.add(v);
            return v;
        }
        switch (p.type()) {
            case "bool":
                return rng.nextBoolean();
            case "number":
                return round(number(p, p.defaultValue()));
            case "int":
                return (int) Math.round(integer(p));
            case "range": {
                double a = number(p, first(p.defaultValue())), b = number(p, last(p.defaultValue()));
                boolean ints = isIntegral(p.defaultValue()) || p.name().contains("limit") && isIntegral(p.defaultValue());
                double lo = Math.min(a, b), hi = Math.max(a, b);
                if (ints) return List.of((int) Math.round(lo), (int) Math.round(hi));
                return List.of(round(lo), round(hi));
            }
            case "fill":
                return rng.nextDouble() < 0.5 ? rng.nextInt(256) : List.of(rng.nextInt(256), rng.nextInt(256), rng.nextInt(256));
            case "string": {
                List<String> choices = choices(transform, p.name());
                return choices.isEmpty() ? null : choices.get(rng.nextInt(choices.size()));
            }
            case "any":
                if (p.name().equals("px")) return rng.nextInt(21) - 10;
                return null;
            default:
                return null; // lists: defaults (their shapes are transform-specific)
        }
    }

    private double integer(Parameter p) {
        double def = p.defaultValue() instanceof Number n ? n.doubleValue() : 16;
        double lo = p.min() != null ? p.min() : Math.min(def, 0);
        double hi = p.max() != null && p.max() <= 1000 ? p.max() : Math.max(lo + 8, Math.abs(def) * 3);
        if (p.required() && (p.name().equals("height") || p.name().equals("width"))) hi = 96;
        return lo + Math.floor(rng.nextDouble() * (hi - lo + 1));
    }

    /** A number within the parameter's bounds; unbounded or very wide bounds are capped around the default. */
    private double number(Parameter p, Object defaultValue) {
        double def = defaultValue instanceof Number n ? n.doubleValue() : 1;
        double lo = p.min() != null ? p.min() : (def >= 0 ? 0 : def * 2);
        double hi = p.max() != null && p.max() <= 1000 ? p.max() : Math.max(lo + 1, Math.abs(def) * 3);
        if (p.required() && p.type().equals("range")) hi = Math.max(lo + 1, 96);
        if (rng.nextDouble() < 0.1) return rng.nextBoolean() ? lo : hi; // the bounds themselves
        return lo + rng.nextDouble() * (hi - lo);
    }

    private static Object first(Object v) {
        return v instanceof List<?> l && !l.isEmpty() ? l.get(0) : v;
    }

    private static Object last(Object v) {
        return v instanceof List<?> l && !l.isEmpty() ? l.get(l.size() - 1) : v;
    }

    private static boolean isIntegral(Object v) {
        if (v instanceof List<?> l) return !l.isEmpty() && l.stream().allMatch(PipelineGenerator::isIntegral);
        return v instanceof Integer || v instanceof Long;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private Map<String, Object> bboxParams() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("format", List.of("coco", "pascal_voc", "yolo", "albumentations").get(rng.nextInt(4)));
        b.put("label_fields", List.of("category_id", "id"));
        if (rng.nextBoolean()) b.put("min_area", (double) rng.nextInt(50));
        if (rng.nextBoolean()) b.put("min_visibility", round(rng.nextDouble() * 0.8));
        b.put("clip", rng.nextBoolean());
        if (rng.nextDouble() < 0.3) b.put("check_each_transform", false);
        return b;
    }

    private Map<String, Object> keypointParams() {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("format", List.of("xy", "yx", "xya", "xys", "xyas", "xysa").get(rng.nextInt(6)));
        k.put("label_fields", List.of("keypoint_labels", "id"));
        k.put("remove_invisible", rng.nextDouble() < 0.8);
        return k;
    }

    /** The values a string parameter accepts, read off the message a bad value gets (cached). */
    static synchronized List<String> choices(String transform, String param) {
        return CHOICES.computeIfAbsent(transform + "." + param, k -> {
            try {
                TransformRegistry.create(transform, Map.of(param, "\u00a7bogus"));
                return List.of();
            } catch (RuntimeException e) {
                String msg = String.valueOf(e.getMessage());
                int a = msg.indexOf("must be"), b = msg.indexOf(", got");
                if (a < 0 || b < a) return List.of();
                List<String> out = new ArrayList<>();
                Matcher m = CHOICE.matcher(msg.substring(a + "must be".length(), b));
                while (m.find()) {
                    String w = m.group();
                    if (!w.equals("one") && !w.equals("of") && !w.equals("or")) out.add(w);
                }
                return out;
            }
        });
    }
}
