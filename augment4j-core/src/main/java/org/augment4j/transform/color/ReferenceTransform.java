package org.augment4j.transform.color;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.opencv.ImageIO;
import org.augment4j.serial.Params;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.Targets;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A pixel transform that adapts the image towards a reference image (Albumentations' domain-adaptation transforms:
 * FDA, HistogramMatching, PixelDistributionAdaptation). Targets: image.
 *
 * <p>References come, as in Albumentations 2.x, either from {@code reference_images} (file paths given in the pipeline;
 * read with {@link ImageIO#readRgb} on first use and cached by this instance, thread-safely, for its lifetime; given
 * in Java they are read as given, and from a pipeline file relative to its folder and never outside it unless allowed,
 * see {@link Params#file}) or,
 * when none are given, from the sample's metadata under {@code metadata_key}: a {@code Mat} or a {@code List<Mat>} of RGB
 * images (never closed here). The chosen reference's index is the recorded parameter {@code reference_index}. A missing
 * reference is an {@link IllegalArgumentException} naming the transform and the key.
 */
@Targets(Targets.IMAGE)
public abstract class ReferenceTransform<P extends Record> extends BasicTransform<P> {
    private final List<String> referenceImages;
    private final List<Path> files;
    private final String metadataKey;
    private volatile List<Mat> cache;

    /** {@code reference_images} as written, and the files they name (null when there are none). */
    record References(List<String> written, List<Path> files) {
        /** Paths given in Java code: read as given. */
        static References asGiven(List<String> written) {
            return written == null ? null : new References(written, written.stream().map(Path::of).toList());
        }
    }

    /**
     * @param referenceImages {@code reference_images}: paths of the reference images, read as given, or null to take the
     *                        references from the sample's metadata
     * @param metadataKey     {@code metadata_key}: metadata key of the references when {@code referenceImages} is null, non-empty
     * @param p               probability of applying the transform, in [0, 1]
     */
    protected ReferenceTransform(List<String> referenceImages, String metadataKey, double p) {
        this(References.asGiven(referenceImages), metadataKey, p);
    }

    ReferenceTransform(References references, String metadataKey, double p) {
        super(p);
        Check.that(metadataKey != null && !metadataKey.isEmpty(), name(), "metadata_key must be a non-empty string");
        this.referenceImages = references == null ? null : List.copyOf(references.written());
        Check.that(this.referenceImages == null || !this.referenceImages.isEmpty(), name(), "reference_images must be null or a non-empty list of paths");
        this.files = references == null ? null : List.copyOf(references.files());
        this.metadataKey = metadataKey;
    }

    /**
     * Reads {@code reference_images} (a list of paths, or null; each resolved by {@link Params#file}) and accepts 1.3's
     * {@code read_fn} as null or a name.
     */
    static References referenceImages(Params r) {
        Object fn = r.raw("read_fn");
        if (fn != null && !(fn instanceof String)) throw r.error("read_fn", "must be null or a name (images are read with ImageIO.readRgb), got " + fn);
        Object v = r.raw("reference_images");
        if (v == null) return null;
        if (v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof String)) {
            List<String> written = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (Object x : l) {
                written.add((String) x);
                files.add(r.file("reference_images", (String) x));
            }
            return new References(written, files);
        }
        throw r.error("reference_images", "must be a non-empty list of image paths, got " + v);
    }

    /** How many references this sample offers; fails clearly when there are none. */
    protected final int referenceCount(Sample sample) {
        if (referenceImages != null) return referenceImages.size();
        return metadataReferences(sample).size();
    }

    /** A uniform reference index for this sample. */
    protected final int sampleReference(Sample sample, RandomGenerator rng) {
        return rng.nextInt(referenceCount(sample));
    }

    /** The reference with the given index (from the files or the metadata); never to be closed by the caller. */
    protected final Mat reference(Sample sample, int index) {
        List<Mat> refs = referenceImages != null ? files() : metadataReferences(sample);
        Check.that(index >= 0 && index < refs.size(), name(), "reference_index " + index + " out of range [0, " + refs.size() + ")");
        return refs.get(index);
    }

    private List<Mat> metadataReferences(Sample sample) {
        Object v = sample.metadata().get(metadataKey);
        if (v instanceof Mat m) return List.of(m);
        if (v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof Mat)) {
            List<Mat> out = new ArrayList<>();
            for (Object x : l) out.add((Mat) x);
            return out;
        }
        throw new IllegalArgumentException(name() + ": needs a reference image: give reference_images, or put a Mat or a non-empty List<Mat> of RGB images"
                + " in the sample's metadata under '" + metadataKey + "'" + (v == null ? " (nothing there)" : " (found " + v.getClass().getSimpleName() + ")"));
    }

    private List<Mat> files() {
        List<Mat> c = cache;
        if (c != null) return c;
        synchronized (this) {
            if (cache == null) {
                List<Mat> read = new ArrayList<>();
                for (Path f : files) read.add(ImageIO.readRgb(f));
                cache = List.copyOf(read);
            }
            return cache;
        }
    }

    @Override
    public final Sample apply(Sample sample, P params) {
        Mat ref = reference(sample, referenceIndex(params));
        Map<String, Mat> out = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : sample.images().entrySet()) out.put(e.getKey(), applyToImage(e.getValue(), ref, params));
        return sample.withImages(out);
    }

    /** The index of the reference chosen in {@code params}. */
    protected abstract int referenceIndex(P params);

    /** A new image adapted towards {@code reference}; must modify neither. */
    protected abstract Mat applyToImage(Mat image, Mat reference, P params);

    /** Subclass arguments followed by {@code reference_images} (when given) and {@code metadata_key}. */
    protected final Map<String, Object> withReferenceArgs(Map<String, Object> m) {
        if (referenceImages != null) m.put("reference_images", referenceImages);
        m.put("metadata_key", metadataKey);
        return m;
    }
}
