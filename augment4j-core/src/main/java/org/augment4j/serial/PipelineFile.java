package org.augment4j.serial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.augment4j.Compose;
import org.augment4j.OneOf;
import org.augment4j.OutsidePaths;
import org.augment4j.Semantics;
import org.augment4j.Sequential;
import org.augment4j.SomeOf;
import org.augment4j.Transform;
import org.augment4j.compose.NoOp;
import org.augment4j.compose.OneOrOther;
import org.augment4j.compose.RandomOrder;
import org.augment4j.compose.ReplayCompose;
import org.augment4j.compose.SelectiveChannelTransform;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointParams;

/**
 * Loads and saves pipelines as JSON or YAML in Albumentations' {@code to_dict} shape:
 * {@code {"__version__": …, "transform": {"__class_fullname__": "Compose", "p": …, "transforms": […],
 * "bbox_params": …, "keypoint_params": …, "additional_targets": …}}}. Files written by Albumentations 0.3 to 2.x
 * load as the release that wrote them reads them: short or dotted class names ({@link TransformRegistry#shortName}),
 * {@code bbox_params}/{@code keypoint_params} of {@code {}} or null meaning none, 0.x's {@code {"__type__": "Lambda"}},
 * a bare transform instead of a Compose, and YAML as PyYAML's {@code safe_load} reads it ({@code YamlTree}: aliases
 * resolved within a budget); 0.x's imgaug wrappers ({@code IAA…}) run as their modern equivalents ({@code LegacyImgaug},
 * with one warning per file). Errors name the problem and its JSON path.
 *
 * <p>Versions: a file means what it meant in the Albumentations release that wrote it. Its {@code __version__}
 * selects the pipeline's {@link Semantics} (0.x and 1.x files: 1.3.1's behaviour; 2.x files and files without a version:
 * 2.0.8's; {@link Options#withSemantics} overrides), and saving writes the dialect of the pipeline's semantics: 1.3.1's
 * parameter names for a 1.x pipeline, so that 1.3.1's {@code A.from_dict} loads it with the same meaning.
 *
 * <p>Containers: Compose, OneOf, SomeOf, Sequential and 2.x's OneOrOther ({@code transforms} of two, or
 * {@code first}/{@code second}), RandomOrder, SelectiveChannelTransform and ReplayCompose (see {@link #containerNames()}).
 * Unknown parameters are errors unless loaded non-strictly (see {@link Options}). A {@code Lambda} holds code: a file
 * names it by {@code __name__} and the loader takes it from {@link Options#lambdas()}; saving a pipeline that holds one
 * fails, naming it.
 */
public final class PipelineFile {
    /** The {@code __version__} written for a Java-built pipeline (a loaded one keeps its release's: {@link Compose#semantics()}). */
    public static final String FORMAT_VERSION = Semantics.ALBUMENTATIONS_2.version();
    /** The largest pipeline file accepted, in bytes. */
    public static final long MAX_BYTES = 4 << 20;
    /** The deepest nesting of containers accepted. */
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Writes YAML (reading is {@code YamlTree}'s). */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private PipelineFile() {}

    /**
     * How a pipeline file is loaded.
     *
     * @param strict     Albumentations 2.x {@code strict}: true (the default here) makes an unknown parameter an error;
     *                   false turns it into a warning and ignores it. A Compose's {@code strict} in the file applies to
     *                   its subtree; a transform's own {@code strict} applies to it; the innermost wins.
     * @param lambdas    the {@code Lambda}s a file may name (by {@code __name__}); code cannot be read from a file
     * @param warnings   where warnings go (by default the {@code org.augment4j.serial} logger)
     * @param semantics  the behaviour to give the pipeline, or null (the default) for that of the release named by the
     *                   file's {@code __version__} ({@link Semantics#ofVersion})
     * @param transforms the user's own transforms a file may name, by class name (short or dotted, as the file has it),
     *                   built from the file's parameters; they win over the registry's transforms of the same name
     * @param fileFolder the folder that files the pipeline names ({@code reference_images}) are read from, or null (the
     *                   default) for the pipeline file's own folder ({@link #load}) or the working directory (text)
     * @param outsidePaths whether those files may lie outside that folder: {@link OutsidePaths#REFUSE} by default,
     *                   because a pipeline file is data (see {@link Params#file})
     */
    public record Options(boolean strict, Map<String, ? extends Transform> lambdas, Consumer<String> warnings, Semantics semantics,
                          Map<String, Function<Params, ? extends Transform>> transforms, Path fileFolder, OutsidePaths outsidePaths) {
        /**
         * Copies both maps.
         *
         * @throws NullPointerException if {@code warnings} or {@code outsidePaths} is null
         */
        public Options {
            lambdas = Map.copyOf(lambdas);
            transforms = Map.copyOf(transforms);
            java.util.Objects.requireNonNull(warnings, "warnings");
            java.util.Objects.requireNonNull(outsidePaths, "outsidePaths");
        }

        /** Strict, no lambdas or own transforms, warnings logged, semantics from the file's version, no files from outside its folder. */
        public static Options defaults() {
            return new Options(true, Map.of(), Options::log, null, Map.of(), null, OutsidePaths.REFUSE);
        }

        /** These options with strictness {@code s}: whether unknown parameters are errors (true) or warnings. */
        public Options withStrict(boolean s) {
            return new Options(s, lambdas, warnings, semantics, transforms, fileFolder, outsidePaths);
        }

        /** These options with lambdas {@code l}: the {@code Lambda} transforms a file may name, by name. */
        public Options withLambdas(Map<String, ? extends Transform> l) {
            return new Options(strict, l, warnings, semantics, transforms, fileFolder, outsidePaths);
        }

        /** These options with warning sink {@code w} for the warnings of non-strict loading. */
        public Options withWarnings(Consumer<String> w) {
            return new Options(strict, lambdas, w, semantics, transforms, fileFolder, outsidePaths);
        }

        /** Gives the pipeline this behaviour whatever the file's {@code __version__} says (null: the file's). */
        public Options withSemantics(Semantics s) {
            return new Options(strict, lambdas, warnings, s, transforms, fileFolder, outsidePaths);
        }

        /** Reads the files the pipeline names relative to {@code folder} (null: the file's own folder, or the working directory for text). */
        public Options withFileFolder(Path folder) {
            return new Options(strict, lambdas, warnings, semantics, transforms, folder, outsidePaths);
        }

        /** Whether the files the pipeline names may lie outside their folder ({@link OutsidePaths#ALLOW} for trusted files). */
        public Options withOutsidePaths(OutsidePaths o) {
            return new Options(strict, lambdas, warnings, semantics, transforms, fileFolder, o);
        }

        /**
         * Lets a file name one of the user's own classes: {@code name} as the file writes it
         * ({@code dataloaders.gridmask.GridMask}, or its short name {@code GridMask}), built by {@code factory} from the
         * file's parameters (read them with {@link Params}'s accessors; any left unread is an error when strict).
         */
        public Options withTransform(String name, Function<Params, ? extends Transform> factory) {
            java.util.Objects.requireNonNull(factory, "factory");
            if (name == null || name.isBlank()) throw new IllegalArgumentException("withTransform: name must be a class name, got '" + name + "'");
            Map<String, Function<Params, ? extends Transform>> m = new LinkedHashMap<>(transforms);
            m.put(name, factory);
            return new Options(strict, lambdas, warnings, semantics, m, fileFolder, outsidePaths);
        }

        /** The user's factory for a class name as written in a file: by the full name, else by the short name. */
        Function<Params, ? extends Transform> transform(String name) {
            Function<Params, ? extends Transform> f = transforms.get(name);
            return f != null ? f : transforms.get(TransformRegistry.className(name));
        }

        /** The default warning sink: the {@code org.augment4j.serial} logger, at WARNING. */
        static void log(String warning) {
            System.getLogger("org.augment4j.serial").log(System.Logger.Level.WARNING, warning);
        }
    }

    /** Loads a {@code .json}, {@code .yaml} or {@code .yml} file. */
    public static Compose load(Path path) {
        return load(path, Options.defaults());
    }

    /**
     * Loads a {@code .json}, {@code .yaml} or {@code .yml} file with the given options; files it names are read relative to
     * the file's folder unless {@link Options#fileFolder()} says otherwise.
     *
     * @throws PipelineException if the file is not a valid pipeline
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static Compose load(Path path, Options options) {
        try {
            if (Files.size(path) > MAX_BYTES) throw new PipelineException("$", "pipeline file " + path + " is larger than " + MAX_BYTES + " bytes");
            String text = Files.readString(path);
            Options o = options.fileFolder() != null ? options : options.withFileFolder(path.toAbsolutePath().getParent());
            return isYaml(path) ? fromYaml(text, o) : fromJson(text, o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pipeline file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a pipeline from JSON text with the default options. */
    public static Compose fromJson(String text) {
        return fromJson(text, Options.defaults());
    }

    /**
     * Reads a pipeline from JSON text.
     *
     * @throws PipelineException if the text is not a valid pipeline
     */
    public static Compose fromJson(String text, Options options) {
        return fromTree(parse(JSON, text, "JSON"), options);
    }

    /** Reads a pipeline from YAML text with the default options. */
    public static Compose fromYaml(String text) {
        return fromYaml(text, Options.defaults());
    }

    /** Reads YAML as PyYAML's {@code safe_load} does, aliases resolved within bounds (see {@code YamlTree}). */
    public static Compose fromYaml(String text, Options options) {
        return fromTree(root(YamlTree.parse(text)), options);
    }

    private static Map<String, Object> parse(ObjectMapper mapper, String text, String kind) {
        try {
            return root(mapper.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw new PipelineException("$", "malformed " + kind + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> root(Object v) {
        if (!(v instanceof Map)) throw new PipelineException("$", "a pipeline file must hold an object, got " + (v == null ? "nothing" : v.getClass().getSimpleName()));
        return (Map<String, Object>) v;
    }

    /** Builds a pipeline from an already parsed {@code to_dict} map (with or without the {@code transform} wrapper). */
    public static Compose fromTree(Map<String, Object> root) {
        return fromTree(root, Options.defaults());
    }

    /**
     * Builds a pipeline from a parsed file: {@code {"__version__": …, "transform": {…}}} as {@code to_dict} writes it,
     * or a transform's own map. The transform may be any transform, not only a Compose (Albumentations loads a bare
     * {@code HorizontalFlip} as such): it is then wrapped in a Compose.
     */
    public static Compose fromTree(Map<String, Object> root, Options options) {
        boolean wrapped = root.containsKey("transform") && !root.containsKey("__class_fullname__");
        Object t = wrapped ? root.get("transform") : withoutVersion(root);
        String path = wrapped ? "$.transform" : "$";
        t = LegacyImgaug.rewrite(t, path, options); // 0.x's imgaug wrappers become their modern transforms
        Semantics semantics = options.semantics() != null ? options.semantics() : semantics(root.get("__version__"));
        Transform tr = transform(t, path, 0, options.withSemantics(semantics), options.strict()); // parameters left out take that release's defaults
        Compose c = tr instanceof Compose compose ? compose : new Compose(List.of(tr));
        return c.withSemantics(semantics);
    }

    /** A transform's map given as the root: its {@code __version__} belongs to the file, not to the transform. */
    private static Map<String, Object> withoutVersion(Map<String, Object> root) {
        if (!root.containsKey("__version__")) return root;
        Map<String, Object> m = new LinkedHashMap<>(root);
        m.remove("__version__");
        return m;
    }

    /** The semantics of a file's {@code __version__} (see {@link Semantics#ofVersion}). */
    private static Semantics semantics(Object version) {
        if (version != null && !(version instanceof String) && !(version instanceof Number)) {
            throw new PipelineException("$.__version__", "must be a release such as \"1.3.1\", got " + version);
        }
        try {
            return Semantics.ofVersion(version == null ? null : version.toString());
        } catch (IllegalArgumentException e) {
            throw new PipelineException("$.__version__", e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Transform transform(Object node, String path, int depth, Options options, boolean strict) {
        if (depth > MAX_DEPTH) throw new PipelineException(path, "containers are nested deeper than " + MAX_DEPTH + " levels");
        if (!(node instanceof Map)) throw new PipelineException(path, "a transform must be an object with __class_fullname__, got " + node);
        Map<String, Object> m = (Map<String, Object>) node;
        Object nameObj = className(m);
        if (!(nameObj instanceof String name)) throw new PipelineException(path + ".__class_fullname__", "missing transform name");
        String shortName = TransformRegistry.shortName(name);
        Params params = new Params(m, path, shortName, strict, options.warnings(),
                options.semantics() == null ? Semantics.ALBUMENTATIONS_2 : options.semantics()).readingFiles(options.fileFolder(), options.outsidePaths());
        if (shortName.equals("Lambda")) return lambda(params, options);
        if (CONTAINERS.containsKey(shortName)) return container(shortName, params, path, depth, options, strict);
        Function<Params, ? extends Transform> own = options.transform(name);
        if (own != null) return TransformRegistry.create(name, params, own);
        return TransformRegistry.create(name, params);
    }

    /** The class a transform's map names: its {@code __class_fullname__}, or Lambda for 0.x's {@code "__type__": "Lambda"}. */
    private static Object className(Map<String, Object> m) {
        return !m.containsKey("__class_fullname__") && "Lambda".equals(m.get("__type__")) ? "Lambda" : m.get("__class_fullname__");
    }

    /**
     * A Lambda named in a file: {@code __name__} (Albumentations) or {@code name}, looked up in the options. Albumentations
     * up to 1.0 wrote it as {@code {"__type__": "Lambda", "__name__": …}}, later ones with {@code __class_fullname__}.
     */
    private static Transform lambda(Params r, Options options) {
        String name = r.has("__name__") ? r.string("__name__", null) : r.string("name", null);
        if (name == null) throw r.error("__name__", "is required: a Lambda is written by name");
        Transform t = options.lambdas().get(name);
        if (t == null) {
            throw new PipelineException(r.path(), "Lambda '" + name + "' holds code and cannot be read from a file; hand it over by name"
                    + " (PipelineFile.Options.withLambdas)" + (options.lambdas().isEmpty() ? "" : "; known: " + options.lambdas().keySet()));
        }
        r.ignore("__type__", "p", "always_apply", "image", "mask", "bboxes", "keypoints", "masks");
        r.finish();
        return t;
    }

    /** Builds a container from its read parameters and its already built children. */
    @FunctionalInterface
    private interface ContainerFactory {
        Transform create(Params r, List<Transform> children);
    }

    /** The containers a pipeline file may name, in the order {@code augment4j list} shows them. */
    private static final Map<String, ContainerFactory> CONTAINERS = new LinkedHashMap<>();

    static {
        CONTAINERS.put("Compose", (r, c) -> compose(r, c, false));
        CONTAINERS.put("OneOf", (r, c) -> new OneOf(c, r.p(0.5)));
        CONTAINERS.put("SomeOf", (r, c) -> {
            double p = r.p(1.0);
            return new SomeOf(c, r.integer("n", 1), r.bool("replace", false), p);
        });
        CONTAINERS.put("Sequential", (r, c) -> new Sequential(c, r.p(0.5)));
        CONTAINERS.put("OneOrOther", (r, c) -> new OneOrOther(c, r.p(0.5)));
        CONTAINERS.put("RandomOrder", (r, c) -> {
            double p = r.p(1.0);
            return new RandomOrder(c, r.integer("n", 1), r.bool("replace", false), p);
        });
        CONTAINERS.put("SelectiveChannelTransform", (r, c) -> {
            double[] ch = r.numbers("channels", new double[] {0, 1, 2});
            int[] channels = new int[ch.length];
            for (int i = 0; i < ch.length; i++) {
                if (ch[i] != Math.rint(ch[i])) throw r.error("channels", "must be a list of channel indices, got " + java.util.Arrays.toString(ch));
                channels[i] = (int) ch[i];
            }
            return new SelectiveChannelTransform(c, channels, r.p(1.0));
        });
        CONTAINERS.put("ReplayCompose", (r, c) -> compose(r, c, true));
    }

    /** The container names a pipeline file may use: Compose, OneOf, SomeOf, Sequential, then 2.x's others. */
    public static List<String> containerNames() {
        return List.copyOf(CONTAINERS.keySet());
    }

    private static Compose compose(Params r, List<Transform> children, boolean replay) {
        double p = r.p(1.0);
        BboxParams bp = labelParams(r, "bbox_params", LabelParamsJson::bboxParams);
        KeypointParams kp = labelParams(r, "keypoint_params", LabelParamsJson::keypointParams);
        Map<String, String> extra = additionalTargets(r);
        Long seed = r.raw("seed") == null ? null : r.longInteger("seed", 0);
        r.bool("strict", true);
        r.ignore("is_check_shapes", "mask_interpolation", "return_params", "save_applied_params");
        if (replay) return new ReplayCompose(children, p, bp, kp, extra, seed, r.string("save_key", ReplayCompose.DEFAULT_SAVE_KEY));
        r.ignore("save_key");
        return new Compose(children, p, bp, kp, extra, seed);
    }

    @SuppressWarnings("unchecked")
    private static Transform container(String kind, Params r, String path, int depth, Options options, boolean inherited) {
        Object s = r.raw("strict");
        if (s != null && !(s instanceof Boolean)) throw r.error("strict", "must be true or false, got " + s);
        boolean strict = s == null ? inherited : (Boolean) s;
        List<Transform> children = new ArrayList<>();
        if (kind.equals("OneOrOther") && !r.has("transforms") && (r.has("first") || r.has("second"))) {
            if (!r.has("first") || !r.has("second")) throw r.error(r.has("first") ? "second" : "first", "is required with " + (r.has("first") ? "first" : "second"));
            children.add(transform(r.raw("first"), path + ".first", depth + 1, options, strict));
            children.add(transform(r.raw("second"), path + ".second", depth + 1, options, strict));
        } else {
            Object list = r.raw("transforms");
            if (!(list instanceof List<?> items)) throw r.error("transforms", "must be a list of transforms");
            for (int i = 0; i < items.size(); i++) children.add(transform(items.get(i), path + ".transforms[" + i + "]", depth + 1, options, strict));
        }
        try {
            Transform t = CONTAINERS.get(kind).create(r, children);
            r.finish();
            return t;
        } catch (PipelineException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PipelineException(path, e.getMessage(), e);
        }
    }

    /**
     * What each container reads, recorded by building it with two placeholder children: for
     * {@link TransformRegistry#describe()}.
     */
    static Map<String, java.util.function.Function<Params, Transform>> containerFactories() {
        Map<String, java.util.function.Function<Params, Transform>> out = new LinkedHashMap<>();
        for (Map.Entry<String, ContainerFactory> e : CONTAINERS.entrySet()) {
            out.put(e.getKey(), r -> {
                r.raw("transforms");
                return e.getValue().create(r, List.of(new NoOp(), new NoOp()));
            });
        }
        return out;
    }

    /**
     * {@code bbox_params} or {@code keypoint_params}: null (1.x, 2.x) and {@code {}} (0.3's "none", which later
     * releases also read as none) mean none.
     */
    @SuppressWarnings("unchecked")
    private static <T> T labelParams(Params r, String name, Function<Params, T> reader) {
        Object v = r.raw(name);
        if (v == null || v instanceof Map<?, ?> m && m.isEmpty()) return null;
        if (!(v instanceof Map)) throw r.error(name, "must be an object");
        return reader.apply(new Params((Map<String, Object>) v, r.path() + "." + name, name));
    }

    private static Map<String, String> additionalTargets(Params r) {
        Object v = r.raw("additional_targets");
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) return out;
        if (!(v instanceof Map<?, ?> m)) throw r.error("additional_targets", "must be an object of name: image|mask");
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof String s) || !(s.equals("image") || s.equals("mask"))) {
                throw new PipelineException(r.path() + ".additional_targets." + e.getKey(), "additional target must be 'image' or 'mask', got " + e.getValue());
            }
            out.put(String.valueOf(e.getKey()), (String) e.getValue());
        }
        return out;
    }

    /**
     * The {@code to_dict} map of a pipeline, wrapped with {@code __version__}: in the dialect of its semantics
     * ({@link Compose#semantics()}), so that the Albumentations release it follows loads it with the same meaning —
     * 1.3.1's parameter names for a pipeline loaded from a 1.x file (what 1.3.1 cannot express is kept and logged as a
     * warning), 2.0.8's otherwise.
     */
    public static Map<String, Object> toTree(Compose pipeline) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("__version__", pipeline.semantics().version());
        root.put("transform", pipeline.toDict());
        return pipeline.semantics() == Semantics.ALBUMENTATIONS_1_3 ? Dialect13.of(root, Options::log) : root;
    }

    /** The pipeline as JSON text, as {@link #toTree} shapes it. */
    public static String toJson(Compose pipeline) {
        return write(JSON, pipeline);
    }

    /** The pipeline as YAML text, as {@link #toTree} shapes it. */
    public static String toYaml(Compose pipeline) {
        return write(YAML, pipeline);
    }

    private static String write(ObjectMapper m, Compose pipeline) {
        try {
            return m.writeValueAsString(toTree(pipeline));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Saves as JSON or YAML by the file's extension.
     *
     * @throws UnsupportedOperationException when the pipeline holds a {@code Lambda}, naming it
     */
    public static void save(Compose pipeline, Path path) {
        try {
            Files.writeString(path, isYaml(path) ? toYaml(pipeline) : toJson(pipeline));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
