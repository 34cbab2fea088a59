package org.augment4j.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.OneOf;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.Transform;
import org.augment4j.compose.Lambda;
import org.augment4j.opencv.Mats;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.KeypointFormat;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files as Albumentations 0.3 to 1.x wrote them ({@code to_dict} of those releases, read here as those releases read
 * them): full module paths, {@code {}} or null for "no bbox/keypoint params", 0.x's {@code __type__} Lambda, a bare
 * transform without a Compose, and numbers as Python writes them.
 */
class LegacyFilesTest {

    /** 0.3's shape: module paths everywhere, {@code {}} for absent params, always_apply, a nested OneOf. */
    private static final String V03 = """
        {"__version__": "0.3.1", "transform": {"__class_fullname__": "albumentations.core.composition.Compose", "p": 1.0,
          "transforms": [
            {"__class_fullname__": "albumentations.augmentations.transforms.HorizontalFlip", "always_apply": false, "p": 0.5},
            {"__class_fullname__": "albumentations.core.composition.OneOf", "p": 0.3, "transforms": [
              {"__class_fullname__": "albumentations.augmentations.transforms.Blur", "always_apply": false, "p": 1.0, "blur_limit": [3, 5]},
              {"__class_fullname__": "albumentations.augmentations.transforms.RandomGamma", "always_apply": false, "p": 1.0, "gamma_limit": [90, 110]}]},
            {"__class_fullname__": "albumentations.augmentations.transforms.Resize", "always_apply": true, "p": 1, "height": 24, "width": 32, "interpolation": 1},
            {"__class_fullname__": "albumentations.augmentations.transforms.Normalize", "always_apply": false, "p": 1.0,
             "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "max_pixel_value": 255.0}],
          "bbox_params": {}, "keypoint_params": {}, "additional_targets": {}}}
        """;

    @Test
    void a03FileWithModulePathsAndEmptyLabelParamsLoadsAndRuns() {
        Compose c = PipelineFile.fromJson(V03);
        assertThat(c.semantics()).isEqualTo(Semantics.ALBUMENTATIONS_1_3);
        assertThat(c.bboxParams()).isNull();
        assertThat(c.keypointParams()).isNull();
        assertThat(c.transforms()).extracting(Transform::name).containsExactly("HorizontalFlip", "OneOf", "Resize", "Normalize");
        assertThat(((OneOf) c.transforms().get(1)).transforms()).extracting(Transform::name).containsExactly("Blur", "RandomGamma");
        try (Sample in = Sample.of(Mats.fromBytes(new byte[40 * 50 * 3], 40, 50, 3)); Sample out = c.apply(in, 7L)) {
            assertThat(out.width()).isEqualTo(32);
            assertThat(out.height()).isEqualTo(24);
        }
    }

    /** 0.4 to 1.x wrote null for absent params and null for absent label_fields; 0.5.1's YAML mixes flow style in. */
    @Test
    void nullLabelParamsAndNullLabelFieldsMeanNone() {
        Compose c = PipelineFile.fromYaml("""
            __version__: 0.5.1
            transform:
              __class_fullname__: albumentations.core.composition.Compose
              additional_targets: {}
              bbox_params:
                {
                  check_each_transform: false,
                  format: yolo,
                  label_fields: null,
                  min_area: 0.0,
                  min_visibility: 0.0,
                }
              keypoint_params: ~
              p: 1.0
              transforms:
              - __class_fullname__: albumentations.augmentations.transforms.HorizontalFlip
                always_apply: false
                p: 0.5
              -
                {
                  __class_fullname__: albumentations.augmentations.transforms.RandomBrightnessContrast,
                  always_apply: false,
                  brightness_by_max: true,
                  brightness_limit: [-0.2, 0.2],
                  contrast_limit: [-0.2, 0.2],
                  p: 0.2,
                }
            """);
        assertThat(c.bboxParams().format()).isEqualTo(BboxFormat.YOLO);
        assertThat(c.bboxParams().labelFields()).isEmpty();
        assertThat(c.bboxParams().checkEachTransform()).isFalse();
        assertThat(c.keypointParams()).isNull();
        assertThat(c.transforms()).extracting(Transform::name).containsExactly("HorizontalFlip", "RandomBrightnessContrast");

        Compose k = PipelineFile.fromJson("""
            {"__version__": "1.1.0", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [],
              "bbox_params": null, "keypoint_params": {"format": "xy", "label_fields": null, "remove_invisible": false, "angle_in_degrees": true},
              "additional_targets": null}}
            """);
        assertThat(k.bboxParams()).isNull();
        assertThat(k.keypointParams().format()).isEqualTo(KeypointFormat.XY);
        assertThat(k.keypointParams().labelFields()).isEmpty();
        assertThat(k.keypointParams().removeInvisible()).isFalse();
    }

    @Test
    void labelParamsWithKeysButNoFormatAreStillRefused() {
        // Albumentations 0.4 and later: BboxParams(**{"label_fields": [...]}) fails for want of format
        assertThatThrownBy(() -> PipelineFile.fromJson("""
            {"transform": {"__class_fullname__": "Compose", "transforms": [], "bbox_params": {"label_fields": ["labels"]}}}
            """)).isInstanceOf(PipelineException.class).hasMessageContaining("bbox_params.format is required");
    }

    /** Albumentations up to 1.0 wrote a Lambda as {@code {"__type__": "Lambda", "__name__": …}}, later with a class name. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"__type__\": \"Lambda\", \"__name__\": \"invert\"}",
        "{\"__class_fullname__\": \"Lambda\", \"__name__\": \"invert\"}",
        "{\"__class_fullname__\": \"albumentations.augmentations.transforms.Lambda\", \"__name__\": \"invert\"}"})
    void lambdasOfEveryReleaseAreTakenFromTheOptions(String lambda) {
        Lambda invert = new Lambda("invert", m -> m, null, null, null, 1.0);
        String file = "{\"__version__\": \"0.4.6\", \"transform\": {\"__class_fullname__\": \"albumentations.core.composition.Compose\", \"p\": 1.0, \"transforms\": [" + lambda + "]}}";
        Compose c = PipelineFile.fromJson(file, PipelineFile.Options.defaults().withLambdas(Map.of("invert", invert)));
        assertThat(c.transforms()).containsExactly(invert);
        assertThatThrownBy(() -> PipelineFile.fromJson(file)).isInstanceOf(PipelineException.class).hasMessageContaining("Lambda 'invert'");
    }

    /** {@code A.to_dict(A.HorizontalFlip(p=1))} has no Compose: Albumentations loads the transform itself. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"__version__\": \"0.4.6\", \"transform\": {\"__class_fullname__\": \"albumentations.augmentations.transforms.HorizontalFlip\", \"always_apply\": false, \"p\": 1}}",
        "{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 1.0}",
        "{\"__version__\": \"1.3.1\", \"__class_fullname__\": \"HorizontalFlip\", \"p\": 1.0}"})
    void aBareTransformRuns(String file) {
        Compose c = PipelineFile.fromJson(file);
        assertThat(c.transforms()).extracting(Transform::name).containsExactly("HorizontalFlip");
        try (Sample in = Sample.of(Mats.fromBytes(new byte[] {1, 2, 3}, 1, 3, 1)); Sample out = c.apply(in, 1L)) {
            assertThat(Mats.toBytes(out.image())).containsExactly(3, 2, 1);
        }
    }

    @Test
    void aBareTransformInAYamlFileRunsToo(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("flip.yaml");
        Files.writeString(p, "__version__: 0.4.6\ntransform:\n  __class_fullname__: albumentations.augmentations.transforms.VerticalFlip\n  always_apply: true\n  p: 0.5\n");
        Compose c = PipelineFile.load(p);
        assertThat(c.semantics()).isEqualTo(Semantics.ALBUMENTATIONS_1_3);
        try (Sample in = Sample.of(Mats.fromBytes(new byte[] {1, 2, 3}, 3, 1, 1)); Sample out = c.apply(in, 1L)) {
            assertThat(Mats.toBytes(out.image())).containsExactly(3, 2, 1);
        }
    }

    /** Albumentations' shorten_class_name: only names in the albumentations package lose their module. */
    @ParameterizedTest
    @CsvSource({
        "albumentations.augmentations.transforms.Blur, Blur",
        "albumentations.imgaug.transforms.IAASharpen, IAASharpen",
        "albumentations.core.composition.Compose, Compose",
        "albumentations.pytorch.transforms.ToTensorV2, ToTensorV2",
        "albumentations.augmentations.geometric.rotate.Rotate, Rotate",
        "HorizontalFlip, HorizontalFlip",
        "dataloaders.gridmask.GridMask, dataloaders.gridmask.GridMask"})
    void moduleNamesResolveAsAlbumentationsResolvesThem(String written, String resolved) {
        assertThat(TransformRegistry.shortName(written)).isEqualTo(resolved);
    }

    @Test
    void aClassOutsideAlbumentationsIsNotTakenForTheAlbumentationsClassOfTheSameName() {
        assertThat(TransformRegistry.contains("albumentations.augmentations.transforms.HorizontalFlip")).isTrue();
        assertThat(TransformRegistry.contains("mylib.transforms.HorizontalFlip")).isFalse();
        assertThatThrownBy(() -> PipelineFile.fromJson("""
            {"transform": {"__class_fullname__": "Compose", "transforms": [{"__class_fullname__": "mylib.transforms.HorizontalFlip", "p": 1}]}}
            """)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("unknown transform 'mylib.transforms.HorizontalFlip'")
                .hasMessageContaining("own code")
                .hasMessageContaining("at $.transform.transforms[0].__class_fullname__");
    }

    /** Python writes whole floats for ints, 1/0 for booleans, seeds beyond 32 bits; Albumentations takes them. */
    @Test
    void numbersAsPythonWritesThem() {
        Compose c = PipelineFile.fromJson("""
            {"__version__": "1.3.1", "transform": {"__class_fullname__": "Compose", "p": 1.0, "seed": 3405691582, "transforms": [
              {"__class_fullname__": "Resize", "always_apply": 1, "p": 0.0, "height": 24.0, "width": 32.0, "interpolation": 1.0},
              {"__class_fullname__": "RandomBrightnessContrast", "p": 0.5, "brightness_limit": 0.1, "contrast_limit": 0.1, "brightness_by_max": 0}]}}
            """);
        assertThat(c.seed()).isEqualTo(3405691582L);
        assertThat(c.transforms().get(0).probability()).isEqualTo(1.0);
        assertThat(c.transforms().get(0).toDict()).containsEntry("height", 24).containsEntry("width", 32);
        assertThat(c.transforms().get(1).toDict()).containsEntry("brightness_by_max", false).containsEntry("brightness_limit", List.of(-0.1, 0.1));
    }

    /** What Albumentations 1.3.1's {@code to_dict} wrote for these, defaults and all (1.3 names, a list of one mode, colours per mode). */
    @Test
    void albumentations13NamesAndShapesOfAdvancedBlurAndSpatter() {
        Compose c = PipelineFile.fromJson("""
            {"__version__": "1.3.1", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [
              {"__class_fullname__": "AdvancedBlur", "always_apply": false, "p": 0.5, "blur_limit": [3, 7], "sigmaX_limit": [0.2, 1.0],
               "sigmaY_limit": [0.3, 0.9], "rotate_limit": [-90, 90], "beta_limit": [0.5, 8.0], "noise_limit": [0.9, 1.1]},
              {"__class_fullname__": "Spatter", "always_apply": false, "p": 0.5, "mean": [0.65, 0.65], "std": [0.3, 0.3], "gauss_sigma": [2, 2],
               "intensity": [0.6, 0.6], "cutout_threshold": [0.68, 0.68], "mode": ["mud"], "color": {"rain": [238, 238, 175], "mud": [20, 42, 63]}},
              {"__class_fullname__": "Spatter", "always_apply": false, "p": 0.5, "mode": ["rain"], "color": {"rain": [200, 200, 200]}}]}}
            """);
        assertThat(c.transforms().get(0).toDict()).containsEntry("sigma_x_limit", List.of(0.2, 1L)).containsEntry("sigma_y_limit", List.of(0.3, 0.9));
        assertThat(c.transforms().get(1).toDict()).containsEntry("mode", "mud").containsEntry("color", List.of(20L, 42L, 63L));
        assertThat(c.transforms().get(2).toDict()).containsEntry("mode", "rain").containsEntry("color", List.of(200L, 200L, 200L));
        assertThat(PipelineFile.fromJson("""
            {"transform": {"__class_fullname__": "Spatter", "mode": ["rain", "mud"], "color": {"rain": [238, 238, 175], "mud": [20, 42, 63]}}}
            """).transforms().get(0).toDict()).containsEntry("mode", List.of("rain", "mud")); // one drawn per image, as 1.3
        assertThatThrownBy(() -> PipelineFile.fromJson("""
            {"transform": {"__class_fullname__": "AdvancedBlur", "sigmaX_limit": [0.2, 1.0], "sigma_x_limit": [0.2, 1.0]}}
            """)).isInstanceOf(PipelineException.class).hasMessageContaining("give either sigmaX_limit (1.3) or sigma_x_limit (2.x), not both");
    }

    @Test
    void anIntegerBeyondJavasRangeIsRefusedNotWrapped() {
        assertThatThrownBy(() -> PipelineFile.fromJson("""
            {"transform": {"__class_fullname__": "Compose", "transforms": [{"__class_fullname__": "Resize", "height": 3000000000, "width": 32}]}}
            """)).isInstanceOf(PipelineException.class).hasMessageContaining("Resize.height must be an integer from -2147483648 to 2147483647, got 3000000000");
    }
}
