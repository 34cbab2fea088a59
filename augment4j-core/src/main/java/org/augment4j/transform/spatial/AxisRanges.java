package org.augment4j.transform.spatial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;

/** A pair of ranges for the x and y axes, written as {@code {"x": [a, b], "y": [c, d]}} as Albumentations' Affine does. */
public record AxisRanges(Range x, Range y) {

    /** The same range {@code r} on both axes. */
    public static AxisRanges both(Range r) {
        return new AxisRanges(r, r);
    }

    /**
     * Reads a number ({@code [v, v]} on both axes), a {@code [min, max]} pair (both axes), or an object with {@code x}
     * and/or {@code y} (each a number or a pair); a missing axis takes {@code def}'s.
     */
    public static AxisRanges read(Params r, String name, AxisRanges def) {
        return read(r, name, def, def == null ? 0 : Double.NaN);
    }

    /**
     * As {@link #read(Params, String, AxisRanges)}, but an axis missing from an {@code {x, y}} object is the fixed
     * value {@code missingAxis} (Albumentations 2.0.8: 1.0 for scale and shear, 0 for translations); NaN means "take
     * {@code def}'s axis". An object must name at least one axis.
     */
    public static AxisRanges read(Params r, String name, AxisRanges def, double missingAxis) {
        Object v = r.raw(name);
        if (v == null) return def;
        if (v instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!"x".equals(k) && !"y".equals(k)) throw r.error(name, "may only have keys x and y, got " + k);
            }
            if (m.isEmpty()) throw r.error(name, "must name at least one of x and y");
            Range missX = Double.isNaN(missingAxis) ? def.x() : Range.fixed(missingAxis);
            Range missY = Double.isNaN(missingAxis) ? def.y() : Range.fixed(missingAxis);
            return new AxisRanges(m.get("x") != null ? range(r, name + ".x", m.get("x")) : missX,
                    m.get("y") != null ? range(r, name + ".y", m.get("y")) : missY);
        }
        return both(range(r, name, v));
    }

    private static Range range(Params r, String name, Object v) {
        if (v instanceof Number n) return Range.fixed(n.doubleValue());
        if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
            return Range.of(a.doubleValue(), b.doubleValue());
        }
        throw r.error(name, "must be a number, a [min, max] pair or {x: ..., y: ...}, got " + v);
    }

    /** True when both axes have the same range. */
    public boolean same() {
        return x.equals(y);
    }

    /** For pipeline files: {@code {"x": [a, b], "y": [c, d]}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", x.toList());
        m.put("y", y.toList());
        return m;
    }
}
