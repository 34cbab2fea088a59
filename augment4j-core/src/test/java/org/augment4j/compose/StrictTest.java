package org.augment4j.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.augment4j.Compose;
import org.augment4j.OneOf;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.PipelineFile;
import org.junit.jupiter.api.Test;

/**
 * Albumentations 2.x {@code strict}: unknown parameters are errors by default (as the issue asks); {@code strict: false}
 * — for the whole load, a Compose's subtree, or one transform — turns them into warnings and ignores them.
 */
class StrictTest {
    private static final String TYPO = """
        {"__class_fullname__": "Compose", %s "transforms": [
          {"__class_fullname__": "Rotate", "limit": 30, "limt": 45, "p": 1.0 %s},
          {"__class_fullname__": "OneOf", "p": 1.0, "colour": "red", "transforms": [{"__class_fullname__": "HorizontalFlip", "q": 1}]}]}
        """;

    private static String file(String composeExtra, String rotateExtra) {
        return TYPO.formatted(composeExtra, rotateExtra);
    }

    @Test
    void unknownParametersAreErrorsByDefault() {
        assertThatThrownBy(() -> PipelineFile.fromJson(file("", ""))).isInstanceOf(PipelineException.class)
                .hasMessageContaining("unknown parameter 'limt' for Rotate").hasMessageContaining("$.transforms[0].limt");
        assertThatThrownBy(() -> PipelineFile.fromJson(file("\"strict\": true,", ""))).hasMessageContaining("'limt'");
    }

    @Test
    void nonStrictLoadingWarnsNamesEachUnknownParameterAndIgnoresIt() {
        List<String> warnings = new ArrayList<>();
        Compose c = PipelineFile.fromJson(file("", ""), PipelineFile.Options.defaults().withStrict(false).withWarnings(warnings::add));
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0)).contains("'limt'", "Rotate", "$.transforms[0].limt");
        assertThat(warnings).anyMatch(w -> w.contains("'q'") && w.contains("HorizontalFlip"));
        assertThat(warnings).anyMatch(w -> w.contains("'colour'") && w.contains("OneOf"));
        assertThat(c.transforms().get(0).toDict()).containsEntry("limit", List.of(-30L, 30L)).doesNotContainKey("limt");
        assertThat(((OneOf) c.transforms().get(1)).transforms()).hasSize(1);
    }

    @Test
    void aComposeStrictFalseAppliesToItsSubtree() {
        List<String> warnings = new ArrayList<>();
        Compose c = PipelineFile.fromJson(file("\"strict\": false,", ""), PipelineFile.Options.defaults().withWarnings(warnings::add));
        assertThat(c.transforms()).hasSize(2);
        assertThat(warnings).hasSize(3);
        // strict is a load-time setting: not written back, as Albumentations' to_dict does not write it either
        assertThat(c.toDict()).doesNotContainKey("strict");
    }

    @Test
    void aTransformsOwnStrictWinsOverTheFilesSetting() {
        List<String> warnings = new ArrayList<>();
        assertThatThrownBy(() -> PipelineFile.fromJson(file("\"strict\": false,", ", \"strict\": true"), PipelineFile.Options.defaults().withWarnings(warnings::add)))
                .isInstanceOf(PipelineException.class).hasMessageContaining("'limt'");
        warnings.clear();
        String onlyRotate = """
            {"__class_fullname__": "Compose", "transforms": [{"__class_fullname__": "Rotate", "limt": 45, "strict": false}]}
            """;
        Compose c = PipelineFile.fromJson(onlyRotate, PipelineFile.Options.defaults().withWarnings(warnings::add));
        assertThat(warnings).singleElement().asString().contains("'limt'");
        assertThat(c.transforms().get(0).toDict()).doesNotContainKey("strict");
    }

    @Test
    void strictMustBeABoolean() {
        assertThatThrownBy(() -> PipelineFile.fromJson(file("\"strict\": \"yes\",", ""))).isInstanceOf(PipelineException.class).hasMessageContaining("strict");
        assertThatThrownBy(() -> PipelineFile.fromJson("""
            {"__class_fullname__": "Compose", "transforms": [{"__class_fullname__": "HorizontalFlip", "strict": 1}]}
            """)).isInstanceOf(PipelineException.class).hasMessageContaining("HorizontalFlip.strict");
    }

    @Test
    void nonStrictLoadingStillRejectsBadValuesAndUnknownTransforms() {
        PipelineFile.Options lenient = PipelineFile.Options.defaults().withStrict(false).withWarnings(w -> {});
        assertThatThrownBy(() -> PipelineFile.fromJson("""
            {"__class_fullname__": "Compose", "transforms": [{"__class_fullname__": "Rotate", "limit": "wide"}]}
            """, lenient)).hasMessageContaining("Rotate.limit");
        assertThatThrownBy(() -> PipelineFile.fromJson("""
            {"__class_fullname__": "Compose", "transforms": [{"__class_fullname__": "Rotat"}]}
            """, lenient)).hasMessageContaining("unknown transform 'Rotat'");
    }
}
