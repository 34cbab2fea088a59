package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pipelines load and save in Albumentations' to_dict shape, from 1.3.x and 2.x files alike. */
class PipelineFileTest {

    static List<String> registered() {
        return TransformRegistry.names();
    }

    /** Every transform whose defaults need no required parameter survives JSON and YAML round trips unchanged. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("registered")
    void roundTripsEveryTransform(String name) {
        Map<String, Object> params = switch (name) {
            case "Resize", "CenterCrop", "RandomCrop", "AtLeastOneBBoxRandomCrop", "RandomSizedBBoxSafeCrop", "CropNonEmptyMaskIfExists" ->
                    Map.of("height", 32, "width", 48);
            case "RandomResizedCrop" -> Map.of("size", List.of(32, 48));
            case "CropAndPad" -> Map.of("px", 4);
            case "RandomSizedCrop" -> Map.of("min_max_height", List.of(20, 30), "height", 32, "width", 48);
            default -> Map.of();
        };
        Transform t = TransformRegistry.create(name, params);
        Compose c = new Compose(List.of(t), 0.9, BboxParams.of(BboxFormat.YOLO, "cls"), KeypointParams.of(KeypointFormat.XYAS, "k"), Map.of("image2", "image"), 7L);
        Compose fromJson = PipelineFile.fromJson(PipelineFile.toJson(c));
        Compose fromYaml = PipelineFile.fromYaml(PipelineFile.toYaml(c));
        assertThat(fromJson.toDict()).isEqualTo(c.toDict());
        assertThat(fromYaml.toDict()).isEqualTo(c.toDict());
        assertThat(fromJson.seed()).isEqualTo(7L);
    }

    @Test
    void readsAlbumentations13Files() {
        String json = """
            {"__version__": "1.3.1", "transform": {"__class_fullname__": "albumentations.core.composition.Compose", "p": 1.0,
              "transforms": [
                {"__class_fullname__": "albumentations.augmentations.geometric.rotate.Rotate", "always_apply": true, "p": 0.2,
                 "limit": [-30, 30], "interpolation": 1, "border_mode": 0, "value": [1, 2, 3], "mask_value": 5,
                 "rotate_method": "largest_box", "crop_border": false},
                {"__class_fullname__": "Cutout", "always_apply": false, "p": 1, "num_holes": 8, "max_h_size": 8, "max_w_size": 8, "fill_value": 0},
                {"__class_fullname__": "CoarseDropout", "always_apply": false, "p": 0.5, "max_holes": 8, "max_height": 8, "max_width": 8,
                 "min_holes": null, "min_height": null, "min_width": null, "fill_value": 0, "mask_fill_value": null},
                {"__class_fullname__": "OneOf", "p": 0.5, "transforms": [{"__class_fullname__": "HorizontalFlip", "always_apply": false, "p": 0.5}]}],
              "bbox_params": {"format": "coco", "label_fields": ["c"], "min_area": 0.0, "min_visibility": 0.0, "min_width": 0.0,
                              "min_height": 0.0, "check_each_transform": true},
              "keypoint_params": null, "additional_targets": {"mask2": "mask"}, "is_check_shapes": true}}
            """;
        Compose c = PipelineFile.fromJson(json);
        assertThat(c.transforms()).extracting(Transform::name).containsExactly("Rotate", "Cutout", "CoarseDropout", "OneOf");
        Map<String, Object> rotate = c.transforms().get(0).toDict();
        assertThat(rotate).containsEntry("p", 1.0).containsEntry("fill", List.of(1.0, 2.0, 3.0)).containsEntry("fill_mask", 5L);
        assertThat(c.transforms().get(2).toDict()).containsEntry("num_holes_range", List.of(8L, 8L)).containsEntry("hole_height_range", List.of(8L, 8L));
        assertThat(c.bboxParams().format()).isEqualTo(BboxFormat.COCO);
        assertThat(c.additionalTargets()).containsEntry("mask2", "mask");
    }

    @Test
    void savesByExtension(@TempDir Path dir) throws Exception {
        Compose c = new Compose(List.of(TransformRegistry.create("HorizontalFlip", Map.of("p", 0.25))));
        PipelineFile.save(c, dir.resolve("p.yaml"));
        PipelineFile.save(c, dir.resolve("p.json"));
        assertThat(Files.readString(dir.resolve("p.yaml"))).contains("__class_fullname__: HorizontalFlip").doesNotStartWith("{");
        assertThat(Files.readString(dir.resolve("p.json"))).contains("\"__version__\"");
        assertThat(PipelineFile.load(dir.resolve("p.yaml")).toDict()).isEqualTo(PipelineFile.load(dir.resolve("p.json")).toDict());
    }
}
