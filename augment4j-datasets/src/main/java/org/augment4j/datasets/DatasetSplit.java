package org.augment4j.datasets;

import java.nio.file.Path;

/**
 * One part of a dataset as a labelling tool exported it: a split ({@code train}, {@code valid}, {@code default}…) with
 * its images and where its annotations were found, so that a writer can lay out its output the same way.
 *
 * @param name      the split's name as the export names it ({@code "train"}, {@code "default"}), or {@code ""} when the
 *                  export has a single unnamed part
 * @param dataset   what was read
 * @param imageDir  the folder the images were read from
 * @param labels    where the labels were read from: the annotation file (COCO), the label folder (YOLO; the image
 *                  folder itself when labels lie beside the images) or the XML folder (Pascal VOC)
 */
public record DatasetSplit(String name, Dataset dataset, Path imageDir, Path labels) {
    public DatasetSplit {
        if (name == null) throw new IllegalArgumentException("split name must not be null (use \"\" for an unnamed split)");
        if (dataset == null) throw new IllegalArgumentException("split " + name + ": dataset must not be null");
    }
}
