package org.augment4j.serial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.augment4j.Semantics;
import org.augment4j.Transform;

/**
 * The only place where names in pipeline files become transforms: a fixed table from Albumentations' class names to
 * factories. Nothing outside it is ever instantiated, so a pipeline file cannot name an arbitrary Java class.
 *
 * <p>{@link TransformDescriptions#describe()} lists every transform and container with its parameters, read off the code: each factory is
 * run on empty parameters through a recording {@link Params} (see there).
 */
public final class TransformRegistry {
    private static final Map<String, Function<Params, Transform>> FACTORIES = new TreeMap<>();

    static {
        Catalogue.register(TransformRegistry::register);
    }

    private TransformRegistry() {}

    private static void register(String name, Function<Params, Transform> factory) {
        if (FACTORIES.put(name, factory) != null) throw new IllegalStateException("transform registered twice: " + name);
    }

    /**
     * {@code t} rebuilt with one parameter changed: {@code parameter} under its Albumentations name ({@code "p"},
     * {@code "blur_limit"}, …) set to {@code value}, read by the transform's own parameter reader. So the value takes
     * the forms a pipeline file allows (a number for a symmetric range, a {@code Range} or a two-element list, an
     * {@code int[]}, a {@code Fill}, an {@link org.augment4j.transform.Interpolation} or
     * {@link org.augment4j.transform.BorderMode}, …) and gets the same checks and messages; the other parameters and
     * the release semantics ({@link Transform#withSemantics}) stay as they are.
     *
     * @throws IllegalArgumentException for a transform not in the registry, an unknown parameter (listing the known
     *                                  ones) or a bad value (naming it)
     */
    public static Transform with(Transform t, String parameter, Object value) {
        java.util.Objects.requireNonNull(parameter, "parameter");
        Function<Params, Transform> factory = FACTORIES.get(t.name());
        if (factory == null || parameter.startsWith("__")) {
            throw new IllegalArgumentException(t.name() + ".with(" + parameter + "): " + (factory == null
                    ? "only transforms of the registry can be rebuilt from their parameters; build " + t.name() + " with its constructor"
                    : "'" + parameter + "' is not a parameter"));
        }
        Semantics semantics = Semantics.ALBUMENTATIONS_2;
        for (Semantics s : List.of(Semantics.ALBUMENTATIONS_2, Semantics.ALBUMENTATIONS_1_3)) {
            if (t.withSemantics(s) == t) {
                semantics = s;
                break;
            }
        }
        Map<String, Object> dict = new java.util.LinkedHashMap<>(t.toDict());
        dict.put(parameter, org.augment4j.internal.Records.jsonValue(value));
        Params params = new Params(dict, "$", t.name(), true, w -> {}, semantics);
        Transform rebuilt = create(t.name(), params, factory);
        if (rebuilt.getClass() != t.getClass()) {
            throw new IllegalArgumentException(t.name() + ".with(" + parameter + "): " + t.getClass().getName() + " is not the registry's " + t.name());
        }
        return rebuilt.withSemantics(semantics);
    }

    /** The registered names, sorted. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(FACTORIES.keySet()));
    }

    /** True when {@code name} (short, or dotted as {@code albumentations.augmentations.transforms.Blur}) is known. */
    public static boolean contains(String name) {
        return FACTORIES.containsKey(shortName(name));
    }

    /**
     * Builds a transform from its parameters.
     *
     * @throws PipelineException for an unknown name or bad parameters, naming them and the path
     */
    public static Transform create(String name, Params params) {
        Function<Params, Transform> f = FACTORIES.get(shortName(name));
        if (f == null) throw unknown(name, params.path());
        return create(name, params, f);
    }

    /**
     * The error for a name nothing is registered under. A dotted name outside {@code albumentations.} is a class of the
     * file author's own code (Albumentations registers it under that full name when its module is imported), so the
     * message says so and how to give augment4j an implementation of it.
     */
    private static PipelineException unknown(String name, String path) {
        boolean albumentations = !shortName(name).equals(name) || name.indexOf('.') < 0;
        String register = "PipelineFile.Options.withTransform(\"" + shortName(name) + "\", params -> ...)";
        if (albumentations) {
            return new PipelineException(path + ".__class_fullname__", "unknown transform '" + name + "' (see `augment4j list` for the known ones;"
                    + " a class of your own can be registered under this name with " + register + ")");
        }
        return new PipelineException(path + ".__class_fullname__", "unknown transform '" + name + "': a class from the file author's own code (module "
                + name.substring(0, name.lastIndexOf('.')) + "), not an Albumentations transform; to load this file, implement it in Java and register it with "
                + register + " (by this name or by its short name " + className(name) + ")");
    }

    /** Builds a transform with {@code factory} (the registry's or the user's), turning bad parameters into errors with the path. */
    static Transform create(String name, Params params, Function<Params, ? extends Transform> factory) {
        Transform t;
        try {
            t = factory.apply(params);
        } catch (PipelineException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PipelineException(params.path(), e.getMessage(), e);
        }
        params.finish();
        return t;
    }

    /** Builds a transform from a map of Albumentations-named parameters (Java API). */
    public static Transform create(String name, Map<String, ?> params) {
        return create(name, Params.of(shortName(name), params));
    }

    /**
     * The name Albumentations looks a class up by ({@code shorten_class_name}): a name in the {@code albumentations}
     * package loses its module ({@code albumentations.augmentations.transforms.Blur}, as 0.x wrote it, → {@code Blur};
     * {@code albumentations.pytorch.transforms.ToTensorV2} → {@code ToTensorV2}); any other name is kept whole, since it
     * names a class of someone's own code ({@code dataloaders.gridmask.GridMask}).
     */
    public static String shortName(String name) {
        if (name == null) return "";
        return name.startsWith("albumentations.") ? className(name) : name;
    }

    /** The last part of a dotted class name: {@code dataloaders.gridmask.GridMask} → {@code GridMask}. */
    public static String className(String name) {
        if (name == null) return "";
        return name.substring(name.lastIndexOf('.') + 1);
    }

    // ---- description, for `augment4j list`

    /** The registered factories by name (for {@link TransformDescriptions}). */
    static Map<String, Function<Params, Transform>> factories() {
        return java.util.Collections.unmodifiableMap(FACTORIES);
    }
}
