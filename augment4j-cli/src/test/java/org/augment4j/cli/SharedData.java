package org.augment4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the team's shared test data ({@code ../shared} beside the repository), or the folder named by {@code -Daugment4j.shared}. */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String prop = System.getProperty("augment4j.shared");
        if (prop != null) return Paths.get(prop);
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("golden"))) return candidate;
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the shared/ folder with golden cases above " + Paths.get("").toAbsolutePath());
    }

    public static Path golden() {
        return root().resolve("golden");
    }

    public static Path data() {
        return root().resolve("data");
    }
}
