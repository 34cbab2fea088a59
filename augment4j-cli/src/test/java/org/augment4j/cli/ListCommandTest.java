package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.junit.jupiter.api.Test;

class ListCommandTest {
    @Test
    void listsEveryRegisteredTransformThenTheContainers() {
        Cli.Result res = Cli.run("list");
        assertThat(res.code()).isZero();
        assertThat(res.err()).isEmpty();
        List<String> lines = res.out().lines().toList();
        assertThat(lines).contains("HorizontalFlip", "InvertImg", "Posterize", "NoOp");
        assertThat(lines).containsAll(TransformRegistry.names());
        int containers = lines.indexOf("# containers (8)");
        assertThat(containers).isPositive();
        assertThat(lines.get(0)).isEqualTo("# transforms (" + TransformRegistry.names().size() + ")");
        assertThat(lines.subList(containers + 1, lines.size())).containsExactly("Compose", "OneOf", "SomeOf", "Sequential",
                "OneOrOther", "RandomOrder", "SelectiveChannelTransform", "ReplayCompose");
        assertThat(lines.subList(1, containers)).containsExactlyElementsOf(TransformRegistry.names());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonDescribesEveryRegisteredTransformWithTargetsAndParameters() throws Exception {
        Cli.Result res = Cli.run("list", "--json");
        assertThat(res.code()).isZero();
        assertThat(res.err()).isEmpty();
        List<Map<String, Object>> all = new ObjectMapper().readValue(res.out(), List.class);
        assertThat(all.stream().filter(d -> d.get("kind").equals("transform")).map(d -> d.get("name"))).containsExactlyElementsOf(TransformRegistry.names());
        assertThat(all.stream().filter(d -> d.get("kind").equals("container")).map(d -> d.get("name"))).containsExactlyElementsOf(PipelineFile.containerNames());
        for (Map<String, Object> d : all) {
            assertThat(d).containsOnlyKeys("name", "kind", "targets", "parameters");
            assertThat((List<String>) d.get("targets")).as((String) d.get("name")).isNotEmpty().isSubsetOf("image", "mask", "bboxes", "keypoints");
            List<Map<String, Object>> params = (List<Map<String, Object>>) d.get("parameters");
            assertThat(params).as((String) d.get("name")).isNotEmpty();
            for (Map<String, Object> p : params) {
                assertThat(p).containsKeys("name", "type", "default", "required");
                assertThat(Set.of("name", "type", "default", "required", "min", "max", "exclusive_min", "exclusive_max", "choices", "labels",
                        "alternative")).containsAll(p.keySet());
                if (p.containsKey("labels")) assertThat((List<?>) p.get("labels")).hasSameSizeAs((List<?>) p.get("choices"));
            }
        }
        Map<String, Object> resize = all.stream().filter(d -> d.get("name").equals("Resize")).findFirst().orElseThrow();
        assertThat((List<String>) resize.get("targets")).containsExactly("image", "mask", "bboxes", "keypoints");
        Map<String, Object> height = ((List<Map<String, Object>>) resize.get("parameters")).stream().filter(p -> p.get("name").equals("height")).findFirst().orElseThrow();
        assertThat(height).containsEntry("type", "int").containsEntry("required", true).containsEntry("default", null).containsEntry("min", 1.0);
        Map<String, Object> blur = all.stream().filter(d -> d.get("name").equals("Blur")).findFirst().orElseThrow();
        assertThat((List<String>) blur.get("targets")).containsExactly("image");
        assertThat((List<Map<String, Object>>) blur.get("parameters")).anySatisfy(p -> assertThat(p).containsEntry("name", "blur_limit").containsEntry("type", "range")
                .containsEntry("default", List.of(3, 7)).containsEntry("required", false));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonListsTheChoicesOfEnumeratedParametersAndOpenEnds() throws Exception {
        List<Map<String, Object>> all = new ObjectMapper().readValue(Cli.run("list", "--json").out(), List.class);
        Map<String, Object> border = parameter(all, "Rotate", "border_mode");
        assertThat(border).containsEntry("type", "int").containsEntry("default", 0)
                .containsEntry("choices", List.of(0, 1, 2, 3, 4))
                .containsEntry("labels", List.of("BORDER_CONSTANT", "BORDER_REPLICATE", "BORDER_REFLECT", "BORDER_WRAP", "BORDER_REFLECT_101"))
                .containsEntry("min", 0.0).containsEntry("max", 4.0);
        assertThat(parameter(all, "Rotate", "interpolation")).containsEntry("default", 1).containsEntry("choices", List.of(0, 1, 2, 3, 4))
                .containsEntry("labels", List.of("INTER_NEAREST", "INTER_LINEAR", "INTER_CUBIC", "INTER_AREA", "INTER_LANCZOS4"));
        assertThat(parameter(all, "Rotate", "rotate_method")).containsEntry("choices", List.of("largest_box", "ellipse")).doesNotContainKey("labels");
        assertThat(parameter(all, "ToGray", "method")).containsEntry("type", "string").containsEntry("default", "weighted_average")
                .containsEntry("choices", List.of("weighted_average", "from_lab", "desaturation", "average", "max"));
        assertThat(parameter(all, "ToGray", "num_output_channels")).containsEntry("choices", List.of(1, 3, 4));
        assertThat(parameter(all, "GridDropout", "ratio")).containsEntry("min", 0.0).containsEntry("exclusive_min", true).containsEntry("max", 1.0)
                .doesNotContainKey("exclusive_max");
        assertThat(parameter(all, "CoarseDropout", "fill")).containsEntry("choices", List.of("random", "random_uniform", "inpaint_telea", "inpaint_ns"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameter(List<Map<String, Object>> all, String transform, String name) {
        Map<String, Object> d = all.stream().filter(x -> x.get("name").equals(transform)).findFirst().orElseThrow();
        return ((List<Map<String, Object>>) d.get("parameters")).stream().filter(p -> p.get("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(transform + " has no " + name));
    }

    @Test
    void helpMentionsJson() {
        assertThat(Cli.run("list", "--help").out()).contains("--json");
    }
}
