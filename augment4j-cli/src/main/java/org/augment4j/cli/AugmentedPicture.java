package org.augment4j.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.AppliedTransform;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetObject;
import org.augment4j.datasets.MaskFolders;
import org.augment4j.datasets.ObjectAugmenter;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One augmentation of a dataset image, drawn: what {@code preview} puts in each cell and what {@code explore} shows.
 *
 * @param picture     the augmented image {@code height} pixels high with its surviving objects drawn
 * @param applied     the transforms that ran with their sampled parameters, as {@code applied.json} has them
 * @param pixelSha256 the SHA-256 (hex) of the augmented image's pixel bytes (row-major, RGB), before any drawing: equal
 *                    for equal outputs, whatever draws them
 * @param width       the augmented image's width in pixels
 * @param height      its height in pixels
 * @param objects     how many of the image's objects survived
 */
record AugmentedPicture(BufferedImage picture, List<Map<String, Object>> applied, String pixelSha256, int width, int height, int objects) {

    /** Reads {@code img} (and its label masks), augments it with {@code seed} and draws the result. */
    static AugmentedPicture of(ObjectAugmenter augmenter, Dataset dataset, DatasetImage img, long seed, List<int[]> skeleton, int height) {
        try (Mat image = ImageIO.readRgb(img.file())) {
            return of(augmenter, dataset, img, image, seed, skeleton, height);
        }
    }

    /** As {@link #of(ObjectAugmenter, Dataset, DatasetImage, long, List, int)} with {@code img}'s pixels already read (RGB, the caller's). */
    static AugmentedPicture of(ObjectAugmenter augmenter, Dataset dataset, DatasetImage img, Mat image, long seed, List<int[]> skeleton, int height) {
        Map<String, Mat> masks = new LinkedHashMap<>();
        ObjectAugmenter.Result r = null;
        try {
            for (Map.Entry<String, Path> m : maskFiles(img).entrySet()) masks.put(m.getKey(), ImageIO.readMask(m.getValue()));
            r = augmenter.apply(img, image, masks, seed);
            return new AugmentedPicture(draw(r, dataset, skeleton, height), ApplyCommand.applied(r.applied()), sha256(r.image()),
                    r.image().cols(), r.image().rows(), r.kept().size());
        } finally {
            masks.values().forEach(Mat::close);
            if (r != null) {
                r.image().close();
                r.masks().values().forEach(Mat::close);
            }
        }
    }

    /** The SHA-256 (hex) of a matrix's pixel bytes. */
    static String sha256(Mat m) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Mats.toBytes(m)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An augmented image drawn at {@code height} pixels with its surviving objects: boxes with their category names,
     * keypoints joined by {@code skeleton}, and the objects' instance map (else the first label mask) as the overlay.
     */
    static BufferedImage draw(ObjectAugmenter.Result r, Dataset dataset, List<int[]> skeleton, int height) {
        Mat result = r.image();
        int w = result.cols(), h = result.rows();
        List<Preview.Box> boxes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Preview.Point> points = new ArrayList<>();
        for (int k = 0; k < r.kept().size(); k++) {
            DatasetObject o = r.kept().get(k);
            double[] b = o.bbox();
            boxes.add(new Preview.Box(b[0], b[1], b[0] + b[2], b[1] + b[3], o.categoryId()));
            names.add(dataset.categoryLabel(o.categoryId()));
            double[] kp = o.keypoints();
            if (kp == null) continue;
            for (int j = 0; 3 * j + 2 < kp.length; j++) {
                if (kp[3 * j + 2] > 0) points.add(new Preview.Point(kp[3 * j], kp[3 * j + 1], j, k));
            }
        }
        try (Mat mask = PreviewLabels.instanceMap(r.kept(), w, h)) {
            Mat drawn = mask != null ? mask : r.masks().values().stream().findFirst().orElse(null);
            BufferedImage thumb = Preview.thumbnail(result, drawn, boxes, points, skeleton, height);
            Preview.labelBoxes(thumb, w, h, boxes, names);
            return thumb;
        }
    }

    /** The label masks of a mask-folder image (name → file), empty for other formats. */
    @SuppressWarnings("unchecked")
    static Map<String, Path> maskFiles(DatasetImage img) {
        Object m = img.extra().get(MaskFolders.MASKS);
        return m == null ? Map.of() : (Map<String, Path>) m;
    }
}
