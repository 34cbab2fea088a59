package org.augment4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.serial.PipelineFile;

/**
 * The rows of a benchmark pipelines file: a JSON object mapping a row name to
 * {@code {"kind": "image"|"mask"|"full", "to_dict": <Albumentations to_dict of a pipeline or of one transform>}}.
 * A single transform is wrapped in a Compose and forced to {@code p=1} (as the reference run called it directly);
 * a {@code full} row without {@code bbox_params} / {@code keypoint_params} gets pascal_voc boxes and xy keypoints, the
 * shape of the targets file. Rows that cannot be built are kept as failures with their reason.
 */
final class BenchSuite {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What each call of a row receives. */
    enum Kind {
        /** The image only. */
        IMAGE,
        /** Image and mask. */
        MASK,
        /** Image, mask, boxes with labels and keypoints. */
        FULL;

        static Kind parse(Object v) {
            if (v instanceof String s) {
                for (Kind k : values()) if (k.name().toLowerCase(Locale.ROOT).equals(s)) return k;
            }
            throw new IllegalArgumentException("kind must be \"image\", \"mask\" or \"full\", got " + v);
        }
    }

    /** One runnable row. */
    record Row(String name, Kind kind, Compose pipeline) {}

    /** A row that could not be built, and why. */
    record Failure(String name, String reason) {}

    private final List<Row> rows;
    private final List<Failure> failures;

    private BenchSuite(List<Row> rows, List<Failure> failures) {
        this.rows = List.copyOf(rows);
        this.failures = List.copyOf(failures);
    }

    List<Row> rows() {
        return rows;
    }

    List<Failure> failures() {
        return failures;
    }

    /**
     * Reads the files, in order; {@code only} (empty = all) keeps the named rows, in the files' order. {@code labels}
     * says whether default bbox_params name a {@code labels} field.
     *
     * @throws Errors.CliException if a file is unreadable or not an object, two files name the same row, or {@code only}
     *     names an unknown row
     */
    @SuppressWarnings("unchecked")
    static BenchSuite load(List<Path> files, List<String> only, boolean labels) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Path file : files) {
            Inputs.requireFile(file, "pipelines file");
            Object root;
            try {
                root = JSON.readValue(file.toFile(), Object.class);
            } catch (IOException e) {
                throw Errors.bad("pipelines file " + file + " is not readable JSON: " + Errors.oneLine(e.getMessage()));
            }
            if (!(root instanceof Map<?, ?> m) || m.isEmpty()) {
                throw Errors.bad("pipelines file " + file + " must hold a non-empty JSON object of row name -> {kind, to_dict}");
            }
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (map.put(e.getKey(), e.getValue()) != null) throw Errors.bad("row '" + e.getKey() + "' of " + file + " is also in an earlier pipelines file");
            }
        }
        for (String n : only) {
            if (!map.containsKey(n)) throw Errors.bad("--only: no row named '" + n + "' in " + files + "; rows: " + String.join(", ", map.keySet()));
        }
        List<Row> rows = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String name = e.getKey();
            if (!only.isEmpty() && !only.contains(name)) continue;
            try {
                if (!(e.getValue() instanceof Map<?, ?> entry)) throw new IllegalArgumentException("must be an object {kind, to_dict}");
                Kind kind = Kind.parse(entry.get("kind"));
                if (!(entry.get("to_dict") instanceof Map<?, ?> tree)) throw new IllegalArgumentException("to_dict must be an object");
                rows.add(new Row(name, kind, PipelineFile.fromTree(prepare((Map<String, Object>) tree, kind, labels))));
            } catch (IllegalArgumentException ex) {
                failures.add(new Failure(name, Errors.describe(ex)));
            }
        }
        return new BenchSuite(rows, failures);
    }

    /** The to_dict as it is run: a Compose at p=1 (a single transform also at p=1), with label params for full rows. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> prepare(Map<String, Object> toDict, Kind kind, boolean labels) {
        Object t = toDict.containsKey("transform") ? toDict.get("transform") : toDict;
        if (!(t instanceof Map<?, ?> tm)) throw new IllegalArgumentException("to_dict.transform must be an object");
        Map<String, Object> top = new LinkedHashMap<>((Map<String, Object>) tm);
        Map<String, Object> compose;
        if ("Compose".equals(shortName(top.get("__class_fullname__")))) {
            compose = top;
        } else {
            top.put("p", 1);
            compose = new LinkedHashMap<>();
            compose.put("__class_fullname__", "Compose");
            compose.put("transforms", List.of(top));
        }
        compose.put("p", 1);
        if (kind == Kind.FULL) {
            if (compose.get("bbox_params") == null) {
                Map<String, Object> bp = new LinkedHashMap<>();
                bp.put("format", "pascal_voc");
                bp.put("label_fields", labels ? List.of("labels") : List.of());
                compose.put("bbox_params", bp);
            }
            if (compose.get("keypoint_params") == null) compose.put("keypoint_params", Map.of("format", "xy"));
        }
        return compose;
    }

    private static String shortName(Object name) {
        if (!(name instanceof String s)) return "";
        int dot = s.lastIndexOf('.');
        return dot < 0 ? s : s.substring(dot + 1);
    }
}
