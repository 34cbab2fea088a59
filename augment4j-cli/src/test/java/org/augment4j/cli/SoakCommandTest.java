package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code augment4j soak}: a short run with its report, bad options, and the verdict on memory curves. */
class SoakCommandTest {
    @TempDir
    Path tmp;

    @Test
    void shortRunPrintsMemoryAndWritesTheReport() throws Exception {
        Path csv = tmp.resolve("soak.csv");
        Cli.Result r = Cli.run("soak", "--applications", "1500", "--article-every", "300", "--sample-seconds", "0.1",
                "--max-growth-mib", "4096", "--report", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("soak: 1500 applications (5 article, 1495 mix").contains("RSS").contains("FLAT");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("seconds,applications,rss_mib,heap_used_mib,javacpp_live_pointers");
        assertThat(rows.size()).isGreaterThanOrEqualTo(4);
        assertThat(rows.get(rows.size() - 1)).contains(",1500,");
    }

    @Test
    void badOptionsExitWithTwo() {
        Cli.Result r = Cli.run("soak", "--minutes", "-1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1).first().asString().contains("--minutes must be in (0, 100000], got -1.0");
        assertThat(Cli.run("soak", "--threads", "0").code()).isEqualTo(2);
        assertThat(Cli.run("soak", "--warmup", "1").code()).isEqualTo(2);
    }

    private static RssCurve curve(long... rssMib) {
        List<RssCurve.Point> p = new ArrayList<>();
        for (int i = 0; i < rssMib.length; i++) p.add(new RssCurve.Point(i, i * 1000L, rssMib[i] << 20, 0, 0));
        return new RssCurve(p);
    }

    @Test
    void verdictIgnoresWarmUpAndCatchesGrowth() {
        RssCurve.Verdict flat = curve(100, 300, 400, 402, 401, 405, 403, 404).verdict(0.25, 64L << 20);
        assertThat(flat.flat()).isTrue();
        assertThat(flat.baselineBytes()).isEqualTo(400L << 20);
        assertThat(flat.growthBytes()).isEqualTo(5L << 20);
        RssCurve.Verdict grew = curve(100, 300, 400, 430, 460, 490, 520, 550).verdict(0.25, 64L << 20);
        assertThat(grew.flat()).isFalse();
        assertThat(grew.growthBytes()).isEqualTo(150L << 20);
        assertThat(grew.mibPerMillion()).isGreaterThan(0);
        assertThatThrownBy(() -> curve(1, 2).verdict(0.25, 1)).hasMessageContaining("too few memory samples");
    }
}
