package org.augment4j.target;

import java.util.Arrays;
import java.util.Locale;

/**
 * The four bounding-box formats of Albumentations. Internally every box is {@code albumentations}:
 * {@code [x_min, y_min, x_max, y_max]} normalised by the image width and height, pixel edges at 0 and 1.
 */
public enum BboxFormat {
    /** {@code [x_min, y_min, x_max, y_max]} in pixels (0-based edges, as Albumentations). */
    PASCAL_VOC("pascal_voc"),
    /** {@code [x_min, y_min, width, height]} in pixels. */
    COCO("coco"),
    /** {@code [x_center, y_center, width, height]} normalised to [0, 1]. */
    YOLO("yolo"),
    /** {@code [x_min, y_min, x_max, y_max]} normalised to [0, 1]. */
    ALBUMENTATIONS("albumentations");

    private final String id;

    BboxFormat(String id) {
        this.id = id;
    }

    /** The name used in pipeline files, such as {@code pascal_voc}. */
    public String id() {
        return id;
    }

    /** Parses a format name; an unknown name is an error listing the allowed ones. */
    public static BboxFormat of(String name) {
        for (BboxFormat f : values()) {
            if (f.id.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) return f;
        }
        throw new IllegalArgumentException("unknown bbox format '" + name + "': allowed are "
                + Arrays.stream(values()).map(BboxFormat::id).toList());
    }

    /** Converts the first four values of a box in this format to normalised {@code [x_min, y_min, x_max, y_max]}. */
    public double[] toAlbumentations(double[] b, int width, int height) {
        if (b.length < 4) throw new IllegalArgumentException("a bbox needs 4 values, got " + Arrays.toString(b));
        return switch (this) {
            case PASCAL_VOC -> new double[] {b[0] / width, b[1] / height, b[2] / width, b[3] / height};
            case COCO -> new double[] {b[0] / width, b[1] / height, (b[0] + b[2]) / width, (b[1] + b[3]) / height};
            case YOLO -> new double[] {b[0] - b[2] / 2, b[1] - b[3] / 2, b[0] + b[2] / 2, b[1] + b[3] / 2};
            case ALBUMENTATIONS -> new double[] {b[0], b[1], b[2], b[3]};
        };
    }

    /** Converts a normalised {@code [x_min, y_min, x_max, y_max]} box to this format. */
    public double[] fromAlbumentations(double[] b, int width, int height) {
        return switch (this) {
            case PASCAL_VOC -> new double[] {b[0] * width, b[1] * height, b[2] * width, b[3] * height};
            case COCO -> new double[] {b[0] * width, b[1] * height, (b[2] - b[0]) * width, (b[3] - b[1]) * height};
            case YOLO -> new double[] {(b[0] + b[2]) / 2, (b[1] + b[3]) / 2, b[2] - b[0], b[3] - b[1]};
            case ALBUMENTATIONS -> new double[] {b[0], b[1], b[2], b[3]};
        };
    }
}
