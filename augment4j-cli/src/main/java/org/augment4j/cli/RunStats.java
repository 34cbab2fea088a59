package org.augment4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for the run summary and report: objects kept and dropped per class (named by
 * {@link org.augment4j.datasets.Dataset#categoryLabel}, so two categories of the same name stay apart). Not thread-safe:
 * filled by one thread.
 */
final class RunStats {
    final Map<String, int[]> perClass = new TreeMap<>();

    void kept(String name) {
        perClass.computeIfAbsent(name, k -> new int[2])[0]++;
    }

    void dropped(String name) {
        perClass.computeIfAbsent(name, k -> new int[2])[1]++;
    }

    /** Objects kept over every class. */
    int keptTotal() {
        return perClass.values().stream().mapToInt(v -> v[0]).sum();
    }

    /** {@code {class: {"kept": n, "dropped": m}}} in class-name order. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        perClass.forEach((k, v) -> m.put(k, Map.of("kept", v[0], "dropped", v[1])));
        return m;
    }
}
