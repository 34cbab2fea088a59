package org.augment4j.transform;

/**
 * OpenCV's interpolation flags under their Albumentations/OpenCV names, for parameters such as {@code interpolation}
 * and {@code mask_interpolation}: {@code A.Rotate().with("interpolation", Interpolation.CUBIC)}. Pipeline files hold
 * the integer ({@link #cv()}).
 */
public enum Interpolation {
    /** {@code cv2.INTER_NEAREST} (0). */
    NEAREST(0),
    /** {@code cv2.INTER_LINEAR} (1), Albumentations' usual default. */
    LINEAR(1),
    /** {@code cv2.INTER_CUBIC} (2). */
    CUBIC(2),
    /** {@code cv2.INTER_AREA} (3). */
    AREA(3),
    /** {@code cv2.INTER_LANCZOS4} (4). */
    LANCZOS4(4);

    private final int cv;

    Interpolation(int cv) {
        this.cv = cv;
    }

    /** The OpenCV constant. */
    public int cv() {
        return cv;
    }
}
