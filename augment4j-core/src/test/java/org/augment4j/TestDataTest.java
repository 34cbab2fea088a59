package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's test data is exactly what {@code testdata/SHA256SUMS} lists: no file missing or changed, and no file
 * that is not listed (each listed file has its source and licence in the testdata READMEs).
 */
class TestDataTest {
    @Test
    void testdataHoldsExactlyTheListedFiles() throws Exception {
        Path root = TestData.root();
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(root.resolve("SHA256SUMS"))) {
            String[] parts = line.split(" +", 2);
            listed.put(Path.of(parts[1]).normalize().toString(), parts[0]);
        }
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (!rel.equals("SHA256SUMS")) present.put(rel, sha256(p));
            }
        }
        assertThat(present.keySet()).as("files in testdata/ (a new file must be described and listed in SHA256SUMS; see testdata/README.md)")
                .containsExactlyElementsOf(listed.keySet());
        assertThat(present).as("SHA-256 of each file in testdata/").isEqualTo(listed);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
