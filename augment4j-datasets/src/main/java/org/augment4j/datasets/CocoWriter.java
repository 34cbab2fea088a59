package org.augment4j.datasets;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a COCO instances file: {@code info} and {@code licenses} from the source header, the source categories
 * (with {@code keypoints}/{@code skeleton} where the source had them), the images as given (their {@code extra} fields
 * plus {@code file_name}, {@code width}, {@code height}) and one annotation per object with ids 1, 2, … in order:
 * {@code bbox} and {@code area} rounded to 2 decimals, polygon {@code segmentation} for non-crowd objects and
 * uncompressed RLE for crowd ones, {@code keypoints} and {@code num_keypoints} (labelled points, v > 0) for objects
 * that have them, {@code source_id}, the id of the annotation it came from, and the source annotation's fields the
 * reader did not interpret ({@link CocoReader#OTHER_FIELDS}, e.g. CVAT's {@code attributes}) unchanged. Keypoints go into the same file, so
 * {@link CocoReader} reads it back as one. The write is atomic (temporary file, then rename). Stateless.
 */
public final class CocoWriter {
    private CocoWriter() {}

    /** The COCO JSON tree for {@code images} under the categories and header of {@code source}. */
    public static Map<String, Object> toJson(Dataset source, List<DatasetImage> images) {
        Map<String, Object> root = new LinkedHashMap<>(source.header());
        List<Map<String, Object>> imgs = new ArrayList<>();
        List<Map<String, Object>> anns = new ArrayList<>();
        for (DatasetImage img : images) {
            Map<String, Object> m = new LinkedHashMap<>(img.extra());
            m.put("file_name", img.fileName());
            m.put("width", img.width());
            m.put("height", img.height());
            imgs.add(m);
            for (DatasetObject o : img.objects()) anns.add(annotation(o, anns.size() + 1, m.get("id")));
        }
        root.put("images", imgs);
        root.put("annotations", anns);
        root.put("categories", source.categories());
        return root;
    }

    /** Writes {@link #toJson} to {@code file} atomically. */
    public static void write(Path file, Dataset source, List<DatasetImage> images) {
        try {
            byte[] bytes = CocoReader.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(toJson(source, images));
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write COCO file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> annotation(DatasetObject o, int id, Object imageId) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("image_id", imageId);
        a.put("category_id", o.categoryId());
        double[] b = o.bbox();
        a.put("bbox", List.of(round(b[0]), round(b[1]), round(b[2]), round(b[3])));
        Object area = o.extra().get("area");
        a.put("area", round(area instanceof Number n ? n.doubleValue() : b[2] * b[3]));
        a.put("iscrowd", o.crowd() ? 1 : 0);
        if (o.segmentation() instanceof Segmentation.Polygons p) {
            List<List<Double>> parts = new ArrayList<>();
            for (double[] part : p.parts()) {
                List<Double> l = new ArrayList<>(part.length);
                for (double v : part) l.add(round(v));
                parts.add(l);
            }
            a.put("segmentation", parts);
        } else if (o.segmentation() instanceof Segmentation.Rle r) {
            Map<String, Object> rle = new LinkedHashMap<>();
            rle.put("counts", java.util.Arrays.stream(r.counts()).boxed().toList());
            rle.put("size", List.of(r.height(), r.width()));
            a.put("segmentation", rle);
        }
        if (o.keypoints() != null) {
            List<Number> k = new ArrayList<>();
            int labelled = 0;
            double[] kp = o.keypoints();
            for (int j = 0; j < kp.length; j++) {
                if (j % 3 == 2) {
                    k.add((int) kp[j]);
                    if (kp[j] > 0) labelled++;
                } else {
                    k.add(number(round(kp[j])));
                }
            }
            a.put("keypoints", k);
            a.put("num_keypoints", labelled);
        }
        if (o.extra().get("id") != null) a.put("source_id", o.extra().get("id"));
        if (o.extra().get(CocoReader.OTHER_FIELDS) instanceof Map<?, ?> other) {
            other.forEach((k, v) -> a.putIfAbsent(String.valueOf(k), v));
        }
        return a;
    }

    private static Number number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? (Number) (long) v : (Number) v;
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
