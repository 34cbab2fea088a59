package org.augment4j.fuzz;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fuzz findings not fixed yet, recognised narrowly so that they are counted and reported instead of failing the build —
 * never silently: each is listed under "Known issues" in docs/reliability.md, and {@link #SEEN} is printed by the tests.
 *
 * <p>K1 — OpenCV scalar ambiguity on 1 x 1 and 4 x 1 images. Some pixel kernels pass a constant to OpenCV as a 4 x 1
 * double matrix ({@code Mats.scalarMat}). OpenCV then takes a 1 x 1 image for the scalar in {@code compare}, and a
 * 4 x 1 single-channel matrix (an image, or one plane of a 4 x 1 image) for an array of another type in arithmetic,
 * and throws (or, where the swapped result flows on, a later call such as {@code transform} fails on its shape). Only these two shapes are affected; the transforms are listed in {@link #K1_TRANSFORMS}.
 */
final class KnownIssues {
    private KnownIssues() {}

    static final AtomicLong SEEN = new AtomicLong();

    /**
     * The transforms (simple class names) whose kernels hit K1, as found by {@link EdgeShapeTest}, and the object
     * finder of the mask-object dropouts (a 1 x 1 mask), found by a long {@link PipelineFuzzTest} run.
     */
    static final Set<String> K1_TRANSFORMS = Set.of("PixelDropout", "MaskDropout", "ConstrainedCoarseDropout", "ObjectLabels");

    /**
     * True for the shapes K1 affects, 1 x 1 and 4 x 1: there a K1 kernel may also read uninitialised memory instead
     * of throwing, so outputs are not compared between runs (found by {@link ConcurrencyTest}: two runs of pipeline
     * seed 4292726422858613063 on a 1 x 1 image differed).
     */
    static boolean k1Shape(org.augment4j.Sample s) {
        int r = s.image().rows(), c = s.image().cols();
        return c == 1 && (r == 1 || r == 4);
    }

    /** True for K1: OpenCV's scalar/array mismatch thrown from inside one of {@link #K1_TRANSFORMS}. */
    static boolean isK1(Throwable t) {
        String m = String.valueOf(t.getMessage());
        if (!(m.contains("The operation is neither 'array op array'") || m.contains("the output array type must be explicitly specified")
                || m.contains("scn == m.cols || scn + 1 == m.cols"))) return false;
        boolean known = Arrays.stream(t.getStackTrace()).anyMatch(f -> {
            String c = f.getClassName();
            return c.startsWith("org.augment4j.transform.") && K1_TRANSFORMS.contains(c.substring(c.lastIndexOf('.') + 1));
        });
        if (known) SEEN.incrementAndGet();
        return known;
    }
}
