package org.augment4j.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Which files the dataset readers take for images: by extension, in any case. Stateless. */
final class ImageFiles {
    /** The image extensions, lower case, with their dot, in the order a stem is tried with them. */
    static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp");

    private ImageFiles() {}

    /** Whether {@code f}'s name ends with one of {@link #EXTENSIONS}, in any case. */
    static boolean isImage(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }
}
