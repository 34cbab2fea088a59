package org.augment4j.cli;

import java.io.PrintWriter;
import java.util.List;
import org.augment4j.serial.TransformRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code augment4j list}: the transform names a pipeline file may use. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the transforms a pipeline file may name, one per line, then the containers.",
            "Lines starting with '#' are headings."})
public final class ListCommand implements Runnable {
    /** The containers a pipeline file may use; they nest other transforms. */
    static final List<String> CONTAINERS = List.of("Compose", "OneOf", "SomeOf", "Sequential");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = TransformRegistry.names().stream().filter(n -> !CONTAINERS.contains(n)).toList();
        out.println("# transforms (" + names.size() + ")");
        names.forEach(out::println);
        out.println("# containers (" + CONTAINERS.size() + ")");
        CONTAINERS.forEach(out::println);
        out.flush();
    }
}
