package org.augment4j.target;

import java.util.List;

/**
 * How a pipeline reads, checks and filters keypoints; Albumentations' {@code KeypointParams}.
 *
 * @param format             the format of the keypoints given and returned
 * @param labelFields        names of the label lists that ride along with the keypoints, row by row
 * @param removeInvisible    drop keypoints that leave the image (default true)
 * @param angleInDegrees     angles are given and returned in degrees rather than radians (default true)
 * @param checkEachTransform filter after every transform, not only at the end (default true)
 * @param visibilityField    (augment4j) the label field holding each keypoint's visibility, such as COCO's
 *                           {@code v}: when set, a keypoint that leaves the image is kept, with that field set to 0,
 *                           instead of being removed — so fixed layouts (17 COCO body points) stay intact. Must be one
 *                           of {@code labelFields}; null (default) for Albumentations' behaviour
 */
public record KeypointParams(KeypointFormat format, List<String> labelFields, boolean removeInvisible,
                             boolean angleInDegrees, boolean checkEachTransform, String visibilityField) {

    /** Checks the values: a format is required. */
    public KeypointParams {
        if (format == null) throw new IllegalArgumentException("KeypointParams.format is required");
        labelFields = List.copyOf(labelFields == null ? List.of() : labelFields);
        if (visibilityField != null && !labelFields.contains(visibilityField)) {
            throw new IllegalArgumentException("KeypointParams.visibility_field '" + visibilityField + "' must be one of label_fields " + labelFields);
        }
    }

    /** Albumentations' parameters, without a visibility field. */
    public KeypointParams(KeypointFormat format, List<String> labelFields, boolean removeInvisible, boolean angleInDegrees, boolean checkEachTransform) {
        this(format, labelFields, removeInvisible, angleInDegrees, checkEachTransform, null);
    }

    /** Defaults for a format, with the given label fields. */
    public static KeypointParams of(KeypointFormat format, String... labelFields) {
        return new KeypointParams(format, List.of(labelFields), true, true, true);
    }

    /**
     * Defaults for a format named as in Albumentations ({@code "xy"}, {@code "yx"}, {@code "xya"}, {@code "xys"},
     * {@code "xyas"}, {@code "xysa"}), with the given label fields: {@code KeypointParams.of("xy", "keypoint_labels")}.
     *
     * @throws IllegalArgumentException for an unknown format name, listing the allowed ones
     */
    public static KeypointParams of(String format, String... labelFields) {
        return of(KeypointFormat.of(format), labelFields);
    }

    /** These parameters with {@code remove_invisible} = {@code v}. */
    public KeypointParams withRemoveInvisible(boolean v) {
        return new KeypointParams(format, labelFields, v, angleInDegrees, checkEachTransform, visibilityField);
    }

    /** These parameters with {@code angle_in_degrees} = {@code v}. */
    public KeypointParams withAngleInDegrees(boolean v) {
        return new KeypointParams(format, labelFields, removeInvisible, v, checkEachTransform, visibilityField);
    }

    /** These parameters with {@code check_each_transform} = {@code v}. */
    public KeypointParams withCheckEachTransform(boolean v) {
        return new KeypointParams(format, labelFields, removeInvisible, angleInDegrees, v, visibilityField);
    }

    /** These parameters keeping keypoints that leave the image, with {@code field} set to 0 for them. */
    public KeypointParams withVisibilityField(String field) {
        return new KeypointParams(format, labelFields, removeInvisible, angleInDegrees, checkEachTransform, field);
    }
}
