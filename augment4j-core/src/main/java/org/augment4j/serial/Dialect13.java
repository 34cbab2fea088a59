package org.augment4j.serial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Albumentations 1.3.1's dialect of a pipeline's {@code to_dict}: what {@link PipelineFile} writes for a pipeline with
 * {@link org.augment4j.Semantics#ALBUMENTATIONS_1_3} semantics, so that 1.3.1's {@code A.from_dict} loads it with the
 * same meaning. Transforms write 2.x's parameter names; here they get 1.3.1's: renamed ({@code fill} → {@code value},
 * {@code cval}, …), ranges split into 1.3.1's pairs ({@code slant_range} → {@code slant_lower}/{@code slant_upper}),
 * and 2.x-only parameters left out where they hold the value that gives 1.3.1's behaviour. A 2.x-only parameter with
 * any other value has no 1.3.1 equivalent: it is kept (augment4j reads it back) and a warning names it, since 1.3.1
 * would refuse the file. Transforms that 1.3.1 does not have are written as they are.
 */
final class Dialect13 {
    private Dialect13() {}

    /** One rewriting step of a transform's map (in place); may warn about what 1.3.1 cannot express. */
    private interface Rule {
        void apply(Map<String, Object> d, String transform, Consumer<String> warnings);
    }

    /** {@code from} → {@code to}, value unchanged. */
    private static Rule rename(String from, String to) {
        return (d, t, w) -> {
            if (d.containsKey(from)) d.put(to, d.remove(from));
        };
    }

    /** A [min, max] pair → two scalars (null → two nulls). */
    private static Rule split(String from, String lower, String upper) {
        return (d, t, w) -> {
            if (!d.containsKey(from)) return;
            Object v = d.get(from);
            if (v != null && !(v instanceof List<?> l && l.size() == 2)) return;
            d.remove(from);
            d.put(lower, v == null ? null : ((List<?>) v).get(0));
            d.put(upper, v == null ? null : ((List<?>) v).get(1));
        };
    }

    /** 2.x's OpenCV border code → 1.3.1's scikit-image mode name (PiecewiseAffine's {@code mode}). */
    private static final Rule SKIMAGE_MODE = (d, t, w) -> {
        if (!(d.remove("border_mode") instanceof Number n)) return;
        List<String> names = List.of("constant", "edge", "symmetric", "wrap", "reflect");
        d.put("mode", n.intValue() >= 0 && n.intValue() < names.size() ? names.get(n.intValue()) : n);
    };

    /** A 2.x-only parameter: left out when it holds {@code neutral} (1.3.1's built-in behaviour), else kept with a warning. */
    private static Rule only2(String name, Object neutral) {
        return (d, t, w) -> {
            if (!d.containsKey(name)) return;
            if (same(d.get(name), neutral)) {
                d.remove(name);
            } else {
                w.accept(t + "." + name + " = " + d.get(name) + " has no Albumentations 1.3.1 equivalent; it is kept in the file,"
                        + " which 1.3.1's from_dict will refuse");
            }
        };
    }

    /** 2.x's {@code size: [h, w]} → 1.3.1's {@code height}, {@code width}. */
    private static final Rule SIZE = (d, t, w) -> {
        if (d.get("size") instanceof List<?> l && l.size() == 2) {
            d.remove("size");
            d.put("height", l.get(0));
            d.put("width", l.get(1));
        }
    };

    /** The padding that 2.x's crops gained: left out when off (1.3.1's crops do not pad). */
    private static final Rule CROP_PADDING = (d, t, w) -> {
        if (Boolean.FALSE.equals(d.get("pad_if_needed"))) {
            for (String k : List.of("pad_if_needed", "pad_position", "border_mode", "fill", "fill_mask")) d.remove(k);
        } else {
            only2("pad_if_needed", false).apply(d, t, w);
        }
    };

    private static final Rule MASK_NEAREST = only2("mask_interpolation", 0);

    /** The rules by transform name; transforms not listed are written as they are. */
    private static final Map<String, List<Rule>> RULES = Map.ofEntries(
            Map.entry("AdvancedBlur", List.of(rename("sigma_x_limit", "sigmaX_limit"), rename("sigma_y_limit", "sigmaY_limit"))),
            Map.entry("Spatter", List.of(rename("mean_range", "mean"), rename("std_range", "std"), rename("gauss_sigma_range", "gauss_sigma"),
                    rename("cutout_threshold_range", "cutout_threshold"), rename("intensity_range", "intensity"))),
            Map.entry("Affine", List.of(rename("fill", "cval"), rename("fill_mask", "cval_mask"), rename("border_mode", "mode"), only2("balanced_scale", false))),
            Map.entry("CenterCrop", List.of(CROP_PADDING)),
            Map.entry("Crop", List.of(CROP_PADDING)),
            Map.entry("RandomCrop", List.of(CROP_PADDING)),
            Map.entry("ChannelDropout", List.of(rename("fill", "fill_value"))),
            Map.entry("CoarseDropout", List.of(split("num_holes_range", "min_holes", "max_holes"), split("hole_height_range", "min_height", "max_height"),
                    split("hole_width_range", "min_width", "max_width"), rename("fill", "fill_value"), rename("fill_mask", "mask_fill_value"))),
            Map.entry("CropAndPad", List.of(rename("fill", "pad_cval"), rename("fill_mask", "pad_cval_mask"), rename("border_mode", "pad_mode"), MASK_NEAREST)),
            Map.entry("ElasticTransform", List.of(rename("fill", "value"), rename("fill_mask", "mask_value"), MASK_NEAREST,
                    only2("noise_distribution", "gaussian"), only2("keypoint_remapping_method", "mask"),
                    (d, t, w) -> d.putIfAbsent("alpha_affine", 0))), // 2.x leaves it out; 1.3.1's default would be 50
            Map.entry("GlassBlur", List.of(only2("mode", "fast"))),
            Map.entry("GridDistortion", List.of(rename("fill", "value"), rename("fill_mask", "mask_value"), MASK_NEAREST)),
            Map.entry("GridDropout", List.of(split("unit_size_range", "unit_size_min", "unit_size_max"), split("holes_number_xy", "holes_number_x", "holes_number_y"),
                    split("shift_xy", "shift_x", "shift_y"), rename("fill", "fill_value"), rename("fill_mask", "mask_fill_value"))),
            Map.entry("LongestMaxSize", List.of(MASK_NEAREST, only2("max_size_hw", null))),
            Map.entry("SmallestMaxSize", List.of(MASK_NEAREST, only2("max_size_hw", null))),
            Map.entry("MaskDropout", List.of(rename("fill", "image_fill_value"), rename("fill_mask", "mask_fill_value"))),
            Map.entry("MotionBlur", List.of(only2("angle_range", List.of(0, 360)), only2("direction_range", List.of(-1, 1)))),
            Map.entry("OpticalDistortion", List.of(rename("fill", "value"), rename("fill_mask", "mask_value"), MASK_NEAREST, only2("mode", "camera"))),
            Map.entry("PadIfNeeded", List.of(rename("fill", "value"), rename("fill_mask", "mask_value"), only2("position", "center"))),
            Map.entry("Perspective", List.of(rename("fill", "pad_val"), rename("fill_mask", "mask_pad_val"), rename("border_mode", "pad_mode"), MASK_NEAREST)),
            Map.entry("PiecewiseAffine", List.of(rename("fill", "cval"), rename("fill_mask", "cval_mask"), SKIMAGE_MODE)),
            Map.entry("RandomBrightnessContrast", List.of(only2("ensure_safe_range", false))),
            Map.entry("RandomCropNearBBox", List.of(only2("cropping_bbox_key", "cropping_bbox"))),
            Map.entry("RandomFog", List.of(split("fog_coef_range", "fog_coef_lower", "fog_coef_upper"))),
            Map.entry("RandomRain", List.of(split("slant_range", "slant_lower", "slant_upper"), (d, t, w) -> {
                if ("default".equals(d.get("rain_type"))) d.put("rain_type", null);
            })),
            Map.entry("RandomResizedCrop", List.of(SIZE, MASK_NEAREST)),
            Map.entry("RandomSizedCrop", List.of(SIZE, MASK_NEAREST)),
            Map.entry("RandomSizedBBoxSafeCrop", List.of(MASK_NEAREST)),
            Map.entry("RandomScale", List.of(MASK_NEAREST)),
            Map.entry("Resize", List.of(MASK_NEAREST)),
            Map.entry("RandomShadow", List.of(split("num_shadows_limit", "num_shadows_lower", "num_shadows_upper"), only2("shadow_intensity_range", List.of(0.5, 0.5)))),
            Map.entry("RandomSnow", List.of(split("snow_point_range", "snow_point_lower", "snow_point_upper"), only2("method", "bleach"))),
            Map.entry("RandomSunFlare", List.of(split("angle_range", "angle_lower", "angle_upper"),
                    split("num_flare_circles_range", "num_flare_circles_lower", "num_flare_circles_upper"), only2("method", "overlay"))),
            Map.entry("RandomToneCurve", List.of(only2("per_channel", false))),
            Map.entry("Rotate", List.of(rename("fill", "value"), rename("fill_mask", "mask_value"), MASK_NEAREST)),
            Map.entry("SafeRotate", List.of(rename("fill", "value"), rename("fill_mask", "mask_value"), MASK_NEAREST, only2("rotate_method", "largest_box"))),
            Map.entry("ShiftScaleRotate", List.of(rename("fill", "value"), rename("fill_mask", "mask_value"), MASK_NEAREST)),
            Map.entry("Sharpen", List.of(only2("method", "kernel"), only2("kernel_size", 5), only2("sigma", 1.0))),
            Map.entry("ToRGB", List.of(only2("num_output_channels", 3))));

    /** What each container and label-parameter map of 2.x holds that 1.3.1 does not, with its neutral value. */
    private static final List<Rule> COMPOSE = List.of(only2("strict", true), only2("seed", null), only2("mask_interpolation", null),
            only2("save_applied_params", false));
    private static final List<Rule> BBOX_PARAMS = List.of(only2("clip", false), only2("filter_invalid_bboxes", false), only2("max_accept_ratio", null));
    private static final List<Rule> KEYPOINT_PARAMS = List.of(only2("visibility_field", null));

    /** A copy of a pipeline tree ({@code __version__} and {@code transform}) in 1.3.1's dialect. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> root, Consumer<String> warnings) {
        Map<String, Object> out = new LinkedHashMap<>(root);
        out.put("transform", transform((Map<String, Object>) root.get("transform"), warnings));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> transform(Map<String, Object> node, Consumer<String> warnings) {
        Map<String, Object> d = new LinkedHashMap<>(node);
        String name = TransformRegistry.shortName((String) d.get("__class_fullname__"));
        if (d.get("transforms") instanceof List<?> children) {
            List<Object> rewritten = new ArrayList<>();
            for (Object c : children) rewritten.add(c instanceof Map<?, ?> m ? transform((Map<String, Object>) m, warnings) : c);
            d.put("transforms", rewritten);
            if (d.containsKey("bbox_params") || d.containsKey("keypoint_params")) {
                apply(COMPOSE, d, name, warnings);
                d.computeIfPresent("bbox_params", (k, v) -> labelParams(v, BBOX_PARAMS, name + ".bbox_params", warnings));
                d.computeIfPresent("keypoint_params", (k, v) -> labelParams(v, KEYPOINT_PARAMS, name + ".keypoint_params", warnings));
            }
            return d;
        }
        apply(RULES.getOrDefault(name, List.of()), d, name, warnings);
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Object labelParams(Object v, List<Rule> rules, String where, Consumer<String> warnings) {
        if (!(v instanceof Map<?, ?> m)) return v;
        Map<String, Object> d = new LinkedHashMap<>((Map<String, Object>) m);
        apply(rules, d, where, warnings);
        return d;
    }

    private static void apply(List<Rule> rules, Map<String, Object> d, String name, Consumer<String> warnings) {
        for (Rule r : rules) r.apply(d, name, warnings);
    }

    /** Equal as JSON values: numbers by value, lists element by element. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!same(x.get(i), y.get(i))) return false;
            return true;
        }
        return Objects.equals(a, b);
    }
}
