package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void version() {
        Cli.Result res = Cli.run("--version");
        assertThat(res.code()).isZero();
        assertThat(res.out()).startsWith("augment4j ").contains("Albumentations to_dict format of 0.3 to " + org.augment4j.serial.PipelineFile.FORMAT_VERSION).contains("0.x and 1.x: 1.3.1").doesNotContain("unknown");
    }

    @Test
    void helpListsTheCommands() {
        Cli.Result res = Cli.run("--help");
        assertThat(res.code()).isZero();
        assertThat(res.out()).contains("demo").contains("apply").contains("list");
        assertThat(Cli.run("apply", "--help").out()).contains("--pipeline").contains("--replay").contains("--targets");
        assertThat(Cli.run("demo", "--help").out()).contains("--copies").contains("--seed").contains("--out");
    }

    @Test
    void noCommandPrintsUsage() {
        Cli.Result res = Cli.run();
        assertThat(res.code()).isZero();
        assertThat(res.out()).contains("Usage: augment4j");
    }

    @Test
    void unknownCommandIsBadInput() {
        Cli.Result res = Cli.run("frobnicate");
        assertThat(res.code()).isEqualTo(2);
        assertThat(res.errLines()).hasSize(1);
        assertThat(res.err()).contains("frobnicate");
    }
}
