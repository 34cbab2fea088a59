package org.augment4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.List;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformDescriptions;
import org.augment4j.serial.TransformRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code augment4j list}: the transform names a pipeline file may use, or with {@code --json} their full description. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the transforms a pipeline file may name, one per line, then the containers.",
            "Lines starting with '#' are headings. With --json: a JSON array of {name, kind (transform|container), targets,",
            "parameters: [{name, type, default, required, min, max, exclusive_min, exclusive_max, choices, labels, alternative}]},",
            "read off the code itself: min/max/choices are the declarations the parameter checks use, so they cannot disagree.",
            "A Lambda holds Java code: it is never read from a file, so it is not listed."})
public final class ListCommand implements Runnable {
    /** The containers a pipeline file may use; they nest other transforms. */
    static final List<String> CONTAINERS = PipelineFile.containerNames();

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print every transform and container with its targets and parameters (type, default, "
            + "required; min/max where its check bounds it, exclusive_min/exclusive_max: true for an open end; choices: the only values "
            + "allowed, with labels naming OpenCV flags such as border_mode; alternative: a name read only when given, such as a 1.3 name) as JSON.")
    boolean json;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(Json.WRITE.writeValueAsString(TransformDescriptions.describe().stream().map(TransformDescriptions.Description::toJson).toList()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.flush();
            return;
        }
        List<String> names = TransformRegistry.names().stream().filter(n -> !CONTAINERS.contains(n)).toList();
        out.println("# transforms (" + names.size() + ")");
        names.forEach(out::println);
        out.println("# containers (" + CONTAINERS.size() + ")");
        CONTAINERS.forEach(out::println);
        out.flush();
    }
}
