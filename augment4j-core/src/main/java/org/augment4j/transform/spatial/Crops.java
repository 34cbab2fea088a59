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

    /**
     * The required output size of a transform as {@code {height, width}}: {@code height} and {@code width}, or 2.x's
     * {@code size: [height, width]}.
     */
    public static int[] size(org.augment4j.serial.Params r) {
        if (r.has("size")) {
            double[] size = r.numbers("size", null);
            if (size.length != 2) throw r.error("size", "must be [height, width]");
            return new int[] {(int) size[0], (int) size[1]};
        }
        if (!r.has("height")) throw r.error("height", "is required (or size)");
        if (!r.has("width")) throw r.error("width", "is required (or size)");
        return new int[] {r.integer("height", 0), r.integer("width", 0)};
    }

    /** {@code height} and {@code width} as {@code to_dict} arguments. */
    public static java.util.Map<String, Object> sizeArgs(int height, int width) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("height", height);
        m.put("width", width);
        return m;
    }

    /** Fails with a clear message when a {@code cropH × cropW} window does not fit the image. */
    public static void requireFits(String transform, int height, int width, int cropH, int cropW) {
        if (cropH > height || cropW > width) {
            throw new IllegalArgumentException(transform + ": crop size (height " + cropH + ", width " + cropW
                    + ") is larger than the image (height " + height + ", width " + width + ")");
        }
    }
}
