package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.Labels;
import org.junit.jupiter.api.Test;

/** BoundingBoxes.of takes normalised boxes only: pixel boxes are an error, not boxes silently clipped away later. */
class BoundingBoxesOfTest {

    @Test
    void pixelBoxesAreRejectedNamingTheBox() {
        Labels ids = Labels.of(Map.of("category_id", List.of(1, 2)), 2);
        assertThatThrownBy(() -> BoundingBoxes.of(new double[][] {{0.1, 0.1, 0.2, 0.2}, {10, 20, 200, 150}}, ids))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BoundingBoxes.of takes normalised [0, 1] coordinates")
                .hasMessageContaining("bbox 1 is [10.0, 20.0, 200.0, 150.0]")
                .hasMessageContaining("Compose.apply(Inputs");
        assertThatThrownBy(() -> BoundingBoxes.of(new double[][] {{0.1, Double.NaN, 0.2, 0.2}}, Labels.empty()))
                .hasMessageContaining("bbox 0 is [0.1, NaN, 0.2, 0.2]");
        assertThatThrownBy(() -> BoundingBoxes.of(new double[][] {{-0.01, 0, 0.2, 0.2}}, Labels.empty())).hasMessageContaining("bbox 0");
    }

    @Test
    void normalisedBoxesWithinRoundingSlackAreAccepted() {
        BoundingBoxes b = BoundingBoxes.of(new double[][] {{0, 0, 1, 1}, {-1e-9, 0.5, 1 + 1e-9, 0.75}}, Labels.empty());
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.toArray()[1]).containsExactly(-1e-9, 0.5, 1 + 1e-9, 0.75);
    }

    @Test
    void boxesLeavingTheImageInsideAPipelineGoThroughUnclipped() {
        BoundingBoxes b = BoundingBoxes.unclipped(new double[][] {{-0.5, 0.2, 1.5, 0.9}}, Labels.of(Map.of("c", List.of("x")), 1));
        assertThat(b.get(0)).containsExactly(-0.5, 0.2, 1.5, 0.9);
        assertThat(b.labels().get("c")).containsExactly("x");
        assertThatThrownBy(() -> BoundingBoxes.unclipped(new double[][] {{0, 0, 1}}, Labels.empty())).hasMessageContaining("bbox 0 must have 4 coordinates");
    }
}
