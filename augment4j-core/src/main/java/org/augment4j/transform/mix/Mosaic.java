package org.augment4j.transform.mix;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Range;
import org.augment4j.transform.Resampling;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Combines the sample with further samples into one image (YOLOv4's mosaic). Albumentations' {@code Mosaic} (2.0.8):
 * grid_yx (2, 2) cells of cell_shape (512, 512) (height, width) form a large grid; a target_size (512, 512) window is
 * placed on it around a centre drawn at center_range (0.3, 0.7) of the zone of centres that keep the window on the
 * grid; every cell part the window shows gets one item, fitted by fit_mode {@code "cover"} (scaled to cover the cell,
 * then cropped) or {@code "contain"} (scaled to fit, padded with fill / fill_mask), showing the corner of the cell
 * nearest the window's centre; interpolation 1, mask_interpolation 0, fill 0, fill_mask 0, metadata_key
 * {@code "mosaic_metadata"}, p = 0.5.
 *
 * <p>The further samples are {@code sample.metadata().get(metadata_key)}: a {@code List<Sample>} with images and masks
 * of the primary's types and boxes and keypoints in internal form with the same label fields. The primary goes to the
 * largest part; the others are drawn at random (when there are more than needed) and placed at random; when there are
 * fewer than needed (or none), the primary fills the rest. Images and masks are matched by name (a missing one leaves
 * its part filled). Targets: image, mask, bboxes, keypoints — every used sample's boxes and keypoints, with their
 * labels, follow their pixels, boxes clipped to their part and keypoints outside it dropped; the pipeline then filters
 * them as after any spatial transform. The output is always {@code target_size}.
 */
public final class Mosaic extends BasicTransform<Mosaic.Layout> {
    /**
     * One application.
     *
     * @param centerXy       the window's centre in the large grid
     * @param cellPlacements the visible parts {@code {x1, y1, x2, y2}} in output pixels
     * @param itemIndices    per part, the item shown: 0 the primary, {@code i} the metadata sample {@code i − 1}
     */
    public record Layout(int[] centerXy, int[][] cellPlacements, int[] itemIndices) {}

    private final int[] gridYx;
    private final int[] targetSize;
    private final int[] cellShape;
    private final Range centerRange;
    private final String fitMode;
    private final Resampling resampling;
    private final String metadataKey;

    /**
     * @param gridYx            {@code grid_yx}: grid cells as [rows, columns], each {@code >= 1}
     * @param targetSize        {@code target_size}: output size in pixels as [height, width], each {@code >= 1}
     * @param cellShape         {@code cell_shape}: cell size in pixels as [height, width], each {@code >= 1}
     * @param centerRange       {@code center_range}: where the window's centre is drawn, as fractions of the zone of centres
     *                          that keep the window on the grid
     * @param fitMode           {@code fit_mode}: {@code "cover"} or {@code "contain"}
     * @param interpolation     {@code interpolation}: OpenCV code for images, 0..4
     * @param maskInterpolation {@code mask_interpolation}: OpenCV code for masks, 0..4
     * @param fill              {@code fill}: padding value for images ({@code "contain"})
     * @param fillMask          {@code fill_mask}: padding value for masks
     * @param metadataKey       {@code metadata_key}: metadata key of the further samples, non-empty
     * @param p                 probability of applying the transform, in [0, 1]
     */
    public Mosaic(int[] gridYx, int[] targetSize, int[] cellShape, Range centerRange, String fitMode, int interpolation,
                  int maskInterpolation, Fill fill, Fill fillMask, String metadataKey, double p) {
        super(p);
        this.gridYx = pair("grid_yx", gridYx);
        this.targetSize = pair("target_size", targetSize);
        this.cellShape = pair("cell_shape", cellShape);
        Check.that(cellShape[0] * gridYx[0] >= targetSize[0] && cellShape[1] * gridYx[1] >= targetSize[1], name(),
                "target_size " + List.of(targetSize[0], targetSize[1]) + " must fit in cell_shape × grid_yx " + List.of(cellShape[0] * gridYx[0], cellShape[1] * gridYx[1]));
        this.centerRange = Check.range(name(), "center_range", centerRange, 0, 1);
        Allowed.oneOf("cover", "contain").check(name(), "fit_mode", fitMode);
        this.fitMode = fitMode;
        Allowed.INTERPOLATIONS.check(name(), "interpolation", interpolation);
        Allowed.INTERPOLATIONS.check(name(), "mask_interpolation", maskInterpolation);
        this.resampling = new Resampling(interpolation, maskInterpolation, BORDER_CONSTANT, fill, fillMask);
        Check.that(metadataKey != null && !metadataKey.isEmpty(), name(), "metadata_key must be a non-empty string");
        this.metadataKey = metadataKey;
    }

    /** Albumentations 2.0.8 defaults. */
    public Mosaic() {
        this(new int[] {2, 2}, new int[] {512, 512}, new int[] {512, 512}, Range.of(0.3, 0.7), "cover", 1, 0, Fill.zero(), Fill.zero(), "mosaic_metadata", 0.5);
    }

    private int[] pair(String param, int[] v) {
        Check.that(v != null && v.length == 2 && v[0] >= 1 && v[1] >= 1, name(), param + " must be two numbers >= 1, got " + java.util.Arrays.toString(v));
        return v.clone();
    }

    static Mosaic fromDict(Params r) {
        return new Mosaic(ints(r, "grid_yx", 2), ints(r, "target_size", 512), ints(r, "cell_shape", 512),
                r.range("center_range", Range.of(0.3, 0.7), Params.Scalar.FIXED), r.string("fit_mode", "cover"), r.integer("interpolation", 1),
                r.integer("mask_interpolation", 0), r.fill(Fill.zero(), "fill"), r.fill(Fill.zero(), "fill_mask"), r.string("metadata_key", "mosaic_metadata"), r.p(0.5));
    }

    private static int[] ints(Params r, String name, int def) {
        double[] v = r.numbers(name, new double[] {def, def});
        return java.util.Arrays.stream(v).mapToInt(d -> (int) d).toArray();
    }

    @Override
    public Layout sampleParams(Sample s, RandomGenerator rng) {
        double rx = centerRange.uniform(rng), ry = centerRange.uniform(rng);
        int[] c = MosaicGrid.center(gridYx[0], gridYx[1], cellShape[0], cellShape[1], targetSize[0], targetSize[1], rx, ry);
        int[][] placements = MosaicGrid.placements(gridYx[0], gridYx[1], cellShape[0], cellShape[1], targetSize[0], targetSize[1], c);
        int[] assigned = MosaicGrid.assign(placements, further(s).size(), rng);
        return new Layout(c, placements, assigned);
    }

    @Override
    public Sample apply(Sample s, Layout layout) {
        List<Sample> further = further(s);
        try (MosaicCanvas canvas = new MosaicCanvas(s, targetSize[1], targetSize[0], resampling.fill(), resampling.fillMask())) {
            for (int k = 0; k < layout.cellPlacements().length; k++) {
                int idx = layout.itemIndices()[k];
                Check.that(idx >= 0 && idx <= further.size(), name(), "item " + idx + " is not there: " + metadataKey + " holds " + further.size() + " samples");
                Sample item = idx == 0 ? s : further.get(idx - 1);
                int[] placement = layout.cellPlacements()[k];
                int[] crop = MosaicGrid.cellCrop(cellShape[0], cellShape[1], placement, targetSize[0], targetSize[1]);
                canvas.paste(item, placement, MosaicGrid.fit(item.width(), item.height(), cellShape[0], cellShape[1], fitMode.equals("cover"), crop), resampling);
            }
            return canvas.result(s);
        }
    }

    /** The further samples: none when the key is absent; each must match the primary's image and mask types. */
    private List<Sample> further(Sample s) {
        Object v = s.metadata().get(metadataKey);
        if (v == null) return List.of();
        Check.that(v instanceof List<?>, name(), metadataKey + " must be a List<Sample>, got " + v.getClass().getName());
        List<Sample> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            Check.that(o instanceof Sample, name(), metadataKey + "[" + out.size() + "] must be a Sample, got " + (o == null ? "null" : o.getClass().getName()));
            Sample item = (Sample) o;
            check(item.image(), s.image(), out.size(), "image");
            for (Map.Entry<String, Mat> m : s.masks().entrySet()) {
                if (item.masks().containsKey(m.getKey())) check(item.masks().get(m.getKey()), m.getValue(), out.size(), "mask '" + m.getKey() + "'");
            }
            out.add(item);
        }
        return out;
    }

    private void check(Mat item, Mat primary, int i, String what) {
        Check.that(item.type() == primary.type(), name(), metadataKey + "[" + i + "] " + what + " is " + Mats.describe(item)
                + " but the primary's is " + Mats.describe(primary) + " (channels and depth must match)");
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grid_yx", gridYx);
        m.put("target_size", targetSize);
        m.put("cell_shape", cellShape);
        m.put("center_range", centerRange);
        m.put("fit_mode", fitMode);
        m.put("interpolation", resampling.interpolation());
        m.put("mask_interpolation", resampling.maskInterpolation());
        m.put("fill", resampling.fill());
        m.put("fill_mask", resampling.fillMask());
        m.put("metadata_key", metadataKey);
        return m;
    }
}
