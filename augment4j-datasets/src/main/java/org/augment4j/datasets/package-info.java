/**
 * Labelled datasets on disk: a format-neutral model ({@link org.augment4j.datasets.Dataset}), readers and writers for
 * COCO ({@link org.augment4j.datasets.CocoReader}, {@link org.augment4j.datasets.CocoWriter}), YOLO
 * ({@link org.augment4j.datasets.Yolo}), Pascal VOC ({@link org.augment4j.datasets.Voc}) and mask folders
 * ({@link org.augment4j.datasets.MaskFolders}), and {@link org.augment4j.datasets.ObjectAugmenter}, which moves one
 * image with its objects and label masks through a pipeline.
 */
package org.augment4j.datasets;
