/**
 * Labelled datasets on disk: a format-neutral model ({@link org.augment4j.datasets.Dataset}), the COCO reader and
 * writer, and {@link org.augment4j.datasets.ObjectAugmenter}, which moves one image with its objects through a pipeline.
 */
package org.augment4j.datasets;
