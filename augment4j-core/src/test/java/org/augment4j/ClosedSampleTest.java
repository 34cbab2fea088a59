package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.augment4j.opencv.Mats;
import org.augment4j.target.BboxParams;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.Labels;
import org.augment4j.transform.spatial.HorizontalFlip;
import org.junit.jupiter.api.Test;

/** Using a sample, or a result, after close() is an IllegalStateException saying so, not "image is empty" or a crash. */
class ClosedSampleTest {

    private static Sample sample() {
        return Sample.builder().image(Mats.zeros(8, 10, CV_8UC3)).mask(Mats.zeros(8, 10, CV_8UC1)).build();
    }

    @Test
    void accessorsOfAClosedSampleSaySo() {
        Sample s = sample();
        s.close();
        assertThat(s.isClosed()).isTrue();
        ThrowingCallable[] uses = {s::image, s::images, s::mask, s::masks, s::boxes, s::keypoints, s::width, s::height, s::mats,
            () -> s.withBoxes(BoundingBoxes.empty()), () -> s.withMetadata("k", 1)};
        for (ThrowingCallable use : uses) {
            assertThatThrownBy(use).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("sample is closed");
        }
        s.close(); // closing again does nothing
    }

    @Test
    void applyingToAClosedSampleSaysSo() {
        Sample s = sample();
        s.close();
        assertThatThrownBy(() -> Compose.of(new HorizontalFlip(1.0)).apply(s, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("sample is closed");
        assertThatThrownBy(() -> new HorizontalFlip(1.0).apply(s, Seeds.generator(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("sample is closed");
    }

    @Test
    void aSampleSharingReleasedMatricesSaysTheyWereReleased() {
        Sample s = sample();
        Sample derived = s.withBoxes(BoundingBoxes.of(new double[][] {{0.1, 0.1, 0.5, 0.5}}, Labels.empty()));
        s.close();
        assertThatThrownBy(() -> Compose.of(new HorizontalFlip(1.0)).apply(derived, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image has been released");
    }

    @Test
    void aClosedResultSaysSo() {
        Compose c = Compose.builder().add(new HorizontalFlip(1.0)).bboxParams(BboxParams.of("coco")).build();
        try (org.bytedeco.opencv.opencv_core.Mat image = Mats.zeros(8, 10, CV_8UC3)) {
            Augmented out = c.apply(Inputs.of(image).bboxes(new double[][] {{1, 1, 2, 2}}), 0);
            assertThat(out.bboxes()).hasNumberOfRows(1);
            out.close();
            assertThatThrownBy(out::image).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("sample is closed");
            assertThatThrownBy(out::bboxes).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("sample is closed");
            out.close();
            assertThat(image.isNull()).as("the caller's image is not the result's").isFalse();
        }
    }
}
