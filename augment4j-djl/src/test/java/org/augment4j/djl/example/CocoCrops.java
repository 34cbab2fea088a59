package org.augment4j.djl.example;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.datasets.CocoReader;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetObject;
import org.augment4j.loader.SampleSource;
import org.augment4j.opencv.ImageIO;

/**
 * A small labelled image set for classification, built from a COCO folder: one square crop around every object of the
 * most common categories, labelled by its category, and split deterministically into training and validation crops.
 *
 * <p>The crop of an object is a square of side {@code max(w, h) × }{@link #CONTEXT} around its box centre, at least
 * {@link #MIN_SIDE} pixels (tiny objects come with their surroundings, as a detector's region proposal would), at most
 * the image's shorter side, moved inside the image where it would cross an edge; it is then resized to
 * {@code size × size} by an augment4j {@code Crop} + {@code Resize} pipeline. Crowd annotations are left out.
 *
 * <p>The split is per category, in dataset order: object {@code i} of a category (counting from 0) is a validation
 * crop when {@code i % validationEvery == 1}, a training crop otherwise, so every category is in both parts in its
 * proportions. It is a split of objects, not of images: in the bundled sample, books come from one image and chairs
 * from two, so holding out whole images would leave a category without training or without validation crops. Crops
 * of the same image share its light and background, which flatters validation accuracy; the point of the example is
 * the comparison of two runs on the same split, not the accuracy itself.
 *
 * <p>Owns the crops' native matrices; {@link #close()} releases them.
 */
public final class CocoCrops implements AutoCloseable {
    /** How much larger than the object's longer side the square crop is (1.25: an eighth of context each side). */
    public static final double CONTEXT = 1.25;
    /** The smallest crop side, in pixels of the original image. */
    public static final int MIN_SIDE = 32;
    /** The {@link Sample#metadata()} key of the crop's source image file name (a {@link String}). */
    public static final String IMAGE = "coco_image";

    private final List<String> classes;
    private final List<Sample> train;
    private final List<Sample> validation;

    private CocoCrops(List<String> classes, List<Sample> train, List<Sample> validation) {
        this.classes = List.copyOf(classes);
        this.train = List.copyOf(train);
        this.validation = List.copyOf(validation);
    }

    /**
     * Reads the COCO folder {@code cocoDir} (see {@link CocoReader#read(Path)}) and crops the objects of its
     * {@code categories} most common categories (by non-crowd object count; ties by category id).
     *
     * @param cocoDir         a COCO folder with {@code annotations/instances.json} and {@code images/}
     * @param categories      how many categories to keep, >= 2
     * @param size            the side of the square crops, in pixels, >= 8
     * @param validationEvery one object of every {@code validationEvery} of a category is a validation crop, >= 2
     * @throws IllegalArgumentException for an argument out of range, or a category with fewer than
     *                                  {@code validationEvery} objects (it would have no validation crop)
     */
    public static CocoCrops build(Path cocoDir, int categories, int size, int validationEvery) {
        if (categories < 2) throw new IllegalArgumentException("categories must be >= 2, got " + categories);
        if (size < 8) throw new IllegalArgumentException("size must be >= 8 pixels, got " + size);
        if (validationEvery < 2) throw new IllegalArgumentException("validationEvery must be >= 2, got " + validationEvery);
        Dataset dataset = CocoReader.read(cocoDir);
        List<Integer> kept = mostCommon(dataset, categories);
        for (int id : kept) {
            long n = objects(dataset).stream().filter(o -> o.object().categoryId() == id).count();
            if (n < validationEvery) {
                throw new IllegalArgumentException("category '" + dataset.categoryName(id) + "' has " + n
                        + " objects, fewer than validationEvery " + validationEvery + ": it would have no validation crop");
            }
        }
        List<String> classes = kept.stream().map(dataset::categoryName).toList();
        List<Sample> train = new ArrayList<>(), validation = new ArrayList<>();
        int[] seen = new int[kept.size()];
        try {
            for (DatasetImage image : dataset.images()) {
                List<DatasetObject> wanted = image.objects().stream().filter(o -> !o.crowd() && kept.contains(o.categoryId())).toList();
                if (wanted.isEmpty()) continue;
                try (Sample photo = Sample.of(ImageIO.readRgb(image.file()))) {
                    for (DatasetObject o : wanted) {
                        int c = kept.indexOf(o.categoryId());
                        Sample crop = crop(photo, o.bbox(), size).withMetadata(SampleSource.CLASS_INDEX, c).withMetadata(IMAGE, image.fileName());
                        (seen[c]++ % validationEvery == 1 ? validation : train).add(crop);
                    }
                }
            }
        } catch (RuntimeException e) {
            train.forEach(Sample::close);
            validation.forEach(Sample::close);
            throw e;
        }
        return new CocoCrops(classes, train, validation);
    }

    /** The ids of the {@code n} categories with the most non-crowd objects, most common first (ties: smaller id first). */
    private static List<Integer> mostCommon(Dataset dataset, int n) {
        Map<Integer, Integer> count = new LinkedHashMap<>();
        for (Located o : objects(dataset)) count.merge(o.object().categoryId(), 1, Integer::sum);
        if (count.size() < n) throw new IllegalArgumentException("categories " + n + " > the " + count.size() + " categories with objects");
        return count.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    private record Located(DatasetImage image, DatasetObject object) {}

    private static List<Located> objects(Dataset dataset) {
        List<Located> all = new ArrayList<>();
        for (DatasetImage image : dataset.images()) {
            for (DatasetObject o : image.objects()) if (!o.crowd()) all.add(new Located(image, o));
        }
        return all;
    }

    /** The square crop around {@code bbox} ({@code [x, y, w, h]}, pixels) of {@code photo}, resized to {@code size}. */
    static Sample crop(Sample photo, double[] bbox, int size) {
        int width = photo.width(), height = photo.height();
        int side = (int) Math.round(Math.max(Math.max(bbox[2], bbox[3]) * CONTEXT, MIN_SIDE));
        side = Math.min(side, Math.min(width, height));
        int x0 = clamp((int) Math.round(bbox[0] + bbox[2] / 2 - side / 2.0), 0, width - side);
        int y0 = clamp((int) Math.round(bbox[1] + bbox[3] / 2 - side / 2.0), 0, height - side);
        Compose cut = A.Compose(A.Crop(x0, y0, x0 + side, y0 + side), A.Resize(size, size).with("interpolation", 3));
        return cut.apply(photo, 0L);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** The class names, most common first; a crop's {@link SampleSource#CLASS_INDEX} points into this list. */
    public List<String> classes() {
        return classes;
    }

    /** The training crops (RGB uint8, {@code size × size}), in dataset order; lent, owned by this object. */
    public List<Sample> train() {
        return train;
    }

    /** The validation crops, in dataset order; lent, owned by this object. */
    public List<Sample> validation() {
        return validation;
    }

    /** How many of {@code crops} belong to each class, indexed as {@link #classes()}. */
    public int[] counts(List<Sample> crops) {
        int[] counts = new int[classes.size()];
        for (Sample s : crops) counts[SampleSource.classIndex(s)]++;
        return counts;
    }

    /** The accuracy of always answering the most common class of {@code crops}: its share of them, in [0, 1]. */
    public double majorityAccuracy(List<Sample> crops) {
        int max = java.util.Arrays.stream(counts(crops)).max().orElse(0);
        return crops.isEmpty() ? 0 : (double) max / crops.size();
    }

    /** Releases every crop's matrices. */
    @Override
    public void close() {
        train.forEach(Sample::close);
        validation.forEach(Sample::close);
    }
}
