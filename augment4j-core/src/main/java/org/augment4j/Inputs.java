package org.augment4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.SampleCheck;
import org.augment4j.target.TargetCodec;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What one call of {@link Compose#apply(Inputs, long)} augments, given as the user has it: the keyword arguments of
 * Albumentations' {@code transform(image=..., mask=..., masks=[...], bboxes=..., category_id=..., keypoints=...)}.
 *
 * <pre>{@code
 * Compose pipeline = Compose.builder().add(new HorizontalFlip(1.0))
 *         .bboxParams(BboxParams.of("coco", "category_id")).build();
 * try (Augmented out = pipeline.apply(Inputs.of(image).mask(mask).bboxes(cocoBoxes, "category_id", 18, 1), 42)) {
 *     double[][] boxes = out.bboxes();                              // coco, pixels
 *     List<Integer> ids = out.labels("category_id", Integer.class); // one per remaining box
 * }
 * }</pre>
 *
 * <p>Boxes and keypoints are in the format the {@link Compose} declares in its {@link BboxParams} and
 * {@link KeypointParams} ({@code coco} and {@code pascal_voc} boxes in pixels, {@code yolo} and
 * {@code albumentations} boxes normalised; keypoints in pixels, angles in degrees unless the params say otherwise);
 * the image size comes from the image. Each label field (Albumentations' {@code label_fields}) is a list with one
 * value per box or keypoint, of any type; the Compose checks that the fields given are the ones it declares.
 *
 * <p>An immutable value: every method returns a new {@code Inputs}, so a partly built one can be reused. It holds the
 * caller's matrices without owning them; {@code Compose.apply} never modifies or releases them, and its result owns
 * matrices of its own.
 */
public final class Inputs {
    private final Map<String, Mat> images;
    private final Map<String, Mat> masks;
    private final List<Mat> maskList;
    private final double[][] bboxes;
    private final Map<String, List<?>> bboxLabels;
    private final double[][] keypoints;
    private final Map<String, List<?>> keypointLabels;

    private Inputs(Map<String, Mat> images, Map<String, Mat> masks, List<Mat> maskList, double[][] bboxes,
                   Map<String, List<?>> bboxLabels, double[][] keypoints, Map<String, List<?>> keypointLabels) {
        this.images = images;
        this.masks = masks;
        this.maskList = maskList;
        this.bboxes = bboxes;
        this.bboxLabels = bboxLabels;
        this.keypoints = keypoints;
        this.keypointLabels = keypointLabels;
    }

    /**
     * Inputs holding just {@code image} (HWC, RGB, uint8 or float32; 1, 3 or 4 channels).
     *
     * @throws NullPointerException if {@code image} is null
     */
    public static Inputs of(Mat image) {
        Objects.requireNonNull(image, "image");
        Map<String, Mat> images = new LinkedHashMap<>();
        images.put(Sample.IMAGE, image);
        return new Inputs(Collections.unmodifiableMap(images), Map.of(), List.of(), null, Map.of(), null, Map.of());
    }

    /**
     * These inputs with an additional image, transformed with the same parameters as the main one (Albumentations'
     * {@code additional_targets={name: "image"}}); read it back with {@link Augmented#image(String)}. The name need not
     * be among the Compose's additional targets, but if it is, it must be declared an image.
     *
     * @throws IllegalArgumentException if {@code name} is {@code "image"} or already names an image or mask
     */
    public Inputs image(String name, Mat image) {
        Objects.requireNonNull(image, "image '" + name + "'");
        requireNewName(name);
        Map<String, Mat> m = new LinkedHashMap<>(images);
        m.put(name, image);
        return new Inputs(Collections.unmodifiableMap(m), masks, maskList, bboxes, bboxLabels, keypoints, keypointLabels);
    }

    /** These inputs with the main mask ({@code mask=...}): single-channel labels or a multi-channel mask of the image's size. */
    public Inputs mask(Mat mask) {
        return mask(Sample.MASK, mask);
    }

    /**
     * These inputs with a named mask (Albumentations' {@code additional_targets={name: "mask"}}); read it back with
     * {@link Augmented#mask(String)}. The name need not be among the Compose's additional targets, but if it is, it
     * must be declared a mask.
     *
     * @throws IllegalArgumentException if {@code name} already names an image or mask
     */
    public Inputs mask(String name, Mat mask) {
        Objects.requireNonNull(mask, "mask '" + name + "'");
        requireNewName(name);
        Map<String, Mat> m = new LinkedHashMap<>(masks);
        m.put(name, mask);
        return new Inputs(images, Collections.unmodifiableMap(m), maskList, bboxes, bboxLabels, keypoints, keypointLabels);
    }

    /**
     * These inputs with a list of masks ({@code masks=[...]}, such as one per object instance), replacing any list given
     * before; {@link Augmented#masks()} returns them in this order.
     */
    public Inputs masks(List<Mat> masks) {
        for (int i = 0; i < masks.size(); i++) Objects.requireNonNull(masks.get(i), "masks[" + i + "]");
        return new Inputs(images, this.masks, List.copyOf(masks), bboxes, bboxLabels, keypoints, keypointLabels);
    }

    /**
     * These inputs with bounding boxes in the Compose's declared format, one row of 4 values per box, replacing any
     * given before (with their labels).
     */
    public Inputs bboxes(double[][] boxes) {
        return new Inputs(images, masks, maskList, copy("bboxes", boxes), Map.of(), keypoints, keypointLabels);
    }

    /** These inputs with boxes (see {@link #bboxes(double[][])}) and one label field: one value per box. */
    public Inputs bboxes(double[][] boxes, String field, List<?> values) {
        return bboxes(boxes).bboxLabels(field, values);
    }

    /** These inputs with boxes (see {@link #bboxes(double[][])}) and one integer label field, such as COCO's {@code category_id}. */
    public Inputs bboxes(double[][] boxes, String field, int... values) {
        return bboxes(boxes, field, ints(values));
    }

    /**
     * These inputs with one more box label field (or a field replaced): one value per box, in box order, of any type.
     * Give as many fields as the Compose's {@link BboxParams#labelFields()} declare.
     */
    public Inputs bboxLabels(String field, List<?> values) {
        return new Inputs(images, masks, maskList, bboxes, with(bboxLabels, field, values), keypoints, keypointLabels);
    }

    /**
     * These inputs with keypoints in the Compose's declared format (as many values per row as the format has letters),
     * replacing any given before (with their labels).
     */
    public Inputs keypoints(double[][] keypoints) {
        return new Inputs(images, masks, maskList, bboxes, bboxLabels, copy("keypoints", keypoints), Map.of());
    }

    /** These inputs with keypoints (see {@link #keypoints(double[][])}) and one label field: one value per keypoint. */
    public Inputs keypoints(double[][] keypoints, String field, List<?> values) {
        return keypoints(keypoints).keypointLabels(field, values);
    }

    /** These inputs with keypoints (see {@link #keypoints(double[][])}) and one integer label field. */
    public Inputs keypoints(double[][] keypoints, String field, int... values) {
        return keypoints(keypoints, field, ints(values));
    }

    /** These inputs with one more keypoint label field (or a field replaced): one value per keypoint, in order. */
    public Inputs keypointLabels(String field, List<?> values) {
        return new Inputs(images, masks, maskList, bboxes, bboxLabels, keypoints, with(keypointLabels, field, values));
    }

    /** How many masks were given as a list with {@link #masks(List)}. */
    int maskListSize() {
        return maskList.size();
    }

    /** The name under which mask {@code i} of the {@link #masks(List)} list travels in the {@link Sample}. */
    static String maskListName(int i) {
        return "masks[" + i + "]";
    }

    /**
     * The sample these inputs describe for {@code compose}: boxes and keypoints decoded from its declared formats,
     * label fields and additional targets checked against its declarations. The sample shares the caller's matrices.
     */
    Sample toSample(Compose compose) {
        BboxParams bp = compose.bboxParams();
        KeypointParams kp = compose.keypointParams();
        Map<String, String> declared = compose.additionalTargets();
        Sample.Builder b = Sample.builder();
        for (Map.Entry<String, Mat> e : images.entrySet()) {
            if ("mask".equals(declared.get(e.getKey()))) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is given as an image but the Compose's additional_targets declare it a mask");
            }
            b.image(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Mat> e : masks.entrySet()) {
            if ("image".equals(declared.get(e.getKey()))) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is given as a mask but the Compose's additional_targets declare it an image");
            }
            b.mask(e.getKey(), e.getValue());
        }
        for (int i = 0; i < maskList.size(); i++) b.mask(maskListName(i), maskList.get(i));
        Sample s = b.build();
        SampleCheck.image(s);
        int w = s.width(), h = s.height();
        if (bp != null) {
            double[][] rows = bboxes == null ? new double[0][] : bboxes;
            checkRows("bbox", rows, 4, bp.format().id());
            s = s.withBoxes(TargetCodec.decodeBoxes(rows, labels("bbox", bboxes != null, bboxLabels, bp.labelFields()), bp, w, h));
        } else if (bboxes != null || !bboxLabels.isEmpty()) {
            throw new IllegalArgumentException("bboxes given, but the Compose has no bbox_params to say their format: build it with "
                    + "Compose.builder()....bboxParams(BboxParams.of(\"coco\", \"category_id\"))");
        }
        if (kp != null) {
            double[][] rows = keypoints == null ? new double[0][] : keypoints;
            checkRows("keypoint", rows, kp.format().size(), kp.format().id());
            s = s.withKeypoints(TargetCodec.decodeKeypoints(rows, labels("keypoint", keypoints != null, keypointLabels, kp.labelFields()), kp, w, h));
        } else if (keypoints != null || !keypointLabels.isEmpty()) {
            throw new IllegalArgumentException("keypoints given, but the Compose has no keypoint_params to say their format: build it with "
                    + "Compose.builder()....keypointParams(KeypointParams.of(\"xy\"))");
        }
        return s;
    }

    /** The label columns given, checked against the declared fields; with no rows given, every declared field is empty. */
    private static Map<String, List<?>> labels(String what, boolean rowsGiven, Map<String, List<?>> given, List<String> declared) {
        String kind = what.equals("bbox") ? "bbox_params" : "keypoint_params";
        for (String f : given.keySet()) {
            if (!declared.contains(f)) {
                throw new IllegalArgumentException(what + " label field '" + f + "' is not declared: the Compose's " + kind + " label_fields are " + declared);
            }
        }
        if (!rowsGiven && !given.isEmpty()) {
            throw new IllegalArgumentException(what + " label field '" + given.keySet().iterator().next() + "' given without any " + (what.equals("bbox") ? "bboxes" : "keypoints"));
        }
        Map<String, List<?>> out = new LinkedHashMap<>();
        for (String f : declared) {
            List<?> col = given.get(f);
            if (col == null && rowsGiven) {
                throw new IllegalArgumentException(what + " label field '" + f + "' is declared in the Compose's " + kind + " but not given: pass it with "
                        + (what.equals("bbox") ? "bboxes(boxes, \"" + f + "\", values) or bboxLabels" : "keypoints(points, \"" + f + "\", values) or keypointLabels")
                        + "(\"" + f + "\", values)");
            }
            out.put(f, col == null ? List.of() : col);
        }
        return out;
    }

    private static void checkRows(String what, double[][] rows, int size, String format) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != size) {
                throw new IllegalArgumentException(what + " " + i + " is " + Arrays.toString(rows[i]) + ": format '" + format + "' takes exactly " + size
                        + " values per " + what + "; labels go in label fields");
            }
        }
    }

    private void requireNewName(String name) {
        Objects.requireNonNull(name, "name");
        if (images.containsKey(name) || masks.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' already names " + (images.containsKey(name) ? "an image" : "a mask") + " of these inputs");
        }
        if (name.startsWith("masks[")) throw new IllegalArgumentException("'" + name + "' is reserved for the masks(List) list");
    }

    private static double[][] copy(String what, double[][] rows) {
        Objects.requireNonNull(rows, what + ": give an empty array for none");
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = rows[i] == null ? null : rows[i].clone();
        return out;
    }

    private static Map<String, List<?>> with(Map<String, List<?>> labels, String field, List<?> values) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(values, "label field '" + field + "'");
        Map<String, List<?>> m = new LinkedHashMap<>(labels);
        m.put(field, Collections.unmodifiableList(new ArrayList<>(values)));
        return Collections.unmodifiableMap(m);
    }

    private static List<Integer> ints(int[] values) {
        List<Integer> out = new ArrayList<>(values.length);
        for (int v : values) out.add(v);
        return out;
    }

    /** Lists what these inputs hold, for messages and debugging (never the pixel or coordinate values). */
    @Override
    public String toString() {
        return "Inputs[images=" + images.keySet() + ", masks=" + masks.keySet() + ", masks list=" + maskList.size()
                + ", bboxes=" + (bboxes == null ? "none" : bboxes.length) + " " + bboxLabels.keySet()
                + ", keypoints=" + (keypoints == null ? "none" : keypoints.length) + " " + keypointLabels.keySet() + "]";
    }
}
