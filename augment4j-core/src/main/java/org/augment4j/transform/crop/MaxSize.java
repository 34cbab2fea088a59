package org.augment4j.transform.crop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Check;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.KeypointRule;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.serial.Params;

/**
 * The size target of {@link LongestMaxSize} and {@link SmallestMaxSize}: {@code max_size} (one size, or a list to
 * choose from) or {@code max_size_hw} ({@code [height, width]}, either may be null), and the rescale they share.
 */
final class MaxSize {
    private final int[] choices; // null when max_size_hw is used
    private final boolean list;
    private final Integer maxH;
    private final Integer maxW;

    MaxSize(String transform, int[] maxSize, boolean list, Integer maxH, Integer maxW) {
        Check.that((maxSize == null) != (maxH == null && maxW == null), transform,
                "exactly one of max_size and max_size_hw must be set, got " + Arrays.toString(maxSize) + " and [" + maxH + ", " + maxW + "]");
        Check.that(maxSize == null || maxSize.length > 0, transform, "max_size must not be an empty list");
        if (maxSize != null) for (int v : maxSize) Check.positive(transform, "max_size", v);
        if (maxH != null) Check.positive(transform, "max_size_hw (height)", maxH);
        if (maxW != null) Check.positive(transform, "max_size_hw (width)", maxW);
        this.choices = maxSize == null ? null : maxSize.clone();
        this.list = list;
        this.maxH = maxH;
        this.maxW = maxW;
    }

    /** Reads {@code max_size} / {@code max_size_hw}; with neither, {@code max_size} 1024 (Albumentations 1.3's default). */
    static MaxSize read(Params r) {
        Object hw = r.raw("max_size_hw");
        Object ms = r.raw("max_size");
        if (hw != null) {
            if (!(hw instanceof List<?> l) || l.size() != 2) throw r.error("max_size_hw", "must be [height, width] (either may be null), got " + hw);
            return new MaxSize(r.transform(), ms == null ? null : ints(r, ms), ms instanceof List, integer(r, l.get(0)), integer(r, l.get(1)));
        }
        return new MaxSize(r.transform(), ms == null ? new int[] {1024} : ints(r, ms), ms instanceof List, null, null);
    }

    private static int[] ints(Params r, Object v) {
        List<?> l = v instanceof List<?> x ? x : List.of(v);
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            Integer n = integer(r, l.get(i));
            if (n == null) throw r.error("max_size", "must be an integer or a list of integers, got " + v);
            out[i] = n;
        }
        return out;
    }

    private static Integer integer(Params r, Object v) {
        if (v == null) return null;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
        throw r.error("max_size_hw", "must hold integers or null, got " + v);
    }

    /** The scale factor for an {@code h × w} image: {@code longest} side to the target, or the smallest side. */
    double scale(int h, int w, boolean longest, RandomGenerator rng) {
        if (choices != null) {
            int size = choices[choices.length == 1 ? 0 : rng.nextInt(choices.length)];
            return (double) size / (longest ? Math.max(h, w) : Math.min(h, w));
        }
        if (maxH != null && maxW != null) {
            double sh = (double) maxH / h, sw = (double) maxW / w;
            return longest ? Math.min(sh, sw) : Math.max(sh, sw);
        }
        return maxH != null ? (double) maxH / h : (double) maxW / w;
    }

    void putArgs(Map<String, Object> m) {
        m.put("max_size", choices == null ? null : list ? Arrays.stream(choices).boxed().toList() : (Object) choices[0]);
        List<Integer> hw = null;
        if (choices == null) {
            hw = new ArrayList<>();
            hw.add(maxH);
            hw.add(maxW);
        }
        m.put("max_size_hw", hw);
    }

    /**
     * Rescaling a {@code w × h} image by {@code s} to {@code outW × outH}: images follow OpenCV's resize, keypoints scale
     * by exactly {@code s} (Albumentations' {@code keypoints_scale(s, s)}), boxes by the realised size ratio (they are
     * normalised, so unchanged), keypoint scale × s.
     */
    static AffineGeometry rescale(int w, int h, int outW, int outH, double s) {
        AffineGeometry g = AffineGeometry.resize(w, h, outW, outH);
        return new AffineGeometry(g.image(), Matrix.scale(s, s), g.boxes(), KeypointRule.rotate(0, s), g.boxMethod(), outW, outH);
    }
}
