package org.augment4j.transform.pytorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * ToTensorV2 and 0.x's ToTensor: the layout they record, the pixels they keep or convert (expected values from
 * Albumentations 0.4.6's {@code img_to_tensor} / {@code mask_to_tensor}, run on the same arrays), and files of 0.x and
 * 1.x naming them.
 */
class ToTensorTest {
    /** A 2 x 2 RGB image: rows (0, 128, 255) (10, 20, 30) / (200, 100, 50) (1, 2, 3). */
    private static Mat image() {
        return Mats.fromBytes(new byte[] {0, (byte) 128, (byte) 255, 10, 20, 30, (byte) 200, 100, 50, 1, 2, 3}, 2, 2, 3);
    }

    /** A one-channel 2 x 2 mask: 0, 127 / 128, 255. */
    private static Mat mask() {
        return Mats.fromBytes(new byte[] {0, 127, (byte) 128, (byte) 255}, 2, 2, 1);
    }

    /** A three-channel 2 x 2 mask with a few set values. */
    private static Mat mask3() {
        byte[] m = new byte[12];
        m[1] = (byte) 255; // (0, 0, 1)
        m[5] = 1;          // (0, 1, 2)
        m[10] = 7;         // (1, 1, 1)
        m[11] = 9;         // (1, 1, 2)
        return Mats.fromBytes(m, 2, 2, 3);
    }

    /** Applies {@code t}; the output owns its matrices (copies of those it shares with the input, which is closed). */
    private static Sample run(Transform t, Mat image, Mat mask) {
        try (Sample in = Sample.builder().image(image).mask(mask).build()) {
            Sample out = new Compose(List.of(t)).apply(in, 0L);
            Sample owned = out.withImages(Map.of(Sample.IMAGE, out.image().clone())).withMasks(Map.of(Sample.MASK, out.mask().clone()));
            Sample.releaseReplaced(out, owned, in.mats());
            return owned;
        }
    }

    /** HWC values reordered channels first, as {@code np.moveaxis(a, -1, 0).flatten()}. */
    private static float[] chw(float[] hwc, int channels) {
        int n = hwc.length / channels;
        float[] out = new float[hwc.length];
        for (int c = 0; c < channels; c++) for (int i = 0; i < n; i++) out[c * n + i] = hwc[i * channels + c];
        return out;
    }

    @Test
    void toTensorV2RecordsTheLayoutAndKeepsThePixels() {
        byte[] before = Mats.toBytes(image());
        try (Sample out = run(new ToTensorV2(), image(), mask3())) {
            TensorLayout layout = TensorLayout.of(out);
            assertThat(layout).isEqualTo(new TensorLayout(TensorLayout.MaskLayout.AS_IS));
            assertThat(out.metadata()).containsEntry(TensorLayout.KEY, layout);
            assertThat(layout.transposeMask()).isFalse();
            assertThat(Mats.describe(out.image())).isEqualTo("2x2x3 uint8");
            assertThat(Mats.toBytes(out.image())).isEqualTo(before);
            assertThat(Mats.toBytes(out.mask())).isEqualTo(Mats.toBytes(mask3()));
            assertThat(TensorLayout.imageShape(out.image())).containsExactly(3, 2, 2);
            assertThat(layout.maskShape(out.mask())).containsExactly(2, 2, 3);
            assertThat(layout.maskChannelsFirst(out.mask())).isFalse();
            assertThat(out.applied()).extracting(a -> a.name()).containsExactly("ToTensorV2");
        }
    }

    @Test
    void transposeMaskPutsMultiChannelMasksChannelsFirst() {
        try (Sample out = run(new ToTensorV2(true, 1.0), image(), mask3())) {
            TensorLayout layout = TensorLayout.of(out);
            assertThat(layout.transposeMask()).isTrue();
            assertThat(layout.maskShape(out.mask())).containsExactly(3, 2, 2);
            assertThat(layout.maskChannelsFirst(out.mask())).isTrue();
            assertThat(Mats.toBytes(out.mask())).isEqualTo(Mats.toBytes(mask3())); // the data itself stays HWC
        }
        try (Mat one = mask()) {
            // a one-channel mask stays (H, W), as Albumentations transposes only three-dimensional masks
            assertThat(new TensorLayout(TensorLayout.MaskLayout.CHANNELS_FIRST).maskShape(one)).containsExactly(2, 2);
            assertThat(new TensorLayout(TensorLayout.MaskLayout.CHANNELS_FIRST).maskChannelsFirst(one)).isFalse();
        }
    }

    @Test
    void aSampleWithoutToTensorHasNoLayout() {
        try (Sample s = Sample.of(image())) {
            assertThat(TensorLayout.of(s)).isNull();
        }
    }

    @Test
    void aGrayImageIsOneChannelFirst() {
        try (Mat gray = Mats.fromBytes(new byte[6], 2, 3, 1)) {
            assertThat(TensorLayout.imageShape(gray)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void loadsToTensorV2FromA13FileWithTheFullModulePath() {
        String json = """
            {"__version__": "1.3.1", "transform": {"__class_fullname__": "albumentations.core.composition.Compose", "p": 1.0,
              "transforms": [
                {"__class_fullname__": "albumentations.augmentations.transforms.HorizontalFlip", "always_apply": false, "p": 0.5},
                {"__class_fullname__": "albumentations.pytorch.transforms.ToTensorV2", "always_apply": true, "p": 1.0, "transpose_mask": true}],
              "bbox_params": null, "keypoint_params": null, "additional_targets": {}, "is_check_shapes": true}}
            """;
        Compose c = PipelineFile.fromJson(json);
        assertThat(c.semantics()).isEqualTo(Semantics.ALBUMENTATIONS_1_3);
        assertThat(c.transforms().get(1)).isInstanceOf(ToTensorV2.class);
        assertThat(((ToTensorV2) c.transforms().get(1)).transposeMask()).isTrue();
        // what Albumentations 1.3.1's to_dict writes for ToTensorV2(transpose_mask=True), less always_apply
        assertThat(c.transforms().get(1).toDict()).isEqualTo(Map.of("__class_fullname__", "ToTensorV2", "p", 1.0, "transpose_mask", true));
        assertThat(PipelineFile.toJson(c)).contains("\"__class_fullname__\" : \"ToTensorV2\"");
        assertThat(PipelineFile.fromJson(PipelineFile.toJson(c)).toDict()).isEqualTo(c.toDict());
    }

    @Test
    void loadsToTensorV2From04File() {
        // 0.4.6 wrote full class names and had no transpose_mask
        Compose c = PipelineFile.fromJson("""
            {"__version__": "0.4.6", "transform": {"__class_fullname__": "albumentations.core.composition.Compose", "p": 1.0,
              "transforms": [{"__class_fullname__": "albumentations.pytorch.transforms.ToTensorV2", "always_apply": true, "p": 1.0}],
              "bbox_params": null, "keypoint_params": null, "additional_targets": {}}}
            """);
        assertThat(c.transforms().get(0).toDict()).isEqualTo(Map.of("__class_fullname__", "ToTensorV2", "p", 1.0, "transpose_mask", false));
    }

    @Test
    void alwaysApplyMeansPOne() {
        Transform t = TransformRegistry.create("ToTensorV2", Map.of("always_apply", true, "p", 0.3));
        assertThat(t.probability()).isEqualTo(1.0);
        assertThat(TransformRegistry.create("ToTensorV2", Map.of()).probability()).isEqualTo(1.0);
    }

    // ---- 0.x's ToTensor

    @Test
    void legacyToTensorDividesByTwoFiftyFive() {
        try (Sample out = run(new ToTensor(), image(), mask())) {
            assertThat(Mats.describe(out.image())).isEqualTo("2x2x3 float32");
            assertThat(chw(Mats.toFloats(out.image()), 3)).containsExactly(0.0f, 0.03921568766236305f, 0.7843137383460999f, 0.003921568859368563f,
                    0.501960813999176f, 0.0784313753247261f, 0.3921568691730499f, 0.007843137718737125f,
                    1.0f, 0.11764705926179886f, 0.19607843458652496f, 0.0117647061124444f);
            // one class: float32 / 255 with a leading axis of one
            assertThat(Mats.toFloats(out.mask())).containsExactly(0.0f, 0.49803921580314636f, 0.501960813999176f, 1.0f);
            TensorLayout layout = TensorLayout.of(out);
            assertThat(layout.masks()).isEqualTo(TensorLayout.MaskLayout.LEADING_AXIS);
            assertThat(layout.maskShape(out.mask())).containsExactly(1, 2, 2);
        }
    }

    @Test
    void legacyToTensorNormalizesAsTorchvision() {
        Transform t = TransformRegistry.create("ToTensor", Map.of("normalize", Map.of("mean", List.of(0.485, 0.456, 0.406), "std", List.of(0.229, 0.224, 0.225))));
        try (Sample out = run(t, image(), mask())) {
            float[] want = {-2.1179039478302f, -1.9466564655303955f, 1.3070467710494995f, -2.1007792949676514f, 0.20518219470977783f,
                -1.6855741739273071f, -0.28501397371292114f, -2.0007002353668213f, 2.640000104904175f, -1.2815686464309692f,
                -0.9329847097396851f, -1.7521568536758423f};
            float[] got = chw(Mats.toFloats(out.image()), 3);
            for (int i = 0; i < want.length; i++) assertThat(got[i]).as("value " + i).isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    @Test
    void legacyToTensorMultiClassMasks() {
        try (Sample out = run(new ToTensor(3, true, null, null), image(), mask3())) {
            // sigmoid: float32 / 255, channels first
            assertThat(chw(Mats.toFloats(out.mask()), 3)).containsExactly(0.0f, 0.0f, 0.0f, 0.0f, 1.0f, 0.0f, 0.0f, 0.027450980618596077f,
                    0.0f, 0.003921568859368563f, 0.0f, 0.03529411926865578f);
            assertThat(TensorLayout.of(out).maskShape(out.mask())).containsExactly(3, 2, 2);
        }
        try (Sample out = run(new ToTensor(3, false, null, null), image(), mask3())) {
            // softmax: the index of the last channel above 0
            assertThat(Mats.toBytes(out.mask())).containsExactly(1, 2, 0, 2);
            assertThat(TensorLayout.of(out).maskShape(out.mask())).containsExactly(2, 2);
        }
        try (Sample out = run(new ToTensor(2, false, null, null), image(), mask())) {
            assertThat(Mats.toBytes(out.mask())).containsExactly(0, 0, 1, 1); // one channel: above 127
        }
    }

    @Test
    void legacyToTensorLoadsFrom04FileAndSavesItsArguments() {
        Compose c = PipelineFile.fromJson("""
            {"__version__": "0.4.6", "transform": {"__class_fullname__": "albumentations.core.composition.Compose", "p": 1.0,
              "transforms": [{"__class_fullname__": "albumentations.pytorch.transforms.ToTensor", "always_apply": true, "p": 1.0,
                              "num_classes": 2, "sigmoid": false, "normalize": {"mean": [0.5], "std": [0.25]}}],
              "bbox_params": null, "keypoint_params": null, "additional_targets": {}}}
            """);
        Map<String, Object> d = c.transforms().get(0).toDict();
        assertThat(d).containsEntry("__class_fullname__", "ToTensor").containsEntry("num_classes", 2).containsEntry("sigmoid", false)
                .containsEntry("normalize", Map.of("mean", List.of(0.5), "std", List.of(0.25)));
        assertThat(PipelineFile.fromJson(PipelineFile.toJson(c)).toDict()).isEqualTo(c.toDict());
    }

    @Test
    void legacyToTensorRejectsBadNormalize() {
        assertThatThrownBy(() -> TransformRegistry.create("ToTensor", Map.of("normalize", Map.of("mean", List.of(0.5)))))
                .isInstanceOf(PipelineException.class).hasMessageContaining("ToTensor").hasMessageContaining("std");
        assertThatThrownBy(() -> TransformRegistry.create("ToTensor", Map.of("normalize", Map.of("mean", 0.5, "std", 0))))
                .isInstanceOf(PipelineException.class).hasMessageContaining("non-zero");
        Transform twoValues = TransformRegistry.create("ToTensor", Map.of("normalize", Map.of("mean", List.of(0.5, 0.5), "std", List.of(1, 1))));
        assertThatThrownBy(() -> run(twoValues, image(), mask())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ToTensor").hasMessageContaining("2 values").hasMessageContaining("3 channels");
    }
}
