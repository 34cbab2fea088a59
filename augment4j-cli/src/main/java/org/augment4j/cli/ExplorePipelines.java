package org.augment4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.OutsidePaths;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.PipelineFile;

/**
 * Pipelines as {@code explore} reads and writes them: exactly as the CLI does ({@link PipelineFile}, strict, files the
 * pipeline names read only from one folder and never outside it), plus the page's own forms: a tree as the page holds
 * it, a file's text, a download in JSON or YAML.
 */
final class ExplorePipelines {
    private final Path fileFolder;

    /**
     * @param fileFolder the folder that files a pipeline names ({@code reference_images}, fonts…) are read from: the
     *                   {@code --pipeline} file's folder, else an empty folder of the server's own
     */
    ExplorePipelines(Path fileFolder) {
        this.fileFolder = fileFolder;
    }

    /** A pipeline read, with the warnings the reading gave (non-fatal notes, e.g. a 0.x imgaug name mapped). */
    record Read(Compose compose, List<String> warnings) {}

    /**
     * The pipeline of a tree in Albumentations' {@code to_dict} shape ({@code {"__version__": …, "transform": {…}}})
     * or a bare transform.
     *
     * @throws PipelineException naming the JSON path of the first problem (the CLI's own message)
     */
    Read fromTree(Object tree) {
        if (!(tree instanceof Map<?, ?> m)) throw new PipelineException("$", "a pipeline must be a JSON object, got " + describe(tree));
        List<String> warnings = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) m;
        return new Read(PipelineFile.fromTree(root, options(warnings)), warnings);
    }

    /** The pipeline of a file's text, JSON or YAML (told apart by the first character). */
    Read fromText(String text) {
        List<String> warnings = new ArrayList<>();
        String t = text.stripLeading();
        Compose c = t.startsWith("{") || t.startsWith("[") ? PipelineFile.fromJson(text, options(warnings)) : PipelineFile.fromYaml(text, options(warnings));
        return new Read(c, warnings);
    }

    private PipelineFile.Options options(List<String> warnings) {
        return PipelineFile.Options.defaults().withFileFolder(fileFolder).withOutsidePaths(OutsidePaths.REFUSE).withWarnings(warnings::add);
    }

    /** {@code {"pipeline": tree, "warnings": […]}} for the page: the tree as {@link PipelineFile#toTree} writes it. */
    static Map<String, Object> toJson(Read r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pipeline", PipelineFile.toTree(r.compose()));
        out.put("warnings", r.warnings());
        return out;
    }

    /**
     * The file text to download: {@code json} or {@code yaml}, in the dialect of the pipeline's Albumentations release
     * (its {@code __version__}), so that release loads it with the same meaning.
     */
    static String download(Compose c, String format) {
        return switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "json" -> PipelineFile.toJson(c);
            case "yaml", "yml" -> PipelineFile.toYaml(c);
            default -> throw new ExploreServer.HttpError(400, "format must be json or yaml, got " + describe(format));
        };
    }

    private static String describe(Object v) {
        return v == null ? "null" : v instanceof String s ? "'" + s + "'" : v.getClass().getSimpleName();
    }
}
