package org.augment4j.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.augment4j.Transform;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformDescriptions;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.serial.TransformDescriptions.Description;
import org.augment4j.serial.TransformDescriptions.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link TransformRegistry#describe()}: the list of transforms, their targets and parameters, read off the code. */
class DescribeTest {
    private static final List<Description> ALL = TransformDescriptions.describe();

    private static Description get(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static Parameter param(String transform, String name) {
        return get(transform).parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> transforms() {
        return TransformRegistry.names();
    }

    @Test
    void describesEveryRegisteredTransformThenEveryContainer() {
        assertThat(ALL.stream().filter(d -> d.kind().equals("transform")).map(Description::name)).containsExactlyElementsOf(TransformRegistry.names());
        assertThat(ALL.stream().filter(d -> d.kind().equals("container")).map(Description::name)).containsExactlyElementsOf(PipelineFile.containerNames());
        assertThat(PipelineFile.containerNames()).containsExactly("Compose", "OneOf", "SomeOf", "Sequential", "OneOrOther", "RandomOrder",
                "SelectiveChannelTransform", "ReplayCompose");
    }

    @Test
    void everyEntryHasTargetsAndAProbability() {
        Set<String> known = Set.of("image", "mask", "bboxes", "keypoints");
        for (Description d : ALL) {
            assertThat(d.targets()).as(d.name()).isNotEmpty().contains("image");
            assertThat(known).as(d.name()).containsAll(d.targets());
            Parameter p = d.parameters().stream().filter(x -> x.name().equals("p")).findFirst().orElseThrow(() -> new AssertionError(d.name() + " has no p"));
            assertThat(p.type()).isEqualTo("number");
            assertThat(p.min()).isEqualTo(0.0);
            assertThat(p.max()).isEqualTo(1.0);
            assertThat(d.parameters().stream().map(Parameter::name)).as(d.name()).doesNotHaveDuplicates().doesNotContain("always_apply");
            // every transform accepts strict; only a Compose lists it, as the setting of its subtree
            if (!d.name().endsWith("Compose")) assertThat(d.parameters().stream().map(Parameter::name)).as(d.name()).doesNotContain("strict");
        }
    }

    @Test
    void targetsFollowTheClassHierarchyUnlessDeclared() {
        assertThat(get("Blur").targets()).containsExactly("image");
        assertThat(get("InvertImg").targets()).containsExactly("image");
        assertThat(get("HorizontalFlip").targets()).containsExactly("image", "mask", "bboxes", "keypoints");
        assertThat(get("CoarseDropout").targets()).containsExactly("image", "mask", "bboxes", "keypoints");
        assertThat(get("SelectiveChannelTransform").targets()).containsExactly("image");
        assertThat(get("OneOf").targets()).containsExactly("image", "mask", "bboxes", "keypoints");
    }

    @Test
    void requiredParametersTypesDefaultsAndBounds() {
        assertThat(param("Resize", "height")).extracting(Parameter::type, Parameter::required, Parameter::defaultValue, Parameter::min).containsExactly("int", true, null, 1.0);
        assertThat(param("Resize", "width").required()).isTrue();
        assertThat(param("Resize", "interpolation")).extracting(Parameter::defaultValue, Parameter::min, Parameter::max).containsExactly(1, 0.0, 4.0);
        assertThat(param("Resize", "p").defaultValue()).isEqualTo(1.0);
        assertThat(param("Resize", "size").alternative()).isTrue();
        assertThat(param("RandomSizedCrop", "min_max_height")).extracting(Parameter::type, Parameter::required).containsExactly("range", true);
        assertThat(param("Rotate", "limit")).extracting(Parameter::type, Parameter::defaultValue, Parameter::min, Parameter::max)
                .containsExactly("range", List.of(-90L, 90L), -360.0, 360.0);
        assertThat(param("Rotate", "fill").type()).isEqualTo("fill");
        assertThat(param("Posterize", "num_bits")).extracting(Parameter::min, Parameter::max).containsExactly(1.0, 8.0);
        assertThat(param("Solarize", "threshold").alternative()).as("a 1.3 name, read only when given").isTrue();
        assertThat(param("Solarize", "threshold_range").alternative()).isFalse();
        assertThat(param("Normalize", "normalization")).extracting(Parameter::type, Parameter::defaultValue).containsExactly("string", "standard");
        assertThat(param("SomeOf", "n")).extracting(Parameter::type, Parameter::defaultValue, Parameter::min).containsExactly("int", 1, 0.0);
        assertThat(param("OneOf", "transforms")).extracting(Parameter::type, Parameter::required).containsExactly("transforms", true);
        assertThat(param("ReplayCompose", "save_key").defaultValue()).isEqualTo("replay");
        assertThat(param("Compose", "strict")).extracting(Parameter::type, Parameter::defaultValue).containsExactly("bool", true);
    }

    /**
     * The listed defaults are the real ones: a transform built from exactly its listed defaults equals the one built
     * from nothing, and its p is the listed one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void listedDefaultsBuildTheDefaultTransform(String name) {
        Description d = get(name);
        if (d.parameters().stream().anyMatch(Parameter::required)) return;
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (Parameter p : d.parameters()) if (!p.alternative() && p.defaultValue() != null) defaults.put(p.name(), p.defaultValue());
        Transform empty = TransformRegistry.create(name, Map.of());
        Transform fromDefaults = TransformRegistry.create(name, defaults);
        assertThat(fromDefaults.toDict()).isEqualTo(empty.toDict());
        assertThat(defaults.get("p")).isEqualTo(empty.probability());
        // and every argument the transform writes is listed
        Set<String> listed = d.parameters().stream().map(Parameter::name).collect(Collectors.toSet());
        assertThat(listed).containsAll(empty.toDict().keySet().stream().filter(k -> !k.startsWith("__")).toList());
    }
}
