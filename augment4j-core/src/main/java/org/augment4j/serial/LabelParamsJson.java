package org.augment4j.serial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;

/** {@code bbox_params} and {@code keypoint_params} in Albumentations' {@code to_dict} shape, both ways. */
public final class LabelParamsJson {
    private LabelParamsJson() {}

    /**
     * {@code bbox_params} as Albumentations' {@code to_dict} writes them ({@code max_accept_ratio} null when unset).
     */
    public static Map<String, Object> toDict(BboxParams b) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("format", b.format().id());
        d.put("label_fields", b.labelFields());
        d.put("min_area", b.minArea());
        d.put("min_visibility", b.minVisibility());
        d.put("min_width", b.minWidth());
        d.put("min_height", b.minHeight());
        d.put("check_each_transform", b.checkEachTransform());
        d.put("clip", b.clip());
        d.put("filter_invalid_bboxes", b.filterInvalidBboxes());
        d.put("max_accept_ratio", b.maxAcceptRatio() == 0 ? null : b.maxAcceptRatio());
        return d;
    }

    /** {@code keypoint_params} as Albumentations' {@code to_dict} writes them. */
    public static Map<String, Object> toDict(KeypointParams k) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("format", k.format().id());
        d.put("label_fields", k.labelFields());
        d.put("remove_invisible", k.removeInvisible());
        d.put("angle_in_degrees", k.angleInDegrees());
        d.put("check_each_transform", k.checkEachTransform());
        if (k.visibilityField() != null) d.put("visibility_field", k.visibilityField());
        return d;
    }

    /** Reads {@code bbox_params}; {@code format} is required, everything else has Albumentations' default. */
    public static BboxParams bboxParams(Params r) {
        String format = r.string("format", null);
        if (format == null) throw r.error("format", "is required (one of pascal_voc, coco, yolo, albumentations)");
        try {
            BboxParams b = new BboxParams(BboxFormat.of(format), labelFields(r), r.dbl("min_area", 0), r.dbl("min_visibility", 0),
                    r.dbl("min_width", 0), r.dbl("min_height", 0), r.bool("clip", false), r.bool("check_each_transform", true),
                    r.bool("filter_invalid_bboxes", false), r.dbl("max_accept_ratio", 0));
            r.finish();
            return b;
        } catch (PipelineException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PipelineException(r.path(), e.getMessage());
        }
    }

    /** Reads {@code keypoint_params}. */
    public static KeypointParams keypointParams(Params r) {
        String format = r.string("format", null);
        if (format == null) throw r.error("format", "is required (one of xy, yx, xya, xys, xyas, xysa)");
        try {
            KeypointParams k = new KeypointParams(KeypointFormat.of(format), labelFields(r), r.bool("remove_invisible", true),
                    r.bool("angle_in_degrees", true), r.bool("check_each_transform", true), r.string("visibility_field", null));
            r.finish();
            return k;
        } catch (PipelineException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PipelineException(r.path(), e.getMessage());
        }
    }

    private static List<String> labelFields(Params r) {
        Object v = r.raw("label_fields");
        if (v == null) return List.of();
        if (v instanceof List<?> l && l.stream().allMatch(o -> o instanceof String)) return l.stream().map(o -> (String) o).toList();
        throw r.error("label_fields", "must be a list of names, got " + v);
    }
}
