package org.augment4j.cli;

import java.io.PrintWriter;
import org.augment4j.OutsidePaths;
import picocli.CommandLine.Option;

/**
 * {@code --allow-outside-paths} (a picocli mixin): files named by data — a dataset's image references and folder
 * entries, a pipeline file's {@code reference_images} — are refused when they lead outside the folder they belong to,
 * unless this option is given. Using it is logged.
 */
final class OutsidePathsOption {
    @Option(names = "--allow-outside-paths",
            description = "Read files that the dataset or the pipeline file names even when they lead outside their folder (.., absolute paths, "
                    + "symbolic links out). Off by default: only for trusted layouts.")
    boolean allow;

    /** The rule; logs to {@code log} that the check is off when the option is given. */
    OutsidePaths rule(PrintWriter log, String command) {
        if (!allow) return OutsidePaths.REFUSE;
        log.println(command + ": --allow-outside-paths: files named by the dataset or the pipeline file are read wherever they lie");
        log.flush();
        return OutsidePaths.ALLOW;
    }
}
