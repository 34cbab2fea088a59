package org.augment4j.transform.dropout;

/**
 * The sampled holes of a dropout transform, as Albumentations records them.
 *
 * @param holes each {@code [x1, y1, x2, y2]} in pixels, x2/y2 exclusive
 * @param seed  the seed of random fills ({@code "random"}, {@code "random_uniform"}); 0 for constant fills
 */
public record HoleList(int[][] holes, long seed) {}
