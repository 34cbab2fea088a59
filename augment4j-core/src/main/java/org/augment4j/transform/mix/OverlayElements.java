package org.augment4j.transform.mix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.Targets;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Pastes elements (stickers, logos, document parts) onto the image. Albumentations' {@code OverlayElements} (2.x):
 * metadata_key {@code "overlay_metadata"}, p = 0.5. The elements are {@code sample.metadata().get(metadata_key)}: one
 * {@code Map<String, Object>} or a list of them, each with
 * <ul>
 *   <li>{@code "image"} (a {@link Mat} of the image's type, required),</li>
 *   <li>{@code "bbox"} (normalised {@code [x_min, y_min, x_max, y_max]}, a {@code List} of numbers or a
 *       {@code double[]}): where to paste, the element resized to it (area interpolation); without it the element keeps
 *       its size (shrunk to the image if larger) at a random place;</li>
 *   <li>{@code "mask"} (a one-channel {@link Mat}): only its non-zero pixels are pasted (resized with nearest);</li>
 *   <li>{@code "mask_id"} (an integer): written into every mask of the sample where the element was pasted.</li>
 * </ul>
 * Extra images of the image's type get the same paste. Targets: image, mask; boxes and keypoints of the sample are
 * unchanged. Without the metadata entry nothing happens.
 */
@Targets({Targets.IMAGE, Targets.MASK})
public final class OverlayElements extends BasicTransform<OverlayElements.Placements> {
    /** Where each element goes: {@code {x, y, width, height}} in pixels, in the order of the metadata. */
    public record Placements(int[][] placements) {}

    private final String metadataKey;

    /**
     * @param metadataKey {@code metadata_key}: metadata key of the elements to paste, non-empty
     * @param p           probability of applying the transform, in [0, 1]
     */
    public OverlayElements(String metadataKey, double p) {
        super(p);
        Check.that(metadataKey != null && !metadataKey.isEmpty(), name(), "metadata_key must be a non-empty string");
        this.metadataKey = metadataKey;
    }

    /** Albumentations defaults. */
    public OverlayElements() {
        this("overlay_metadata", 0.5);
    }

    static OverlayElements fromDict(Params r) {
        return new OverlayElements(r.string("metadata_key", "overlay_metadata"), r.p(0.5));
    }

    @Override
    public Placements sampleParams(Sample s, RandomGenerator rng) {
        List<Overlays.Element> elements = elements(s);
        int w = s.width(), h = s.height();
        int[][] out = new int[elements.size()][];
        for (int i = 0; i < out.length; i++) {
            Overlays.Element e = elements.get(i);
            if (e.bbox() != null) {
                double[] b = e.bbox();
                int x1 = (int) (b[0] * w), y1 = (int) (b[1] * h), x2 = (int) (b[2] * w), y2 = (int) (b[3] * h);
                Check.that(x2 > x1 && y2 > y1, name(), metadataKey + "[" + i + "].bbox " + java.util.Arrays.toString(b) + " covers less than a pixel");
                out[i] = new int[] {x1, y1, x2 - x1, y2 - y1};
            } else {
                int ow = e.image().cols(), oh = e.image().rows();
                if (ow > w || oh > h) {
                    ow = w;
                    oh = h;
                }
                out[i] = new int[] {rng.nextInt(w - ow + 1), rng.nextInt(h - oh + 1), ow, oh};
            }
        }
        return new Placements(out);
    }

    @Override
    public Sample apply(Sample s, Placements params) {
        List<Overlays.Element> elements = elements(s);
        Check.that(params.placements().length == elements.size(), name(), params.placements().length + " placements for " + elements.size() + " elements");
        if (elements.isEmpty()) return s;
        Map<String, Mat> images = new LinkedHashMap<>(), masks = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : s.images().entrySet()) images.put(e.getKey(), e.getValue().clone());
        for (Map.Entry<String, Mat> e : s.masks().entrySet()) masks.put(e.getKey(), e.getValue().clone());
        try {
            for (int i = 0; i < elements.size(); i++) Overlays.paste(elements.get(i), params.placements()[i], images, masks);
        } catch (RuntimeException ex) {
            images.values().forEach(Mat::close);
            masks.values().forEach(Mat::close);
            throw ex;
        }
        return s.withImages(images).withMasks(masks);
    }

    private List<Overlays.Element> elements(Sample s) {
        Object v = s.metadata().get(metadataKey);
        if (v == null) return List.of();
        List<?> raw = v instanceof List<?> l ? l : List.of(v);
        List<Overlays.Element> out = new ArrayList<>();
        for (Object o : raw) out.add(Overlays.element(o, metadataKey + "[" + out.size() + "]", s.image()));
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metadata_key", metadataKey);
        return m;
    }
}
