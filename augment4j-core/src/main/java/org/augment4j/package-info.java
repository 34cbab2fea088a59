/** augment4j: image data augmentation for computer vision. */
package org.augment4j;
