package org.augment4j.serial;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Albumentations 0.x's imgaug wrappers ({@code albumentations.imgaug.transforms.IAA…}, removed in Albumentations 1.0),
 * run as their modern equivalents: a file naming one gets, in its place, the modern transform with the parameters
 * translated to their modern meaning (imgaug 0.4.0's, which 0.4.6 to 0.5.2 required), and one warning per file names
 * every substitution and what in it is approximate. Saving the loaded pipeline writes the modern names.
 *
 * <table>
 *   <caption>The wrappers (0.x defaults in brackets) and what they become</caption>
 *   <tr><th>wrapper</th><th>modern</th><th>translation</th></tr>
 *   <tr><td>IAAAdditiveGaussianNoise (loc 0, scale (2.55, 12.75), per_channel false, p 0.5)</td><td>GaussNoise</td>
 *       <td>std_range = scale / 255; mean_range = (loc + 0.5) / 255 — imgaug rounds the noise to whole levels,
 *       GaussNoise truncates the noisy uint8 value, and the half level makes them the same; per_channel as is (a
 *       fraction, imgaug's "per channel for that share of the images", becomes true from 0.5 on: approximate)</td></tr>
 *   <tr><td>IAAAffine (scale 1, translate_percent / translate_px none, rotate 0, shear 0, order 1, cval 0,
 *       mode "reflect", p 0.5)</td><td>Affine</td>
 *       <td>scale with keep_ratio (imgaug draws one scale for both axes); rotate and shear negated (imgaug turns
 *       clockwise where Albumentations turns counter-clockwise; shear as Albumentations 1.3 reads it, the semantics of
 *       0.x files); translations as is, but drawn per axis (imgaug drew one value for both: approximate unless fixed),
 *       shear likewise; order → interpolation (see below); mode → border_mode; cval → fill</td></tr>
 *   <tr><td>IAAPiecewiseAffine (scale (0.03, 0.05), nb_rows 4, nb_cols 4, order 1, cval 0, mode "constant",
 *       p 0.5)</td><td>PiecewiseAffine</td><td>as is; order → interpolation, mode → border_mode, cval → fill</td></tr>
 *   <tr><td>IAAPerspective (scale (0.05, 0.1), keep_size true, p 0.5)</td><td>Perspective</td><td>as is</td></tr>
 *   <tr><td>IAASharpen (alpha (0.2, 0.5), lightness (0.5, 1), p 0.5)</td><td>Sharpen</td><td>as is, method "kernel"
 *       (the same 3 x 3 kernel)</td></tr>
 *   <tr><td>IAAEmboss (alpha (0.2, 0.5), strength (0.2, 0.7), p 0.5)</td><td>Emboss</td><td>as is (the same kernel)</td></tr>
 *   <tr><td>IAASuperpixels (p_replace 0.1, n_segments 100, p 0.5)</td><td>Superpixels</td><td>as is, with imgaug's
 *       max_size 128 and linear interpolation</td></tr>
 *   <tr><td>IAACropAndPad (px / percent none — then imgaug's percent (-0.1, 0.1) —, pad_mode "constant", pad_cval 0,
 *       keep_size true, p 1)</td><td>CropAndPad</td><td>px and percent as is; pad_mode → border_mode; pad_cval →
 *       fill</td></tr>
 *   <tr><td>IAAFliplr, IAAFlipud (p 0.5)</td><td>HorizontalFlip, VerticalFlip</td><td>exact</td></tr>
 * </table>
 *
 * <p>Conventions: a scalar where 0.x called {@code to_tuple(x, low)} becomes {@code (min(low, x), max(low, x))}, or
 * {@code (−x, x)} without a low; files hold the tuples as {@code [a, b]}. scikit-image interpolation orders become
 * OpenCV's as imgaug mapped them (0 nearest, 1 linear, 3 cubic; 2, 4 and 5, which imgaug ran through scikit-image,
 * become cubic: approximate). scikit-image / numpy modes become OpenCV borders as imgaug mapped them: constant 0, edge 1,
 * symmetric 2, wrap 3, reflect 4; numpy's other pad modes have no OpenCV border and are errors. A cval range
 * {@code [a, b]} (imgaug drew one per image) becomes the fill {@code (a + b) / 2}: approximate. A non-zero fill is
 * written for every channel ({@code [v, v, v, v]}), as imgaug filled.
 *
 * <p>The geometric wrappers handed masks to imgaug as images, so masks were resampled and filled like the image; the
 * translations keep that ({@code mask_interpolation} and {@code fill_mask} follow the image's). The random draws are
 * augment4j's, not imgaug's, so outputs are alike in distribution, not bit for bit.
 */
final class LegacyImgaug {
    private LegacyImgaug() {}

    /** Translates one wrapper's parameters (read from {@code r}) to the modern dict, noting approximations. */
    @FunctionalInterface
    private interface Translator {
        Map<String, Object> translate(Params r, List<String> approximate);
    }

    /** The wrappers by short name (a file may also write {@code albumentations.imgaug.transforms.IAA…}). */
    private static final Map<String, Translator> WRAPPERS = new LinkedHashMap<>();

    static {
        WRAPPERS.put("IAAAdditiveGaussianNoise", LegacyImgaug::additiveGaussianNoise);
        WRAPPERS.put("IAAAffine", LegacyImgaug::affine);
        WRAPPERS.put("IAACropAndPad", LegacyImgaug::cropAndPad);
        WRAPPERS.put("IAAEmboss", (r, a) -> modern("Emboss", r.p(0.5), "alpha", toTuple(r, "alpha", 0.2, 0.5, 0.0),
                "strength", toTuple(r, "strength", 0.2, 0.7, 0.0)));
        WRAPPERS.put("IAAFliplr", (r, a) -> modern("HorizontalFlip", r.p(0.5)));
        WRAPPERS.put("IAAFlipud", (r, a) -> modern("VerticalFlip", r.p(0.5)));
        WRAPPERS.put("IAAPerspective", (r, a) -> modern("Perspective", r.p(0.5), "scale", toTuple(r, "scale", 0.05, 0.1, 1.0),
                "keep_size", r.bool("keep_size", true), "mask_interpolation", 1));
        WRAPPERS.put("IAAPiecewiseAffine", LegacyImgaug::piecewiseAffine);
        WRAPPERS.put("IAASharpen", (r, a) -> modern("Sharpen", r.p(0.5), "alpha", toTuple(r, "alpha", 0.2, 0.5, 0.0),
                "lightness", toTuple(r, "lightness", 0.5, 1.0, 0.0), "method", "kernel"));
        WRAPPERS.put("IAASuperpixels", LegacyImgaug::superpixels);
    }

    /**
     * One substitution: where, the wrapper's name as the file wrote it, the modern dict, and what is approximate.
     */
    record Substitution(String path, String wrapper, Map<String, Object> modern, List<String> approximate) {
        /** {@code IAAAffine → Affine(scale=[0.9, 1.1], …) at $.transform.transforms[1]}, with approximations. */
        String describe() {
            String args = modern.entrySet().stream().filter(e -> !e.getKey().equals("__class_fullname__") && !e.getKey().equals("p"))
                    .map(e -> e.getKey() + "=" + format(e.getValue())).collect(Collectors.joining(", "));
            return TransformRegistry.shortName(wrapper) + " → " + modern.get("__class_fullname__") + "(" + args + ") at " + path
                    + (approximate.isEmpty() ? "" : " (approximate: " + String.join("; ", approximate) + ")");
        }
    }

    /**
     * The tree with every imgaug wrapper (outside the user's own transforms of that name) replaced by its modern
     * transform's dict; when there was any, one warning through {@code options.warnings()} names them all. Nodes that
     * are not wrappers are kept as they are (errors in them are the loader's to report).
     */
    static Object rewrite(Object node, String path, PipelineFile.Options options) {
        List<Substitution> found = new ArrayList<>();
        Object out = walk(node, path, 0, options, options.strict(), found);
        if (!found.isEmpty()) {
            options.warnings().accept("imgaug wrappers (Albumentations 0.x, removed in Albumentations 1.0) run as their modern equivalents: "
                    + found.stream().map(Substitution::describe).collect(Collectors.joining("; ")));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object walk(Object node, String path, int depth, PipelineFile.Options options, boolean inherited, List<Substitution> found) {
        if (depth > PipelineFile.MAX_DEPTH || !(node instanceof Map<?, ?> m)) return node;
        boolean strict = m.get("strict") instanceof Boolean b ? b : inherited;
        if (m.get("__class_fullname__") instanceof String name && WRAPPERS.containsKey(TransformRegistry.shortName(name)) && options.transform(name) == null) {
            Substitution s = translate((Map<String, Object>) m, path, strict, options.warnings());
            found.add(s);
            return s.modern();
        }
        Map<String, Object> copy = null;
        if (m.get("transforms") instanceof List<?> children) {
            List<Object> replaced = null;
            for (int i = 0; i < children.size(); i++) {
                Object c = walk(children.get(i), path + ".transforms[" + i + "]", depth + 1, options, strict, found);
                if (c == children.get(i)) continue;
                if (replaced == null) replaced = new ArrayList<>(children);
                replaced.set(i, c);
            }
            if (replaced != null) (copy = new LinkedHashMap<>((Map<String, Object>) m)).put("transforms", replaced);
        }
        for (String key : List.of("first", "second")) {
            Object child = m.get(key);
            Object c = walk(child, path + "." + key, depth + 1, options, strict, found);
            if (c == child) continue;
            if (copy == null) copy = new LinkedHashMap<>((Map<String, Object>) m);
            copy.put(key, c);
        }
        return copy == null ? node : copy;
    }

    /** Translates one wrapper's dict; unknown parameters are errors (warnings when not strict) naming the wrapper. */
    static Substitution translate(Map<String, Object> wrapper, String path, boolean strict, Consumer<String> warnings) {
        String name = (String) wrapper.get("__class_fullname__");
        String shortName = TransformRegistry.shortName(name);
        Params r = new Params(wrapper, path, shortName, strict, warnings);
        List<String> approximate = new ArrayList<>();
        Map<String, Object> modern = WRAPPERS.get(shortName).translate(r, approximate);
        r.finish();
        return new Substitution(path, name, modern, List.copyOf(approximate));
    }

    // ---- the translations

    private static Map<String, Object> additiveGaussianNoise(Params r, List<String> approximate) {
        double p = r.p(0.5);
        List<Double> scale = toTuple(r, "scale", 0.01 * 255, 0.05 * 255, 0.0);
        List<Double> loc = pair(r, "loc", 0.0);
        Object pc = r.raw("per_channel");
        boolean perChannel;
        if (pc == null || pc instanceof Boolean) {
            perChannel = Boolean.TRUE.equals(pc);
        } else if (pc instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
            perChannel = n.doubleValue() >= 0.5;
            if (n.doubleValue() != 0 && n.doubleValue() != 1) {
                approximate.add("per_channel=" + format(n) + " (imgaug: per channel for that share of the images) becomes " + perChannel);
            }
        } else {
            throw r.error("per_channel", "must be true, false or a probability in [0, 1], got " + pc);
        }
        return modern("GaussNoise", p, "std_range", List.of(round(scale.get(0) / 255), round(scale.get(1) / 255)),
                "mean_range", List.of(round((loc.get(0) + 0.5) / 255), round((loc.get(1) + 0.5) / 255)), "per_channel", perChannel);
    }

    private static Map<String, Object> affine(Params r, List<String> approximate) {
        double p = r.p(0.5);
        List<Double> scale = toTuple(r, "scale", 1.0, 1.0, 1.0);
        List<Double> percent = r.raw("translate_percent") == null ? null : toTuple(r, "translate_percent", 0, 0, 0.0);
        List<Double> px = r.raw("translate_px") == null ? null : toTuple(r, "translate_px", 0, 0, 0.0);
        List<Double> rotate = toTuple(r, "rotate", 0, 0, null);
        List<Double> shear = toTuple(r, "shear", 0, 0, null);
        int interpolation = interpolation(r, approximate);
        Object fill = cval(r, "cval", approximate);
        int border = border(r, "mode", "reflect");
        Map<String, Object> m = modern("Affine", p, "scale", scale, "keep_ratio", true);
        if (percent != null) m.put("translate_percent", percent);
        if (px != null) m.put("translate_px", integers(r, "translate_px", px));
        List<Double> translate = percent != null ? percent : px;
        if (translate != null && !translate.get(0).equals(translate.get(1))) approximate.add("x and y translations drawn apart (imgaug drew one for both)");
        m.put("rotate", negated(rotate));
        m.put("shear", negated(shear));
        if (!shear.get(0).equals(shear.get(1))) approximate.add("x and y shears drawn apart (imgaug drew one for both)");
        resampling(m, interpolation, border, fill);
        return m;
    }

    private static Map<String, Object> piecewiseAffine(Params r, List<String> approximate) {
        double p = r.p(0.5);
        Map<String, Object> m = modern("PiecewiseAffine", p, "scale", toTuple(r, "scale", 0.03, 0.05, 0.0),
                "nb_rows", orDefault(r, "nb_rows", 4), "nb_cols", orDefault(r, "nb_cols", 4));
        int interpolation = interpolation(r, approximate);
        Object fill = cval(r, "cval", approximate);
        resampling(m, interpolation, border(r, "mode", "constant"), fill);
        return m;
    }

    private static Map<String, Object> superpixels(Params r, List<String> approximate) {
        double p = r.p(0.5);
        Object pReplace = orDefault(r, "p_replace", 0.1);
        if (pReplace instanceof Number n) pReplace = List.of(n.doubleValue(), n.doubleValue());
        return modern("Superpixels", p, "p_replace", pReplace, "n_segments", orDefault(r, "n_segments", 100),
                "max_size", 128, "interpolation", 1);
    }

    private static Map<String, Object> cropAndPad(Params r, List<String> approximate) {
        double p = r.p(1.0);
        Object px = r.raw("px"), percent = r.raw("percent");
        Map<String, Object> m = modern("CropAndPad", p);
        if (px == null && percent == null) percent = List.of(-0.1, 0.1); // imgaug's default when neither is given
        if (px != null) m.put("px", px);
        if (percent != null) m.put("percent", percent);
        Object fill = everyChannel(orDefault(r, "pad_cval", 0));
        m.put("keep_size", r.bool("keep_size", true));
        m.put("sample_independently", true);
        m.put("interpolation", 1);
        m.put("mask_interpolation", 1);
        m.put("border_mode", border(r, "pad_mode", "constant"));
        m.put("fill", fill);
        m.put("fill_mask", fill);
        return m;
    }

    // ---- conventions

    /** A modern dict: name, p, then the given name/value pairs in order. */
    private static Map<String, Object> modern(String name, double p, Object... args) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__class_fullname__", name);
        m.put("p", p);
        for (int i = 0; i < args.length; i += 2) m.put((String) args[i], args[i + 1]);
        return m;
    }

    /** Interpolation, mask interpolation (masks went through imgaug as images), border and fills. */
    private static void resampling(Map<String, Object> m, int interpolation, int border, Object fill) {
        m.put("interpolation", interpolation);
        m.put("mask_interpolation", interpolation);
        m.put("border_mode", border);
        m.put("fill", everyChannel(fill));
        m.put("fill_mask", everyChannel(fill));
    }

    /**
     * imgaug filled every channel with a number; so does a 2.x fill, but a 1.x pipeline (what a 0.x file gives) fills
     * only the first channel with a lone number, as 1.3.1's OpenCV calls did. A non-zero number is therefore written
     * per channel ({@code [v, v, v, v]}), which fills every channel under either semantics.
     */
    private static Object everyChannel(Object fill) {
        return fill instanceof Number n && n.doubleValue() != 0 ? List.of(n, n, n, n) : fill;
    }

    /** The raw value (passed on as it is: the modern transform reads it the same way), or {@code def} when absent or null. */
    private static Object orDefault(Params r, String name, Object def) {
        Object v = r.raw(name);
        return v == null ? def : v;
    }

    /** 0.x's {@code to_tuple}: a pair as is; a number {@code x} as {@code (min(low, x), max(low, x))}, or {@code (−x, x)} without low. */
    private static List<Double> toTuple(Params r, String name, double defLo, double defHi, Double low) {
        Object v = r.raw(name);
        if (v == null) return List.of(defLo + 0.0, defHi + 0.0);
        if (v instanceof Number n) {
            double x = n.doubleValue();
            if (low == null) return List.of(-x + 0.0, x + 0.0);
            return List.of(Math.min(low, x), Math.max(low, x));
        }
        return pairOf(r, name, v);
    }

    /** A number {@code x} as {@code [x, x]}, or a pair. */
    private static List<Double> pair(Params r, String name, double def) {
        Object v = r.raw(name);
        if (v == null) return List.of(def, def);
        if (v instanceof Number n) return List.of(n.doubleValue(), n.doubleValue());
        return pairOf(r, name, v);
    }

    private static List<Double> pairOf(Params r, String name, Object v) {
        if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
            return List.of(a.doubleValue() + 0.0, b.doubleValue() + 0.0);
        }
        throw r.error(name, "must be a number or a [min, max] pair, got " + v);
    }

    private static List<Long> integers(Params r, String name, List<Double> v) {
        for (double x : v) if (x != Math.rint(x)) throw r.error(name, "must be whole pixels, got " + v);
        return List.of(Math.round(v.get(0)), Math.round(v.get(1)));
    }

    private static List<Double> negated(List<Double> range) {
        return List.of(-range.get(1) + 0.0, -range.get(0) + 0.0);
    }

    /** scikit-image's {@code order} as the OpenCV interpolation imgaug used: 0 nearest, 1 linear, 3 cubic; 2, 4, 5 cubic (approximate). */
    private static int interpolation(Params r, List<String> approximate) {
        int order = r.integer("order", 1);
        return switch (order) {
            case 0, 1 -> order;
            case 3 -> 2;
            case 2, 4, 5 -> {
                approximate.add("order " + order + " (scikit-image) becomes bicubic interpolation");
                yield 2;
            }
            default -> throw r.error("order", "must be a scikit-image interpolation order 0 to 5, got " + order);
        };
    }

    /** scikit-image / numpy mode names as OpenCV borders, as imgaug mapped them. */
    private static int border(Params r, String name, String def) {
        String mode = r.string(name, def);
        return switch (mode) {
            case "constant" -> 0;
            case "edge" -> 1;
            case "symmetric" -> 2;
            case "wrap" -> 3;
            case "reflect" -> 4;
            default -> throw r.error(name, "must be one of constant, edge, symmetric, reflect, wrap (the modes with an OpenCV border), got '" + mode + "'");
        };
    }

    /** A fill value: a number as is; a range {@code [a, b]} (imgaug drew one per image) as its middle, approximate. */
    private static Object cval(Params r, String name, List<String> approximate) {
        Object v = r.raw(name);
        if (v == null) return 0;
        if (v instanceof Number) return v;
        List<Double> range = pairOf(r, name, v);
        double mid = (range.get(0) + range.get(1)) / 2;
        approximate.add(name + " range " + format(range) + " becomes the fill " + format(mid));
        return mid;
    }

    /** {@code x} to 12 significant digits, so that {@code 2.55 / 255} reads 0.01. */
    private static double round(double x) {
        return new BigDecimal(x).round(new MathContext(12)).doubleValue();
    }

    /** A value for the warning: numbers to 6 significant digits, lists in brackets, strings quoted. */
    static String format(Object v) {
        if (v instanceof List<?> l) return l.stream().map(LegacyImgaug::format).collect(Collectors.joining(", ", "[", "]"));
        if (v instanceof Double d && Double.isFinite(d)) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
            return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        if (v instanceof String s) return "'" + s + "'";
        return String.valueOf(v);
    }
}
