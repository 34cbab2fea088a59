package org.augment4j.transform.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.Keypoints;
import org.augment4j.target.Labels;
import org.bytedeco.opencv.opencv_core.Mat;

/** Shared steps of the batch mixes: checking the batch, drawing partners, joining labels. */
final class BatchMix {
    private BatchMix() {}

    /** Throws unless the batch is non-empty and every main image has the first one's size, channels and type. */
    static void check(String transform, List<Sample> batch) {
        if (batch == null || batch.isEmpty()) throw new IllegalArgumentException(transform + ": the batch is empty");
        Mat first = batch.get(0).image();
        for (int i = 1; i < batch.size(); i++) {
            Mat m = batch.get(i).image();
            if (m.cols() != first.cols() || m.rows() != first.rows() || m.type() != first.type()) {
                throw new IllegalArgumentException(transform + ": images in a batch must share one size and type; sample 0 is "
                        + Mats.describe(first) + ", sample " + i + " is " + Mats.describe(m));
            }
        }
    }

    /** A uniform random permutation: sample {@code i}'s partner is {@code perm[i]}. */
    static int[] partners(int n, RandomGenerator rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /** Whether {@code b} can be mixed into {@code a} (same size and type). */
    static boolean compatible(Mat a, Mat b) {
        return b != null && a.cols() == b.cols() && a.rows() == b.rows() && a.type() == b.type();
    }

    /** Copies of every mask of {@code s}, so that the output owns its matrices. */
    static Map<String, Mat> cloneMasks(Sample s) {
        Map<String, Mat> out = new LinkedHashMap<>();
        for (Map.Entry<String, Mat> e : s.masks().entrySet()) out.put(e.getKey(), e.getValue().clone());
        return out;
    }

    /** Rows of {@code ra} then {@code rb}, with their label columns (which must have the same names). */
    static Labels join(String transform, Labels la, int[] ka, Labels lb, int[] kb) {
        Labels a = la.select(ka), b = lb.select(kb);
        if (ka.length == 0 && kb.length == 0) return a.names().isEmpty() ? b : a;
        if (kb.length == 0) return a;
        if (ka.length == 0) return b;
        if (!a.names().equals(b.names())) {
            throw new IllegalArgumentException(transform + ": partners' label fields differ: " + a.names() + " vs " + b.names());
        }
        Map<String, List<Object>> cols = new LinkedHashMap<>();
        for (String n : a.names()) {
            List<Object> c = new ArrayList<>(a.get(n));
            c.addAll(b.get(n));
            cols.put(n, c);
        }
        return Labels.of(cols, ka.length + kb.length);
    }

    static BoundingBoxes boxes(String transform, BoundingBoxes a, int[] ka, double[][] rowsA, BoundingBoxes b, int[] kb, double[][] rowsB) {
        double[][] all = new double[ka.length + kb.length][];
        for (int i = 0; i < ka.length; i++) all[i] = rowsA[ka[i]];
        for (int i = 0; i < kb.length; i++) all[ka.length + i] = rowsB[kb[i]];
        return BoundingBoxes.unclipped(all, join(transform, a.labels(), ka, b.labels(), kb));
    }

    static Keypoints keypoints(String transform, Keypoints a, int[] ka, Keypoints b, int[] kb) {
        double[][] pa = a.toArray(), pb = b.toArray();
        double[][] all = new double[ka.length + kb.length][];
        for (int i = 0; i < ka.length; i++) all[i] = pa[ka[i]];
        for (int i = 0; i < kb.length; i++) all[ka.length + i] = pb[kb[i]];
        return Keypoints.of(all, join(transform, a.labels(), ka, b.labels(), kb));
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }
}
