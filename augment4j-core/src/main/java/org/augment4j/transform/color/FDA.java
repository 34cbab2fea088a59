package org.augment4j.transform.color;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.DFT_COMPLEX_OUTPUT;
import static org.bytedeco.opencv.global.opencv_core.DFT_SCALE;
import static org.bytedeco.opencv.global.opencv_core.dft;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.idft;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.ColorKernels;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Fourier Domain Adaptation (Yang and Soatto, 2020): replaces the low-frequency amplitudes of the image's spectrum by
 * those of a reference image, keeping the image's phase. Albumentations' {@code FDA}: {@code beta_limit} the range of
 * the window's half-size as a fraction of the shorter side, within [0, 0.5] (default {@code [0, 0.1]}; a scalar
 * {@code x} means {@code [0, x]}), {@code metadata_key} (default {@code "fda_metadata"}), {@code reference_images} (file
 * paths, default null; see {@link ReferenceTransform}), p = 0.5. Targets: image.
 *
 * <p>Per channel, with the reference resized (bilinear) to the image: the centred square of {@code 2·⌊min(h, w)·beta⌋ +
 * 1} frequencies around zero takes the reference's amplitude; the real part of the inverse transform is clipped to the
 * range (uint8 truncated). Any channel count; a 4-channel image keeps its alpha.
 */
public final class FDA extends ReferenceTransform<FDA.Beta> {
    /** The chosen reference and the sampled window fraction. */
    public record Beta(int referenceIndex, double beta) {}

    private final Range betaLimit;

    /**
     * @param betaLimit       {@code beta_limit}: window half-size as a fraction of the shorter side, within [0, 0.5]
     * @param referenceImages {@code reference_images}: paths of the reference images, read as given, or null to take the
     *                        references from the sample's metadata
     * @param metadataKey     {@code metadata_key}: metadata key of the references when {@code referenceImages} is null, non-empty
     * @param p               probability of applying the transform, in [0, 1]
     */
    public FDA(Range betaLimit, List<String> referenceImages, String metadataKey, double p) {
        this(betaLimit, References.asGiven(referenceImages), metadataKey, p);
    }

    private FDA(Range betaLimit, References references, String metadataKey, double p) {
        super(references, metadataKey, p);
        this.betaLimit = Check.range(name(), "beta_limit", betaLimit, 0, 0.5);
    }

    /** With Albumentations' defaults: beta_limit [0, 0.1], references from metadata key "fda_metadata", p = 0.5. */
    public FDA() {
        this(Range.of(0, 0.1), (References) null, "fda_metadata", 0.5);
    }

    static FDA fromDict(Params r) {
        References refs = referenceImages(r);
        return new FDA(r.range("beta_limit", Range.of(0, 0.1), Params.Scalar.UPPER, 0), refs, r.string("metadata_key", "fda_metadata"), r.p(0.5));
    }

    @Override
    public Beta sampleParams(Sample sample, RandomGenerator rng) {
        int index = sampleReference(sample, rng);
        return new Beta(index, betaLimit.uniform(rng));
    }

    @Override
    protected int referenceIndex(Beta params) {
        return params.referenceIndex();
    }

    @Override
    protected Mat applyToImage(Mat image, Mat reference, Beta b) {
        int c = image.channels();
        Check.that(c == 1 || c == 3 || c == 4, name(), "needs 1, 3 or 4 channels, got " + c + " channel(s)");
        return ColorKernels.keepingAlpha(image, img -> adapt(img, reference, b.beta()));
    }

    private static Mat adapt(Mat image, Mat reference, double beta) {
        int c = image.channels();
        try (Mat src = new Mat(); Mat ref = ReferenceKernels.conform(reference, image.rows(), image.cols(), c == 1 ? 1 : 3, image.depth());
             MatVector srcPlanes = new MatVector(); MatVector refPlanes = new MatVector(); MatVector outPlanes = new MatVector(c)) {
            image.convertTo(src, CV_32F);
            try (Mat r32 = new Mat()) {
                ref.convertTo(r32, CV_32F);
                split(src, srcPlanes);
                split(r32, refPlanes);
            }
            int border = (int) Math.floor(Math.min(image.rows(), image.cols()) * beta);
            for (int i = 0; i < c; i++) {
                try (Mat adapted = swapAmplitude(srcPlanes.get(i), refPlanes.get(i), border)) {
                    outPlanes.put(i, adapted);
                }
            }
            Mat merged = new Mat();
            merge(outPlanes, merged);
            if (Mats.isFloat(image)) {
                PixelKernels.clipInPlace(merged, 0, 1);
                return merged;
            }
            try (merged) {
                return PixelKernels.truncateToUint8(merged);
            }
        }
    }

    /** One channel: the reference's amplitude inside the low-frequency window, the source's phase everywhere. */
    private static Mat swapAmplitude(Mat src, Mat ref, int border) {
        int h = src.rows(), w = src.cols();
        try (Mat fs = new Mat(); Mat ft = new Mat(); Mat back = new Mat()) {
            dft(src, fs, DFT_COMPLEX_OUTPUT, 0);
            dft(ref, ft, DFT_COMPLEX_OUTPUT, 0);
            FloatBuffer s = fs.createBuffer(), t = ft.createBuffer();
            int cy = h / 2, cx = w / 2;
            for (int dy = -border; dy <= Math.min(border, h - 1 - cy); dy++) {
                int y = Math.floorMod(dy, h);
                for (int dx = -border; dx <= Math.min(border, w - 1 - cx); dx++) {
                    int k = 2 * (y * w + Math.floorMod(dx, w));
                    double re = s.get(k), im = s.get(k + 1), amp = Math.hypot(t.get(k), t.get(k + 1));
                    double phase = Math.atan2(im, re);
                    s.put(k, (float) (amp * Math.cos(phase)));
                    s.put(k + 1, (float) (amp * Math.sin(phase)));
                }
            }
            idft(fs, back, DFT_SCALE | DFT_COMPLEX_OUTPUT, 0);
            Mat real = new Mat();
            extractChannel(back, real, 0);
            return real;
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("beta_limit", betaLimit);
        return withReferenceArgs(m);
    }
}
