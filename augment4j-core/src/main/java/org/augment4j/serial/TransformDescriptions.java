package org.augment4j.serial;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.augment4j.Transform;
import org.augment4j.internal.Allowed;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Targets;

/**
 * What {@code augment4j list --json} shows: every registered transform and container with its targets and the
 * parameters its factory reads (name, type, default, required, bounds or choices), found by building it from empty
 * parameters through a recording {@link Params}, so the list comes from the code and cannot drift: the bounds and
 * choices are those the checks that ran declared ({@link Allowed}), the same declarations that reject bad values.
 */
public final class TransformDescriptions {
    private TransformDescriptions() {}

    /**
     * One parameter as {@code augment4j list} shows it. What it allows comes from the checks that read and validate it
     * ({@link org.augment4j.internal.Allowed}): the same declaration rejects a bad value, so the list and validation
     * cannot disagree.
     *
     * @param name         its Albumentations name
     * @param type         number, int, bool, string, range ({@code [min, max]} or a scalar), list (of numbers), fill (a
     *                     number or one per channel), transforms (a container's children) or any
     * @param defaultValue its default, JSON-ready (null when required or when there is none)
     * @param required     whether a file must give it
     * @param min          the smallest value allowed, when bounded below (for a range: of either end); exclusive when
     *                     {@code exclusiveMin}; for integer choices the smallest choice (the choices say which are allowed)
     * @param max          the largest value allowed, when bounded above; exclusive when {@code exclusiveMax}; for integer
     *                     choices the largest
     * @param alternative  true for a name read only when given, instead of the defaults of the others (an
     *                     Albumentations 1.3 name, or another spelling such as {@code size} for height and width)
     * @param exclusiveMin true when {@code min} itself is refused: the interval is {@code (min, ...}
     * @param exclusiveMax true when {@code max} itself is refused: the interval is {@code ..., max)}
     * @param choices      the only values allowed (strings; integers for OpenCV flags such as {@code border_mode}), or
     *                     null when the parameter is not an enumeration; for a {@code fill}, the named fills it takes
     *                     besides numbers ({@code "random"}, {@code "inpaint_telea"}, …), and for a parameter that
     *                     also takes a list of them (Spatter's {@code mode}), the values of its elements
     * @param labels       a name per choice, parallel to {@code choices} (OpenCV's constant: {@code BORDER_CONSTANT},
     *                     {@code INTER_LINEAR}, …), or null when the choices are names themselves
     */
    public record Parameter(String name, String type, Object defaultValue, boolean required, Double min, Double max, boolean alternative,
                            boolean exclusiveMin, boolean exclusiveMax, List<Object> choices, List<String> labels) {
        /** Copies the lists. */
        public Parameter {
            choices = choices == null ? null : List.copyOf(choices);
            labels = labels == null ? null : List.copyOf(labels);
        }

        /** A parameter with no open interval and no choices. */
        public Parameter(String name, String type, Object defaultValue, boolean required, Double min, Double max, boolean alternative) {
            this(name, type, defaultValue, required, min, max, alternative, false, false, null, null);
        }

        /**
         * {@code {name, type, default, required}} plus, when they apply: {@code min}, {@code max},
         * {@code exclusive_min: true}, {@code exclusive_max: true}, {@code choices: [...]}, {@code labels: [...]} and
         * {@code alternative: true}.
         */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("type", type);
            m.put("default", defaultValue);
            m.put("required", required);
            if (min != null) m.put("min", min);
            if (max != null) m.put("max", max);
            if (exclusiveMin) m.put("exclusive_min", true);
            if (exclusiveMax) m.put("exclusive_max", true);
            if (choices != null) m.put("choices", choices);
            if (labels != null) m.put("labels", labels);
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

    /**
     * One build through a recording reader: the values given (placeholders for required parameters), what was read,
     * what the checks allowed, the transform (null if no placeholders made the factory succeed) and the required names.
     */
    private record Build(Map<String, Object> values, Params.Recording main, Map<String, Allowed> allowed, Transform built, Set<String> required) {}

    /** Builds with placeholders for required parameters until the factory succeeds. */
    private static Build firstBuild(String name, Function<Params, Transform> factory) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Set<Object>> tried = new HashMap<>();
        Set<String> required = new LinkedHashSet<>();
        Params.Recording main = new Params.Recording();
        Map<String, Allowed> allowed = new LinkedHashMap<>();
        Transform built = null;
        for (int i = 0; i < MAX_BUILDS && built == null; i++) {
            main = new Params.Recording();
            allowed = new LinkedHashMap<>();
            try {
                built = build(name, factory, new LinkedHashMap<>(values), main, allowed);
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
        return new Build(values, main, allowed, built, required);
    }

    /**
     * Values for the required parameters of a registered transform or container with which its factory succeeds (the
     * placeholders its description was built with; empty when nothing is required), for tests that vary one parameter.
     */
    static Map<String, Object> buildable(String name) {
        Function<Params, Transform> f = TransformRegistry.factories().get(name);
        if (f == null) f = PipelineFile.containerFactories().get(name);
        if (f == null) throw new IllegalArgumentException("not registered: " + name);
        return Map.copyOf(firstBuild(name, f).values());
    }

    /** Describes one factory: its first successful build, then the names read only when given (alternatives). */
    private static Description describe(String name, Function<Params, Transform> factory, String kind) {
        Build b = firstBuild(name, factory);
        Map<String, Object> values = b.values();
        Params.Recording main = b.main();
        Map<String, Allowed> allowed = b.allowed();
        Transform built = b.built();
        Set<String> required = new LinkedHashSet<>(b.required());
        Map<String, Params.Declared> read = new LinkedHashMap<>(main.read);
        if (kind.equals("container")) read.put("transforms", new Params.Declared("transforms", null));
        if (kind.equals("container")) required.add("transforms");
        Set<String> owners = new LinkedHashSet<>(List.of(name));
        if (built != null) owners.add(built.name());
        Map<String, Allowed> alternativesAllowed = new LinkedHashMap<>();
        Map<String, Params.Declared> alternatives = alternatives(name, factory, values, main, read.keySet(), alternativesAllowed);
        List<Parameter> params = new ArrayList<>();
        for (Map.Entry<String, Params.Declared> e : read.entrySet()) {
            boolean req = required.contains(e.getKey());
            params.add(parameter(e.getKey(), e.getValue(), req ? null : e.getValue().def(), req, false, allowed(allowed, owners, e.getKey())));
        }
        for (Map.Entry<String, Params.Declared> e : alternatives.entrySet()) {
            params.add(parameter(e.getKey(), e.getValue(), e.getValue().def(), false, true, allowed(alternativesAllowed, owners, e.getKey())));
        }
        return new Description(name, kind, built == null ? List.of() : targets(built), List.copyOf(params));
    }

    /** Builds through a recording reader, recording what the checks allow. */
    private static Transform build(String name, Function<Params, Transform> factory, Map<String, Object> values, Params.Recording rec,
                                   Map<String, Allowed> allowed) {
        Transform[] out = new Transform[1];
        Allowed.recording(allowed, () -> out[0] = factory.apply(Params.describing(name, values, rec)));
        return out[0];
    }

    /** What the checks of {@code owners} (the registered name and the transform's own) declared for {@code param}, or null. */
    private static Allowed allowed(Map<String, Allowed> recorded, Set<String> owners, String param) {
        Allowed out = null;
        for (String o : owners) {
            Allowed a = recorded.get(o + "." + param);
            if (a != null) out = out == null ? a : out.and(a);
        }
        return out;
    }

    private static Parameter parameter(String name, Params.Declared d, Object def, boolean required, boolean alternative, Allowed a) {
        if (a == null) return new Parameter(name, d.type(), def, required, null, null, alternative);
        Double min = bound(a.min()), max = bound(a.max());   // +-Double.MAX_VALUE: "any finite number", no bound
        if (a.choices() != null && !a.choices().isEmpty() && a.choices().stream().allMatch(c -> c instanceof Integer)) {
            min = a.choices().stream().mapToDouble(c -> (Integer) c).min().orElseThrow();   // as before choices were listed
            max = a.choices().stream().mapToDouble(c -> (Integer) c).max().orElseThrow();
        }
        return new Parameter(name, d.type(), def, required, min, max, alternative, min != null && a.exclusiveMin(), max != null && a.exclusiveMax(),
                a.choices(), a.labels());
    }

    private static Double bound(Double v) {
        return v == null || Math.abs(v) >= Double.MAX_VALUE ? null : v;
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
                                                             Params.Recording main, Set<String> known, Map<String, Allowed> allowed) {
        Map<String, Params.Declared> found = new LinkedHashMap<>();
        List<String> queue = new ArrayList<>(main.probed);
        Set<String> seen = new LinkedHashSet<>(known);
        for (int i = 0; i < queue.size() && i < MAX_BUILDS; i++) {
            String n = queue.get(i);
            if (!seen.add(n) || n.equals("strict") || n.startsWith("__")) continue;
            Params.Recording typed = run(name, factory, base, n, UNKNOWN_TYPE, new LinkedHashMap<>());
            Params.Declared d = typed.read.get(n);
            if (d == null) continue;
            Params.Recording deeper = run(name, factory, base, n, placeholders(d.type()).get(0), allowed);
            found.put(n, new Params.Declared(d.type(), null));   // read only when given: its fallback is never used
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

    private static Params.Recording run(String name, Function<Params, Transform> factory, Map<String, Object> base, String key, Object value,
                                        Map<String, Allowed> allowed) {
        Map<String, Object> v = new LinkedHashMap<>(base);
        v.put(key, value);
        Params.Recording rec = new Params.Recording();
        Map<String, Allowed> recorded = new LinkedHashMap<>();
        try {
            build(name, factory, v, rec, recorded);
        } catch (RuntimeException ignored) {
            // the recording is what matters
        }
        recorded.forEach((k, a) -> allowed.merge(k, a, Allowed::and));
        return rec;
    }
}
