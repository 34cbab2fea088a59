package org.augment4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's Java quick-start is the code {@link ArticleExample} compiles and {@link ExamplesTest} runs. */
class ReadmeExampleTest {
    @Test
    void readmeShowsTheExampleAsCompiled() throws IOException {
        String source = Files.readString(Path.of("src/main/java/org/augment4j/examples/ArticleExample.java"));
        String body = source.split("// README: begin")[1].split("\n", 2)[1].split("        // README: end")[0];
        String expected = Arrays.stream(body.stripTrailing().split("\n")).map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("../README.md"));
        String section = readme.substring(readme.indexOf("## Java quick-start"));
        String block = section.substring(section.indexOf("```java\n") + 8, section.indexOf("\n```", section.indexOf("```java\n")));
        assertThat(block).isEqualTo(expected);
        assertThat(expected.lines().count()).isLessThanOrEqualTo(30);
    }
}
