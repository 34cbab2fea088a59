package org.augment4j.serial;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.augment4j.OutsidePaths;
import org.augment4j.Semantics;
import org.augment4j.internal.Allowed;
import org.augment4j.internal.Check;
import org.augment4j.internal.Records;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;

/**
 * The parameters of one transform as read from a pipeline file, with typed accessors that know Albumentations'
 * conventions (scalar limits, 1.3 and 2.x parameter names) and that report errors with the JSON path. After reading,
 * {@link #finish()} rejects any parameter nobody asked for.
 *
 * <p><b>Strictness</b> (Albumentations 2.x {@code strict}): by default an unknown parameter is an error. A transform
 * whose map holds {@code "strict": false}, or any transform of a file loaded non-strictly (see
 * {@link PipelineFile.Options#strict()} and a Compose's {@code strict}), instead gets a warning naming the parameter,
 * which is then ignored. A transform's own {@code strict} wins over the file's.
 *
 * <p><b>Release</b>: {@link #semantics()} is the behaviour the file asks for (its {@code __version__}, or
 * {@link PipelineFile.Options#withSemantics}); a parameter a file leaves out takes that release's default
 * ({@link #byRelease}). Maps from the Java API ({@link #of}) follow {@link Semantics#ALBUMENTATIONS_2}.
 *
 * <p><b>Description</b>: every accessor also records what it read (name, type, default); {@link TransformDescriptions#describe()}
 * builds each transform from empty parameters to list them, so the list comes from the code itself. What a parameter
 * allows (bounds, choices) is declared by the check that validates it, an {@code org.augment4j.internal.Allowed}: the
 * overloads {@link #dbl(String, double, Allowed)}, {@link #integer(String, int, Allowed)} and
 * {@link #string(String, String, Allowed)} check at reading time (errors at the parameter's path), and a constructor's
 * own check with the same declaration is recorded as well.
 */
public final class Params {
    private final Map<String, Object> values;
    private final String path;
    private final String transform;
    private final boolean strict;
    private final Consumer<String> warnings;
    private final Semantics semantics;
    private final Set<String> used = new LinkedHashSet<>();
    /** Non-null while describing: what the accessors read. */
    private final Recording recording;
    /** Where files this map names are read from (null: the working directory), and whether they may lie outside it. */
    private Path fileFolder;
    private OutsidePaths outsidePaths = OutsidePaths.ALLOW;

    /**
     * Strict parameters with Albumentations 2.x semantics, warnings logged.
     *
     * @param values    the transform's parameters by Albumentations name, as parsed from the file
     * @param path      the JSON path of the transform in its file, for error messages (such as {@code $.transform.transforms[2]})
     * @param transform the transform's name, for error messages
     */
    public Params(Map<String, Object> values, String path, String transform) {
        this(values, path, transform, true, PipelineFile.Options::log, Semantics.ALBUMENTATIONS_2);
    }

    /**
     * @param strict   whether unknown parameters are errors (a {@code strict} key in {@code values} overrides it)
     * @param warnings where warnings about ignored parameters go when not strict
     */
    public Params(Map<String, Object> values, String path, String transform, boolean strict, Consumer<String> warnings) {
        this(values, path, transform, strict, warnings, Semantics.ALBUMENTATIONS_2);
    }

    /**
     * @param semantics the release whose defaults apply to parameters the map leaves out
     */
    public Params(Map<String, Object> values, String path, String transform, boolean strict, Consumer<String> warnings, Semantics semantics) {
        this(values, path, transform, strict, warnings, semantics, null);
    }

    private Params(Map<String, Object> values, String path, String transform, boolean strict, Consumer<String> warnings, Semantics semantics,
                   Recording recording) {
        this.values = values;
        this.semantics = java.util.Objects.requireNonNull(semantics, "semantics");
        this.path = path;
        this.transform = transform;
        this.strict = strict;
        this.warnings = warnings;
        this.recording = recording;
        used.add("__class_fullname__");
    }

    /**
     * Files named by this map are read relative to {@code folder} (null: the working directory) and, under
     * {@link OutsidePaths#REFUSE}, must lie in it (see {@link #file}). A reader made by a constructor or {@link #of}
     * reads them as given: they come from the caller's own code. Returns this reader.
     */
    Params readingFiles(Path folder, OutsidePaths outside) {
        this.fileFolder = folder;
        this.outsidePaths = java.util.Objects.requireNonNull(outside, "outside");
        return this;
    }

    /**
     * A file that parameter {@code name} names ({@code written}, e.g. one of {@code reference_images}): relative to the
     * pipeline file's folder (for a pipeline read from text, the working directory). Unless the loading options allow
     * it ({@link PipelineFile.Options#withOutsidePaths}), a file that leads outside that folder ({@code ..}, an absolute
     * path elsewhere, a symbolic link out) is an error naming the parameter: a pipeline file is data and must not pull
     * arbitrary files of the machine into the outputs.
     */
    public Path file(String name, String written) {
        Path folder = fileFolder != null ? fileFolder : Path.of("");
        Path f;
        try {
            f = folder.resolve(written);
        } catch (InvalidPathException e) {
            throw error(name, "names '" + written + "', which is not a path: " + e.getReason());
        }
        String problem = outsidePaths.problem(folder, f);
        if (problem != null) {
            throw error(name, "names '" + written + "', which " + problem + "; files a pipeline file names must lie in its folder"
                    + " (allow others with --allow-outside-paths or PipelineFile.Options.withOutsidePaths(OutsidePaths.ALLOW))");
        }
        return f;
    }

    /** A reader over a plain map of Albumentations-named parameters (for the Java API). */
    public static Params of(String transform, Map<String, ?> values) {
        return new Params(new LinkedHashMap<>(values), "$", transform);
    }

    /** A reader that records what is read, for {@link TransformRegistry#describe()}. */
    static Params describing(String transform, Map<String, Object> values, Recording recording) {
        return new Params(values, "$", transform, false, w -> {}, Semantics.ALBUMENTATIONS_2, recording);
    }

    /** The JSON path of this transform in its file, as error messages give it. */
    public String path() {
        return path;
    }

    /** The name of the transform these parameters are for. */
    public String transform() {
        return transform;
    }

    /** The release whose meaning the parameters have (see the class Javadoc). */
    public Semantics semantics() {
        return semantics;
    }

    /**
     * A default that differs between releases: {@code v13} when the parameters follow
     * {@link Semantics#ALBUMENTATIONS_1_3}, else {@code v2}.
     */
    public <T> T byRelease(T v13, T v2) {
        return semantics == Semantics.ALBUMENTATIONS_1_3 ? v13 : v2;
    }

    /** True when the parameter is named at all, even as null (where null means something, such as "random"). */
    public boolean contains(String name) {
        if (recording != null) recording.probed.add(name);
        return values.containsKey(name);
    }

    /** True when the parameter is present and not null. */
    public boolean has(String name) {
        if (recording != null) recording.probed.add(name);
        return values.get(name) != null;
    }

    /** Fails unless the parameter is present and not null: a required parameter (listed as such by {@code augment4j list}). */
    public void require(String name) {
        if (!has(name)) throw error(name, "is required");
    }

    /** Marks parameters as known but unused (1.3 leftovers such as {@code always_apply} handled elsewhere). */
    public void ignore(String... names) {
        used.addAll(List.of(names));
    }

    /**
     * The name to read a parameter by: {@code name} (2.x), or {@code old}, the name Albumentations 1.3 wrote it under,
     * when only that one is given; both given is an error.
     */
    public String renamed(String name, String old) {
        if (!has(old)) return name;
        if (has(name)) throw error(old, "is an Albumentations 1.3 parameter; give either " + old + " (1.3) or " + name + " (2.x), not both");
        return old;
    }

    /** The raw value, or null. */
    public Object raw(String name) {
        declare(name, "any", null, false);
        return value(name);
    }

    private Object value(String name) {
        used.add(name);
        return values.get(name);
    }

    /** {@code p}, with 1.3's {@code always_apply: true} (or 1, as Python's truth) meaning p = 1. */
    public double p(double def) {
        double p = dbl("p", def);
        Object always = value("always_apply");
        if (Boolean.TRUE.equals(always) || always instanceof Number n && n.doubleValue() != 0) p = 1.0;
        double checkedP = p;
        return checked("p", () -> Check.probability(transform, checkedP));
    }

    /** A number; {@code def} when the parameter is absent or null. */
    public double dbl(String name, double def) {
        declare(name, "number", def, true);
        Object v = value(name);
        if (v == null) return def;
        if (v instanceof Number n) return n.doubleValue();
        throw error(name, "must be a number, got " + describe(v));
    }

    /**
     * An integer; a whole number written as a float ({@code 768.0}, as Python may write one) is that integer. A value
     * outside Java's int range is refused rather than wrapped.
     */
    public int integer(String name, int def) {
        declare(name, "int", def, true);
        Object v = value(name);
        if (v == null) return def;
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) throw error(name, "must be an integer, got " + describe(v));
        if (n.doubleValue() < Integer.MIN_VALUE || n.doubleValue() > Integer.MAX_VALUE) {
            throw error(name, "must be an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ", got " + describe(v));
        }
        return n.intValue();
    }

    /** A 64-bit integer (a seed): as {@link #integer}, within Java's long range. */
    public long longInteger(String name, long def) {
        declare(name, "int", def, true);
        Object v = value(name);
        if (v == null) return def;
        if (v instanceof Integer || v instanceof Long) return ((Number) v).longValue();
        if (v instanceof java.math.BigInteger b && b.bitLength() < 64) return b.longValue();
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) return d.longValue();
        throw error(name, "must be an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", got " + describe(v));
    }

    /** true or false; 1 and 0 also, as Python's truth and Albumentations 2.x's validation read them. */
    public boolean bool(String name, boolean def) {
        declare(name, "bool", def, true);
        Object v = value(name);
        if (v == null) return def;
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) return n.doubleValue() == 1;
        throw error(name, "must be true or false, got " + describe(v));
    }

    /** A string; {@code def} when the parameter is absent or null. */
    public String string(String name, String def) {
        declare(name, "string", def, true);
        Object v = value(name);
        if (v == null) return def;
        if (v instanceof String s) return s;
        throw error(name, "must be a string, got " + describe(v));
    }

    /**
     * A number that {@code allowed} declares (an interval): read as {@link #dbl(String, double)}, then checked, so a
     * value outside is an error naming the parameter and what is allowed, and descriptions list the bounds.
     */
    public double dbl(String name, double def, Allowed allowed) {
        double v = dbl(name, def);
        return checked(name, () -> allowed.check(transform, name, v));
    }

    /** An integer that {@code allowed} declares (an interval or integer choices such as OpenCV flags); see {@link #dbl(String, double, Allowed)}. */
    public int integer(String name, int def, Allowed allowed) {
        int v = integer(name, def);
        return checked(name, () -> allowed.check(transform, name, v));
    }

    /** One of the strings {@code allowed} declares; see {@link #dbl(String, double, Allowed)}. */
    public String string(String name, String def, Allowed allowed) {
        String v = string(name, def);
        return checked(name, () -> allowed.check(transform, name, v));
    }

    /** Runs a check, its failure reported at the parameter's JSON path. */
    private <T> T checked(String name, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            if (e instanceof PipelineException) throw e;
            throw new PipelineException(path + "." + name, e.getMessage(), e);
        }
    }

    /** How a scalar is read where a range is expected. */
    public enum Scalar {
        /** {@code x} means {@code [-x, x]} (shift and rotate limits). */
        SYMMETRIC,
        /** {@code x} means {@code [x, x]}. */
        FIXED,
        /** {@code x} means {@code [low, x]} with the given low bound (blur limits: {@code [3, x]}). */
        UPPER
    }

    /** A range parameter: {@code [a, b]} or a scalar read per {@code mode}; {@code low} is the lower bound for UPPER. */
    public Range range(String name, Range def, Scalar mode, double low) {
        declare(name, "range", def, true);
        Object v = value(name);
        if (v == null) return def;
        if (v instanceof Number n) {
            double x = n.doubleValue();
            return switch (mode) {
                case SYMMETRIC -> Range.symmetric(x);
                case FIXED -> Range.fixed(x);
                case UPPER -> Range.of(low, x);
            };
        }
        if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
            return Range.of(a.doubleValue(), b.doubleValue());
        }
        throw error(name, "must be a number or a [min, max] pair, got " + describe(v));
    }

    /** As {@link #range(String, Range, Scalar, double)} with a lower bound of 0 for {@link Scalar#UPPER}. */
    public Range range(String name, Range def, Scalar mode) {
        return range(name, def, mode, 0);
    }

    /** A list of numbers (or one number, as a one-element array). */
    public double[] numbers(String name, double[] def) {
        declare(name, "list", def, true);
        return numbersOf(name, def);
    }

    private double[] numbersOf(String name, double[] def) {
        Object v = value(name);
        if (v == null) return def;
        if (v instanceof Number n) return new double[] {n.doubleValue()};
        if (v instanceof List<?> l) {
            double[] out = new double[l.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(l.get(i) instanceof Number n)) throw error(name, "must be a list of numbers, got " + describe(v));
                out[i] = n.doubleValue();
            }
            return out;
        }
        throw error(name, "must be a number or a list of numbers, got " + describe(v));
    }

    /** A fill value from the first of {@code names} present (2.x {@code fill} before 1.3 {@code value}/{@code cval}). */
    public Fill fill(Fill def, String... names) {
        if (names.length > 0) declare(names[0], "fill", def, true);
        Fill out = null;
        for (String n : names) {
            Object v = value(n);
            if (v != null && out == null) {
                double[] d = numbersOf(n, null);
                if (d.length == 0 || d.length > 4) throw error(n, "must be a number or 1 to 4 numbers, got " + describe(v));
                out = Fill.of(d);
            }
        }
        return out == null ? def : out;
    }

    /**
     * The resampling settings of a spatial transform: {@code interpolation}, {@code mask_interpolation},
     * {@code border_mode} (1.3: {@code mode} in Affine), {@code fill}/{@code value}/{@code cval} and
     * {@code fill_mask}/{@code mask_value}/{@code cval_mask}.
     */
    public Resampling resampling(int defInterpolation, int defBorder) {
        int interp = integer("interpolation", defInterpolation, Allowed.INTERPOLATIONS);
        int maskInterp = integer("mask_interpolation", 0, Allowed.INTERPOLATIONS);
        int border = values.get("border_mode") == null && values.get("mode") != null
                ? checked("mode", () -> Allowed.BORDER_MODES.check(transform, "mode", legacyMode(defBorder)))
                : integer("border_mode", defBorder, Allowed.BORDER_MODES);
        Fill fill = fill(Fill.zero(), "fill", "value", "cval");
        Fill fillMask = fill(Fill.zero(), "fill_mask", "mask_value", "cval_mask");
        try {
            return new Resampling(interp, maskInterp, border, fill, fillMask);
        } catch (IllegalArgumentException e) {
            throw new PipelineException(path, transform + ": " + e.getMessage());
        }
    }

    /** 1.3's {@code mode} (Affine's name for border_mode), read without listing it. */
    private int legacyMode(int def) {
        Object v = value("mode");
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
        if (v == null) return def;
        throw error("mode", "must be an integer, got " + describe(v));
    }

    /**
     * Rejects parameters nobody read: an unknown parameter is an error naming it and its path; when not strict, a warning
     * naming it, and it is ignored.
     */
    public void finish() {
        if (recording != null) return;
        Object s = values.get("strict");
        used.add("strict");
        if (s != null && !(s instanceof Boolean)) throw error("strict", "must be true or false, got " + describe(s));
        boolean isStrict = s == null ? strict : (Boolean) s;
        List<String> unknown = new ArrayList<>();
        for (String k : values.keySet()) if (!used.contains(k)) unknown.add(k);
        if (unknown.isEmpty()) return;
        List<String> known = used.stream().filter(n -> !n.startsWith("__") && !n.equals("strict")).toList();
        if (isStrict) {
            throw new PipelineException(path + "." + unknown.get(0), "unknown parameter '" + unknown.get(0) + "' for " + transform
                    + " (known: " + known + ")");
        }
        for (String k : unknown) {
            warnings.accept("ignoring unknown parameter '" + k + "' for " + transform + " at " + path + "." + k + " (strict is false; known: " + known + ")");
        }
    }

    /** An error about one parameter. */
    public PipelineException error(String name, String message) {
        if (recording != null && message.startsWith("is required")) recording.required.add(name);
        return new PipelineException(path + "." + name, transform + "." + name + " " + message);
    }

    private static String describe(Object v) {
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }

    private void declare(String name, String type, Object def, boolean typed) {
        if (recording == null) return;
        Declared old = recording.read.get(name);
        if (old != null && !typed) return;
        recording.read.put(name, new Declared(type, Records.jsonValue(def)));
    }

    /** What one build of a transform read: parameters in order, those reported missing, those only tested with {@link #has}. */
    static final class Recording {
        final Map<String, Declared> read = new LinkedHashMap<>();
        final Set<String> required = new LinkedHashSet<>();
        final Set<String> probed = new LinkedHashSet<>();
    }

    /** One parameter read: its type and default (JSON-ready); what it allows is recorded by its checks ({@link Allowed}). */
    record Declared(String type, Object def) {}
}
