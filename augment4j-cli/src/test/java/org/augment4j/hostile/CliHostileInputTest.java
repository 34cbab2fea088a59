package org.augment4j.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.augment4j.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile files through the command line: exit code 2 and one line on stderr, never a stack trace. */
class CliHostileInputTest {
    @TempDir
    Path tmp;

    private record Run(int code, List<String> err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, err.toString().lines().filter(l -> !l.isBlank()).toList());
    }

    private Path pipeline(String json) throws IOException {
        Path p = tmp.resolve("p.json");
        Files.writeString(p, json);
        return p;
    }

    @Test
    void classOutsideTheRegistry() throws IOException {
        Path p = pipeline("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"java.lang.Runtime\"}]}}");
        Path img = tmp.resolve("img.png");
        Files.write(img, HostileInputTest.png(2, 2, true));
        Run r = run("apply", "--pipeline", p.toString(), "--image", img.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).hasSize(1).first().asString().contains("unknown transform 'java.lang.Runtime'");
    }

    @Test
    void decompressionBomb() throws IOException {
        Path p = pipeline("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"HorizontalFlip\"}]}}");
        Path img = tmp.resolve("bomb.png");
        Files.write(img, HostileInputTest.pngHeader(100_000, 100_000));
        Run r = run("apply", "--pipeline", p.toString(), "--image", img.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).hasSize(1).first().asString().contains("100000x100000").contains("more than the limit");
    }
}
