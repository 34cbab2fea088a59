package org.augment4j.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.augment4j.serial.TransformDescriptions.Description;
import org.augment4j.serial.TransformDescriptions.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bounds and choices {@code augment4j list --json} shows are the checks themselves: for every registered transform
 * and every parameter that declares them, a value just outside is rejected by the factory with a message naming the
 * parameter and what is allowed, and a value at the edge (or each choice) is accepted.
 */
class DeclaredConstraintsTest {
    private static final List<Description> ALL = TransformDescriptions.describe();

    /**
     * Edges and choices that are allowed by their own declaration but refused in combination with the defaults of the
     * other parameters, by a second check that relates several parameters (each named with its reason).
     */
    private static final Map<String, String> EDGE_NEEDS_OTHERS = Map.ofEntries(
            Map.entry("AdvancedBlur.beta_limit", "the range must contain 1 (min < 1 < max), so no single edge value [0, 0] is a valid range"),
            Map.entry("HEStain.preset", "a preset needs method 'preset' (the default method 'random_preset' draws one)"),
            Map.entry("ImageCompression.quality_upper", "quality_lower (default 99) must be <= quality_upper"),
            Map.entry("JpegCompression.quality_upper", "quality_lower (default 99) must be <= quality_upper"),
            Map.entry("RandAugment.num_magnitude_bins", "magnitude (default 9) must be < num_magnitude_bins"),
            Map.entry("RandomCropFromBorders.crop_left", "crop_left + crop_right (default 0.1) must be <= 1"),
            Map.entry("RandomCropFromBorders.crop_right", "crop_left (default 0.1) + crop_right must be <= 1"),
            Map.entry("RandomCropFromBorders.crop_top", "crop_top + crop_bottom (default 0.1) must be <= 1"),
            Map.entry("RandomCropFromBorders.crop_bottom", "crop_top (default 0.1) + crop_bottom must be <= 1"),
            Map.entry("XYMasking.num_masks_x", "stripes need mask_x_length > 0 (default 0)"),
            Map.entry("XYMasking.num_masks_y", "stripes need mask_y_length > 0 (default 0)"));

    static Stream<Arguments> declared() {
        List<Arguments> out = new ArrayList<>();
        for (Description d : ALL) {
            if (!d.kind().equals("transform")) continue;
            for (Parameter p : d.parameters()) {
                if (p.choices() != null || p.min() != null || p.max() != null) out.add(Arguments.of(d.name(), p.name(), p));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("declared")
    void aValueJustOutsideIsRejectedNamingTheParameterAndTheEdgesAreAccepted(String transform, String name, Parameter p) {
        for (Object bad : outside(p)) {
            assertThatThrownBy(() -> build(transform, name, bad)).as("%s.%s = %s", transform, name, bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(name)
                    .satisfies(e -> {
                        for (List<String> allowed : allowedTexts(p)) {
                            assertThat(allowed).as("%s.%s = %s: %s", transform, name, bad, e.getMessage()).anyMatch(e.getMessage()::contains);
                        }
                    });
        }
        if (EDGE_NEEDS_OTHERS.containsKey(transform + "." + name)) return;
        for (Object good : inside(p)) {
            assertThatCode(() -> build(transform, name, good)).as("%s.%s = %s", transform, name, good).doesNotThrowAnyException();
        }
    }

    /** Values the declaration refuses: one past each finite end (1 for whole ends), the end itself when exclusive; a non-choice. */
    private static List<Object> outside(Parameter p) {
        List<Object> out = new ArrayList<>();
        if (p.choices() != null) {
            if (p.choices().get(0) instanceof Integer) {
                out.add((int) Math.round(p.min()) - 1);
                out.add((int) Math.round(p.max()) + 1);
                for (int v = (int) Math.round(p.min()); v <= p.max(); v++) if (!p.choices().contains(v)) out.add(v);
            } else {
                out.add("\u00a7not-a-choice");
            }
            return out;
        }
        if (p.min() != null) out.add(value(p, p.exclusiveMin() ? p.min() : whole(p.min()) ? p.min() - 1 : below(p.min())));
        if (p.max() != null) out.add(value(p, p.exclusiveMax() ? p.max() : whole(p.max()) ? p.max() + 1 : above(p.max())));
        return out;
    }

    /** Values the declaration allows: each choice; the inclusive ends (for a range, {@code [min, max]} when both are). */
    private static List<Object> inside(Parameter p) {
        if (p.choices() != null) return p.choices();
        boolean lo = p.min() != null && !p.exclusiveMin(), hi = p.max() != null && !p.exclusiveMax();
        if (p.type().equals("range") && lo && hi) return List.of(List.of(p.min(), p.max()));
        List<Object> in = new ArrayList<>();
        if (lo) in.add(value(p, p.min()));
        if (hi) in.add(value(p, p.max()));
        return in;
    }

    /**
     * What the message must name, each as one of its spellings: every choice, or every finite end ({@code 1}, Java's
     * {@code 1.0E9}; for a whole lower end {@code m} also "{@code > m - 1}", as integer checks word it).
     */
    private static List<List<String>> allowedTexts(Parameter p) {
        List<List<String>> out = new ArrayList<>();
        if (p.choices() != null) {
            for (Object c : p.choices()) out.add(List.of(String.valueOf(c)));
            return out;
        }
        if (p.min() != null) {
            List<String> spellings = new ArrayList<>(List.of(number(p.min()), String.valueOf(p.min())));
            if (whole(p.min()) && !p.exclusiveMin()) spellings.add("> " + number(p.min() - 1));
            out.add(spellings);
        }
        if (p.max() != null) out.add(List.of(number(p.max()), String.valueOf(p.max())));
        return out;
    }

    private static boolean whole(double v) {
        return v == Math.rint(v);
    }

    /** A number as the messages write it: "3" or "3.0" both contain "3"; fractions as Java prints them. */
    private static String number(double v) {
        return whole(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** {@code v} as the parameter takes it: an int when whole, a pair for a range or list. */
    private static Object value(Parameter p, double v) {
        Object x = whole(v) && Math.abs(v) < Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
        return p.type().equals("range") || p.type().equals("list") ? List.of(x, x) : x;
    }

    private static double below(double v) {
        return v - Math.max(1e-6, Math.abs(v) * 1e-6);
    }

    private static double above(double v) {
        return v + Math.max(1e-6, Math.abs(v) * 1e-6);
    }

    private static void build(String transform, String name, Object value) {
        Map<String, Object> values = new LinkedHashMap<>(TransformDescriptions.buildable(transform));
        values.put(name, value);
        TransformRegistry.create(transform, new Params(values, "$", transform));
    }

    // ---- nothing bounded is left undeclared

    /**
     * Parameters whose check bounds them in a way no single declaration says (several parameters related, a bound that
     * depends on the image), each with its reason. Every other numeric parameter whose check reports an interval
     * declares it.
     */
    private static final Set<String> RELATED_NOT_DECLARED = Set.of();

    @Test
    void everyNumericParameterWhoseCheckReportsABoundDeclaresIt() {
        Set<String> undeclared = new TreeSet<>();
        for (Description d : ALL) {
            for (Parameter p : d.parameters()) {
                if (p.min() != null || p.max() != null || p.choices() != null) continue;
                Object probe = switch (p.type()) {
                    case "number" -> -1e300;
                    case "int" -> Integer.MIN_VALUE;
                    case "range" -> List.of(-1e300, -1e300);
                    default -> null;
                };
                if (probe == null) continue;
                Map<String, Object> values = new LinkedHashMap<>(TransformDescriptions.buildable(d.name()));
                values.put(p.name(), probe);
                try {
                    if (d.kind().equals("transform")) TransformRegistry.create(d.name(), new Params(values, "$", d.name()));
                } catch (RuntimeException e) {
                    if (reportsBounds(String.valueOf(e.getMessage()), p.name())) undeclared.add(d.name() + "." + p.name() + ": " + e.getMessage());
                }
            }
        }
        undeclared.removeIf(s -> RELATED_NOT_DECLARED.contains(s.substring(0, s.indexOf(':'))));
        assertThat(undeclared).as("bounded by a check, but not declared (use org.augment4j.internal.Allowed)").isEmpty();
    }

    private static final String NUM = "(-?(?:Infinity|[0-9.]+(?:[eE][-+]?[0-9]+)?))";

    /** Whether a message states an interval for {@code param}, as the checks word one. */
    private static boolean reportsBounds(String message, String param) {
        String p = "(?:^|[\\s:.])" + Pattern.quote(param) + " must be ";
        Matcher m = Pattern.compile(p + "(?:in|a range \\(min <= max\\) (?:within|of values)|an? [a-z ]*(?:integer|number)s?) ?[\\[(]?" + NUM).matcher(message);
        if (m.find()) return true;
        return Pattern.compile(p + "(?:>=?|<=?) " + NUM).matcher(message).find();
    }

    @Test
    void probingOnlySeesWhatIsDeclared() {
        assertThat(reportsBounds("T: sigma must be in [0, 1], got -1", "sigma")).isTrue();
        assertThat(reportsBounds("T: sigma must be > 0, got -1", "sigma")).isTrue();
        assertThat(reportsBounds("T: sigma_x must be > 0, got -1", "sigma")).isFalse();
        assertThat(reportsBounds("T: method must be 'a' or 'b', got 'c'", "method")).isFalse();
    }
}
