package org.augment4j.serial;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.augment4j.Transform;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Targets;

/**
 * What {@code augment4j list --json} shows: every registered transform and container with its targets and the
 * parameters its factory reads (name, type, default, required, bounds), found by building it from empty parameters
 * through a recording {@link Params}, so the list comes from the code and cannot drift.
 */
public final class TransformDescriptions {
    private TransformDescriptions() {}

    /**
     * One parameter as {@code augment4j list} shows it.
     *
     * @param name         its Albumentations name
     * @param type         number, int, bool, string, range ({@code [min, max]} or a scalar), list (of numbers), fill (a
     *                     number or one per channel), transforms (a container's children) or any
     * @param defaultValue its default, JSON-ready (null when required or when there is none)
     * @param required     whether a file must give it
     * @param min          the smallest value the constructor accepts, when known (for a range: of either bound)
     * @param max          the largest value the constructor accepts, when known
     * @param alternative  true for a name read only when given, instead of the defaults of the others (an
     *                     Albumentations 1.3 name, or another spelling such as {@code size} for height and width)
     */
    public record Parameter(String name, String type, Object defaultValue, boolean required, Double min, Double max, boolean alternative) {
        /** {@code {name, type, default, required}} plus {@code min}, {@code max} and {@code alternative} when they apply. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("type", type);
            m.put("default", defaultValue);
            m.put("required", required);
            if (min != null) m.put("min", min);
            if (max != null) m.put("max", max);
            if (alternative) m.put("alternative", true);
            return m;
        }
    }

    /**
     * A transform or container as {@code augment4j list} shows it.
     *
     * @param kind    {@code transform} or {@code container}
     * @param targets the targets it acts on (image, mask, bboxes, keypoints); see {@link #targets(Transform)}
     */
    public record Description(String name, String kind, List<String> targets, List<Parameter> parameters) {
        /** This description as a JSON object: name, kind, targets and parameters. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("kind", kind);
            m.put("targets", targets);
            m.put("parameters", parameters.stream().map(Parameter::toJson).toList());
            return m;
        }
    }

    /** Every registered transform (sorted by name), then every container a pipeline file may name. */
    public static List<Description> describe() {
        List<Description> out = new ArrayList<>();
        for (Map.Entry<String, Function<Params, Transform>> e : TransformRegistry.factories().entrySet()) out.add(describe(e.getKey(), e.getValue(), "transform"));
        for (Map.Entry<String, Function<Params, Transform>> e : PipelineFile.containerFactories().entrySet()) out.add(describe(e.getKey(), e.getValue(), "container"));
        return out;
    }

    /**
     * The targets a transform acts on: those of its {@link Targets} annotation, else {@code image} for a
     * {@link PixelTransform} and {@code image, mask, bboxes, keypoints} for everything else (spatial and other single
     * transforms, containers).
     */
    public static List<String> targets(Transform t) {
        Targets a = t.getClass().getAnnotation(Targets.class);
        if (a != null) return List.of(a.value());
        if (t instanceof PixelTransform<?>) return List.of(Targets.IMAGE);
        return List.of(Targets.IMAGE, Targets.MASK, Targets.BBOXES, Targets.KEYPOINTS);
    }

    private static final Object UNKNOWN_TYPE = new Object() {
        @Override
        public String toString() {
            return "<probe>";
        }
    };
    private static final int MAX_BUILDS = 60;

    /** Builds with placeholders for required parameters until the factory succeeds; then probes alternatives and bounds. */
    private static Description describe(String name, Function<Params, Transform> factory, String kind) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Set<Object>> tried = new HashMap<>();
        Set<String> required = new LinkedHashSet<>();
        Params.Recording main = new Params.Recording();
        Transform built = null;
        for (int i = 0; i < MAX_BUILDS && built == null; i++) {
            main = new Params.Recording();
            try {
                built = factory.apply(Params.describing(name, new LinkedHashMap<>(values), main));
            } catch (RuntimeException e) {
                Set<String> missing = new LinkedHashSet<>(main.required);
                missing.removeAll(values.keySet());
                required.addAll(main.required);
                String culprit = missing.isEmpty() ? culprit(e, values.keySet()) : null;
                if (missing.isEmpty() && culprit == null) break;
                boolean progress = false;
                for (String n : missing.isEmpty() ? Set.of(culprit) : missing) progress |= nextPlaceholder(n, main, values, tried);
                if (!progress) break;
            }
        }
        required.addAll(main.required);
        Map<String, Params.Declared> read = new LinkedHashMap<>(main.read);
        if (kind.equals("container")) read.put("transforms", new Params.Declared("transforms", null, null, null));
        if (kind.equals("container")) required.add("transforms");
        Map<String, Params.Declared> alternatives = alternatives(name, factory, values, main, read.keySet());
        List<Parameter> params = new ArrayList<>();
        for (Map.Entry<String, Params.Declared> e : read.entrySet()) {
            Params.Declared d = bounded(name, factory, values, e.getKey(), e.getValue());
            boolean req = required.contains(e.getKey());
            params.add(new Parameter(e.getKey(), d.type(), req ? null : d.def(), req, d.min(), d.max(), false));
        }
        for (Map.Entry<String, Params.Declared> e : alternatives.entrySet()) {
            Params.Declared d = e.getValue();
            params.add(new Parameter(e.getKey(), d.type(), d.def(), false, d.min(), d.max(), true));
        }
        return new Description(name, kind, built == null ? List.of() : targets(built), List.copyOf(params));
    }

    /** Puts the next untried placeholder for {@code n} (by the type read so far); false when none is left. */
    private static boolean nextPlaceholder(String n, Params.Recording rec, Map<String, Object> values, Map<String, Set<Object>> tried) {
        Params.Declared d = rec.read.get(n);
        Set<Object> done = tried.computeIfAbsent(n, k -> new LinkedHashSet<>());
        for (Object candidate : placeholders(d == null || d.type().equals("any") ? "any" : d.type())) {
            if (done.add(candidate)) {
                values.put(n, candidate);
                return true;
            }
        }
        return false;
    }

    private static List<Object> placeholders(String type) {
        return switch (type) {
            case "int" -> List.of(1, 2, 16);
            case "number" -> List.of(1.0, 0.5);
            case "range" -> List.of(List.of(1, 1), List.of(0, 1), List.of(1, 2));
            case "list" -> List.of(List.of(1, 1), List.of(1), List.of(1, 1, 1));
            case "string" -> List.of("x");
            case "bool" -> List.of(true, false);
            case "fill" -> List.of(0);
            default -> List.of(1, List.of(1, 1), "x", true, Map.of());
        };
    }

    /** The given parameter an error names (by its JSON path or in its message), or null. */
    private static String culprit(Throwable e, Set<String> given) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PipelineException pe) {
                String path = pe.path();
                String last = path.substring(path.lastIndexOf('.') + 1);
                if (given.contains(last)) return last;
            }
            String msg = String.valueOf(t.getMessage());
            String best = null;
            for (String n : given) {
                if (Pattern.compile("(^|[^a-z_])" + Pattern.quote(n) + "([^a-z_]|$)").matcher(msg).find() && (best == null || n.length() > best.length())) best = n;
            }
            if (best != null) return best;
        }
        return null;
    }

    /**
     * Parameters read only when given (behind {@link Params#has}): each is given a probe to learn its type, then a
     * placeholder of that type, so that names read after it are found too.
     */
    private static Map<String, Params.Declared> alternatives(String name, Function<Params, Transform> factory, Map<String, Object> base,
                                                             Params.Recording main, Set<String> known) {
        Map<String, Params.Declared> found = new LinkedHashMap<>();
        List<String> queue = new ArrayList<>(main.probed);
        Set<String> seen = new LinkedHashSet<>(known);
        for (int i = 0; i < queue.size() && i < MAX_BUILDS; i++) {
            String n = queue.get(i);
            if (!seen.add(n) || n.equals("strict") || n.startsWith("__")) continue;
            Params.Recording typed = run(name, factory, base, n, UNKNOWN_TYPE);
            Params.Declared d = typed.read.get(n);
            if (d == null) continue;
            Params.Recording deeper = run(name, factory, base, n, placeholders(d.type()).get(0));
            found.put(n, new Params.Declared(d.type(), null, d.min(), d.max()));   // read only when given: its fallback is never used
            for (Map.Entry<String, Params.Declared> e : deeper.read.entrySet()) {
                if (!known.contains(e.getKey()) && !found.containsKey(e.getKey()) && !e.getKey().equals(n)) {
                    found.put(e.getKey(), e.getValue());
                    seen.add(e.getKey());
                }
            }
            for (String p : deeper.probed) if (!seen.contains(p)) queue.add(p);
        }
        return found;
    }

    private static Params.Recording run(String name, Function<Params, Transform> factory, Map<String, Object> base, String key, Object value) {
        Map<String, Object> v = new LinkedHashMap<>(base);
        v.put(key, value);
        Params.Recording rec = new Params.Recording();
        try {
            factory.apply(Params.describing(name, v, rec));
        } catch (RuntimeException ignored) {
            // the recording is what matters
        }
        return rec;
    }

    /**
     * A numeric parameter with the bounds its validation reports: built with a value far below any sensible one, the
     * constructor's {@code Check} names the parameter and the allowed interval ("must be in [lo, hi]", "within [lo, hi]",
     * "must be > 0", "must be >= 0"). Unknown formats leave the bounds unknown.
     */
    private static Params.Declared bounded(String name, Function<Params, Transform> factory, Map<String, Object> base, String param, Params.Declared d) {
        if (d.min() != null || d.max() != null) return d;
        Object probe = switch (d.type()) {
            case "number" -> -1e300;
            case "int" -> Integer.MIN_VALUE;
            case "range" -> List.of(-1e300, -1e300);
            default -> null;
        };
        if (probe == null) return d;
        Map<String, Object> v = new LinkedHashMap<>(base);
        v.put(param, probe);
        try {
            factory.apply(Params.describing(name, v, new Params.Recording()));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                double[] b = parseBounds(String.valueOf(t.getMessage()), param, d.type().equals("int"));
                if (b != null) return new Params.Declared(d.type(), d.def(), finite(b[0]), finite(b[1]));
            }
        }
        return d;
    }

    private static final String NUM = "(-?(?:Infinity|[0-9.]+(?:[eE][-+]?[0-9]+)?))";

    /** {@code {min, max}} from a validation message about {@code param} ({@code integer}: "> 0" means >= 1), or null. */
    static double[] parseBounds(String message, String param, boolean integer) {
        String p = "(?:^|[\\s:.])" + Pattern.quote(param) + " must be ";
        Matcher m = Pattern.compile(p + "(?:in|a range \\(min <= max\\) within) \\[" + NUM + ", " + NUM + "\\]").matcher(message);
        if (m.find()) return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
        if (integer && Pattern.compile(p + "> 0\\b").matcher(message).find()) return new double[] {1, Double.POSITIVE_INFINITY};
        if (Pattern.compile(p + ">= 0\\b").matcher(message).find()) return new double[] {0, Double.POSITIVE_INFINITY};
        return null;
    }

    private static Double finite(double v) {
        return Double.isInfinite(v) ? null : v;
    }
}
