package org.augment4j.transform.policy;

import java.util.random.RandomGenerator;

/** Gamma, Beta and Dirichlet draws from a {@link RandomGenerator} (Marsaglia and Tsang's method for Gamma). */
final class Dists {
    private Dists() {}

    /** A Gamma(shape, 1) draw, shape > 0. */
    static double gamma(double shape, RandomGenerator rng) {
        if (shape < 1) return gamma(shape + 1, rng) * Math.pow(rng.nextDouble(), 1 / shape);
        double d = shape - 1 / 3.0, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x, v;
            do {
                x = rng.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    /** A Beta(a, b) draw in [0, 1]. */
    static double beta(double a, double b, RandomGenerator rng) {
        double x = gamma(a, rng), y = gamma(b, rng);
        return x + y == 0 ? 0.5 : x / (x + y);
    }

    /** A Dirichlet(alphas) draw: non-negative weights summing to 1. */
    static double[] dirichlet(double[] alphas, RandomGenerator rng) {
        double[] w = new double[alphas.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) sum += w[i] = gamma(alphas[i], rng);
        for (int i = 0; i < w.length; i++) w[i] = sum == 0 ? 1.0 / w.length : w[i] / sum;
        return w;
    }
}
