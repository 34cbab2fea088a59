package org.augment4j.transform.crop;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** CropAndPad's fill rule (Albumentations' {@code _get_pad_value}): a number, a {@code [a, b]} range, or a list to choose from. */
final class FillValue {
    private FillValue() {}

    /** One number as is; two: drawn from [a, b] (an integer when both are whole); more: one of them. */
    static double draw(double[] values, RandomGenerator rng) {
        if (values.length == 1) return values[0];
        if (values.length == 2) {
            double a = values[0], b = values[1];
            if (a == Math.rint(a) && b == Math.rint(b)) {
                long lo = (long) Math.min(a, b), hi = (long) Math.max(a, b);
                return lo + (long) (rng.nextDouble() * (hi - lo + 1));
            }
            return a + (b - a) * rng.nextDouble();
        }
        return values[rng.nextInt(values.length)];
    }

    /** A number, or the list. */
    static Object toJson(double[] values) {
        Object single = values[0] == Math.rint(values[0]) ? (Object) (long) values[0] : (Object) values[0];
        return values.length == 1 ? single : Arrays.stream(values).boxed().toList();
    }
}
