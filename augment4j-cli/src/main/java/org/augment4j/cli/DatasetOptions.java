package org.augment4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.augment4j.Compose;
import org.augment4j.OutsidePaths;
import org.augment4j.datasets.DatasetSplit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The dataset options {@code run} and {@code preview} share (a picocli mixin), and the reading they both do. */
final class DatasetOptions {
    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The dataset folder.")
    Path input;

    @Option(names = "--format", required = true, paramLabel = "coco|yolo|voc|masks", description = "The dataset format.")
    String format;

    @Option(names = "--annotations", paramLabel = "FILE.json",
            description = "COCO: the annotation file, when it is not where exports put it (annotations/*.json, <split>/_annotations.coco.json, a single *.json at the top).")
    Path annotations;

    @Option(names = "--data", paramLabel = "FILE.yaml",
            description = "YOLO: the data file (Ultralytics *.yaml or darknet obj.data), when the folder has several or none at the top.")
    Path data;

    @Option(names = "--pipeline", required = true, paramLabel = "P.json|P.yaml", description = "Pipeline file in Albumentations' to_dict shape.")
    Path pipeline;

    @Mixin
    OutsidePathsOption outsidePaths = new OutsidePathsOption();

    @Option(names = "--voc-one-based", description = "VOC coordinates are 1-based (the VOC devkit's convention) instead of 0-based; read and written so.")
    boolean vocOneBased;

    /**
     * What was read: the format's reader/writer, the pipeline, the splits of the dataset (one, unnamed, for a plain
     * layout) and whether --allow-outside-paths was given.
     */
    record Loaded(RunFormat format, Compose pipeline, List<DatasetSplit> splits, boolean outsidePathsAllowed) {
        /** Every split's problems, in split order. */
        List<String> problems() {
            return splits.stream().flatMap(s -> s.dataset().problems().stream()).toList();
        }

        /** Every split's notes, in split order. */
        List<String> notes() {
            return splits.stream().flatMap(s -> s.dataset().notes().stream()).toList();
        }
    }

    /** Fails with a clear message when the input folder does not exist. */
    void requireInput() {
        if (!Files.isDirectory(input)) throw Errors.bad("input folder not found: " + input);
    }

    /** Reads the pipeline and the dataset; bad input is an exit-2 error. Logs the use of --allow-outside-paths to {@code log}. */
    Loaded load(PrintWriter log, String command) {
        requireInput();
        OutsidePaths outside = outsidePaths.rule(log, command);
        Compose compose = Inputs.pipeline(pipeline, pipeline.toString(), outside);
        if (annotations != null && !format.equals("coco")) throw Errors.bad("--annotations names a COCO file; it does not apply to --format " + format);
        if (data != null && !format.equals("yolo")) throw Errors.bad("--data names a YOLO data file; it does not apply to --format " + format);
        if (annotations != null) Inputs.requireFile(annotations, "COCO annotation file");
        if (data != null) Inputs.requireFile(data, "YOLO data file");
        try {
            RunFormat reader = RunFormat.of(format, input, annotations, data, vocOneBased, outside);
            return new Loaded(reader, compose, reader.read(input), outside == OutsidePaths.ALLOW);
        } catch (IllegalArgumentException e) {
            throw Errors.bad(e.getMessage());
        }
    }
}
