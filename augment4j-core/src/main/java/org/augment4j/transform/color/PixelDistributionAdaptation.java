package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.transform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.ColorKernels;
import org.augment4j.internal.PixelKernels;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Moves the image's pixel distribution onto a reference image's, then blends. Albumentations'
 * {@code PixelDistributionAdaptation}: {@code blend_ratio} the range of the adapted image's weight within [0, 1] (default
 * {@code [0.25, 1]}), {@code transform_type} {@code "pca"} (default), {@code "standard"} or {@code "minmax"},
 * {@code metadata_key} (default {@code "pda_metadata"}), {@code reference_images} (file paths, default null; see
 * {@link ReferenceTransform}), p = 0.5. Targets: image.
 *
 * <p>On pixels scaled to [0, 1], the source and the reference are each fitted (sklearn's PCA with every component and
 * its sign convention plus Albumentations' trace-sign check; StandardScaler; MinMaxScaler), and every pixel is mapped
 * source → fitted space → reference (one OpenCV {@code transform}); the result is clipped, scaled to uint8 (truncated)
 * and blended {@code img·(1 − r) + adapted·r}, truncated. float32 images go through uint8 and back. 1 or 3 channels; a
 * 4-channel image keeps its alpha.
 */
public final class PixelDistributionAdaptation extends ReferenceTransform<PixelDistributionAdaptation.Blend> {
    /** The chosen reference and the sampled blend ratio. */
    public record Blend(int referenceIndex, double blendRatio) {}

    private final Range blendRatio;
    private final String transformType;

    /**
     * @param blendRatio      {@code blend_ratio}: range of the adapted image's weight in the blend, within [0, 1]
     * @param transformType   {@code transform_type}: {@code "pca"}, {@code "standard"} or {@code "minmax"}
     * @param referenceImages {@code reference_images}: paths of the reference images, read as given, or null to take the
     *                        references from the sample's metadata
     * @param metadataKey     {@code metadata_key}: metadata key of the references when {@code referenceImages} is null, non-empty
     * @param p               probability of applying the transform, in [0, 1]
     */
    public PixelDistributionAdaptation(Range blendRatio, String transformType, List<String> referenceImages, String metadataKey, double p) {
        this(blendRatio, transformType, References.asGiven(referenceImages), metadataKey, p);
    }

    private PixelDistributionAdaptation(Range blendRatio, String transformType, References references, String metadataKey, double p) {
        super(references, metadataKey, p);
        this.blendRatio = Check.range(name(), "blend_ratio", blendRatio, 0, 1);
        Allowed.oneOf("pca", "standard", "minmax").check(name(), "transform_type", transformType);
        this.transformType = transformType;
    }

    /**
     * With Albumentations' defaults: blend_ratio [0.25, 1], transform_type "pca", references from metadata key
     * "pda_metadata", p = 0.5.
     */
    public PixelDistributionAdaptation() {
        this(Range.of(0.25, 1), "pca", (References) null, "pda_metadata", 0.5);
    }

    static PixelDistributionAdaptation fromDict(Params r) {
        References refs = referenceImages(r);
        return new PixelDistributionAdaptation(r.range("blend_ratio", Range.of(0.25, 1), Params.Scalar.FIXED), r.string("transform_type", "pca"), refs,
                r.string("metadata_key", "pda_metadata"), r.p(0.5));
    }

    @Override
    public Blend sampleParams(Sample sample, RandomGenerator rng) {
        int index = sampleReference(sample, rng);
        return new Blend(index, blendRatio.uniform(rng));
    }

    @Override
    protected int referenceIndex(Blend params) {
        return params.referenceIndex();
    }

    @Override
    protected Mat applyToImage(Mat image, Mat reference, Blend b) {
        return ColorKernels.uint8Io(image, u8 -> ColorKernels.onRgbOrGray(name(), u8, rgb -> adapt(rgb, reference, b.blendRatio()),
                gray -> adapt(gray, reference, b.blendRatio())));
    }

    private Mat adapt(Mat image, Mat reference, double ratio) {
        try (Mat ref = ReferenceKernels.conform(reference, reference.rows(), reference.cols(), image.channels(), image.depth());
             Mat src = new Mat(); Mat tgt = new Mat(); Mat mapped = new Mat(); Mat srcBack = new Mat()) {
            image.convertTo(src, CV_32F, 1 / 255.0, 0);
            ref.convertTo(tgt, CV_32F, 1 / 255.0, 0);
            boolean pca = transformType.equals("pca");
            PixelStatistics s = PixelStatistics.fit(src, transformType), t = PixelStatistics.fit(tgt, transformType);
            if (pca && t.traceSign() != s.traceSign()) t = t.negated();
            try (Mat m = PixelStatistics.mapping(s, t, pca)) {
                transform(src, mapped, m);
            }
            PixelKernels.clipInPlace(mapped, 0, 1);
            try (Mat adapted8 = new Mat(); Mat adapted = new Mat(); Mat blended = new Mat()) {
                mapped.convertTo(mapped, CV_32F, 255, 0);
                try (Mat t8 = PixelKernels.truncateToUint8(mapped)) {
                    t8.convertTo(adapted, CV_32F);
                }
                image.convertTo(srcBack, CV_32F);
                addWeighted(srcBack, 1 - ratio, adapted, ratio, 0, blended);
                return PixelKernels.truncateToUint8(blended);
            }
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blend_ratio", blendRatio);
        m.put("transform_type", transformType);
        return withReferenceArgs(m);
    }
}
