package org.augment4j.transform.spatial;

/** Pure crop-window arithmetic, as Albumentations computes it. Windows are {@code {x1, y1, x2, y2}}, x2/y2 exclusive. */
public final class Crops {
    private Crops() {}

    /**
     * A {@code cropH × cropW} window placed by {@code hStart, wStart} in [0, 1): {@code y1 = int((H − h + 1)·hStart)}.
     */
    public static int[] random(int height, int width, int cropH, int cropW, double hStart, double wStart) {
        int y1 = (int) ((height - cropH + 1) * hStart);
        int x1 = (int) ((width - cropW + 1) * wStart);
        return new int[] {x1, y1, x1 + cropW, y1 + cropH};
    }

    /** A centred {@code cropH × cropW} window: {@code y1 = (H − h) // 2}. */
    public static int[] center(int height, int width, int cropH, int cropW) {
        int y1 = Math.floorDiv(height - cropH, 2);
        int x1 = Math.floorDiv(width - cropW, 2);
        return new int[] {x1, y1, x1 + cropW, y1 + cropH};
    }

    /** Fails with a clear message when a {@code cropH × cropW} window does not fit the image. */
    public static void requireFits(String transform, int height, int width, int cropH, int cropW) {
        if (cropH > height || cropW > width) {
            throw new IllegalArgumentException(transform + ": crop size (height " + cropH + ", width " + cropW
                    + ") is larger than the image (height " + height + ", width " + width + ")");
        }
    }
}
