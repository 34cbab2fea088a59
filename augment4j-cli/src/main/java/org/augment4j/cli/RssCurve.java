package org.augment4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resident memory over a run and the verdict on it: after warm-up (the first {@code warmupFraction} of the samples),
 * memory is flat when the highest resident size of the rest exceeds the first post-warm-up sample by at most the
 * bound. Immutable.
 */
final class RssCurve {
    /** One sample: when, after how many applications, resident and heap memory in bytes, live native pointers. */
    record Point(double seconds, long applications, long rssBytes, long heapBytes, long nativePointers) {}

    /** The verdict: the baseline after warm-up, the highest value after it, their difference, and whether it is in bounds. */
    record Verdict(long baselineBytes, long maxAfterBytes, long growthBytes, long boundBytes, double mibPerMillion, boolean flat) {}

    private final List<Point> points;

    RssCurve(List<Point> points) {
        this.points = List.copyOf(points);
    }

    List<Point> points() {
        return points;
    }

    /**
     * Judges the curve: warm-up is the first {@code warmupFraction} of the points (at least one point); the baseline is
     * the first point after it; growth is the highest later resident size minus the baseline.
     *
     * @throws IllegalArgumentException with fewer than 3 points (too short a run to judge)
     */
    Verdict verdict(double warmupFraction, long boundBytes) {
        if (points.size() < 3) throw new IllegalArgumentException("too few memory samples to judge (" + points.size() + "); run longer or sample more often");
        int first = Math.max(1, Math.min(points.size() - 2, (int) Math.ceil(points.size() * warmupFraction)));
        long base = points.get(first).rssBytes();
        long max = base;
        for (int i = first; i < points.size(); i++) max = Math.max(max, points.get(i).rssBytes());
        return new Verdict(base, max, max - base, boundBytes, slope(first), max - base <= boundBytes);
    }

    /** Least-squares slope of resident memory over applications after warm-up, in MiB per million applications. */
    private double slope(int from) {
        int n = points.size() - from;
        double mx = 0, my = 0;
        for (int i = from; i < points.size(); i++) {
            mx += points.get(i).applications();
            my += points.get(i).rssBytes();
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int i = from; i < points.size(); i++) {
            double dx = points.get(i).applications() - mx;
            sxy += dx * (points.get(i).rssBytes() - my);
            sxx += dx * dx;
        }
        return sxx == 0 ? 0 : sxy / sxx * 1e6 / (1 << 20);
    }

    /** The process's resident set size from {@code /proc/self/status} (VmRSS), or -1 where there is none. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The CSV report: one row a sample. */
    List<String> csv() {
        List<String> rows = new ArrayList<>();
        rows.add("seconds,applications,rss_mib,heap_used_mib,javacpp_live_pointers");
        for (Point p : points) {
            rows.add(String.format(java.util.Locale.ROOT, "%.1f,%d,%.1f,%.1f,%d", p.seconds(), p.applications(), mib(p.rssBytes()), mib(p.heapBytes()), p.nativePointers()));
        }
        return rows;
    }

    static double mib(long bytes) {
        return bytes / (double) (1 << 20);
    }
}
