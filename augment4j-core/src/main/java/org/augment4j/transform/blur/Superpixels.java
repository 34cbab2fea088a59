package org.augment4j.transform.blur;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_ximgproc.SLIC;
import static org.bytedeco.opencv.global.opencv_ximgproc.createSuperpixelSLIC;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Allowed;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_ximgproc.SuperpixelSLIC;

/**
 * Replaces some superpixels by their mean colour. Albumentations' {@code Superpixels}: {@code p_replace} the chance of
 * each superpixel being replaced, a range within [0, 1] (a scalar {@code x} means {@code [x, x]}; default
 * {@code [0, 0.1]}; a 1.x file that leaves it out gets 1.3.1's {@code [0.1, 0.1]}), {@code n_segments} the number of superpixels, a range of integers {@code >= 1} (a scalar {@code x}
 * means {@code [x, x]}; default {@code [100, 100]}), {@code max_size} (default 128; null: never shrink) the longest side
 * the segmentation runs at, {@code interpolation} the OpenCV code for that shrinking and the enlarging back (default 1,
 * bilinear), p = 0.5. Targets: image (uint8 or float32; 1, 3 or 4 channels).
 *
 * <p>The replace flags are drawn per superpixel ({@code uniform() < p}, recorded as 0/1); with none set the image is
 * returned unchanged. Otherwise an image larger than {@code max_size} is shrunk to {@code int(size · max_size / longest)},
 * segmented, and enlarged back (float results clipped to [0, 1]). Segmentation differs from Albumentations (scikit-image {@code slic}): here OpenCV
 * ximgproc's SLIC on the Lab image (RGB of RGBA; gray as is), region size {@code sqrt(h · w / n_segments)} (at most the shorter side), ruler 10,
 * 10 iterations, connectivity enforced. Superpixel {@code i} (labels ascending, {@code i mod n_segments} indexing the
 * flags) is filled, per channel, with its mean (uint8 rounded half to even).
 */
public final class Superpixels extends PixelTransform<Superpixels.Replace> {
    /** The sampled superpixel count and per-superpixel replace flags (1: replace). */
    public record Replace(int nSegments, int[] replaceSamples) {}

    private final Range pReplace;
    private final Range nSegments;
    private final Integer maxSize;
    private final int interpolation;

    /**
     * @param pReplace      {@code p_replace}: chance of each superpixel being replaced by its mean, within [0, 1]
     * @param nSegments     {@code n_segments}: number of superpixels, integers {@code >= 1}
     * @param maxSize       {@code max_size}: longest side in pixels the segmentation runs at, {@code >= 1}, or null to never shrink
     * @param interpolation {@code interpolation}: OpenCV code (0..4) for shrinking to {@code maxSize} and enlarging back
     * @param p             probability of applying the transform, in [0, 1]
     */
    public Superpixels(Range pReplace, Range nSegments, Integer maxSize, int interpolation, double p) {
        super(p);
        this.pReplace = Check.range(name(), "p_replace", pReplace, 0, 1);
        this.nSegments = BlurKernels.blurLimit(name(), "n_segments", nSegments, 1);
        Allowed.atLeast(1).checkOrNull(name(), "max_size", maxSize == null ? null : maxSize.doubleValue());
        this.maxSize = maxSize;
        this.interpolation = Allowed.INTERPOLATIONS.check(name(), "interpolation", interpolation);
    }

    /**
     * With Albumentations 2.x defaults: p_replace [0, 0.1], n_segments [100, 100], max_size 128, interpolation 1 (linear),
     * p = 0.5.
     */
    public Superpixels() {
        this(Range.of(0, 0.1), Range.fixed(100), 128, 1, 0.5);
    }

    static Superpixels fromDict(Params r) {
        Integer maxSize;
        if (r.contains("max_size") && !r.has("max_size")) {
            r.ignore("max_size"); // an explicit null: never shrink
            maxSize = null;
        } else {
            maxSize = r.integer("max_size", 128);
        }
        return new Superpixels(r.range("p_replace", r.byRelease(Range.fixed(0.1), Range.of(0, 0.1)), Params.Scalar.FIXED), r.range("n_segments", Range.fixed(100), Params.Scalar.FIXED),
                maxSize, r.integer("interpolation", 1), r.p(0.5));
    }

    @Override
    public Replace sampleParams(Sample sample, RandomGenerator rng) {
        int n = nSegments.randint(rng);
        double p = pReplace.uniform(rng);
        int[] flags = new int[n];
        for (int i = 0; i < n; i++) flags[i] = rng.nextDouble() < p ? 1 : 0;
        return new Replace(n, flags);
    }

    @Override
    protected Mat applyToImage(Mat image, Replace r) {
        int c = image.channels();
        Check.that(c == 1 || c == 3 || c == 4, name(), "needs 1, 3 or 4 channels, got " + c + " channel(s)");
        boolean any = false;
        for (int f : r.replaceSamples()) any |= f != 0;
        if (!any || r.replaceSamples().length == 0) return image.clone();
        int longest = Math.max(image.rows(), image.cols());
        boolean shrink = maxSize != null && longest > maxSize;
        Mat work = image.clone();
        try {
            if (shrink) {
                double scale = (double) maxSize / longest;
                try (Size small = new Size(Math.max(1, (int) (image.cols() * scale)), Math.max(1, (int) (image.rows() * scale))); Mat s = new Mat()) {
                    resize(image, s, small, 0, 0, interpolation);
                    s.copyTo(work);
                }
            }
            try (Mat labels = segment(work, r.nSegments())) {
                SuperpixelMeans.fill(work, labels, r.replaceSamples());
            }
            if (!shrink) return work;
            Mat out = new Mat();
            try (Size size = new Size(image.cols(), image.rows())) {
                resize(work, out, size, 0, 0, interpolation);
            }
            if (Mats.isFloat(out)) PixelKernels.clipInPlace(out, 0, 1);
            work.close();
            return out;
        } catch (RuntimeException e) {
            work.close();
            throw e;
        }
    }

    /** SLIC labels (CV_32S) of the image's Lab (or gray) version. */
    private static Mat segment(Mat image, int nSegments) {
        try (Mat u8 = BlurKernels.toUint8(image); Mat rgb = new Mat(); Mat features = new Mat()) {
            if (u8.channels() == 1) {
                u8.copyTo(features);
            } else {
                if (u8.channels() == 4) cvtColor(u8, rgb, COLOR_RGBA2RGB);
                else u8.copyTo(rgb);
                cvtColor(rgb, features, COLOR_RGB2Lab);
            }
            // OpenCV's SLIC writes out of bounds (SIGSEGV) when the region is larger than the image's shorter side.
            int region = Math.max(1, Math.min(Math.min(image.rows(), image.cols()),
                    (int) Math.round(Math.sqrt((double) image.rows() * image.cols() / nSegments))));
            try (SuperpixelSLIC slic = createSuperpixelSLIC(features, SLIC, region, 10f)) {
                slic.iterate(10);
                slic.enforceLabelConnectivity(25);
                Mat labels = new Mat();
                slic.getLabels(labels);
                return labels;
            }
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p_replace", pReplace);
        m.put("n_segments", nSegments);
        m.put("max_size", maxSize);
        m.put("interpolation", interpolation);
        return m;
    }
}
