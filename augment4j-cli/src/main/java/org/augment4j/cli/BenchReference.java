package org.augment4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference throughputs to compare with: a CSV whose header names {@code transform} and {@code images_per_sec} columns
 * (other columns, such as a note, are ignored), as written by {@code bench --out} or the Albumentations reference run.
 */
final class BenchReference {
    private BenchReference() {}

    /**
     * Row name to images/s.
     *
     * @throws Errors.CliException if the file is missing, lacks the two columns or holds a value that is not a number
     */
    static Map<String, Double> read(Path file) {
        List<String> lines = lines(file, "reference file");
        List<String> header = List.of(lines.get(0).strip().split(",", -1));
        int name = header.indexOf("transform"), rate = header.indexOf("images_per_sec");
        if (name < 0 || rate < 0) throw Errors.bad("reference file " + file + ": the header must name transform and images_per_sec columns, got " + lines.get(0));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length <= Math.max(name, rate)) throw Errors.bad("reference file " + file + " line " + (i + 1) + ": too few columns");
            try {
                out.put(cells[name].strip(), Double.parseDouble(cells[rate].strip()));
            } catch (NumberFormatException e) {
                throw Errors.bad("reference file " + file + " line " + (i + 1) + ": images_per_sec is not a number: " + cells[rate]);
            }
        }
        return out;
    }

    /**
     * The lines of a CSV file the bench compares with, {@code what} naming it in errors.
     *
     * @throws Errors.CliException if the file is missing, unreadable or empty
     */
    static List<String> lines(Path file, String what) {
        Inputs.requireFile(file, what);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw Errors.bad("cannot read " + what + " " + file + ": " + e.getMessage());
        }
        if (lines.isEmpty()) throw Errors.bad(what + " " + file + " is empty");
        return lines;
    }
}
