package org.augment4j.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One image of a dataset with its objects.
 *
 * @param fileName the name relative to the dataset's image folder, as the annotations give it
 * @param file     where the image is on disk
 * @param width    width in pixels, as the annotations state
 * @param height   height in pixels, as the annotations state
 * @param objects  its labelled objects, in file order
 * @param extra    other fields of the image record (COCO's id, license, urls…); unmodifiable
 */
public record DatasetImage(String fileName, Path file, int width, int height, List<DatasetObject> objects, Map<String, Object> extra) {
    public DatasetImage {
        objects = List.copyOf(objects);
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    /** The file name without its extension. */
    public String stem() {
        String f = Path.of(fileName).getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot < 0 ? f : f.substring(0, dot);
    }
}
