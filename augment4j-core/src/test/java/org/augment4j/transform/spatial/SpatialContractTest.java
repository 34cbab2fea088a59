package org.augment4j.transform.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.serial.TransformRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spatial contract (tight boxes, keypoints on their content, label-valued masks) for the foundation's transforms. */
class SpatialContractTest {

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"HorizontalFlip,1,0", "VerticalFlip,2,0", "Transpose,3,0", "RandomRotate90,4,0", "RandomRotate90,5,0",
        "Rotate,6,2", "Rotate,7,2", "ShiftScaleRotate,8,2", "Affine,9,2", "Resize,10,1", "Crop,11,0", "CenterCrop,12,0",
        "RandomCrop,13,0", "RandomSizedCrop,14,1", "ElasticTransform,15,1", "ElasticTransform,16,1"})
    void keepsTheContract(String name, long seed, double tolerance) {
        Map<String, Object> p = new HashMap<>(SpatialInvariantsTest.TRANSFORMS.get(name));
        p.put("p", 1.0);
        Transform t = TransformRegistry.create(name, p);
        try (Sample out = SpatialContract.check(t, seed, tolerance, 0)) {
            assertThat(out.boxes().size() + out.keypoints().size()).isPositive();
        }
        SpatialContract.assertRoundTripSameOutput(t, seed);
    }
}
