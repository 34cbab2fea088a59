package org.augment4j.transform.blur;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A comparator network under construction, and its compiler into a straight-line program of {@code min}/{@code max}
 * operations over buffer slots (used by {@link MedianKernels}; every slot holds a whole image there).
 *
 * <p>A comparator {@code compare(lo, hi)} leaves the smaller value on wire {@code lo} and the larger on {@code hi}.
 * Inputs are declared as sorted chains (ascending), and constants as {@code -inf}/{@code +inf} wires (padding of
 * merges). {@link #compile} simplifies the network in two passes:
 * <ol>
 *   <li>forwards, it tracks a set of known facts {@code wire a <= wire b} (from the chains, the constants and every
 *       comparator passed): a comparator whose order is known is dropped or becomes a renaming of its two wires;</li>
 *   <li>backwards from the requested outputs, it drops comparators neither of whose results is read, and keeps only
 *       the {@code min} or the {@code max} where only one is.</li>
 * </ol>
 * Then it assigns buffers: input slots are read-only, scratch slots are reused as soon as their value is dead.
 * Not thread-safe (a builder); the {@link Program} is an immutable value.
 */
final class MedianNetwork {
    static final int MIN = 0;
    static final int MAX = 1;

    private int wires;
    private final List<int[]> chains = new ArrayList<>();
    private final List<int[]> constants = new ArrayList<>(); // {wire, +1 for +inf or -1 for -inf}
    private final List<int[]> comparators = new ArrayList<>();

    /**
     * A compiled network: {@code ops} holds quadruples {@code (MIN|MAX, slot a, slot b, destination slot)}; slots
     * {@code 0 .. inputs-1} are the inputs in the order given to {@link #compile}, then {@code scratch} working slots;
     * {@code outputs} names the slot holding each requested output at the end.
     */
    record Program(int inputs, int scratch, int[] ops, int[] outputs) {
        /** The number of min/max operations. */
        int operations() {
            return ops.length / 4;
        }

        /** The index of the last operation writing {@code outputs[0]}, if no later one reads it; otherwise -1. */
        int finalWrite() {
            int slot = outputs[0];
            for (int k = operations() - 1; k >= 0; k--) {
                if (ops[4 * k + 3] == slot) return k;
                if (ops[4 * k + 1] == slot || ops[4 * k + 2] == slot) return -1;
            }
            return -1;
        }
    }

    /** {@code n} new wires with nothing known about their order. */
    int[] wires(int n) {
        int[] w = new int[n];
        for (int i = 0; i < n; i++) w[i] = wires++;
        return w;
    }

    /** {@code n} new wires known to hold ascending values. */
    int[] chain(int n) {
        int[] w = wires(n);
        chains.add(w);
        return w;
    }

    private int constant(boolean high) {
        int w = wires++;
        constants.add(new int[] {w, high ? 1 : -1});
        return w;
    }

    /** Appends a comparator: afterwards {@code lo} holds the smaller of the two values, {@code hi} the larger. */
    void compare(int lo, int hi) {
        if (lo == hi) throw new IllegalArgumentException("compare: a wire cannot be compared with itself: " + lo);
        comparators.add(new int[] {lo, hi});
    }

    /** Batcher's odd–even merge of two ascending wire lists (padded with +inf to a power of two); the merged wires, ascending. */
    int[] merge(int[] a, int[] b) {
        int p = 1;
        while (p < Math.max(a.length, b.length)) p *= 2;
        int[] w = new int[2 * p];
        for (int i = 0; i < p; i++) {
            w[i] = i < a.length ? a[i] : constant(true);
            w[p + i] = i < b.length ? b[i] : constant(true);
        }
        oddEvenMerge(w, 0, 2 * p, 1);
        return Arrays.copyOf(w, a.length + b.length);
    }

    private void oddEvenMerge(int[] w, int lo, int n, int r) {
        int step = 2 * r;
        if (step < n) {
            oddEvenMerge(w, lo, n, step);
            oddEvenMerge(w, lo + r, n, step);
            for (int i = lo + r; i + r < lo + n; i += step) compare(w[i], w[i + r]);
        } else {
            compare(w[lo], w[lo + r]);
        }
    }

    /** Compiles the network for the wires {@code outputs}; {@code inputs} lists the input wires, slot by slot. */
    Program compile(int[][] inputs, int[] outputs) {
        int n = wires;
        boolean[][] le = knownOrder(n);
        List<int[]> steps = new ArrayList<>(); // {lo, hi} a comparator, {lo, hi, 1} a renaming
        for (int[] c : comparators) {
            int i = c[0], j = c[1];
            if (le[i][j]) continue;
            if (le[j][i]) {
                steps.add(new int[] {i, j, 1});
                swap(le, i, j);
                continue;
            }
            steps.add(c);
            for (int k = 0; k < n; k++) {
                if (k == i || k == j) continue;
                boolean minLeK = le[i][k] || le[j][k], maxLeK = le[i][k] && le[j][k];
                boolean kLeMin = le[k][i] && le[k][j], kLeMax = le[k][i] || le[k][j];
                le[i][k] = minLeK;
                le[j][k] = maxLeK;
                le[k][i] = kLeMin;
                le[k][j] = kLeMax;
            }
            le[i][j] = true;
            le[j][i] = false;
        }
        // Backwards: which results are read. kept: {lo, hi, needMin, needMax} or {lo, hi, -1} for a renaming.
        boolean[] need = new boolean[n];
        for (int o : outputs) need[o] = true;
        Deque<int[]> kept = new ArrayDeque<>();
        for (int s = steps.size() - 1; s >= 0; s--) {
            int[] st = steps.get(s);
            int i = st[0], j = st[1];
            if (st.length == 3) {
                boolean t = need[i];
                need[i] = need[j];
                need[j] = t;
                kept.push(new int[] {i, j, -1});
            } else if (need[i] || need[j]) {
                kept.push(new int[] {i, j, need[i] ? 1 : 0, need[j] ? 1 : 0});
                need[i] = need[j] = true;
            }
        }
        return allocate(n, inputs, outputs, kept, need);
    }

    private boolean[][] knownOrder(int n) {
        boolean[][] le = new boolean[n][n];
        for (int a = 0; a < n; a++) le[a][a] = true;
        for (int[] c : chains) {
            for (int x = 0; x < c.length; x++) {
                for (int y = x; y < c.length; y++) le[c[x]][c[y]] = true;
            }
        }
        for (int[] c : constants) {
            for (int k = 0; k < n; k++) {
                if (c[1] > 0) le[k][c[0]] = true;
                else le[c[0]][k] = true;
            }
        }
        return le;
    }

    private static void swap(boolean[][] le, int i, int j) {
        boolean[] t = le[i];
        le[i] = le[j];
        le[j] = t;
        for (boolean[] row : le) {
            boolean v = row[i];
            row[i] = row[j];
            row[j] = v;
        }
    }

    private Program allocate(int n, int[][] inputs, int[] outputs, Deque<int[]> kept, boolean[] needAtStart) {
        int[] slot = new int[n];
        Arrays.fill(slot, -1);
        int nIn = 0;
        for (int[] group : inputs) {
            for (int w : group) slot[w] = nIn++;
        }
        for (int w = 0; w < n; w++) {
            if (needAtStart[w] && slot[w] < 0) {
                throw new IllegalStateException("network reads wire " + w + ", which is neither an input nor set before");
            }
        }
        int[] nextScratch = {nIn};
        Deque<Integer> free = new ArrayDeque<>();
        List<Integer> ops = new ArrayList<>();
        for (int[] st : kept) {
            int i = st[0], j = st[1];
            if (st[2] < 0) {
                int t = slot[i];
                slot[i] = slot[j];
                slot[j] = t;
                continue;
            }
            int a = slot[i], b = slot[j];
            boolean needMin = st[2] == 1, needMax = st[3] == 1;
            if (needMin && needMax) {
                int lo = take(free, nextScratch);
                int hi = b >= nIn ? b : a >= nIn ? a : take(free, nextScratch);
                add(ops, MIN, a, b, lo);
                add(ops, MAX, a, b, hi);
                if (a >= nIn && hi != a) free.push(a);
                slot[i] = lo;
                slot[j] = hi;
            } else {
                int dst = a >= nIn ? a : b >= nIn ? b : take(free, nextScratch);
                add(ops, needMin ? MIN : MAX, a, b, dst);
                if (a >= nIn && dst != a) free.push(a);
                if (b >= nIn && dst != b) free.push(b);
                slot[needMin ? i : j] = dst;
                slot[needMin ? j : i] = -1;
            }
        }
        int[] out = new int[outputs.length];
        for (int k = 0; k < outputs.length; k++) out[k] = slot[outputs[k]];
        return new Program(nIn, nextScratch[0] - nIn, ops.stream().mapToInt(Integer::intValue).toArray(), out);
    }

    private static int take(Deque<Integer> free, int[] next) {
        return free.isEmpty() ? next[0]++ : free.pop();
    }

    private static void add(List<Integer> ops, int kind, int a, int b, int dst) {
        ops.add(kind);
        ops.add(a);
        ops.add(b);
        ops.add(dst);
    }
}
