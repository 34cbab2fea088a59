package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule itself: lexical escapes, symbolic links out, a folder reached through the user's own link. */
class OutsidePathsTest {
    @TempDir
    Path root;

    @Test
    void insideOutsideAndLinks() throws IOException {
        Path folder = Files.createDirectories(root.resolve("data/images"));
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/a.jpg"), "x");
        Path secret = Files.writeString(root.resolve("secret.jpg"), "s");
        Files.createSymbolicLink(folder.resolve("out.jpg"), secret);
        Files.createSymbolicLink(folder.resolve("in.jpg"), Path.of("sub/a.jpg"));
        Files.createSymbolicLink(folder.resolve("outdir"), root);

        OutsidePaths r = OutsidePaths.REFUSE;
        assertThat(r.problem(folder, folder.resolve("sub/a.jpg"))).isNull();
        assertThat(r.problem(folder, folder.resolve("in.jpg"))).isNull();
        assertThat(r.problem(folder, folder.resolve("missing.jpg"))).as("a missing file is reported when read").isNull();
        assertThat(r.problem(folder, folder.resolve("sub/../sub/a.jpg"))).isNull();
        assertThat(r.problem(folder, folder.resolve("../../secret.jpg"))).isEqualTo("resolves to " + secret + ", outside " + folder);
        assertThat(r.problem(folder, secret)).isEqualTo("resolves to " + secret + ", outside " + folder);
        assertThat(r.problem(folder, folder.resolve("out.jpg"))).isEqualTo("leads through a symbolic link to " + secret.toRealPath() + ", outside " + folder.toRealPath());
        assertThat(r.problem(folder, folder.resolve("outdir/secret.jpg"))).contains("leads through a symbolic link to " + secret.toRealPath());
        assertThat(r.problem(folder, folder.resolveSibling("images-evil/x.jpg"))).as("a sibling sharing the prefix").contains("outside");

        Path link = Files.createSymbolicLink(root.resolve("link-to-images"), folder);
        assertThat(r.problem(link, link.resolve("sub/a.jpg"))).as("the folder the user named may itself be a link").isNull();
        assertThat(r.problem(link, link.resolve("out.jpg"))).contains("symbolic link");

        for (Path p : new Path[] {secret, folder.resolve("out.jpg"), folder.resolve("../../secret.jpg")}) {
            assertThat(OutsidePaths.ALLOW.problem(folder, p)).isNull();
        }
        assertThatThrownBy(() -> r.require(folder, secret, "entry")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry " + secret + " resolves to " + secret + ", outside " + folder
                        + "; give --allow-outside-paths (OutsidePaths.ALLOW) if this layout is trusted");
    }
}
