package org.augment4j.transform;

/**
 * OpenCV's border modes under their Albumentations/OpenCV names, for {@code border_mode}:
 * {@code A.Rotate().with("border_mode", BorderMode.CONSTANT)}. Pipeline files hold the integer ({@link #cv()}).
 */
public enum BorderMode {
    /** {@code cv2.BORDER_CONSTANT} (0): filled with {@code fill} (1.x: {@code value}). */
    CONSTANT(0),
    /** {@code cv2.BORDER_REPLICATE} (1): {@code aaa|abcd|ddd}. */
    REPLICATE(1),
    /** {@code cv2.BORDER_REFLECT} (2): {@code cba|abcd|dcb}. */
    REFLECT(2),
    /** {@code cv2.BORDER_WRAP} (3): {@code bcd|abcd|abc}. */
    WRAP(3),
    /** {@code cv2.BORDER_REFLECT_101} (4): {@code dcb|abcd|cba}, Albumentations 1.x's usual default. */
    REFLECT_101(4);

    private final int cv;

    BorderMode(int cv) {
        this.cv = cv;
    }

    /** The OpenCV constant. */
    public int cv() {
        return cv;
    }
}
