package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.List;
import java.util.Map;
import org.augment4j.opencv.Mats;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.transform.blur.Blur;
import org.augment4j.transform.spatial.HorizontalFlip;
import org.augment4j.transform.spatial.VerticalFlip;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** Compose.builder() and Compose.of build the same pipelines as the constructors. */
class ComposeBuilderTest {

    @Test
    void theBuilderEqualsTheConstructor() {
        BboxParams bp = BboxParams.of(BboxFormat.COCO, "category_id").withMinArea(4);
        KeypointParams kp = KeypointParams.of(KeypointFormat.XYA, "kp").withAngleInDegrees(false);
        Compose built = Compose.builder().add(new HorizontalFlip(0.3)).add(new Blur(), new VerticalFlip(0.2)).p(0.7)
                .bboxParams(bp).keypointParams(kp).additionalTargets(Map.of("image2", "image")).additionalTarget("mask2", "mask").seed(5).build();
        Compose constructed = new Compose(List.of(new HorizontalFlip(0.3), new Blur(), new VerticalFlip(0.2)), 0.7, bp, kp,
                Map.of("image2", "image", "mask2", "mask"), 5L);
        assertThat(built.toDict()).isEqualTo(constructed.toDict());
        assertThat(built.seed()).isEqualTo(5L);
        assertThat(built.fusesGeometry()).isTrue();
        assertThat(Compose.builder().fuseGeometry(false).build().fusesGeometry()).isFalse();
    }

    @Test
    void shortFormsEqualTheLongOnes() {
        assertThat(Compose.of(new HorizontalFlip(1.0), new Blur()).toDict())
                .isEqualTo(new Compose(List.of(new HorizontalFlip(1.0), new Blur())).toDict());
        assertThat(Compose.builder().add(new Blur()).transforms(List.of(new HorizontalFlip(1.0))).build().toDict())
                .as("transforms(list) replaces").isEqualTo(Compose.of(new HorizontalFlip(1.0)).toDict());
        assertThat(BboxParams.of("pascal_voc", "a", "b")).isEqualTo(BboxParams.of(BboxFormat.PASCAL_VOC, "a", "b"));
        assertThat(KeypointParams.of("xysa", "a")).isEqualTo(KeypointParams.of(KeypointFormat.XYSA, "a"));
        assertThatThrownBy(() -> BboxParams.of("voc")).hasMessageContaining("unknown bbox format 'voc'");
        assertThat(BboxParams.of("coco").withMinWidth(2).withMinHeight(3).withCheckEachTransform(false))
                .isEqualTo(new BboxParams(BboxFormat.COCO, List.of(), 0, 0, 2, 3, false, false));
        assertThat(KeypointParams.of("xy").withRemoveInvisible(false).withCheckEachTransform(false))
                .isEqualTo(new KeypointParams(KeypointFormat.XY, List.of(), false, true, false));
    }

    @Test
    void theBuilderChecksWhatTheConstructorChecks() {
        assertThatThrownBy(() -> Compose.builder().p(1.5).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> Compose.builder().additionalTarget("x", "picture").build()).hasMessageContaining("'x' must be 'image' or 'mask'");
        assertThatThrownBy(() -> Compose.builder().add((org.augment4j.Transform) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aSeededBuilderPipelineRepeatsTheConstructorsSequence() {
        Compose built = Compose.builder().add(new HorizontalFlip(0.5)).seed(11).build();
        Compose constructed = new Compose(List.of(new HorizontalFlip(0.5)), 1.0, null, null, Map.of(), 11L);
        try (Mat image = Mats.zeros(4, 6, CV_8UC3)) {
            for (int i = 0; i < 8; i++) {
                try (Sample a = built.apply(Sample.of(image)); Sample b = constructed.apply(Sample.of(image))) {
                    assertThat(a.applied()).isEqualTo(b.applied());
                }
            }
        }
    }
}
