package org.augment4j.fuzz;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.target.Labels;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The properties every application must keep, whatever the pipeline: images uint8 or float32 with 1, 3 or 4 channels
 * and the input's dtype unless a dtype-changing transform is in the pipeline; masks of the image's size, with the
 * input's type and values a subset of the input's plus the mask fills the pipeline names (nearest interpolation), unless
 * a mask-converting transform is in the pipeline;
 * boxes finite, inside [0, 1] and non-empty; keypoints finite and inside the image when invisible ones are removed;
 * surviving boxes and keypoints a subset of the input's rows in their original order, each with its own labels.
 */
public final class Invariants {
    private Invariants() {}

    /** Transforms whose documented output dtype differs from their input's. */
    static final Set<String> DTYPE_CHANGERS = Set.of("ToFloat", "FromFloat", "Normalize", "ToTensor");
    /** Transforms that convert masks (type and values): 0.x's ToTensor makes them float32 or class indices. */
    static final Set<String> MASK_CONVERTERS = Set.of("ToTensor");

    /** The violations found (empty when the output is fine). */
    public static List<String> check(PipelineGenerator.Generated g, Sample in, Sample out) {
        boolean removeInvisible = !Boolean.FALSE.equals(((Map<?, ?>) ((Map<?, ?>) g.tree().get("transform")).get("keypoint_params")).get("remove_invisible"));
        List<String> v = new ArrayList<>();
        Mat img = out.image();
        for (Map.Entry<String, Mat> e : out.images().entrySet()) {
            Mat m = e.getValue();
            if (m.depth() != CV_8U && m.depth() != CV_32F) v.add("image " + e.getKey() + " has depth " + m.depth());
            if (m.channels() != 1 && m.channels() != 3 && m.channels() != 4) v.add("image " + e.getKey() + " has " + m.channels() + " channels");
            if (m.rows() != img.rows() || m.cols() != img.cols()) v.add("image " + e.getKey() + " size differs from the main image");
        }
        if (img.rows() < 1 || img.cols() < 1) v.add("empty output image " + img.rows() + "x" + img.cols());
        boolean changes = g.names().stream().anyMatch(DTYPE_CHANGERS::contains);
        if (!changes && img.depth() != in.image().depth()) v.add("dtype changed from " + Mats.describe(in.image()) + " to " + Mats.describe(img) + " with no dtype-changing transform");
        boolean converted = g.names().stream().anyMatch(MASK_CONVERTERS::contains);
        for (Map.Entry<String, Mat> e : out.masks().entrySet()) {
            Mat m = e.getValue();
            Mat src = in.masks().get(e.getKey());
            if (src == null) { v.add("mask " + e.getKey() + " appeared"); continue; }
            if (m.rows() != img.rows() || m.cols() != img.cols()) v.add("mask " + e.getKey() + " is " + m.rows() + "x" + m.cols() + ", image " + img.rows() + "x" + img.cols());
            if (converted) continue;
            if (m.type() != src.type()) v.add("mask type changed from " + Mats.describe(src) + " to " + Mats.describe(m));
            if (m.depth() == CV_8U && src.depth() == CV_8U) {
                BitSet allowed = values(src);
                for (int f : g.maskFills()) if (f >= 0 && f < 256) allowed.set(f);
                BitSet got = values(m);
                got.andNot(allowed);
                if (!got.isEmpty()) v.add("mask " + e.getKey() + " has values " + got + " that are neither in the input mask nor a mask fill");
            }
        }
        double[][] boxes = out.boxes().toArray();
        for (int i = 0; i < boxes.length; i++) {
            double[] b = boxes[i];
            boolean finite = Arrays.stream(b).allMatch(Double::isFinite);
            if (!finite || b[0] < 0 || b[1] < 0 || b[2] > 1 || b[3] > 1 || b[2] <= b[0] || b[3] <= b[1]) v.add("bbox " + i + " invalid: " + Arrays.toString(b));
        }
        boolean anyOrder = g.names().contains("Mosaic");
        rows("bbox", in.boxes().labels(), out.boxes().labels(), boxes.length, anyOrder, v);
        double[][] kps = out.keypoints().toArray();
        for (int i = 0; i < kps.length; i++) {
            double[] k = kps[i];
            if (!Arrays.stream(k).allMatch(Double::isFinite)) v.add("keypoint " + i + " not finite: " + Arrays.toString(k));
            else if (removeInvisible && (k[0] < 0 || k[1] < 0 || k[0] >= img.cols() || k[1] >= img.rows())) {
                v.add("keypoint " + i + " outside the " + img.cols() + "x" + img.rows() + " image with remove_invisible: " + Arrays.toString(k));
            }
        }
        rows("keypoint", in.keypoints().labels(), out.keypoints().labels(), kps.length, anyOrder, v);
        return v;
    }

    /**
     * Surviving rows: ids from the input, every other label the input's for that id, in the input's order (non-decreasing:
     * a box that a tile shuffle cuts into pieces gives several rows with its labels; any order under Mosaic, whose cells
     * may repeat the sample).
     */
    private static void rows(String what, Labels in, Labels out, int n, boolean anyOrder, List<String> v) {
        if (n == 0) return;
        if (out.rows() != n || !out.names().contains("id")) {
            v.add(what + " labels lost: " + n + " rows, labels " + out.names() + " with " + out.rows() + " rows");
            return;
        }
        List<Object> ids = out.get("id"), inIds = in.get("id");
        int last = -1;
        for (int i = 0; i < n; i++) {
            int id = (Integer) ids.get(i);
            if (id < 0 || id >= inIds.size()) {
                v.add(what + " id " + id + " is not an input row: " + ids);
                return;
            }
            if (id < last && !anyOrder) v.add(what + " ids not in the input's order: " + ids);
            last = id;
            for (String f : in.names()) {
                if (!Objects.equals(in.get(f).get(id), out.get(f).get(i))) v.add(what + " " + id + " label " + f + " is " + out.get(f).get(i) + ", input " + in.get(f).get(id));
            }
        }
    }

    private static BitSet values(Mat m) {
        BitSet s = new BitSet(256);
        for (byte b : Mats.toBytes(m)) s.set(b & 0xff);
        return s;
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] floatBytes(float[] f) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(f.length * 4);
        b.asFloatBuffer().put(f);
        return b.array();
    }

    /** Everything an application produced, for comparing two runs bit for bit. */
    public static String fingerprint(Sample s) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Mat> group : List.of(s.images(), s.masks())) {
            for (Map.Entry<String, Mat> e : group.entrySet()) {
                Mat m = e.getValue();
                sb.append(e.getKey()).append(':').append(Mats.describe(m)).append(':');
                if (m.depth() == CV_8U) sb.append(sha256(Mats.toBytes(m)));
                else if (m.depth() == CV_32F) sb.append(sha256(floatBytes(Mats.toFloats(m))));
                sb.append(';');
            }
        }
        sb.append(Arrays.deepToString(s.boxes().toArray())).append(s.boxes().labels().asMap());
        sb.append(Arrays.deepToString(s.keypoints().toArray())).append(s.keypoints().labels().asMap());
        return sb.toString();
    }
}
