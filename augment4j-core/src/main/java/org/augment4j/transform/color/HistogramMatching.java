package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.split;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.ColorKernels;
import org.augment4j.internal.PixelKernels;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Matches each channel's histogram to a reference image's, then blends with the original. Albumentations'
 * {@code HistogramMatching}: {@code blend_ratio} the range of the weight of the matched image within [0, 1] (default
 * {@code [0.5, 1]}), {@code metadata_key} (default {@code "hm_metadata"}), {@code reference_images} (file paths,
 * default null; see {@link ReferenceTransform}), p = 0.5. Targets: image.
 *
 * <p>The reference is resized (bilinear) to the image. uint8: skimage's {@code match_histograms} per channel as a table,
 * blended as {@code addWeighted(matched, r, img, 1 − r)} (rounded). float32 images are matched through uint8
 * ({@code rint(v·255)}) and back — unlike Albumentations, which matches their exact values. 1 or 3 channels; a
 * 4-channel image keeps its alpha.
 */
public final class HistogramMatching extends ReferenceTransform<HistogramMatching.Match> {
    /** The chosen reference and the sampled blend ratio. */
    public record Match(int referenceIndex, double blendRatio) {}

    private final Range blendRatio;

    /**
     * @param blendRatio      {@code blend_ratio}: range of the matched image's weight in the blend, within [0, 1]
     * @param referenceImages {@code reference_images}: paths of the reference images, read as given, or null to take the
     *                        references from the sample's metadata
     * @param metadataKey     {@code metadata_key}: metadata key of the references when {@code referenceImages} is null, non-empty
     * @param p               probability of applying the transform, in [0, 1]
     */
    public HistogramMatching(Range blendRatio, List<String> referenceImages, String metadataKey, double p) {
        this(blendRatio, References.asGiven(referenceImages), metadataKey, p);
    }

    private HistogramMatching(Range blendRatio, References references, String metadataKey, double p) {
        super(references, metadataKey, p);
        this.blendRatio = Check.range(name(), "blend_ratio", blendRatio, 0, 1);
    }

    /** With Albumentations' defaults: blend_ratio [0.5, 1], references from metadata key "hm_metadata", p = 0.5. */
    public HistogramMatching() {
        this(Range.of(0.5, 1), (References) null, "hm_metadata", 0.5);
    }

    static HistogramMatching fromDict(Params r) {
        References refs = referenceImages(r);
        return new HistogramMatching(r.range("blend_ratio", Range.of(0.5, 1), Params.Scalar.FIXED), refs, r.string("metadata_key", "hm_metadata"), r.p(0.5));
    }

    @Override
    public Match sampleParams(Sample sample, RandomGenerator rng) {
        int index = sampleReference(sample, rng);
        return new Match(index, blendRatio.uniform(rng));
    }

    @Override
    protected int referenceIndex(Match params) {
        return params.referenceIndex();
    }

    @Override
    protected Mat applyToImage(Mat image, Mat reference, Match m) {
        return ColorKernels.uint8Io(image, u8 -> ColorKernels.onRgbOrGray(name(), u8, rgb -> match(rgb, reference, m.blendRatio()),
                gray -> match(gray, reference, m.blendRatio())));
    }

    private static Mat match(Mat image, Mat reference, double ratio) {
        try (Mat ref = ReferenceKernels.conform(reference, image.rows(), image.cols(), image.channels(), image.depth());
             MatVector src = new MatVector(); MatVector tmpl = new MatVector()) {
            split(image, src);
            split(ref, tmpl);
            byte[][] tables = new byte[image.channels()][];
            for (int c = 0; c < tables.length; c++) {
                double[] matched = ReferenceKernels.matchTable(ReferenceKernels.histogram(src.get(c)), ReferenceKernels.histogram(tmpl.get(c)));
                tables[c] = new byte[256];
                for (int v = 0; v < 256; v++) tables[c][v] = ColorKernels.clipToByte(Math.rint(matched[v] * ratio + v * (1 - ratio)));
            }
            return PixelKernels.lut(image, tables);
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blend_ratio", blendRatio);
        return withReferenceArgs(m);
    }
}
