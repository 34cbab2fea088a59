package org.augment4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.augment4j.Semantics;
import org.augment4j.serial.PipelineFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code augment4j} command: {@code demo}, {@code apply}, {@code list}, {@code run}, {@code preview}, {@code explore}, {@code gallery},
 * {@code bench}, {@code soak}. Exit codes: 0
 * success, 2 bad input (usage, a missing or unreadable file, a malformed pipeline or targets file; one line on stderr),
 * 3 a dataset run that skipped inputs (see its report.json), 1 an unexpected error.
 */
@Command(name = "augment4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Image augmentation for computer vision: images, masks, boxes and keypoints, with pipelines in Albumentations' format.",
        subcommands = {DemoCommand.class, ApplyCommand.class, ListCommand.class,
                RunCommand.class, BenchCommand.class, PreviewCommand.class, ExploreCommand.class, GalleryCommand.class, SoakCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input: usage errors, missing files, malformed pipelines or targets. */
    public static final int BAD_INPUT = 2;
    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";
    private static final String MAX_BYTES = "org.bytedeco.javacpp.maxBytes";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Every native matrix is released deterministically, so JavaCPP's memory watchdog (which reads the process's
        // resident size on every native allocation, ~2 µs each, to decide when to call System.gc()) only costs time;
        // so does its byte budget (maxBytes), checked against a shared counter on every allocation.
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) System.setProperty(MAX_PHYSICAL_BYTES, "0");
        if (System.getProperty(MAX_BYTES) == null) System.setProperty(MAX_BYTES, "0");
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured command line: one-line errors for bad input. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + Errors.oneLine(ex.getMessage())
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            String name = c.getCommandSpec().qualifiedName();
            if (Errors.isBadInput(ex)) {
                c.getErr().println(name + ": error: " + Errors.describe(ex));
                return BAD_INPUT;
            }
            c.getErr().println(name + ": unexpected error: " + Errors.describe(ex));
            ex.printStackTrace(c.getErr());
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --version}: the project version, the pipeline format version and the OpenCV build it was made with. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            } catch (IOException e) {
                // no version file: report unknown
            }
            return new String[] {
                "augment4j " + p.getProperty("version", "unknown"),
                "pipeline files: Albumentations to_dict format of 0.3 to " + PipelineFile.FORMAT_VERSION + ", each with its release's meaning (0.x and 1.x: "
                        + Semantics.ALBUMENTATIONS_1_3.version() + "); OpenCV (JavaCPP presets) " + p.getProperty("opencv", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
