package org.augment4j.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.augment4j.transform.Range;

/**
 * The values a parameter allows, declared once and used both as the check and as its description: an interval of
 * numbers (each end inclusive or exclusive, or open-ended) or a set of choices (strings, or integers such as OpenCV
 * flags with a label each). A transform's constructor and its {@code fromDict} reader call {@link #check} with the same
 * constant, so the message a bad value gets, the bounds {@code augment4j list --json} shows and the explorer's form
 * come from one declaration.
 *
 * <p><b>Recording.</b> While {@link #recording} runs a build (as {@code TransformDescriptions} does for each registered
 * factory), every check that runs also records what it allows under its transform and parameter; outside a recording a
 * check only checks.
 *
 * @param min          the smallest value allowed, or null (no lower bound); for choices null
 * @param exclusiveMin whether {@code min} itself is refused ({@code > min})
 * @param max          the largest value allowed, or null (no upper bound); for choices null
 * @param exclusiveMax whether {@code max} itself is refused ({@code < max})
 * @param choices      the allowed values (String, or Integer for flags), or null for an interval
 * @param labels       a name per choice (OpenCV's constant name for a flag), or null
 */
public record Allowed(Double min, boolean exclusiveMin, Double max, boolean exclusiveMax, List<Object> choices, List<String> labels) {

    /** OpenCV interpolation flags augment4j implements: 0 nearest, 1 linear, 2 cubic, 3 area, 4 lanczos4. */
    public static final Allowed INTERPOLATIONS = flags(new int[] {0, 1, 2, 3, 4},
            "INTER_NEAREST", "INTER_LINEAR", "INTER_CUBIC", "INTER_AREA", "INTER_LANCZOS4");
    /** OpenCV border modes (Albumentations 2.x's allowed set): 0 constant, 1 replicate, 2 reflect, 3 wrap, 4 reflect_101. */
    public static final Allowed BORDER_MODES = flags(new int[] {0, 1, 2, 3, 4},
            "BORDER_CONSTANT", "BORDER_REPLICATE", "BORDER_REFLECT", "BORDER_WRAP", "BORDER_REFLECT_101");
    /** A probability: [0, 1]. */
    public static final Allowed PROBABILITY = between(0, 1);

    /** Validates the shape: an interval or choices, labels parallel to the choices. */
    public Allowed {
        if (choices != null) {
            choices = List.copyOf(choices);
            if (min != null || max != null) throw new IllegalArgumentException("choices take no bounds");
            if (labels != null && labels.size() != choices.size()) throw new IllegalArgumentException("one label per choice");
        }
        if (labels != null) labels = List.copyOf(labels);
    }

    /** {@code [lo, hi]}. */
    public static Allowed between(double lo, double hi) {
        return new Allowed(lo, false, hi, false, null, null);
    }

    /** An interval with each end inclusive or exclusive: {@code interval(0, true, 1, false)} is {@code (0, 1]}. */
    public static Allowed interval(double lo, boolean exclusiveLo, double hi, boolean exclusiveHi) {
        return new Allowed(lo, exclusiveLo, hi, exclusiveHi, null, null);
    }

    /** {@code >= lo}. */
    public static Allowed atLeast(double lo) {
        return new Allowed(lo, false, null, false, null, null);
    }

    /** {@code > lo}. */
    public static Allowed above(double lo) {
        return new Allowed(lo, true, null, false, null, null);
    }

    /** {@code <= hi}. */
    public static Allowed atMost(double hi) {
        return new Allowed(null, false, hi, false, null, null);
    }

    /** One of the given strings. */
    public static Allowed oneOf(String... choices) {
        return new Allowed(null, false, null, false, List.of((Object[]) choices), null);
    }

    /** One of the given strings. */
    public static Allowed oneOf(List<String> choices) {
        return oneOf(choices.toArray(String[]::new));
    }

    /** One of the given integers. */
    public static Allowed oneOf(int... choices) {
        List<Object> c = new ArrayList<>();
        for (int v : choices) c.add(v);
        return new Allowed(null, false, null, false, c, null);
    }

    /** Integer flags, each with its name: {@code flags(new int[] {0, 1}, "INTER_NEAREST", "INTER_LINEAR")}. */
    public static Allowed flags(int[] values, String... labels) {
        List<Object> c = new ArrayList<>();
        for (int v : values) c.add(v);
        return new Allowed(null, false, null, false, c, List.of(labels));
    }

    /** The choices as strings (for a set of string choices). */
    public List<String> strings() {
        return choices == null ? List.of() : choices.stream().map(String::valueOf).toList();
    }

    /** Whether {@code v} is allowed: within the interval, or (as a number equal to an integer choice) one of the choices. */
    public boolean allows(double v) {
        if (Double.isNaN(v)) return false;
        if (choices != null) return choices.stream().anyMatch(c -> c instanceof Integer i && i == v);
        if (min != null && (exclusiveMin ? !(v > min) : !(v >= min))) return false;
        return max == null || (exclusiveMax ? v < max : v <= max);
    }

    /** Whether {@code v} is one of the choices (null never is). */
    public boolean allows(String v) {
        return v != null && choices != null && choices.contains(v);
    }

    /** What is allowed, as messages say it after "must be": {@code in [0, 1]}, {@code > 0}, {@code 'a', 'b' or 'c'}. */
    public String describe() {
        if (choices != null) {
            List<String> each = new ArrayList<>();
            for (int i = 0; i < choices.size(); i++) {
                Object c = choices.get(i);
                each.add(c instanceof String s ? "'" + s + "'" : c + (labels == null ? "" : " (" + labels.get(i) + ")"));
            }
            if (each.size() == 1) return each.get(0);
            return String.join(", ", each.subList(0, each.size() - 1)) + " or " + each.get(each.size() - 1);
        }
        if (min != null && max != null) return "in " + (exclusiveMin ? "(" : "[") + num(min) + ", " + num(max) + (exclusiveMax ? ")" : "]");
        if (min != null) return (exclusiveMin ? "> " : ">= ") + num(min);
        if (max != null) return (exclusiveMax ? "< " : "<= ") + num(max);
        return "any number";
    }

    /**
     * {@code v} if allowed, else an {@link IllegalArgumentException} "{@code transform: param must be <allowed>, got v}"
     * ({@code transform} null: no prefix). Records this declaration while {@link #recording}.
     */
    public double check(String transform, String param, double v) {
        record(transform, param, this);
        if (!allows(v)) throw fail(transform, param, describe(), num(v));
        return v;
    }

    /** As {@link #check(String, String, double)} for an integer. */
    public int check(String transform, String param, int v) {
        check(transform, param, (double) v);
        return v;
    }

    /** As {@link #check(String, String, double)} for one of the string choices. */
    public String check(String transform, String param, String v) {
        record(transform, param, this);
        if (!allows(v)) throw fail(transform, param, describe(), v == null ? "null" : "'" + v + "'");
        return v;
    }

    /** As {@link #check(String, String, double)}, null also allowed (for an optional parameter such as {@code max_value}). */
    public Double checkOrNull(String transform, String param, Double v) {
        record(transform, param, this);
        if (v != null && !allows(v)) throw fail(transform, param, describe() + " or null", num(v));
        return v;
    }

    /** As {@link #check(String, String, String)}, null also allowed. */
    public String checkOrNull(String transform, String param, String v) {
        record(transform, param, this);
        if (v != null && !allows(v)) throw fail(transform, param, describe() + " or null", "'" + v + "'");
        return v;
    }

    /**
     * A range whose two ends are allowed, with {@code min <= max}: the message is "{@code param must be a range
     * (min <= max) within [lo, hi]}" (or "{@code of values > 0}" for a one-sided interval).
     */
    public Range checkRange(String transform, String param, Range r) {
        record(transform, param, this);
        if (!(allows(r.min()) && allows(r.max()) && r.min() <= r.max())) {
            String what = min != null && max != null ? "within " + describe().substring(3) : "of values " + describe();
            throw fail(transform, param, "a range (min <= max) " + what, String.valueOf(r));
        }
        return r;
    }

    /** As {@link #checkRange}, null also allowed (an optional range); recorded either way. */
    public Range checkRangeOrNull(String transform, String param, Range r) {
        if (r == null) {
            record(transform, param, this);
            return null;
        }
        return checkRange(transform, param, r);
    }

    /** The values both declarations allow (an interval with an interval; choices filtered by the other). */
    public Allowed and(Allowed o) {
        if (choices != null || o.choices != null) {
            Allowed c = choices != null ? this : o, other = c == this ? o : this;
            List<Object> kept = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < c.choices.size(); i++) {
                Object v = c.choices.get(i);
                boolean ok = other.choices != null ? other.choices.contains(v) : v instanceof Number n && other.allows(n.doubleValue());
                if (ok) {
                    kept.add(v);
                    if (c.labels != null) names.add(c.labels.get(i));
                }
            }
            return new Allowed(null, false, null, false, kept, c.labels == null ? null : names);
        }
        Double lo = min;
        boolean exLo = exclusiveMin;
        if (o.min != null && (lo == null || o.min > lo || (o.min.equals(lo) && o.exclusiveMin))) {
            lo = o.min;
            exLo = o.exclusiveMin;
        }
        Double hi = max;
        boolean exHi = exclusiveMax;
        if (o.max != null && (hi == null || o.max < hi || (o.max.equals(hi) && o.exclusiveMax))) {
            hi = o.max;
            exHi = o.exclusiveMax;
        }
        return new Allowed(lo, exLo, hi, exHi, null, null);
    }

    private static IllegalArgumentException fail(String transform, String param, String allowed, String got) {
        return new IllegalArgumentException((transform == null ? "" : transform + ": ") + param + " must be " + allowed + ", got " + got);
    }

    /** A number as messages and descriptions write it: whole numbers without a fraction. */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    // ---- recording, for descriptions

    private static final ThreadLocal<Map<String, Allowed>> RECORDING = new ThreadLocal<>();

    /**
     * Runs {@code build}, putting into {@code into} what the checks it runs allow, keyed {@code transform + "." + param}
     * (several declarations for one parameter intersect), also when {@code build} throws. Recordings do not nest: an
     * inner one replaces the outer for its duration.
     */
    public static void recording(Map<String, Allowed> into, Runnable build) {
        Map<String, Allowed> outer = RECORDING.get();
        RECORDING.set(Objects.requireNonNull(into));
        try {
            build.run();
        } finally {
            if (outer == null) RECORDING.remove();
            else RECORDING.set(outer);
        }
    }

    /** Records {@code allowed} for {@code transform.param} when a recording runs (a null transform is not recorded). */
    public static void record(String transform, String param, Allowed allowed) {
        Map<String, Allowed> r = RECORDING.get();
        if (r == null || transform == null) return;
        r.merge(transform + "." + param, Objects.requireNonNull(allowed), Allowed::and);
    }
}
