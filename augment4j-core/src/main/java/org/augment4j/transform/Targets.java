package org.augment4j.transform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The targets a transform acts on, for {@code augment4j list}. Optional: without it the targets follow from the class
 * hierarchy — a {@code PixelTransform} acts on {@code image}, every other single transform (spatial or not) and every
 * container on {@code image, mask, bboxes, keypoints} (Albumentations' ImageOnlyTransform and DualTransform). Annotate
 * a class only when that default is wrong, as {@code SelectiveChannelTransform} does.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Targets {
    /** Target name of the image and any additional images. */
    String IMAGE = "image";
    /** Target name of the mask and any additional masks. */
    String MASK = "mask";
    /** Target name of the bounding boxes. */
    String BBOXES = "bboxes";
    /** Target name of the keypoints. */
    String KEYPOINTS = "keypoints";

    /** Any of {@link #IMAGE}, {@link #MASK}, {@link #BBOXES}, {@link #KEYPOINTS}. */
    String[] value();
}
