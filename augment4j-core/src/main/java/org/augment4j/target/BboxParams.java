package org.augment4j.target;

import java.util.List;

/**
 * How a pipeline reads, checks and filters bounding boxes; Albumentations' {@code BboxParams}.
 *
 * @param format              the format of the boxes given and returned
 * @param labelFields         names of the label lists that ride along with the boxes, row by row
 * @param minArea             boxes whose area after a transform is below this many pixels are dropped (default 0)
 * @param minVisibility       boxes keeping less than this fraction of their area after clipping are dropped (default 0)
 * @param minWidth            boxes narrower than this many pixels are dropped (default 0)
 * @param minHeight           boxes lower than this many pixels are dropped (default 0)
 * @param clip                clip input boxes to the image instead of rejecting boxes that leave it (default false)
 * @param checkEachTransform  filter after every transform, not only at the end (default true)
 * @param filterInvalidBboxes drop invalid input boxes (x_min >= x_max, y_min >= y_max, outside the image after
 *                            {@code clip}) with their labels instead of failing (default false)
 * @param maxAcceptRatio      drop boxes whose aspect ratio {@code max(w/h, h/w)} exceeds this (default 0: no limit)
 */
public record BboxParams(BboxFormat format, List<String> labelFields, double minArea, double minVisibility,
                         double minWidth, double minHeight, boolean clip, boolean checkEachTransform,
                         boolean filterInvalidBboxes, double maxAcceptRatio) {

    /** Checks the values: a format is required; thresholds must be in their ranges. */
    public BboxParams {
        if (format == null) throw new IllegalArgumentException("BboxParams.format is required");
        labelFields = List.copyOf(labelFields == null ? List.of() : labelFields);
        requireNonNegative("min_area", minArea);
        requireNonNegative("min_width", minWidth);
        requireNonNegative("min_height", minHeight);
        requireNonNegative("max_accept_ratio", maxAcceptRatio);
        if (maxAcceptRatio > 0 && maxAcceptRatio < 1) {
            throw new IllegalArgumentException("BboxParams.max_accept_ratio must be >= 1 (or 0/None for no limit), got " + maxAcceptRatio);
        }
        if (!(minVisibility >= 0 && minVisibility <= 1)) {
            throw new IllegalArgumentException("BboxParams.min_visibility must be in [0, 1], got " + minVisibility);
        }
    }

    /** Without the 2.x options {@code filter_invalid_bboxes} and {@code max_accept_ratio}. */
    public BboxParams(BboxFormat format, List<String> labelFields, double minArea, double minVisibility,
                      double minWidth, double minHeight, boolean clip, boolean checkEachTransform) {
        this(format, labelFields, minArea, minVisibility, minWidth, minHeight, clip, checkEachTransform, false, 0);
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("BboxParams." + name + " must be a finite number >= 0, got " + v);
        }
    }

    /** Defaults for a format, with the given label fields. */
    public static BboxParams of(BboxFormat format, String... labelFields) {
        return new BboxParams(format, List.of(labelFields), 0, 0, 0, 0, false, true);
    }

    /**
     * Defaults for a format named as in Albumentations ({@code "pascal_voc"}, {@code "coco"}, {@code "yolo"},
     * {@code "albumentations"}), with the given label fields: {@code BboxParams.of("coco", "category_id")}.
     *
     * @throws IllegalArgumentException for an unknown format name, listing the allowed ones
     */
    public static BboxParams of(String format, String... labelFields) {
        return of(BboxFormat.of(format), labelFields);
    }

    /** These parameters with {@code min_area} = {@code v} pixels. */
    public BboxParams withMinArea(double v) {
        return new BboxParams(format, labelFields, v, minVisibility, minWidth, minHeight, clip, checkEachTransform, filterInvalidBboxes, maxAcceptRatio);
    }

    /** These parameters with {@code min_visibility} = {@code v}, in [0, 1]. */
    public BboxParams withMinVisibility(double v) {
        return new BboxParams(format, labelFields, minArea, v, minWidth, minHeight, clip, checkEachTransform, filterInvalidBboxes, maxAcceptRatio);
    }

    /** These parameters with {@code min_width} = {@code v} pixels. */
    public BboxParams withMinWidth(double v) {
        return new BboxParams(format, labelFields, minArea, minVisibility, v, minHeight, clip, checkEachTransform, filterInvalidBboxes, maxAcceptRatio);
    }

    /** These parameters with {@code min_height} = {@code v} pixels. */
    public BboxParams withMinHeight(double v) {
        return new BboxParams(format, labelFields, minArea, minVisibility, minWidth, v, clip, checkEachTransform, filterInvalidBboxes, maxAcceptRatio);
    }

    /** These parameters with {@code check_each_transform} = {@code v}. */
    public BboxParams withCheckEachTransform(boolean v) {
        return new BboxParams(format, labelFields, minArea, minVisibility, minWidth, minHeight, clip, v, filterInvalidBboxes, maxAcceptRatio);
    }

    /** These parameters with {@code clip} = {@code v}. */
    public BboxParams withClip(boolean v) {
        return new BboxParams(format, labelFields, minArea, minVisibility, minWidth, minHeight, v, checkEachTransform, filterInvalidBboxes, maxAcceptRatio);
    }

    /** These parameters with {@code filter_invalid_bboxes} = {@code v}. */
    public BboxParams withFilterInvalidBboxes(boolean v) {
        return new BboxParams(format, labelFields, minArea, minVisibility, minWidth, minHeight, clip, checkEachTransform, v, maxAcceptRatio);
    }

    /** These parameters with {@code max_accept_ratio} = {@code v} (0: no limit, else >= 1). */
    public BboxParams withMaxAcceptRatio(double v) {
        return new BboxParams(format, labelFields, minArea, minVisibility, minWidth, minHeight, clip, checkEachTransform, filterInvalidBboxes, v);
    }
}
