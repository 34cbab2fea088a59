/**
 * Not API: geometry as data (affine, projective and displacement geometries, matrices, the rules that move boxes and
 * keypoints), which spatial transforms build and the pipeline fuses and applies. It may change in any release.
 */
package org.augment4j.internal.geometry;
