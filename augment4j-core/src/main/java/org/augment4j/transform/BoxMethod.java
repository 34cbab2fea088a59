package org.augment4j.transform;

import org.augment4j.internal.Allowed;
import java.util.Locale;
import org.augment4j.serial.Params;

/** How a box is carried through a rotation: Albumentations' {@code rotate_method}. */
public enum BoxMethod {
    /** Map the four corners and take their bounding box (loose under rotation). */
    LARGEST_BOX,
    /** Map the ellipse inscribed in the box and take its bounding box (tighter for round objects). */
    ELLIPSE;

    /** The names {@code rotate_method} allows, as {@link #id()} writes them. */
    private static final Allowed IDS = Allowed.oneOf(java.util.Arrays.stream(values()).map(BoxMethod::id).toList());

    /** Parses {@code "largest_box"} or {@code "ellipse"} (case-insensitive). */
    public static BoxMethod of(String name) {
        return valueOf(IDS.check(null, "rotate_method", name == null ? null : name.toLowerCase(Locale.ROOT)).toUpperCase(Locale.ROOT));
    }

    /** Reads {@code rotate_method} (default {@code "largest_box"}), checked and described as one of the names. */
    public static BoxMethod read(Params r) {
        String name = r.string("rotate_method", "largest_box");
        return of(IDS.check(r.transform(), "rotate_method", name == null ? null : name.toLowerCase(Locale.ROOT)));
    }

    /** The name Albumentations uses: {@code "largest_box"} or {@code "ellipse"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
