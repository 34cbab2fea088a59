package org.augment4j.transform.pixel;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_core.LUT;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Keeps only the top {@code num_bits} bits of each uint8 value. Albumentations' {@code Posterize}: {@code num_bits} an
 * int or a {@code [min, max]} range in [1, 8] (default 4), or one entry per channel (a list of three or more, each an
 * int or a {@code [min, max]} range in [0, 8]: {@code [[2, 2], [4, 4], [7, 7]]}; 0 bits make a channel black, as in
 * Albumentations), p = 0.5. One value is drawn for the whole image, or one per channel; per channel, the image must
 * have as many channels as there are entries. Targets: image (uint8 only). A transform is written back in the shape it
 * was read.
 *
 * <p>Where the releases differ ({@link #withSemantics}): an int entry {@code b} of a per-channel list means the range
 * {@code [0, b]} in 1.x (its {@code to_tuple(b, 0)}) and exactly {@code b} bits in 2.x.
 */
public final class Posterize extends PixelTransform<Posterize.Bits> {
    /**
     * The sampled number of bits kept, as Albumentations records it: an {@link Integer} for every channel, or an
     * {@code int[]} with one value per channel.
     */
    public record Bits(Object numBits) {
        /**
         * Normalises {@code numBits} to an {@link Integer} or a copied {@code int[]}.
         *
         * @throws IllegalArgumentException unless it is a whole number, an {@code int[]} or a list of numbers, non-empty
         */
        public Bits {
            numBits = normalised(numBits);
        }

        /** The same number of bits, in [0, 8], for every channel. */
        public Bits(int numBits) {
            this((Object) numBits);
        }

        /** One number of bits, in [0, 8], per channel. */
        public Bits(int[] numBits) {
            this((Object) numBits);
        }

        private static Object normalised(Object v) {
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
            if (v instanceof int[] a && a.length > 0) return a.clone();
            if (v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(o -> o instanceof Number)) {
                return l.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
            }
            throw new IllegalArgumentException("Posterize: num_bits must be an integer or a list of integers, got " + v);
        }

        /** The bits kept in each of {@code channels} channels. */
        int[] perChannel(int channels) {
            if (numBits instanceof Integer n) {
                int[] out = new int[channels];
                Arrays.fill(out, n);
                return out;
            }
            int[] a = (int[]) numBits;
            Check.that(a.length == channels, "Posterize",
                    "num_bits gives " + a.length + " values, one per channel, but the image has " + channels + " channels");
            return a;
        }
    }

    private final Range numBits; // one range for every channel, or null
    private final List<Object> entries; // per channel as read: a Number or a Range; or null
    private final Dialect dialect;
    private final List<Range> channelRanges; // entries resolved by the dialect

    /**
     * @param numBits {@code num_bits}: range of the number of bits kept, integers within [1, 8]; one value for every channel
     * @param p       probability of applying the transform, in [0, 1]
     */
    public Posterize(Range numBits, double p) {
        this(numBits, null, Dialect.V2, p);
    }

    /** With Albumentations' defaults: num_bits 4, p = 0.5. */
    public Posterize() {
        this(Range.fixed(4), 0.5);
    }

    /**
     * One entry per channel, each an {@link Integer} (its meaning differs between releases, see above) or a
     * {@link Range}.
     */
    public static Posterize perChannel(List<?> entries, double p) {
        return new Posterize(null, List.copyOf(entries), Dialect.V2, p);
    }

    private Posterize(Range numBits, List<Object> entries, Dialect dialect, double p) {
        super(p);
        this.dialect = dialect;
        if (entries == null) {
            this.numBits = Check.range(name(), "num_bits", numBits, 1, 8);
            this.entries = null;
            this.channelRanges = null;
        } else {
            Check.that(entries.size() > 2, name(), "num_bits per channel needs at least 3 entries, got " + entries);
            List<Range> ranges = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) ranges.add(Check.range(name(), "num_bits[" + i + "]", dialect.resolve(name(), entries.get(i)), 0, 8));
            this.numBits = null;
            this.entries = entries;
            this.channelRanges = List.copyOf(ranges);
        }
    }

    static Posterize fromDict(Params r) {
        if (r.raw("num_bits") instanceof List<?> l && l.size() > 2) {
            List<Object> entries = new ArrayList<>();
            for (Object e : l) {
                if (e instanceof Number n) entries.add(n);
                else if (e instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof Number a && pair.get(1) instanceof Number b) {
                    entries.add(Range.of(a.doubleValue(), b.doubleValue()));
                } else {
                    throw r.error("num_bits", "per channel must list an integer or a [min, max] pair for each channel, got " + l);
                }
            }
            return perChannel(entries, r.p(0.5));
        }
        return new Posterize(r.range("num_bits", Range.fixed(4), Params.Scalar.FIXED), r.p(0.5));
    }

    @Override
    public Posterize withSemantics(Semantics semantics) {
        Dialect d = semantics == Semantics.ALBUMENTATIONS_1_3 ? Dialect.V1_3 : Dialect.V2;
        return d == dialect ? this : new Posterize(numBits, entries, d, probability());
    }

    /** How the releases read the int entries of a per-channel list. */
    private enum Dialect {
        /** Albumentations 1.x: an int entry {@code b} is {@code to_tuple(b, 0)}, the range between 0 and b. */
        V1_3 {
            @Override
            Range entry(double b) {
                return Range.of(Math.min(0, b), Math.max(0, b));
            }
        },
        /** Albumentations 2.x: an int entry is that number of bits. */
        V2 {
            @Override
            Range entry(double b) {
                return Range.fixed(b);
            }
        };

        abstract Range entry(double b);

        Range resolve(String transform, Object e) {
            if (e instanceof Range r) return r;
            if (e instanceof Number n) return entry(n.doubleValue());
            throw new IllegalArgumentException(transform + ": num_bits entries must be integers or ranges, got " + e);
        }
    }

    @Override
    public Bits sampleParams(Sample sample, RandomGenerator rng) {
        if (channelRanges == null) return new Bits(numBits.randint(rng));
        int[] bits = new int[channelRanges.size()];
        for (int i = 0; i < bits.length; i++) bits[i] = channelRanges.get(i).randint(rng);
        return new Bits(bits);
    }

    @Override
    protected Mat applyToImage(Mat image, Bits params) {
        Check.that(!Mats.isFloat(image), name(), "needs a uint8 image, got " + Mats.describe(image));
        int channels = image.channels();
        int[] bits = params.perChannel(channels);
        Mat out = new Mat();
        if (Arrays.stream(bits).allMatch(b -> b == bits[0])) {
            try (Mat s = Mats.scalarMat(mask(bits[0]))) {
                bitwise_and(image, s, out);
            }
            return out;
        }
        byte[] table = new byte[256 * channels];
        for (int v = 0; v < 256; v++) {
            for (int c = 0; c < channels; c++) table[v * channels + c] = (byte) (v & mask(bits[c]));
        }
        try (Mat lut = new Mat(1, 256, CV_8UC(channels))) {
            ((ByteBuffer) lut.createBuffer()).put(table);
            LUT(image, lut, out);
        }
        return out;
    }

    /** The bit mask that keeps the top {@code bits} of 8. */
    private static int mask(int bits) {
        return (0xff << (8 - bits)) & 0xff;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_bits", entries == null ? numBits : entries);
        return m;
    }
}
