package org.augment4j;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.TargetCodec;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The result of {@link Compose#apply(Inputs, long)}: Albumentations' {@code transformed} dictionary, with boxes and
 * keypoints back in the Compose's declared formats and labels that followed their boxes and keypoints (a box the
 * pipeline dropped takes its labels with it).
 *
 * <p>Owns its images and masks (never the caller's input matrices): close it, for example with try-with-resources.
 * After {@link #close()} every accessor throws {@link IllegalStateException}. Matrices taken from it are valid until
 * then; clone one to keep it longer.
 */
public final class Augmented implements AutoCloseable {
    private final Sample sample;
    private final BboxParams bboxParams;
    private final KeypointParams keypointParams;
    private final int maskListSize;

    Augmented(Sample sample, BboxParams bboxParams, KeypointParams keypointParams, int maskListSize) {
        this.sample = sample;
        this.bboxParams = bboxParams;
        this.keypointParams = keypointParams;
        this.maskListSize = maskListSize;
    }

    /** The augmented image (HWC, RGB, of the input's depth). */
    public Mat image() {
        return sample.image();
    }

    /**
     * The augmented additional image {@code name}, as given to {@link Inputs#image(String, Mat)}.
     *
     * @throws IllegalArgumentException if no image has that name, listing those there are
     */
    public Mat image(String name) {
        Mat m = sample.images().get(name);
        if (m == null) throw new IllegalArgumentException("no image '" + name + "'; images are " + sample.images().keySet());
        return m;
    }

    /** The augmented main mask, or null if none was given. */
    public Mat mask() {
        return sample.mask();
    }

    /**
     * The augmented mask {@code name}, as given to {@link Inputs#mask(String, Mat)}.
     *
     * @throws IllegalArgumentException if no mask has that name, listing those there are
     */
    public Mat mask(String name) {
        Mat m = sample.masks().get(name);
        if (m == null) {
            throw new IllegalArgumentException("no mask '" + name + "'; masks are " + sample.masks().keySet().stream().filter(k -> !k.startsWith("masks[")).toList()
                    + (maskListSize > 0 ? " (and " + maskListSize + " in masks())" : ""));
        }
        return m;
    }

    /** The augmented {@link Inputs#masks(List) list of masks}, in the order given (empty if none). */
    public List<Mat> masks() {
        Map<String, Mat> all = sample.masks();
        List<Mat> out = new ArrayList<>(maskListSize);
        for (int i = 0; i < maskListSize; i++) out.add(all.get(Inputs.maskListName(i)));
        return Collections.unmodifiableList(out);
    }

    /** Width of the augmented image in pixels. */
    public int width() {
        return sample.width();
    }

    /** Height of the augmented image in pixels. */
    public int height() {
        return sample.height();
    }

    /**
     * The remaining boxes in the Compose's declared format, as Albumentations returns them: {@code pascal_voc}
     * {@code [x_min, y_min, x_max, y_max]} and {@code coco} {@code [x_min, y_min, width, height]} in pixels of the
     * augmented image; {@code yolo} {@code [x_center, y_center, width, height]} and {@code albumentations}
     * {@code [x_min, y_min, x_max, y_max]} normalised to [0, 1]. A fresh array; empty if the Compose has no
     * {@code bbox_params}.
     */
    public double[][] bboxes() {
        if (bboxParams == null) return new double[0][];
        return TargetCodec.encodeBoxes(sample.boxes(), bboxParams, sample.width(), sample.height());
    }

    /**
     * The remaining keypoints in the Compose's declared format, in pixels (angles in degrees or radians as its
     * {@code keypoint_params} say). A fresh array; empty if the Compose has no {@code keypoint_params}.
     */
    public double[][] keypoints() {
        if (keypointParams == null) return new double[0][];
        return TargetCodec.encodeKeypoints(sample.keypoints(), keypointParams);
    }

    /**
     * The values of the box label field {@code field}, one per {@link #bboxes()} row, as given (unmodifiable).
     *
     * @throws IllegalArgumentException if the Compose's {@code bbox_params} do not declare {@code field}
     */
    public List<Object> labels(String field) {
        if (bboxParams == null || !bboxParams.labelFields().contains(field)) {
            throw new IllegalArgumentException("no bbox label field '" + field + "': the Compose's bbox_params declare "
                    + (bboxParams == null ? "nothing (it has no bbox_params)" : "label_fields " + bboxParams.labelFields())
                    + (keypointParams != null && keypointParams.labelFields().contains(field) ? "; '" + field + "' is a keypoint label field: use keypointLabels" : ""));
        }
        return column(sample.boxes().labels(), sample.boxes().size(), field);
    }

    /**
     * The box label field {@code field} as values of {@code type}, one per {@link #bboxes()} row (unmodifiable). A value already of {@code type} is returned as is (an {@code Integer} label stays that {@code Integer}).
     * Numbers convert when nothing is lost, as labels read from JSON often need: to {@code Integer}, {@code Long},
     * {@code Short} or {@code Byte} when the value is whole and in range ({@code 3L} and {@code 3.0} become {@code 3});
     * to {@code Double} or {@code Float} from any number. Nothing else converts (no number from a string, no
     * {@code toString}); nulls stay null.
     *
     * @throws IllegalArgumentException if {@code field} is not declared, or a value cannot become {@code type} without
     *                                  loss, naming the field, the row and the value
     */
    public <T> List<T> labels(String field, Class<T> type) {
        return typed("bbox", field, labels(field), type);
    }

    /**
     * The values of the keypoint label field {@code field}, one per {@link #keypoints()} row, as given (unmodifiable).
     *
     * @throws IllegalArgumentException if the Compose's {@code keypoint_params} do not declare {@code field}
     */
    public List<Object> keypointLabels(String field) {
        if (keypointParams == null || !keypointParams.labelFields().contains(field)) {
            throw new IllegalArgumentException("no keypoint label field '" + field + "': the Compose's keypoint_params declare "
                    + (keypointParams == null ? "nothing (it has no keypoint_params)" : "label_fields " + keypointParams.labelFields())
                    + (bboxParams != null && bboxParams.labelFields().contains(field) ? "; '" + field + "' is a bbox label field: use labels" : ""));
        }
        return column(sample.keypoints().labels(), sample.keypoints().size(), field);
    }

    /** The keypoint label field {@code field} as values of {@code type}, converted as {@link #labels(String, Class)} does. */
    public <T> List<T> keypointLabels(String field, Class<T> type) {
        return typed("keypoint", field, keypointLabels(field), type);
    }

    /** The underlying sample: internal forms (normalised boxes, pixel keypoints), all masks by name, the geometry steps. */
    public Sample sample() {
        return sample;
    }

    /** The transforms that were applied, with their sampled parameters, in order. */
    public List<AppliedTransform> applied() {
        return sample.applied();
    }

    /** Releases the augmented images and masks. Closing again does nothing. */
    @Override
    public void close() {
        sample.close();
    }

    /** A declared column; with no rows left, a transform may have dropped the (empty) columns, which is an empty list. */
    private static List<Object> column(org.augment4j.target.Labels labels, int rows, String field) {
        return rows == 0 && !labels.names().contains(field) ? List.of() : labels.get(field);
    }

    private static <T> List<T> typed(String what, String field, List<Object> values, Class<T> type) {
        Objects.requireNonNull(type, "type");
        Class<?> boxed = box(type);
        List<T> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            Object c = v == null ? null : convert(v, boxed);
            if (v != null && c == null) {
                throw new IllegalArgumentException(what + " label field '" + field + "' row " + i + " is " + v + " (" + v.getClass().getSimpleName()
                        + "), which is not " + (v instanceof Number ? "exactly " : "") + "a " + boxed.getSimpleName()
                        + "; labels(\"" + field + "\") returns the values as given");
            }
            @SuppressWarnings("unchecked") T t = (T) c;
            out.add(t);
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code v} as an instance of {@code type}, or null if it is not one and does not convert without loss. */
    private static Object convert(Object v, Class<?> type) {
        if (type.isInstance(v)) return v;
        if (!(v instanceof Number n)) return null;
        if (type == Double.class) return n.doubleValue();
        if (type == Float.class) return n.floatValue();
        Long l = exactLong(n);
        if (l == null) return null;
        if (type == Long.class) return l;
        if (type == Integer.class) return l == l.intValue() ? (Object) l.intValue() : null;
        if (type == Short.class) return l == l.shortValue() ? (Object) l.shortValue() : null;
        if (type == Byte.class) return l == l.byteValue() ? (Object) l.byteValue() : null;
        return null;
    }

    /** The whole value of {@code n}, or null if it has a fraction or does not fit a long. */
    private static Long exactLong(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) return n.longValue();
        if (n instanceof BigInteger b) return b.bitLength() < 64 ? b.longValue() : null;
        if (n instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        double d = n.doubleValue();
        return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p63 ? (long) d : null;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) return type;
        if (type == int.class) return Integer.class;
        if (type == long.class) return Long.class;
        if (type == double.class) return Double.class;
        if (type == float.class) return Float.class;
        if (type == short.class) return Short.class;
        if (type == byte.class) return Byte.class;
        if (type == boolean.class) return Boolean.class;
        if (type == char.class) return Character.class;
        throw new IllegalArgumentException("no label can be of type " + type);
    }
}
