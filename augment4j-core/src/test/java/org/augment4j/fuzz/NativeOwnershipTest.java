package org.augment4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/**
 * Every native allocation has an owner that frees it deterministically: after a warm-up application (lazily made
 * constants), applying a transform and closing its output leaves JavaCPP's count of live pointers where it was — a
 * {@code Mat}, {@code Size}, {@code Scalar} or {@code Point} left to the garbage collector would stay counted.
 */
class NativeOwnershipTest {
    /** Parameters other than the defaults, where the defaults skip the code that allocates. */
    private static final Map<String, Map<String, Object>> PARAMS = Map.of("Enhance", Map.of("p", 1.0, "kind", "sharpness"));

    @Test
    void everyTransformFreesWhatItAllocates() {
        BboxParams bp = BboxParams.of(BboxFormat.COCO, "category_id", "id");
        KeypointParams kp = KeypointParams.of(KeypointFormat.XY, "keypoint_labels", "id");
        Sample in = FuzzSamples.photos().get(1).sample(); // a quarter-size COCO photo with boxes, mask and keypoints
        Map<String, Long> left = new TreeMap<>();
        for (String name : PipelineGenerator.transformNames()) {
            Compose c;
            try {
                c = new Compose(List.of(TransformRegistry.create(name, PARAMS.getOrDefault(name, Map.of("p", 1.0)))), 1.0, bp, kp, Map.of(), null);
            } catch (IllegalArgumentException e) {
                continue; // needs parameters (crop sizes): covered by the fuzz tests
            }
            long extra = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3 && extra > 0; attempt++) { // a collection between the counts can only lower them
                try (Sample warm = c.apply(in, attempt)) {
                    warm.image();
                } catch (IllegalArgumentException e) {
                    break; // needs input the photo lacks (reference images, metadata)
                }
                long before = Pointer.totalCount();
                try (Sample out = c.apply(in, attempt)) {
                    out.image();
                }
                extra = Pointer.totalCount() - before;
            }
            if (extra > 0 && extra != Long.MAX_VALUE) left.put(name, extra);
        }
        assertThat(left).as("live native pointers left per application").isEmpty();
    }
}
