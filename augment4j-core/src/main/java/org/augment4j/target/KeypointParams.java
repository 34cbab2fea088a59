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
 */
public record KeypointParams(KeypointFormat format, List<String> labelFields, boolean removeInvisible,
                             boolean angleInDegrees, boolean checkEachTransform) {

    public KeypointParams {
        if (format == null) throw new IllegalArgumentException("KeypointParams.format is required");
        labelFields = List.copyOf(labelFields == null ? List.of() : labelFields);
    }

    /** Defaults for a format, with the given label fields. */
    public static KeypointParams of(KeypointFormat format, String... labelFields) {
        return new KeypointParams(format, List.of(labelFields), true, true, true);
    }
}
