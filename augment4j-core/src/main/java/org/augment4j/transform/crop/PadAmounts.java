package org.augment4j.transform.crop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * CropAndPad's {@code px} or {@code percent}: how much to pad (positive) or crop (negative) on each side. Forms, as
 * Albumentations 2.x reads them: one number for all sides; {@code [a, b]}, a range drawn once for all sides or per side
 * ({@code sample_independently}); or four entries {@code [top, right, bottom, left]}, each a number, a {@code [a, b]}
 * range or a list to choose from. Pixel ranges are Python's {@code randrange(a, b)} (b excluded), fraction ranges
 * uniform. Also Albumentations' {@code _prevent_zero}, which keeps crops from removing every row or column. Values are
 * refused only where Albumentations fails too: pixels that are not whole, and pixel ranges {@code [a, b]} with
 * {@code a > b} ({@code randrange} fails); fractions may be any finite numbers (a range may run from high to low, and
 * crops of the whole size or more leave one row or column).
 */
final class PadAmounts {
    private final boolean percent;
    private final double[] pair; // the [a, b] form, or null
    private final double[][] sides; // four entries (one value, a range, or choices), or null

    private PadAmounts(boolean percent, double[] pair, double[][] sides) {
        this.percent = percent;
        this.pair = pair;
        this.sides = sides;
    }

    /** Parses a value read from a pipeline file or given in Java (a Number or a List). */
    static PadAmounts parse(String transform, String name, Object v, boolean percent) {
        IllegalArgumentException bad = new IllegalArgumentException(transform + ": " + name
                + " must be a number, [a, b], or four entries [top, right, bottom, left] (numbers, [a, b] ranges or lists), got " + v);
        if (v instanceof Number n) return new PadAmounts(percent, null, new double[][] {{check(transform, name, n, percent)}, {n.doubleValue()},
            {n.doubleValue()}, {n.doubleValue()}});
        if (!(v instanceof List<?> l)) throw bad;
        if (l.size() == 2 && l.stream().allMatch(o -> o instanceof Number)) {
            double[] p = l.stream().mapToDouble(o -> check(transform, name, (Number) o, percent)).toArray();
            if (!percent && p[0] > p[1]) throw new IllegalArgumentException(transform + ": " + name + " range must have min <= max, got " + v);
            return new PadAmounts(percent, p, null);
        }
        if (l.size() != 4) throw bad;
        double[][] sides = new double[4][];
        for (int i = 0; i < 4; i++) {
            Object e = l.get(i);
            if (e instanceof Number n) {
                sides[i] = new double[] {check(transform, name, n, percent)};
            } else if (e instanceof List<?> c && !c.isEmpty() && c.stream().allMatch(o -> o instanceof Number)) {
                sides[i] = c.stream().mapToDouble(o -> check(transform, name, (Number) o, percent)).toArray();
                if (!percent && sides[i].length == 2 && sides[i][0] > sides[i][1]) throw new IllegalArgumentException(transform + ": " + name + " range must have min <= max, got " + e);
            } else {
                throw bad;
            }
        }
        return new PadAmounts(percent, null, sides);
    }

    private static double check(String transform, String name, Number n, boolean percent) {
        double d = n.doubleValue();
        if (!Double.isFinite(d) || (!percent && d != Math.rint(d))) {
            throw new IllegalArgumentException(transform + ": " + name + " values must be " + (percent ? "finite numbers" : "whole pixels") + ", got " + n);
        }
        return d;
    }

    /** The amounts {@code {top, right, bottom, left}} in pixels for an {@code h × w} image (negative: crop). */
    int[] sample(int h, int w, boolean independently, RandomGenerator rng) {
        double[] v = new double[4];
        if (pair != null) {
            double shared = draw(pair, rng);
            for (int i = 0; i < 4; i++) v[i] = independently ? (i == 0 ? shared : draw(pair, rng)) : shared;
        } else {
            for (int i = 0; i < 4; i++) v[i] = sides[i].length == 1 ? sides[i][0] : sides[i].length == 2 ? draw(sides[i], rng) : sides[i][rng.nextInt(sides[i].length)];
        }
        if (!percent) return new int[] {(int) v[0], (int) v[1], (int) v[2], (int) v[3]};
        return new int[] {(int) (v[0] * h), (int) (v[1] * w), (int) (v[2] * h), (int) (v[3] * w)};
    }

    private double draw(double[] range, RandomGenerator rng) {
        if (percent) return range[0] == range[1] ? range[0] : range[0] + (range[1] - range[0]) * rng.nextDouble();
        int lo = (int) range[0], hi = (int) range[1];
        return hi <= lo ? lo : lo + rng.nextInt(hi - lo);
    }

    /** The value as written to pipeline files. */
    Object toJson() {
        if (pair != null) return List.of(num(pair[0]), num(pair[1]));
        boolean same = Arrays.stream(sides).allMatch(s -> s.length == 1 && s[0] == sides[0][0]);
        if (same) return num(sides[0][0]);
        List<Object> out = new ArrayList<>();
        for (double[] s : sides) out.add(s.length == 1 ? num(s[0]) : Arrays.stream(s).mapToObj(this::num).toList());
        return out;
    }

    private Object num(double d) {
        return percent ? (Object) d : (Object) (int) d;
    }

    /**
     * Albumentations' {@code _prevent_zero}: gives back {@code size + 1} rows (columns) when a crop would leave none.
     * Where that is still not enough (crops of more than about twice the size, on which Albumentations fails), just
     * enough is given back to leave one row (column), as imgaug does. Returns {top, right, bottom, left}.
     */
    static int[] preventZero(int top, int right, int bottom, int left, int h, int w) {
        int[] tb = keepOne(top, bottom, h);
        int[] lr = keepOne(left, right, w);
        return new int[] {tb[0], lr[1], tb[1], lr[0]};
    }

    private static int[] keepOne(int a, int b, int size) {
        if (size - (a + b) >= 1) return new int[] {a, b};
        int[] r = regain(a, b, size);
        r = new int[] {Math.max(r[0], 0), Math.max(r[1], 0)};
        if (size - (r[0] + r[1]) < 1) r = regain(a, b, a + b - size);
        return new int[] {Math.max(r[0], 0), Math.max(r[1], 0)};
    }

    private static int[] regain(int a, int b, int max) {
        int regain = Math.abs(max) + 1, r1 = regain / 2, r2 = regain / 2;
        if (r1 + r2 < regain) r1++;
        if (r1 > a) {
            r2 += r1 - a;
            r1 = a;
        } else if (r2 > b) {
            r1 += r2 - b;
            r2 = b;
        }
        return new int[] {a - r1, b - r2};
    }
}
