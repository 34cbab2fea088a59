package org.augment4j.transform.noise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.internal.Check;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;

/**
 * The distribution of {@link AdditiveNoise}, read from Albumentations' {@code noise_params} (fractions of the maximum
 * value). Every key of the type is required when the map is given. Defaults: uniform {@code ranges [[-0.1, 0.1]]}
 * (one range for all channels, or one per channel in constant mode; per-pixel noise uses the first), gaussian
 * {@code mean_range [0, 0], std_range [0.05, 0.15]}, laplace {@code mean_range [0, 0], scale_range [0.05, 0.15]},
 * beta {@code alpha_range [0.5, 1.5], beta_range [0.5, 1.5], scale_range [0.1, 0.3]} (a beta draw {@code x} becomes
 * {@code (2x − 1)·scale}).
 */
record NoiseSpec(String type, List<Range> ranges) {
    private static final Map<String, List<String>> KEYS = Map.of("uniform", List.of("ranges"), "gaussian", List.of("mean_range", "std_range"),
            "laplace", List.of("mean_range", "scale_range"), "beta", List.of("alpha_range", "beta_range", "scale_range"));

    static NoiseSpec of(String transform, String type, Map<String, ?> params) {
        Allowed.oneOf("uniform", "gaussian", "laplace", "beta").check(transform, "noise_type", type);
        List<Range> r = new ArrayList<>();
        if (params == null) {
            switch (type) {
                case "uniform" -> r.add(Range.of(-0.1, 0.1));
                case "gaussian", "laplace" -> r.addAll(List.of(Range.fixed(0), Range.of(0.05, 0.15)));
                default -> r.addAll(List.of(Range.of(0.5, 1.5), Range.of(0.5, 1.5), Range.of(0.1, 0.3)));
            }
            return new NoiseSpec(type, r);
        }
        for (String k : params.keySet()) Check.that(KEYS.get(type).contains(k), transform, "noise_params for " + type + " takes " + KEYS.get(type) + ", got '" + k + "'");
        for (String k : KEYS.get(type)) {
            Object v = params.get(k);
            Check.that(v != null, transform, "noise_params for " + type + " needs '" + k + "'");
            if (k.equals("ranges")) {
                Check.that(v instanceof List<?> l && !l.isEmpty(), transform, "noise_params.ranges must be a non-empty list of [min, max] pairs, got " + v);
                for (Object o : (List<?>) v) r.add(Check.range(transform, "noise_params.ranges", pair(transform, k, o), -1, 1));
            } else {
                double lo = k.equals("mean_range") ? -1 : 0, hi = k.endsWith("alpha_range") || k.equals("beta_range") ? Double.MAX_VALUE : 1;
                Range range = Check.range(transform, "noise_params." + k, pair(transform, k, v), lo, hi);
                if (hi > 1) Check.that(range.min() > 0, transform, "noise_params." + k + " must be > 0, got " + range);
                r.add(range);
            }
        }
        return new NoiseSpec(type, r);
    }

    private static Range pair(String transform, String key, Object o) {
        if (o instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) return Range.of(a.doubleValue(), b.doubleValue());
        throw new IllegalArgumentException(transform + ": noise_params." + key + " must be [min, max] pairs, got " + o);
    }

    /** The per-image parameters: uniform [low, high] of the first range; gaussian [mean, std]; laplace [loc, scale]; beta [alpha, beta, scale]. */
    List<Double> sample(RandomGenerator rng) {
        List<Double> out = new ArrayList<>();
        if (type.equals("uniform")) {
            out.add(ranges.get(0).min());
            out.add(ranges.get(0).max());
        } else {
            for (Range r : ranges) out.add(r.uniform(rng));
        }
        return out;
    }

    /** One constant-mode value for channel {@code c}. */
    double draw(List<Double> d, int c, SplittableRandom rng) {
        return switch (type) {
            case "uniform" -> {
                Range r = ranges.size() == 1 ? ranges.get(0) : ranges.get(Math.min(c, ranges.size() - 1));
                yield r.min() == r.max() ? r.min() : r.min() + (r.max() - r.min()) * rng.nextDouble();
            }
            case "gaussian" -> d.get(0) + d.get(1) * rng.nextGaussian();
            case "laplace" -> NoiseKernels.laplace(d.get(0), d.get(1), rng);
            default -> (2 * NoiseKernels.beta(d.get(0), d.get(1), rng) - 1) * d.get(2);
        };
    }

    /** Fills a float32 matrix with per-pixel draws. */
    void fill(Mat m, List<Double> d, long seed) {
        switch (type) {
            case "uniform" -> AdditiveNoise.opencvFill(m, RNG.UNIFORM, d.get(0), d.get(1), seed);
            case "gaussian" -> AdditiveNoise.opencvFill(m, RNG.NORMAL, d.get(0), d.get(1), seed);
            case "laplace" -> {
                SplittableRandom r = new SplittableRandom(seed);
                NoiseKernels.fillInPlace(m, () -> NoiseKernels.laplace(d.get(0), d.get(1), r));
            }
            default -> {
                SplittableRandom r = new SplittableRandom(seed);
                NoiseKernels.fillInPlace(m, () -> (2 * NoiseKernels.beta(d.get(0), d.get(1), r) - 1) * d.get(2));
            }
        }
    }

    /** {@code noise_params} as written to pipeline files. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (type.equals("uniform")) {
            m.put("ranges", ranges.stream().map(Range::toList).toList());
        } else {
            List<String> keys = KEYS.get(type);
            for (int i = 0; i < keys.size(); i++) m.put(keys.get(i), ranges.get(i).toList());
        }
        return m;
    }
}
