package org.augment4j.target;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Label columns that ride along with boxes or keypoints: each named list has one entry per row.
 * Immutable; {@link #select(int[])} keeps rows in the order given, so labels never come apart from their rows.
 */
public final class Labels {
    private static final Labels EMPTY = new Labels(Map.of(), 0);
    private final Map<String, List<Object>> columns;
    private final int rows;

    private Labels(Map<String, List<Object>> columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** No label fields. */
    public static Labels empty() {
        return EMPTY;
    }

    /**
     * Label columns for {@code rows} rows.
     *
     * @throws IllegalArgumentException if a column is missing entries or has too many
     */
    public static Labels of(Map<String, ? extends List<?>> columns, int rows) {
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends List<?>> e : columns.entrySet()) {
            if (e.getValue() == null || e.getValue().size() != rows) {
                throw new IllegalArgumentException("label field '" + e.getKey() + "' has "
                        + (e.getValue() == null ? "no" : e.getValue().size()) + " values for " + rows + " rows");
            }
            copy.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(e.getValue())));
        }
        return new Labels(Collections.unmodifiableMap(copy), rows);
    }

    /** The column names in order. */
    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    /** One column; an unknown name is an error. */
    public List<Object> get(String name) {
        List<Object> c = columns.get(name);
        if (c == null) throw new IllegalArgumentException("no label field '" + name + "'; fields are " + columns.keySet());
        return c;
    }

    /** All columns, unmodifiable. */
    public Map<String, List<Object>> asMap() {
        return columns;
    }

    /** The labels of the given rows, in that order. */
    public Labels select(int[] keep) {
        if (columns.isEmpty()) return EMPTY;
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object>> e : columns.entrySet()) {
            List<Object> col = new ArrayList<>(keep.length);
            for (int i : keep) col.add(e.getValue().get(i));
            out.put(e.getKey(), Collections.unmodifiableList(col));
        }
        return new Labels(Collections.unmodifiableMap(out), keep.length);
    }

    /** These labels with one column replaced (same row count). */
    public Labels with(String name, List<?> values) {
        Map<String, List<?>> m = new LinkedHashMap<>(columns);
        m.put(name, values);
        return of(m, rows);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }
}
