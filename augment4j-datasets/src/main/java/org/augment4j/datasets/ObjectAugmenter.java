package org.augment4j.datasets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.AppliedTransform;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.internal.GeometryStep;
import org.augment4j.internal.geometry.AffineGeometry;
import org.augment4j.internal.geometry.Matrix;
import org.augment4j.internal.geometry.ProjectiveGeometry;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.Keypoints;
import org.augment4j.target.Labels;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Moves one dataset image and its objects through a pipeline.
 *
 * <p>Each object travels as a box (label {@code object} = its index; boxes are clipped to the image on the way in and
 * filtered with the pipeline's own {@code min_area}/{@code min_visibility}… when its {@code bbox_params} set them), as a
 * mask named {@code object<i>} when it has a segmentation (polygons rasterised, RLE decoded: see {@link MaskCodec}),
 * and as its keypoints (labels {@code object}, {@code index}, {@code v}, with {@code v} the
 * {@link KeypointParams#visibilityField() visibility field}, so a point that leaves the image is kept with v = 0).
 *
 * <p>Back out, an object survives when its box survived and, if it had a mask, some of the mask is left (and, for a
 * non-crowd object, a polygon of at least 3 points), and its box is at least 0.01 px wide and high. Its {@code bbox} is the transformed box, clipped to the image;
 * {@code area} is the surviving mask's pixel count (box area without a mask); its segmentation is re-derived from the
 * mask (polygons for non-crowd, RLE for crowd); keypoints with v = 0 are written {@code 0, 0, 0}. When the
 * pipeline's spatial steps add up to a mirror image (affine/projective steps with a negative determinant), left and
 * right keypoints swap by {@code flipIndex} so that {@code left_eye} still names the left eye. Immutable, thread-safe.
 */
public final class ObjectAugmenter {
    private static final String OBJECT = "object";
    private static final String EXTRA = "mask:";
    /** Boxes narrower or lower than this (pixels) are dropped: they would round to 0 in the 2-decimal output. */
    static final double MIN_SIDE = 0.01;
    private final Compose compose;
    private final int[] flipIndex;

    /**
     * @param pipeline  the user's pipeline; its transforms, p and additional targets are used, and its box thresholds
     *                  when it declares {@code bbox_params}
     * @param flipIndex the left/right keypoint swap ({@link Dataset#flipIndex()}), empty when there are no keypoints
     */
    public ObjectAugmenter(Compose pipeline, int[] flipIndex) {
        BboxParams u = pipeline.bboxParams();
        BboxParams bp = u == null
                ? new BboxParams(BboxFormat.COCO, List.of(OBJECT), 0, 0, 0, 0, true, true, true, 0)
                : new BboxParams(BboxFormat.COCO, List.of(OBJECT), u.minArea(), u.minVisibility(), u.minWidth(), u.minHeight(), true,
                        u.checkEachTransform(), true, u.maxAcceptRatio());
        KeypointParams kp = new KeypointParams(KeypointFormat.XY, List.of(OBJECT, "index", "v"), true, true, true, "v");
        this.compose = new Compose(pipeline.transforms(), pipeline.probability(), bp, kp, pipeline.additionalTargets(), null);
        this.flipIndex = flipIndex.clone();
    }

    /**
     * The result of one image: the augmented image and extra masks (the caller closes them), kept objects, the dropped
     * ones, and the transforms that were applied with their sampled parameters ({@link Sample#applied()}).
     */
    public record Result(Mat image, Map<String, Mat> masks, List<DatasetObject> kept, List<DatasetObject> dropped, List<AppliedTransform> applied) {}

    /** Augments {@code image} (RGB, the size the annotations state) with its objects, using {@code seed}. */
    public Result apply(DatasetImage entry, Mat image, long seed) {
        return apply(entry, image, Map.of(), seed);
    }

    /**
     * As {@link #apply(DatasetImage, Mat, long)}, with label masks (such as semantic or instance maps, the image's
     * size) that go through the same geometry with nearest-neighbour interpolation; they come back under the same
     * names. The given Mats stay the caller's.
     */
    public Result apply(DatasetImage entry, Mat image, Map<String, Mat> masks, long seed) {
        int w = image.cols(), h = image.rows();
        for (Map.Entry<String, Mat> m : masks.entrySet()) {
            if (m.getValue().cols() != w || m.getValue().rows() != h) {
                throw new IllegalArgumentException("mask '" + m.getKey() + "' of " + entry.file() + " is " + m.getValue().cols() + "x" + m.getValue().rows()
                        + " but the image is " + w + "x" + h);
            }
        }
        if (w != entry.width() || h != entry.height()) {
            throw new IllegalArgumentException("image " + entry.file() + " is " + w + "x" + h + " but its annotations say " + entry.width() + "x" + entry.height());
        }
        List<DatasetObject> objects = entry.objects();
        List<DatasetObject> dropped = new ArrayList<>();
        List<double[]> boxes = new ArrayList<>();
        List<Object> boxLabels = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        List<Object> pObj = new ArrayList<>(), pIdx = new ArrayList<>(), pVis = new ArrayList<>();
        Sample.Builder b = Sample.builder().image(image.clone());
        for (Map.Entry<String, Mat> m : masks.entrySet()) b.mask(EXTRA + m.getKey(), m.getValue().clone());
        for (int i = 0; i < objects.size(); i++) {
            DatasetObject o = objects.get(i);
            double[] a = BboxFormat.COCO.toAlbumentations(o.bbox(), w, h);
            for (int k = 0; k < 4; k++) a[k] = Math.min(1, Math.max(0, a[k]));
            if (!(a[2] > a[0] && a[3] > a[1])) {
                dropped.add(o);
                continue;
            }
            boxes.add(o.bbox());
            boxLabels.add(i);
            if (o.segmentation() != null) b.mask(OBJECT + i, MaskCodec.rasterise(o.segmentation(), w, h));
            double[] k = o.keypoints();
            if (k != null) {
                for (int j = 0; j < k.length / 3; j++) {
                    double x = k[3 * j], y = k[3 * j + 1];
                    int v = (int) k[3 * j + 2];
                    boolean inside = x >= 0 && x < w && y >= 0 && y < h;
                    points.add(inside ? new double[] {x, y} : new double[] {0, 0});
                    pObj.add(i);
                    pIdx.add(j);
                    pVis.add(inside ? v : 0);
                }
            }
        }
        b.boxes(org.augment4j.target.TargetCodec.decodeBoxes(boxes.toArray(double[][]::new), Map.of(OBJECT, boxLabels), compose.bboxParams(), w, h));
        b.keypoints(org.augment4j.target.TargetCodec.decodeKeypoints(points.toArray(double[][]::new),
                Map.of(OBJECT, pObj, "index", pIdx, "v", pVis), compose.keypointParams(), w, h));
        Sample input = b.build();
        Sample out = null;
        try {
            out = compose.apply(input, seed);
            Result r = collect(objects, out, dropped);
            Map<String, Mat> extra = new LinkedHashMap<>();
            for (String name : masks.keySet()) extra.put(name, out.masks().get(EXTRA + name).clone());
            return new Result(r.image(), extra, r.kept(), r.dropped(), out.applied());
        } finally {
            if (out != null) {
                for (Map.Entry<String, Mat> e : out.masks().entrySet()) e.getValue().close();
                out.image().close();
            }
            input.close();
        }
    }

    private Result collect(List<DatasetObject> objects, Sample out, List<DatasetObject> dropped) {
        int w = out.width(), h = out.height();
        boolean mirrored = mirrored(out.steps());
        Map<Integer, double[]> kps = new LinkedHashMap<>();
        Keypoints k = out.keypoints();
        Labels kl = k.labels();
        for (int i = 0; i < k.size(); i++) {
            int o = ((Number) kl.get(OBJECT).get(i)).intValue();
            int j = ((Number) kl.get("index").get(i)).intValue();
            int v = ((Number) kl.get("v").get(i)).intValue();
            double[] row = kps.computeIfAbsent(o, x -> new double[objects.get(o).keypoints().length]);
            int t = mirrored && j < flipIndex.length ? flipIndex[j] : j;
            if (v > 0) {
                double[] p = k.get(i);
                row[3 * t] = p[0];
                row[3 * t + 1] = p[1];
                row[3 * t + 2] = v;
            }
        }
        BoundingBoxes bx = out.boxes();
        boolean[] survived = new boolean[objects.size()];
        List<DatasetObject> kept = new ArrayList<>();
        for (int i = 0; i < bx.size(); i++) {
            int o = ((Number) bx.labels().get(OBJECT).get(i)).intValue();
            DatasetObject src = objects.get(o);
            double[] box = BboxFormat.COCO.fromAlbumentations(bx.get(i), w, h);
            if (box[2] < MIN_SIDE || box[3] < MIN_SIDE) continue;  // would be written as a zero-width box
            Segmentation seg = null;
            double area = box[2] * box[3];
            Mat m = out.masks().get(OBJECT + o);
            if (m != null) {
                area = MaskCodec.area(m);
                if (area == 0) continue;
                if (src.crowd()) {
                    seg = MaskCodec.rle(m);
                } else {
                    List<double[]> polys = MaskCodec.polygons(m);
                    if (polys.isEmpty()) continue;
                    seg = new Segmentation.Polygons(polys);
                }
            }
            Map<String, Object> extra = new LinkedHashMap<>(src.extra());
            extra.put("area", area);
            double[] kp = src.keypoints() == null ? null : kps.getOrDefault(o, new double[src.keypoints().length]);
            kept.add(new DatasetObject(src.categoryId(), box, seg, kp, src.crowd(), extra));
            survived[o] = true;
        }
        List<DatasetObject> lost = new ArrayList<>(dropped);
        for (int o = 0; o < objects.size(); o++) {
            if (!survived[o] && !dropped.contains(objects.get(o))) lost.add(objects.get(o));
        }
        return new Result(out.image().clone(), Map.of(), kept, lost, List.of());
    }

    /** True when the spatial steps compose to a reflection (determinant of the linear part below 0). */
    static boolean mirrored(List<GeometryStep> steps) {
        int sign = 1;
        for (GeometryStep s : steps) {
            Matrix m = s.geometry() instanceof AffineGeometry a ? a.image()
                    : s.geometry() instanceof ProjectiveGeometry p ? p.image() : null;
            if (m == null) continue;
            double det = m.get(0, 0) * m.get(1, 1) - m.get(0, 1) * m.get(1, 0);
            if (det < 0) sign = -sign;
        }
        return sign < 0;
    }
}
