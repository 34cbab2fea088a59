package org.augment4j.serial;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.TargetCodec;

/**
 * Labels as JSON, in the shape of {@code input_targets} of the golden cases and of {@code apply --targets}:
 * {@code {"bboxes": [[…]], "keypoints": [[…]], "<label field>": […], …}}, in the formats a pipeline declares.
 */
public final class TargetsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TargetsJson() {}

    /** Reads a targets file into a plain map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path path) {
        try {
            Object v = JSON.readValue(path.toFile(), Object.class);
            if (!(v instanceof Map)) throw new IllegalArgumentException("targets file " + path + " must hold a JSON object");
            return (Map<String, Object>) v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read targets file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts the boxes and keypoints of {@code targets} into {@code sample}, converted with the pipeline's params.
     *
     * @throws IllegalArgumentException if targets are given that the pipeline has no params for, or are malformed
     */
    public static Sample attach(Sample sample, Map<String, Object> targets, Compose pipeline) {
        Sample s = sample;
        Map<String, List<?>> labels = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : targets.entrySet()) {
            if (e.getValue() instanceof List<?> l) labels.put(e.getKey(), l);
        }
        if (targets.containsKey("bboxes")) {
            BboxParams bp = pipeline.bboxParams();
            if (bp == null) throw new IllegalArgumentException("targets have 'bboxes' but the pipeline has no bbox_params");
            s = s.withBoxes(TargetCodec.decodeBoxes(matrix(targets.get("bboxes"), "bboxes"), labels, bp, s.width(), s.height()));
        }
        if (targets.containsKey("keypoints")) {
            KeypointParams kp = pipeline.keypointParams();
            if (kp == null) throw new IllegalArgumentException("targets have 'keypoints' but the pipeline has no keypoint_params");
            s = s.withKeypoints(TargetCodec.decodeKeypoints(matrix(targets.get("keypoints"), "keypoints"), labels, kp, s.width(), s.height()));
        }
        return s;
    }

    /** The boxes, keypoints and label fields of {@code sample} in the pipeline's formats. */
    public static Map<String, Object> of(Sample sample, Compose pipeline) {
        Map<String, Object> out = new LinkedHashMap<>();
        BboxParams bp = pipeline.bboxParams();
        if (bp != null) {
            out.put("bboxes", TargetCodec.encodeBoxes(sample.boxes(), bp, sample.width(), sample.height()));
            for (String f : bp.labelFields()) out.put(f, sample.boxes().labels().names().contains(f) ? sample.boxes().labels().get(f) : List.of());
        }
        KeypointParams kp = pipeline.keypointParams();
        if (kp != null) {
            out.put("keypoints", TargetCodec.encodeKeypoints(sample.keypoints(), kp));
            for (String f : kp.labelFields()) out.put(f, sample.keypoints().labels().names().contains(f) ? sample.keypoints().labels().get(f) : List.of());
        }
        return out;
    }

    private static double[][] matrix(Object v, String name) {
        if (!(v instanceof List<?> rows)) throw new IllegalArgumentException("'" + name + "' must be a list of lists of numbers");
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            if (!(rows.get(i) instanceof List<?> row)) throw new IllegalArgumentException(name + "[" + i + "] must be a list of numbers, got " + rows.get(i));
            List<Double> vals = new ArrayList<>();
            for (Object o : row) {
                if (o instanceof Number n) vals.add(n.doubleValue());
                else if (o == null || "NaN".equals(o) || "nan".equals(o)) vals.add(Double.NaN);
                else throw new IllegalArgumentException(name + "[" + i + "] must hold numbers, got " + o);
            }
            out[i] = vals.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }
}
