package org.augment4j.serial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;

/**
 * The parameters of one transform as read from a pipeline file, with typed accessors that know Albumentations'
 * conventions (scalar limits, 1.3 and 2.x parameter names) and that report errors with the JSON path. After reading,
 * {@link #finish()} rejects any parameter nobody asked for.
 */
public final class Params {
    private final Map<String, Object> values;
    private final String path;
    private final String transform;
    private final Set<String> used = new LinkedHashSet<>();

    public Params(Map<String, Object> values, String path, String transform) {
        this.values = values;
        this.path = path;
        this.transform = transform;
        used.add("__class_fullname__");
    }

    /** A reader over a plain map of Albumentations-named parameters (for the Java API). */
    public static Params of(String transform, Map<String, ?> values) {
        return new Params(new LinkedHashMap<>(values), "$", transform);
    }

    public String path() {
        return path;
    }

    public String transform() {
        return transform;
    }

    /** True when the parameter is present and not null. */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** Marks parameters as known but unused (1.3 leftovers such as {@code always_apply} handled elsewhere). */
    public void ignore(String... names) {
        used.addAll(List.of(names));
    }

    /** The raw value, or null. */
    public Object raw(String name) {
        used.add(name);
        return values.get(name);
    }

    /** {@code p}, with 1.3's {@code always_apply: true} meaning p = 1. */
    public double p(double def) {
        double p = dbl("p", def);
        if (Boolean.TRUE.equals(raw("always_apply"))) p = 1.0;
        return p;
    }

    public double dbl(String name, double def) {
        Object v = raw(name);
        if (v == null) return def;
        if (v instanceof Number n) return n.doubleValue();
        throw error(name, "must be a number, got " + describe(v));
    }

    public int integer(String name, int def) {
        Object v = raw(name);
        if (v == null) return def;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
        throw error(name, "must be an integer, got " + describe(v));
    }

    public boolean bool(String name, boolean def) {
        Object v = raw(name);
        if (v == null) return def;
        if (v instanceof Boolean b) return b;
        throw error(name, "must be true or false, got " + describe(v));
    }

    public String string(String name, String def) {
        Object v = raw(name);
        if (v == null) return def;
        if (v instanceof String s) return s;
        throw error(name, "must be a string, got " + describe(v));
    }

    /** How a scalar is read where a range is expected. */
    public enum Scalar {
        /** {@code x} means {@code [-x, x]} (shift and rotate limits). */
        SYMMETRIC,
        /** {@code x} means {@code [x, x]}. */
        FIXED,
        /** {@code x} means {@code [low, x]} with the given low bound (blur limits: {@code [3, x]}). */
        UPPER
    }

    /** A range parameter: {@code [a, b]} or a scalar read per {@code mode}; {@code low} is the lower bound for UPPER. */
    public Range range(String name, Range def, Scalar mode, double low) {
        Object v = raw(name);
        if (v == null) return def;
        if (v instanceof Number n) {
            double x = n.doubleValue();
            return switch (mode) {
                case SYMMETRIC -> Range.symmetric(x);
                case FIXED -> Range.fixed(x);
                case UPPER -> Range.of(low, x);
            };
        }
        if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
            return Range.of(a.doubleValue(), b.doubleValue());
        }
        throw error(name, "must be a number or a [min, max] pair, got " + describe(v));
    }

    public Range range(String name, Range def, Scalar mode) {
        return range(name, def, mode, 0);
    }

    /** A list of numbers (or one number, as a one-element array). */
    public double[] numbers(String name, double[] def) {
        Object v = raw(name);
        if (v == null) return def;
        if (v instanceof Number n) return new double[] {n.doubleValue()};
        if (v instanceof List<?> l) {
            double[] out = new double[l.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(l.get(i) instanceof Number n)) throw error(name, "must be a list of numbers, got " + describe(v));
                out[i] = n.doubleValue();
            }
            return out;
        }
        throw error(name, "must be a number or a list of numbers, got " + describe(v));
    }

    /** A fill value from the first of {@code names} present (2.x {@code fill} before 1.3 {@code value}/{@code cval}). */
    public Fill fill(Fill def, String... names) {
        Fill out = null;
        for (String n : names) {
            Object v = raw(n);
            if (v != null && out == null) {
                double[] d = numbers(n, null);
                if (d.length == 0 || d.length > 4) throw error(n, "must be a number or 1 to 4 numbers, got " + describe(v));
                out = Fill.of(d);
            }
        }
        return out == null ? def : out;
    }

    /**
     * The resampling settings of a spatial transform: {@code interpolation}, {@code mask_interpolation},
     * {@code border_mode} (1.3: {@code mode} in Affine), {@code fill}/{@code value}/{@code cval} and
     * {@code fill_mask}/{@code mask_value}/{@code cval_mask}.
     */
    public Resampling resampling(int defInterpolation, int defBorder) {
        int interp = integer("interpolation", defInterpolation);
        int maskInterp = integer("mask_interpolation", 0);
        int border = has("border_mode") ? integer("border_mode", defBorder) : integer("mode", defBorder);
        Fill fill = fill(Fill.zero(), "fill", "value", "cval");
        Fill fillMask = fill(Fill.zero(), "fill_mask", "mask_value", "cval_mask");
        try {
            return new Resampling(interp, maskInterp, border, fill, fillMask);
        } catch (IllegalArgumentException e) {
            throw new PipelineException(path, transform + ": " + e.getMessage());
        }
    }

    /** Rejects parameters nobody read: an unknown parameter is an error naming it and its path. */
    public void finish() {
        List<String> unknown = new ArrayList<>();
        for (String k : values.keySet()) if (!used.contains(k)) unknown.add(k);
        if (!unknown.isEmpty()) {
            throw new PipelineException(path + "." + unknown.get(0), "unknown parameter '" + unknown.get(0) + "' for " + transform
                    + " (known: " + used.stream().filter(s -> !s.startsWith("__")).toList() + ")");
        }
    }

    /** An error about one parameter. */
    public PipelineException error(String name, String message) {
        return new PipelineException(path + "." + name, transform + "." + name + " " + message);
    }

    private static String describe(Object v) {
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }
}
