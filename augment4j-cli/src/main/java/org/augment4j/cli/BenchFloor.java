package org.augment4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor of each row: the rate of the OpenCV calls Albumentations 1.3.1 makes for it, as JMH's
 * {@code OpenCvFloorBenchmark} (module augment4j-bench) writes them with {@code -rf csv -rff FILE}: a {@code Score} in
 * ops/s per {@code Param: row}. {@code bench --compare-floor} sets each row's rate beside it.
 */
final class BenchFloor {
    /** The least share of its floor a row's rate should reach (issue 17: sampling, labels, checks and copies within 5 %). */
    static final double TARGET = 0.95;

    private BenchFloor() {}

    /**
     * Row name to floor images/s.
     *
     * @throws Errors.CliException if the file is missing or is not JMH's CSV of a benchmark with a {@code row} parameter in ops/s
     */
    static Map<String, Double> read(Path file) {
        List<String> lines = BenchReference.lines(file, "floor file");
        List<String> header = cells(lines.get(0));
        int score = header.indexOf("Score"), unit = header.indexOf("Unit"), row = header.indexOf("Param: row");
        if (score < 0 || unit < 0 || row < 0) {
            throw Errors.bad("floor file " + file + ": expected JMH's CSV (-rf csv) with Score, Unit and 'Param: row' columns, got " + lines.get(0));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            List<String> c = cells(lines.get(i));
            if (c.size() <= Math.max(score, Math.max(unit, row))) throw Errors.bad("floor file " + file + " line " + (i + 1) + ": too few columns");
            if (!c.get(unit).equals("ops/s")) throw Errors.bad("floor file " + file + " line " + (i + 1) + ": unit must be ops/s (JMH throughput mode), got " + c.get(unit));
            try {
                out.put(c.get(row), Double.parseDouble(c.get(score)));
            } catch (NumberFormatException e) {
                throw Errors.bad("floor file " + file + " line " + (i + 1) + ": Score is not a number: " + c.get(score));
            }
        }
        return out;
    }

    /** The cells of a JMH CSV line: comma-separated, each maybe in double quotes (JMH's values hold no commas). */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String cell : line.strip().split(",", -1)) {
            String c = cell.strip();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) c = c.substring(1, c.length() - 1);
            out.add(c);
        }
        return out;
    }
}
