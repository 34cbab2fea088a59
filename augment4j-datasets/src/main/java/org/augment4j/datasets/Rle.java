package org.augment4j.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * COCO run-length encoding: counts of alternating runs of 0s and 1s over the pixels in column-major order (down the
 * first column, then the next), the first run being 0s. Reads the uncompressed form (a list of ints) and the compressed
 * string form of pycocotools ({@code rleToString}/{@code rleFrString}). Stateless.
 */
public final class Rle {
    private Rle() {}

    /** Decodes pycocotools' compressed counts string. */
    public static int[] decodeString(String s) {
        List<Integer> counts = new ArrayList<>();
        int p = 0;
        while (p < s.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= s.length()) throw new IllegalArgumentException("compressed RLE string ends in the middle of a count");
                int c = s.charAt(p) - 48;
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) x |= -1L << (5 * k);
            }
            if (counts.size() > 2) x += counts.get(counts.size() - 2);
            counts.add((int) x);
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Encodes counts as pycocotools' compressed string. */
    public static String encodeString(int[] counts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            long x = counts[i];
            if (i > 2) x -= counts[i - 2];
            boolean more = true;
            while (more) {
                long c = x & 0x1f;
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) c |= 0x20;
                sb.append((char) (c + 48));
            }
        }
        return sb.toString();
    }

    /** The row-major 0/1 pixels of an {@code h × w} mask. */
    public static byte[] toPixels(int[] counts, int h, int w) {
        byte[] px = new byte[h * w];
        long total = 0;
        for (int c : counts) {
            if (c < 0) throw new IllegalArgumentException("RLE count " + c + " is negative");
            total += c;
        }
        if (total != (long) h * w) throw new IllegalArgumentException("RLE counts sum to " + total + " but the mask has " + h + "x" + w + " = " + (long) h * w + " pixels");
        int i = 0;
        for (int r = 0; r < counts.length; r++) {
            boolean one = (r & 1) == 1;
            for (int n = 0; n < counts[r]; n++, i++) {
                if (one) px[(i % h) * w + i / h] = 1;
            }
        }
        return px;
    }

    /** The counts of row-major pixels (non-zero = 1) of an {@code h × w} mask. */
    public static int[] fromPixels(byte[] px, int h, int w) {
        List<Integer> counts = new ArrayList<>();
        int run = 0;
        boolean current = false;
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                boolean v = px[y * w + x] != 0;
                if (v != current) {
                    counts.add(run);
                    run = 0;
                    current = v;
                }
                run++;
            }
        }
        counts.add(run);
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }
}
