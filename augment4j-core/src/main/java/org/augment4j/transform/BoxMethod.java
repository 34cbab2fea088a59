package org.augment4j.transform;

import java.util.Locale;

/** How a box is carried through a rotation: Albumentations' {@code rotate_method}. */
public enum BoxMethod {
    /** Map the four corners and take their bounding box (loose under rotation). */
    LARGEST_BOX,
    /** Map the ellipse inscribed in the box and take its bounding box (tighter for round objects). */
    ELLIPSE;

    /** Parses {@code "largest_box"} or {@code "ellipse"}. */
    public static BoxMethod of(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "largest_box" -> LARGEST_BOX;
            case "ellipse" -> ELLIPSE;
            default -> throw new IllegalArgumentException("rotate_method must be 'largest_box' or 'ellipse', got '" + name + "'");
        };
    }

    /** The name Albumentations uses: {@code "largest_box"} or {@code "ellipse"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
