package org.augment4j.transform.crop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.serial.TransformRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad parameters are errors naming the transform and the parameter; 1.3 names are read and written back as 2.x. */
class CropParamsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String s) throws Exception {
        return new HashMap<>(new com.fasterxml.jackson.databind.ObjectMapper().readValue(s, Map.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
        "RandomResizedCrop; {\"size\": [64, 64], \"scale\": [0.5, 1.5]}; scale",
        "RandomResizedCrop; {\"size\": [64, 64], \"ratio\": [2, 1]}; ratio",
        "RandomResizedCrop; {\"size\": [64, 0]}; size",
        "RandomResizedCrop; {}; height",
        "RandomResizedCrop; {\"size\": [64, 64], \"interpolation\": 9}; interpolation",
        "LongestMaxSize; {\"max_size\": 512, \"max_size_hw\": [100, 100]}; max_size",
        "LongestMaxSize; {\"max_size\": 0}; max_size",
        "SmallestMaxSize; {\"max_size_hw\": [100]}; max_size_hw",
        "SmallestMaxSize; {\"max_size_hw\": [null, null]}; max_size",
        "RandomScale; {\"scale_limit\": [-1.5, 0]}; scale_limit",
        "Pad; {\"padding\": [1, 2, 3]}; padding",
        "Pad; {\"padding\": -1}; padding",
        "Pad; {\"padding\": 2, \"border_mode\": 7}; border_mode",
        "PadIfNeeded; {\"min_height\": 100, \"pad_height_divisor\": 32}; pad_height_divisor",
        "PadIfNeeded; {\"min_width\": 0}; min_width",
        "PadIfNeeded; {\"position\": \"middle\"}; position",
        "CropAndPad; {}; px",
        "CropAndPad; {\"px\": 3, \"percent\": 0.1}; px",
        "CropAndPad; {\"percent\": \"wide\"}; percent",
        "CropAndPad; {\"px\": [1, 2, 3]}; px",
        "CropAndPad; {\"px\": 1.5}; px",
        "CropAndPad; {\"px\": [5, 1]}; px",
        "RandomCropFromBorders; {\"crop_left\": 0.7, \"crop_right\": 0.5}; crop_left + crop_right",
        "RandomCropFromBorders; {\"crop_top\": 1.5}; crop_top",
        "AtLeastOneBBoxRandomCrop; {\"height\": 10, \"width\": 10, \"erosion_factor\": 2}; erosion_factor",
        "AtLeastOneBBoxRandomCrop; {\"height\": 10}; width",
        "BBoxSafeRandomCrop; {\"erosion_rate\": -0.1}; erosion_rate",
        "RandomSizedBBoxSafeCrop; {\"height\": 0, \"width\": 10}; height",
        "RandomCropNearBBox; {\"max_part_shift\": [0.5, 0.2]}; max_part_shift",
        "RandomCropNearBBox; {\"max_part_shift\": 1.5}; max_part_shift",
        "CropNonEmptyMaskIfExists; {\"height\": 10, \"width\": 10, \"ignore_values\": 5}; ignore_values",
        "CropNonEmptyMaskIfExists; {\"height\": 10, \"width\": 10, \"ignore_channels\": [-1]}; ignore_channels",
        "Crop; {\"pad_position\": \"middle\"}; pad_position",
        "Crop; {\"x_min\": 10, \"x_max\": 5}; x_max",
        "CenterCrop; {\"height\": 10, \"width\": 10, \"border_mode\": 9}; border_mode",
        "RandomCrop; {\"height\": 10, \"width\": 10, \"pad_if_needed\": \"yes\"}; pad_if_needed",
        "RandomSizedCrop; {\"min_max_height\": [10, 20], \"size\": [10]}; size"})
    void badParametersAreNamed(String name, String params, String param) throws Exception {
        Map<String, Object> p = json(params);
        assertThatThrownBy(() -> TransformRegistry.create(name, p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name).hasMessageContaining(param);
    }

    @Test
    void readsAlbumentations13Names() {
        assertThat(TransformRegistry.create("RandomResizedCrop", Map.of("height", 32, "width", 48)).toDict())
                .containsEntry("size", List.of(32, 48)).doesNotContainKey("height");
        assertThat(TransformRegistry.create("RandomSizedCrop", Map.of("min_max_height", List.of(10, 20), "height", 32, "width", 48)).toDict())
                .containsEntry("size", List.of(32, 48));
        assertThat(TransformRegistry.create("CropAndPad", Map.of("px", 4, "pad_mode", 2, "pad_cval", 9, "pad_cval_mask", 3)).toDict())
                .containsEntry("border_mode", 2).containsEntry("fill", 9L).containsEntry("fill_mask", 3L);
        assertThat(TransformRegistry.create("PadIfNeeded", Map.of("min_height", 10, "min_width", 10, "value", 4, "mask_value", 1)).toDict())
                .containsEntry("fill", 4L).containsEntry("fill_mask", 1L);
        assertThat(TransformRegistry.create("RandomCrop", Map.of("height", 10, "width", 10, "pad_if_needed", true, "pad_mode", 1,
                "pad_cval", 5)).toDict()).containsEntry("border_mode", 1).containsEntry("fill", 5L).containsEntry("pad_if_needed", true);
        assertThat(TransformRegistry.create("Crop", Map.of("always_apply", false)).toDict())
                .containsEntry("x_max", 1024).containsEntry("pad_if_needed", false).containsEntry("pad_position", "center");
    }

    @Test
    void defaultsAreAlbumentations() {
        assertThat(TransformRegistry.create("RandomScale", Map.of()).toDict()).containsEntry("p", 0.5).containsEntry("scale_limit", List.of(-0.1, 0.1));
        assertThat(TransformRegistry.create("RandomResizedCrop", Map.of("size", List.of(8, 8))).toDict())
                .containsEntry("scale", List.of(0.08, 1L)).containsEntry("ratio", List.of(0.75, 4.0 / 3.0)).containsEntry("interpolation", 1);
        assertThat(TransformRegistry.create("PadIfNeeded", Map.of()).toDict()).containsEntry("min_height", 1024).containsEntry("position", "center")
                .containsEntry("border_mode", 0);
        assertThat(TransformRegistry.create("LongestMaxSize", Map.of()).toDict()).containsEntry("max_size", 1024).containsEntry("max_size_hw", null);
        assertThat(TransformRegistry.create("RandomCropFromBorders", Map.of()).toDict()).containsEntry("crop_left", 0.1).containsEntry("p", 1.0);
        assertThat(TransformRegistry.create("RandomCropNearBBox", Map.of()).toDict()).containsEntry("max_part_shift", List.of(0L, 0.3));
        assertThat(TransformRegistry.create("CropAndPad", Map.of("percent", List.of(-0.1, 0.1))).toDict()).containsEntry("keep_size", true)
                .containsEntry("sample_independently", true).containsEntry("px", null);
        assertThat(TransformRegistry.create("Pad", Map.of()).toDict()).containsEntry("padding", 0);
    }
}
