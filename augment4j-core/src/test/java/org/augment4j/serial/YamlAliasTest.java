package org.augment4j.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.OneOf;
import org.augment4j.Transform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML as PyYAML reads it: anchors and aliases (PyYAML's {@code dump} writes {@code &id001} / {@code *id001} whenever
 * one list object appears twice), {@code ~} nulls, JSON text in a {@code .yaml} file, flow mappings with trailing commas
 * inside block style, merge keys, {@code !!python/tuple}; and the bounds that keep aliases from being a weapon.
 */
class YamlAliasTest {

    @Test
    void anAliasIsTheAnchoredValue() {
        Compose c = PipelineFile.fromYaml("""
            __version__: 0.5.2
            transform:
              __class_fullname__: albumentations.core.composition.Compose
              p: 1.0
              transforms:
              - __class_fullname__: albumentations.augmentations.transforms.RandomBrightnessContrast
                always_apply: false
                brightness_by_max: true
                brightness_limit: &id001
                - -0.3
                - 0.3
                contrast_limit: *id001
                p: 0.5
              - __class_fullname__: albumentations.augmentations.transforms.Normalize
                always_apply: false
                max_pixel_value: 255.0
                mean: &id002
                - 0.5
                - 0.5
                - 0.5
                p: 1.0
                std: *id002
            """);
        Map<String, Object> rbc = c.transforms().get(0).toDict();
        assertThat(rbc.get("brightness_limit")).isEqualTo(List.of(-0.3, 0.3));
        assertThat(rbc.get("contrast_limit")).isEqualTo(List.of(-0.3, 0.3));
        Map<String, Object> norm = c.transforms().get(1).toDict();
        assertThat(norm.get("std")).isEqualTo(norm.get("mean")).isEqualTo(List.of(0.5, 0.5, 0.5));
    }

    @Test
    void anAliasedTransformAndAMergeKeyResolve() {
        Compose c = PipelineFile.fromYaml("""
            flip: &flip {__class_fullname__: HorizontalFlip, p: 0.25}
            transform:
              __class_fullname__: Compose
              transforms:
              - *flip
              - __class_fullname__: OneOf
                transforms: [*flip, {<<: *flip, p: 1.0}]
            """);
        assertThat(c.transforms().get(0).probability()).isEqualTo(0.25);
        List<Transform> inner = ((OneOf) c.transforms().get(1)).transforms();
        assertThat(inner).extracting(Transform::name).containsExactly("HorizontalFlip", "HorizontalFlip");
        assertThat(inner).extracting(Transform::probability).containsExactly(0.25, 1.0);
    }

    @Test
    void pyYamlScalarsTuplesAndFlowStyleWithTrailingCommas() {
        Compose c = PipelineFile.fromYaml("""
            __version__: 0.3.1
            transform:
              __class_fullname__: albumentations.core.composition.Compose
              p: 1
              transforms:
                -
                  __class_fullname__: albumentations.augmentations.transforms.Rotate
                  always_apply: no
                  p: 1
                  limit: !!python/tuple [-10, 10]
                  interpolation: 1
                  border_mode: 4
                  value: ~
                  mask_value: null
                - { __class_fullname__: albumentations.augmentations.transforms.VerticalFlip,
                    always_apply: yes, p: 0.0, }
              bbox_params: ~
              keypoint_params: {}
            """);
        assertThat(c.transforms().get(0).toDict()).containsEntry("limit", List.of(-10L, 10L));
        assertThat(c.transforms().get(1).probability()).isEqualTo(1.0);
        assertThat(c.bboxParams()).isNull();
    }

    @Test
    void oneLineJsonInAYamlFile(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("pipeline.yaml");
        Files.writeString(p, "{\"__version__\": \"0.4.5\", \"transform\": {\"__class_fullname__\": \"albumentations.core.composition.Compose\", \"p\": 1.0,"
                + " \"transforms\": [{\"__class_fullname__\": \"albumentations.augmentations.transforms.Rotate\", \"always_apply\": false, \"p\": 1.0,"
                + " \"limit\": [-80, 80], \"interpolation\": 1, \"border_mode\": 4, \"value\": null, \"mask_value\": null}],"
                + " \"bbox_params\": null, \"keypoint_params\": null, \"additional_targets\": {}}}");
        Compose c = PipelineFile.load(p);
        assertThat(c.transforms().get(0).toDict()).containsEntry("limit", List.of(-80L, 80L));
    }

    /** Ten levels of nine aliases: 9^10 values if expanded; refused from the counts alone. */
    @Test
    void billionLaughsIsRefusedAtOnce() {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) b.append(i > 0 ? "," : "").append('*').append((char) (c - 1));
            b.append("]\n");
        }
        b.append("transform: {__class_fullname__: Compose, transforms: [*j]}\n");
        long t0 = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThatThrownBy(() -> PipelineFile.fromYaml(b.toString()))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("YAML aliases expand the document to")
                .hasMessageContaining("at most 100000 may come from aliases"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
    }

    /** Sixty-four levels of two aliases: 2^64 values, beyond any counter; still refused at once. */
    @Test
    void anExpansionBeyondEveryCounterIsRefusedToo() {
        StringBuilder b = new StringBuilder("l0: &l0 [x, x]\n");
        for (int i = 1; i <= 64; i++) b.append('l').append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThatThrownBy(() -> YamlTree.parse(b.toString()))
                .isInstanceOf(PipelineException.class).hasMessageContaining("more than 10^18"));
    }

    @Test
    void aliasesWithinTheBudgetAreFine() {
        StringBuilder b = new StringBuilder("big: &big [");
        for (int i = 0; i < 1000; i++) b.append(i > 0 ? "," : "").append(i);
        b.append("]\ncopies: [");
        for (int i = 0; i < 90; i++) b.append(i > 0 ? "," : "").append("*big");
        b.append("]\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) YamlTree.parse(b.toString());
        List<?> copies = (List<?>) m.get("copies");
        assertThat(copies).hasSize(90).allSatisfy(l -> assertThat(l).isSameAs(m.get("big")));
        assertThat((List<?>) m.get("big")).hasSize(1000).last().isEqualTo(999);
    }

    @Test
    void aRecursiveAliasIsRefused() {
        assertThatThrownBy(() -> PipelineFile.fromYaml("a: &a [1, *a]\ntransform: {__class_fullname__: Compose, transforms: []}\n"))
                .isInstanceOf(PipelineException.class).hasMessageContaining("recursive alias");
    }

    @Test
    void nestingThroughAliasesIsBounded() {
        String deep = "[".repeat(150) + "]".repeat(150);
        String yaml = "a: &a " + deep + "\nb: " + "[".repeat(100) + "*a" + "]".repeat(100) + "\n";
        assertThatThrownBy(() -> YamlTree.parse(yaml)).isInstanceOf(PipelineException.class).hasMessageContaining("nested deeper than 200 levels");
    }

    @Test
    void globalTagsOtherThanTuplesAreRefusedAsSafeLoadRefusesThem() {
        assertThatThrownBy(() -> YamlTree.parse("x: !!java.io.File [/etc/passwd]\n"))
                .isInstanceOf(PipelineException.class).hasMessageContaining("Global tag is not allowed");
        assertThat(YamlTree.parse("x: !local {a: 1}\n")).isEqualTo(Map.of("x", Map.of("a", 1)));
    }
}
