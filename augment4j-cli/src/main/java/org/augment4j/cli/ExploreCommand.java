package org.augment4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code augment4j explore}: a local web page to try every transform on an image with its labels, build pipelines,
 * and download them as Albumentations files. See {@link ExploreServer}.
 */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start a local web page to try every transform on an image with its boxes, masks and keypoints, "
                + "build a pipeline step by step, see a grid of its random outputs, and download it as Albumentations JSON or YAML.",
            "Serves on 127.0.0.1 unless --host says otherwise; stop it with Ctrl-C."})
public final class ExploreCommand implements Callable<Integer> {
    private static final Set<String> FORMATS = Set.of("coco", "yolo", "voc", "masks");

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port (0: any free one; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 exposes the page to the network).")
    String host;

    @Option(names = "--images", paramLabel = "DIR", description = "A folder of your images to offer besides the bundled samples.")
    Path images;

    @Option(names = "--format", paramLabel = "coco|yolo|voc|masks", description = "Read --images as a labelled dataset of this format (as 'augment4j run' does).")
    String format;

    @Option(names = "--pipeline", paramLabel = "P.json|P.yaml", description = "A pipeline file to open for editing.")
    Path pipeline;

    @Option(names = "--max-upload-mb", defaultValue = "32", paramLabel = "MB", description = "Largest upload or request accepted (default: ${DEFAULT-VALUE}).")
    int maxUploadMb;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (ExploreServer server = start()) {
            out.println("augment4j explore: open " + server.url() + " (Ctrl-C stops it)");
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return 0;
    }

    /** Checks the options, reads the images and the pipeline, and starts the server. */
    ExploreServer start() {
        if (port < 0 || port > 65535) throw Errors.bad("--port must be in [0, 65535], got " + port);
        if (maxUploadMb < 1 || maxUploadMb > 1024) throw Errors.bad("--max-upload-mb must be in [1, 1024], got " + maxUploadMb);
        if (format != null && !FORMATS.contains(format.toLowerCase(Locale.ROOT))) throw Errors.bad("--format must be one of coco, yolo, voc, masks; got " + format);
        if (format != null && images == null) throw Errors.bad("--format needs --images DIR");
        Path temp = ProjectFiles.tempDir();
        Path uploads = temp.resolve("uploads");
        Path emptyFolder = temp.resolve("files");
        try {
            Files.createDirectories(uploads);
            Files.createDirectories(emptyFolder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        Path samples = DemoCommand.bundledSamples(() -> temp.resolve("samples"));
        ExplorePipelines.Read initial = null;
        ExplorePipelines pipelines;
        if (pipeline != null) {
            Inputs.requireFile(pipeline, "pipeline file");
            Path folder = pipeline.toAbsolutePath().getParent();
            pipelines = new ExplorePipelines(folder);
            try {
                initial = pipelines.fromText(Files.readString(pipeline));
            } catch (IllegalArgumentException e) {
                throw Errors.bad("pipeline " + pipeline + ": " + e.getMessage());
            } catch (java.io.IOException e) {
                throw Errors.bad("cannot read pipeline " + pipeline + ": " + e.getMessage());
            }
        } else {
            pipelines = new ExplorePipelines(emptyFolder);
        }
        ExploreImages offered = new ExploreImages(samples, images, format == null ? null : format.toLowerCase(Locale.ROOT), uploads, (long) maxUploadMb << 20);
        ExploreServer.Config config = new ExploreServer.Config(host, port, offered, pipelines, initial,
                pipeline == null ? null : pipeline.getFileName().toString(), (long) maxUploadMb << 20, temp);
        try {
            return ExploreServer.start(config);
        } catch (RuntimeException e) {
            ProjectFiles.deleteTree(temp);
            throw Errors.bad("cannot listen on " + host + ":" + port + ": " + Errors.describe(e));
        }
    }
}
