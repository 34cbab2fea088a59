package org.augment4j.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** The width and height of an image file from its header, without decoding the pixels. Stateless. */
final class ImageSize {
    private ImageSize() {}

    /** {@code [width, height]}, or null when the file is not a readable image. */
    static int[] of(Path file) {
        try (ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) return null;
            Iterator<ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
