package org.augment4j.transform.spatial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;

/** A pair of ranges for the x and y axes, written as {@code {"x": [a, b], "y": [c, d]}} as Albumentations' Affine does. */
public record AxisRanges(Range x, Range y) {

    public static AxisRanges both(Range r) {
        return new AxisRanges(r, r);
    }

    /**
     * Reads a number ({@code [v, v]} on both axes), a {@code [min, max]} pair (both axes), or an object with {@code x}
     * and/or {@code y} (each a number or a pair; a missing axis takes {@code def}).
     */
    public static AxisRanges read(Params r, String name, AxisRanges def) {
        Object v = r.raw(name);
        if (v == null) return def;
        if (v instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!"x".equals(k) && !"y".equals(k)) throw r.error(name, "may only have keys x and y, got " + k);
            }
            return new AxisRanges(m.containsKey("x") ? range(r, name + ".x", m.get("x")) : def.x(),
                    m.containsKey("y") ? range(r, name + ".y", m.get("y")) : def.y());
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

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", x.toList());
        m.put("y", y.toList());
        return m;
    }
}
