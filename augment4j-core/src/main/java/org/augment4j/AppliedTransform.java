package org.augment4j;

import java.util.Map;

/**
 * One transform that was applied to a sample, with the parameters it sampled under Albumentations' names.
 *
 * @param name   the transform's name, such as {@code HorizontalFlip}
 * @param params the sampled parameters, JSON-ready
 */
public record AppliedTransform(String name, Map<String, Object> params) {}
