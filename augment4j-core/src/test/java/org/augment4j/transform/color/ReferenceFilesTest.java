package org.augment4j.transform.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.augment4j.Compose;
import org.augment4j.OutsidePaths;
import org.augment4j.Sample;
import org.augment4j.TestData;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.PipelineFile;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security (issue 19): a pipeline file is data, so the {@code reference_images} it names are read relative to its
 * folder and never from outside it ({@code ..}, an absolute path, a symbolic link out) unless the options allow it.
 * Paths given in Java code are the caller's own and are read as given.
 */
class ReferenceFilesTest {
    @TempDir
    Path root;
    Path dir;
    Path secret;

    @BeforeEach
    void layout() throws IOException {
        dir = Files.createDirectories(root.resolve("pipelines"));
        secret = Files.createDirectories(root.resolve("secret")).resolve("ref.png");
        Files.copy(TestData.data("photos/chelsea.png"), secret);
        Files.createDirectories(dir.resolve("refs"));
        Files.copy(TestData.data("photos/chelsea.png"), dir.resolve("refs/chelsea.png"));
        Files.createSymbolicLink(dir.resolve("refs/link.png"), secret);
    }

    private Path pipeline(String reference) throws IOException {
        Path p = dir.resolve("p.json");
        Files.writeString(p, """
                {"__version__": "1.3.1", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [
                  {"__class_fullname__": "HistogramMatching", "p": 1.0, "blend_ratio": [1, 1], "reference_images": ["%s"]}]}}
                """.formatted(reference));
        return p;
    }

    @Test
    void relativeReferencesAreReadFromThePipelineFilesFolder() throws IOException {
        Compose c = PipelineFile.load(pipeline("refs/chelsea.png"));
        HistogramMatching t = (HistogramMatching) c.transforms().get(0);
        assertThat(t.toDict().get("reference_images")).isEqualTo(List.of("refs/chelsea.png"));
        try (Mat want = ImageIO.readRgb(dir.resolve("refs/chelsea.png"))) {
            assertThat(Mats.toBytes(t.reference(Sample.of(want), 0))).isEqualTo(Mats.toBytes(want));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret/ref.png", "ABSOLUTE", "refs/link.png", "refs/../../secret/ref.png"})
    void referencesLeadingOutOfTheFolderAreRefused(String written) throws IOException {
        String ref = written.equals("ABSOLUTE") ? secret.toString() : written;
        Path p = pipeline(ref);
        assertThatThrownBy(() -> PipelineFile.load(p)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("$.transform.transforms[0].reference_images")
                .hasMessageContaining("names '" + ref + "'")
                .hasMessageContaining(written.equals("refs/link.png") ? "symbolic link to " + secret.toRealPath() : "resolves to " + secret)
                .hasMessageContaining("outside " + dir)
                .hasMessageContaining("--allow-outside-paths");
        Compose allowed = PipelineFile.load(p, PipelineFile.Options.defaults().withOutsidePaths(OutsidePaths.ALLOW));
        try (Mat want = ImageIO.readRgb(secret)) {
            assertThat(Mats.toBytes(((HistogramMatching) allowed.transforms().get(0)).reference(Sample.of(want), 0))).isEqualTo(Mats.toBytes(want));
        }
    }

    @Test
    void textIsReadAgainstTheWorkingDirectoryOrTheGivenFolder() throws IOException {
        String json = Files.readString(pipeline(secret.toString()));
        assertThatThrownBy(() -> PipelineFile.fromJson(json)).isInstanceOf(PipelineException.class).hasMessageContaining("resolves to " + secret);
        Compose c = PipelineFile.fromJson(json, PipelineFile.Options.defaults().withFileFolder(root.resolve("secret")));
        assertThat(c.transforms()).hasSize(1);
    }

    @Test
    void javaCodeReadsItsOwnPathsAsGiven() {
        HistogramMatching t = new HistogramMatching(org.augment4j.transform.Range.of(1, 1), List.of(secret.toString()), "hm_metadata", 1);
        try (Mat want = ImageIO.readRgb(secret)) {
            assertThat(Mats.toBytes(t.reference(Sample.of(want), 0))).isEqualTo(Mats.toBytes(want));
        }
    }
}
