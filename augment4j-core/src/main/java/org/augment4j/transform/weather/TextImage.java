package org.augment4j.transform.weather;

import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Renders text into boxes. Albumentations' {@code TextImage} (2.x): {@code font_path} a TrueType file (here optional:
 * without it the JVM's logical font {@code "SansSerif"}), {@code stopwords} for insertion (default
 * {@code ["the", "is", "in", "at", "of"]}), {@code augmentations} a list of {@code "insertion"}, {@code "swap"},
 * {@code "deletion"} or null (no change) of which one is picked per box (default {@code [null]}), {@code fraction_range}
 * the fraction of boxes drawn, within [0, 1] (default {@code [1, 1]}), {@code font_size_fraction_range} the font size as
 * a fraction of the box height, within [0, 1] (default {@code [0.8, 0.9]}), {@code font_color} in uint8 units (default
 * {@code [0, 0, 0]}), {@code clear_bg} inpaint the boxes first (default false), {@code metadata_key} (default
 * {@code "textimage_metadata"}), p = 0.5. Targets: image, 1, 3 or 4 channels.
 *
 * <p>The sample's metadata under {@code metadata_key} is a list of maps {@code {bbox: [x1, y1, x2, y2] normalised, text}}
 * (or one such map); without it the image is unchanged. A word augmentation changes {@code max(1, int(words · 0.5))}
 * words; like Albumentations, a result equal to the original draws nothing. See {@link TextKernels#render}.
 */
public final class TextImage extends PixelTransform<TextImage.Overlay> {
    /** The boxes drawn (pixels {@code [x_min, y_min, x_max, y_max]}), their metadata indices, font sizes and texts. */
    public record Overlay(int[][] bboxCoords, int[] bboxIndices, int[] fontSizes, String[] texts) {}

    private static final List<String> AUGMENTATIONS = Arrays.asList("insertion", "swap", "deletion", null);

    private final String fontPath;
    private final Font font;
    private final List<String> stopwords;
    private final List<String> augmentations;
    private final Range fractionRange;
    private final Range fontSizeFractionRange;
    private final double[] fontColor;
    private final boolean clearBg;
    private final String metadataKey;

    /**
     * @param fontPath              {@code font_path}: a TrueType file, or null for the JVM's "SansSerif" font
     * @param stopwords             {@code stopwords}: words for the insertion augmentation, non-empty, no nulls
     * @param augmentations         {@code augmentations}: {@code "insertion"}, {@code "swap"}, {@code "deletion"} or null
     *                              (no change) entries, one picked per box
     * @param fractionRange         {@code fraction_range}: range of the fraction of boxes drawn, within [0, 1]
     * @param fontSizeFractionRange {@code font_size_fraction_range}: font size as a fraction of the box height, within [0, 1]
     * @param fontColor             {@code font_color}: 1 to 4 channel values in uint8 units, each in [0, 255]
     * @param clearBg               {@code clear_bg}: whether the boxes are inpainted before drawing
     * @param metadataKey           {@code metadata_key}: metadata key of the text boxes, non-empty
     * @param p                     probability of applying the transform, in [0, 1]
     */
    public TextImage(String fontPath, List<String> stopwords, List<String> augmentations, Range fractionRange, Range fontSizeFractionRange,
                     double[] fontColor, boolean clearBg, String metadataKey, double p) {
        this(fontPath, fontPath == null ? null : Path.of(fontPath), stopwords, augmentations, fractionRange, fontSizeFractionRange, fontColor, clearBg,
                metadataKey, p);
    }

    /** {@code fontPath} as written, read from {@code fontFile} (a pipeline file's font resolved by {@link Params#file}). */
    private TextImage(String fontPath, Path fontFile, List<String> stopwords, List<String> augmentations, Range fractionRange, Range fontSizeFractionRange,
                      double[] fontColor, boolean clearBg, String metadataKey, double p) {
        super(p);
        this.fontPath = fontPath;
        this.font = loadFont(fontPath, fontFile);
        Check.that(stopwords != null && !stopwords.isEmpty() && stopwords.stream().noneMatch(java.util.Objects::isNull), name(), "stopwords must be a non-empty list of strings, got " + stopwords);
        this.stopwords = List.copyOf(stopwords);
        Check.that(augmentations != null && AUGMENTATIONS.containsAll(augmentations), name(),
                "augmentations must be a list of " + AUGMENTATIONS + ", got " + augmentations);
        this.augmentations = java.util.Collections.unmodifiableList(new ArrayList<>(augmentations));
        this.fractionRange = Check.range(name(), "fraction_range", fractionRange, 0, 1);
        this.fontSizeFractionRange = Check.range(name(), "font_size_fraction_range", fontSizeFractionRange, 0, 1);
        Check.that(fontColor.length >= 1 && fontColor.length <= 4 && Arrays.stream(fontColor).allMatch(v -> v >= 0 && v <= 255), name(),
                "font_color must be 1 to 4 values in [0, 255], got " + Arrays.toString(fontColor));
        this.fontColor = fontColor.clone();
        this.clearBg = clearBg;
        Check.that(metadataKey != null && !metadataKey.isEmpty(), name(), "metadata_key must be a non-empty string");
        this.metadataKey = metadataKey;
    }

    /**
     * With Albumentations' defaults: no font file, stopwords ["the", "is", "in", "at", "of"], augmentations [null],
     * fraction_range [1, 1], font_size_fraction_range [0.8, 0.9], font_color [0, 0, 0], clear_bg false, metadata_key
     * "textimage_metadata", p = 0.5.
     */
    public TextImage() {
        this(null, List.of("the", "is", "in", "at", "of"), Arrays.asList((String) null), Range.fixed(1), Range.of(0.8, 0.9), new double[] {0, 0, 0},
                false, "textimage_metadata", 0.5);
    }

    private Font loadFont(String path, Path file) {
        if (file == null) return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        try {
            return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
        } catch (java.awt.FontFormatException | java.io.IOException e) {
            throw new IllegalArgumentException(name() + ": font_path '" + path + "' is not a readable TrueType font: " + e.getMessage(), e);
        }
    }

    static TextImage fromDict(Params r) {
        String font = r.string("font_path", null);
        return new TextImage(font, font == null ? null : r.file("font_path", font), strings(r, "stopwords", List.of("the", "is", "in", "at", "of")),
                strings(r, "augmentations", Arrays.asList((String) null)), r.range("fraction_range", Range.fixed(1), Params.Scalar.FIXED),
                r.range("font_size_fraction_range", Range.of(0.8, 0.9), Params.Scalar.FIXED), r.numbers("font_color", new double[] {0, 0, 0}),
                r.bool("clear_bg", false), r.string("metadata_key", "textimage_metadata"), r.p(0.5));
    }

    private static List<String> strings(Params r, String name, List<String> def) {
        Object v = r.raw(name);
        if (v == null) return def;
        if (v instanceof String s) return List.of(s);
        if (v instanceof List<?> l && l.stream().allMatch(o -> o == null || o instanceof String)) return Arrays.asList(l.toArray(String[]::new));
        throw r.error(name, "must be a list of strings, got " + v);
    }

    @Override
    public Overlay sampleParams(Sample sample, RandomGenerator rng) {
        Object meta = sample.metadata().get(metadataKey);
        if (meta == null) return new Overlay(new int[0][], new int[0], new int[0], new String[0]);
        List<?> items = meta instanceof Map<?, ?> ? List.of(meta) : meta instanceof List<?> l ? l : null;
        Check.that(items != null, name(), "metadata '" + metadataKey + "' must be a list of {bbox, text} maps, got " + meta);
        if (items.isEmpty()) return new Overlay(new int[0][], new int[0], new int[0], new String[0]);
        double fraction = fractionRange.uniform(rng);
        List<Integer> chosen = TextKernels.sample(items.size(), (int) (items.size() * fraction), rng);
        int n = chosen.size();
        int[][] boxes = new int[n][];
        int[] sizes = new int[n];
        String[] texts = new String[n];
        int w = sample.width(), h = sample.height();
        for (int k = 0; k < n; k++) {
            Object item = items.get(chosen.get(k));
            Check.that(item instanceof Map<?, ?> m && m.get("bbox") instanceof List<?> && m.get("text") instanceof String, name(),
                    "each metadata entry needs bbox (4 normalised numbers) and text, got " + item);
            List<?> b = (List<?>) ((Map<?, ?>) item).get("bbox");
            double[] bb = b.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
            Check.that(bb.length >= 4 && 0 <= bb[0] && bb[0] < bb[2] && bb[2] <= 1 && 0 <= bb[1] && bb[1] < bb[3] && bb[3] <= 1, name(),
                    "bbox must be normalised [x_min, y_min, x_max, y_max] with min < max, got " + b);
            boxes[k] = new int[] {(int) (bb[0] * w), (int) (bb[1] * h), (int) (bb[2] * w), (int) (bb[3] * h)};
            sizes[k] = (int) (fontSizeFractionRange.uniform(rng) * (boxes[k][3] - boxes[k][1]));
            String text = (String) ((Map<?, ?>) item).get("text");
            texts[k] = augmentations.isEmpty() ? text : augment(text, augmentations.get(rng.nextInt(augmentations.size())), rng);
        }
        return new Overlay(boxes, chosen.stream().mapToInt(Integer::intValue).toArray(), sizes, texts);
    }

    private String augment(String text, String choice, RandomGenerator rng) {
        if (choice == null) return text;
        List<String> words = Arrays.stream(text.split("\\s+")).filter(s -> !s.isEmpty()).toList();
        int n = Math.max(1, (int) (words.size() * 0.5));
        String out = switch (choice) {
            case "insertion" -> TextKernels.insert(words, n, stopwords, rng);
            case "swap" -> TextKernels.swap(words, n, rng);
            default -> TextKernels.delete(words, n, rng);
        };
        out = out.replaceAll(" +", " ").strip();
        return out.equals(text) ? "" : out;
    }

    @Override
    protected Mat applyToImage(Mat image, Overlay o) {
        if (o.texts().length == 0) return image.clone();
        return TextKernels.render(image, font, o.bboxCoords(), o.fontSizes(), o.texts(), fontColor, clearBg, name());
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("font_path", fontPath);
        m.put("stopwords", stopwords);
        m.put("augmentations", augmentations);
        m.put("fraction_range", fractionRange);
        m.put("font_size_fraction_range", fontSizeFractionRange);
        m.put("font_color", Arrays.stream(fontColor).boxed().toList());
        m.put("clear_bg", clearBg);
        m.put("metadata_key", metadataKey);
        return m;
    }
}
