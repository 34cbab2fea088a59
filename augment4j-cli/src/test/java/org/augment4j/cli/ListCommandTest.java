package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.augment4j.serial.TransformRegistry;
import org.junit.jupiter.api.Test;

class ListCommandTest {
    @Test
    void listsEveryRegisteredTransformThenTheContainers() {
        Cli.Result res = Cli.run("list");
        assertThat(res.code()).isZero();
        assertThat(res.err()).isEmpty();
        List<String> lines = res.out().lines().toList();
        assertThat(lines).contains("HorizontalFlip", "InvertImg", "Posterize");
        assertThat(lines).containsAll(TransformRegistry.names());
        int containers = lines.indexOf("# containers (4)");
        assertThat(containers).isPositive();
        assertThat(lines.get(0)).isEqualTo("# transforms (" + TransformRegistry.names().size() + ")");
        assertThat(lines.subList(containers + 1, lines.size())).containsExactly("Compose", "OneOf", "SomeOf", "Sequential");
        assertThat(lines.subList(1, containers)).containsExactlyElementsOf(TransformRegistry.names());
    }
}
