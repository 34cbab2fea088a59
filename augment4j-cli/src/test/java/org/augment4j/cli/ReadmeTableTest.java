package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.augment4j.serial.TransformDescriptions;
import org.augment4j.serial.TransformRegistry;
import org.junit.jupiter.api.Test;

/** The README's transform table lists every registered transform and container with the targets the code declares. */
class ReadmeTableTest {
    /** A row: family, the name (as {@code `Name`}, or linked to its gallery picture as {@code [`Name`](...)}), targets. */
    private static final Pattern ROW = Pattern.compile("^\\| [^|]+ \\| \\[?`(\\w+)`(?:\\]\\([^)]*\\))? \\|(.*)\\|$");
    private static final List<String> COLUMNS = List.of("image", "mask", "bboxes", "keypoints");

    @Test
    void tableMatchesTheRegistry() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("README.md")) || !Files.isDirectory(dir.resolve("augment4j-core"))) dir = dir.getParent();
        Map<String, List<String>> readme = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("README.md"))) {
            Matcher m = ROW.matcher(line.trim());
            if (!m.matches()) continue;
            String[] cells = m.group(2).split("\\|", -1);
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < COLUMNS.size(); i++) if (cells[i].contains("✓")) targets.add(COLUMNS.get(i));
            readme.put(m.group(1), targets);
        }
        Map<String, List<String>> code = new LinkedHashMap<>();
        for (TransformDescriptions.Description d : TransformDescriptions.describe()) code.put(d.name(), d.targets());
        assertThat(readme.keySet()).containsExactlyInAnyOrderElementsOf(code.keySet());
        for (Map.Entry<String, List<String>> e : code.entrySet()) {
            assertThat(readme.get(e.getKey())).as("README targets of " + e.getKey()).containsExactlyElementsOf(e.getValue());
        }
    }
}
