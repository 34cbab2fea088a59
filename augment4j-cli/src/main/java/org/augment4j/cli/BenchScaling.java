package org.augment4j.cli;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.augment4j.opencv.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Cost against image size: turns the CSVs of {@code augment4j bench --size S --out DIR/bench-S.csv} (one per size)
 * into a markdown table and a log-log PNG plot.
 *
 * <p>Run it from the repository root after building the CLI jar:
 * <pre>java -cp augment4j-cli/target/augment4j.jar org.augment4j.cli.BenchScaling DIR docs/scaling.png &gt; table.md</pre>
 * The table has, per row, µs per image and µs per megapixel at each size, and the ratio of µs/MP at the largest size
 * to µs/MP at 512 (or at the smallest size above it when 512 is missing), flagged when above {@value #LIMIT}. Rows whose output has a fixed
 * size whatever the input (crops to a fixed size, Resize, the pipelines that start with one) are marked
 * {@code fixed output}: their cost is not meant to grow with the input's pixels, and they are not flagged. The plot
 * draws, per transform family, the geometric mean over its rows of µs per image against the input's pixels, with a
 * dashed line of slope 1 (cost proportional to pixels) for reference.
 */
public final class BenchScaling {
    /** The largest allowed ratio of µs per megapixel at the largest size to that at 512. */
    static final double LIMIT = 1.3;

    /** The size the ratio is taken against, in pixels per side. */
    static final int BASE = 512;

    /** Family of each known row; unknown rows are "other". */
    static final Map<String, String> FAMILIES = families();

    /** The output of rows whose output size does not follow the input's (they are not flagged). */
    static final Map<String, String> FIXED_OUTPUT = Map.of(
            "RandomResizedCrop", "512 × 512",
            "RandomSizedCrop", "512 × 512",
            "Resize", "256 × 256",
            "CenterCrop", "256 × 256 crop",
            "SeedPipelineA_image_mask", "starts with RandomSizedCrop to 512 × 512",
            "SeedPipelineC_image_mask_bboxes_kps", "starts with RandomSizedCrop to 512 × 512",
            "Real_Classification_SimCLR", "starts with RandomResizedCrop to 224 × 224",
            "Real_Detection_YOLO", "LongestMaxSize 640 + PadIfNeeded to 640 × 640",
            "Real_Segmentation_NonRigid", "starts with RandomCrop 256 × 256");

    private static final Pattern CSV_NAME = Pattern.compile("bench-(\\d+)\\.csv");

    private BenchScaling() {}

    private static Map<String, String> families() {
        Map<String, String> f = new LinkedHashMap<>();
        for (String r : List.of("HorizontalFlip", "VerticalFlip", "Transpose", "RandomRotate90")) f.put(r, "flips");
        for (String r : List.of("RandomResizedCrop", "RandomSizedCrop", "Resize", "CenterCrop")) f.put(r, "crops & resize");
        for (String r : List.of("Rotate", "Affine", "ShiftScaleRotate", "Perspective")) f.put(r, "geometric warps");
        for (String r : List.of("ElasticTransform", "GridDistortion", "OpticalDistortion")) f.put(r, "distortions");
        for (String r : List.of("Blur", "GaussianBlur", "MedianBlur", "MotionBlur", "Sharpen")) f.put(r, "blurs");
        f.put("GaussNoise", "noise");
        for (String r : List.of("RGBShift", "HueSaturationValue", "RandomBrightnessContrast", "ColorJitter", "ToGray", "CLAHE", "Equalize",
                "Posterize", "Solarize", "InvertImg", "Normalize", "RandomGamma")) f.put(r, "colour");
        for (String r : List.of("CoarseDropout", "Cutout")) f.put(r, "dropout");
        for (String r : List.of("SeedPipelineA_image_mask", "SeedPipelineC_image_mask_bboxes_kps", "Real_Classification_SimCLR",
                "Real_Detection_YOLO", "Real_Segmentation_NonRigid")) f.put(r, "pipelines");
        return Map.copyOf(f);
    }

    /** The family of a row name ({@code "other"} for rows not in {@link #FAMILIES}). */
    static String family(String row) {
        return FAMILIES.getOrDefault(row, "other");
    }

    /**
     * Images per second by row (in the order first seen) and size (ascending), from {@code bench-S.csv} files.
     *
     * @throws IllegalArgumentException if a file has no {@code transform,images_per_sec} header or a rate is not a positive number
     */
    static Map<String, TreeMap<Integer, Double>> read(Map<Integer, Path> csvBySize) {
        Map<String, TreeMap<Integer, Double>> rates = new LinkedHashMap<>();
        for (Map.Entry<Integer, Path> e : new TreeMap<>(csvBySize).entrySet()) {
            Map<String, Double> rows;
            try {
                rows = BenchReference.read(e.getValue());   // the same transform,images_per_sec CSV that --compare reads
            } catch (Errors.CliException x) {
                throw new IllegalArgumentException(x.getMessage(), x);
            }
            rows.forEach((row, rate) -> {
                if (!(rate > 0)) throw new IllegalArgumentException(e.getValue() + ": rate of " + row + " must be positive, got " + rate);
                rates.computeIfAbsent(row, k -> new TreeMap<>()).put(e.getKey(), rate);
            });
        }
        return rates;
    }

    /** The {@code bench-S.csv} files of a folder, by S. */
    static Map<Integer, Path> csvFiles(Path dir) {
        Map<Integer, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> {
                Matcher m = CSV_NAME.matcher(p.getFileName().toString());
                if (m.matches()) out.put(Integer.parseInt(m.group(1)), p);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no bench-S.csv files in " + dir);
        return out;
    }

    /** µs per image at {@code rate} images/s. */
    static double microsPerImage(double rate) {
        return 1e6 / rate;
    }

    /** µs per megapixel (10⁶ pixels) at {@code rate} images/s on {@code size × size} images. */
    static double microsPerMegapixel(double rate, int size) {
        return microsPerImage(rate) / ((double) size * size / 1e6);
    }

    /**
     * (µs/MP at the largest size) / (µs/MP at the base size), or NaN when the row lacks either; the base is
     * {@value #BASE}, or the smallest size above it when 512 is missing.
     */
    static double ratio(TreeMap<Integer, Double> rates) {
        Integer base = rates.ceilingKey(BASE);
        if (base == null || base.equals(rates.lastKey())) return Double.NaN;
        int top = rates.lastKey();
        return microsPerMegapixel(rates.get(top), top) / microsPerMegapixel(rates.get(base), base);
    }

    /** The markdown table: one line per row, µs/image and µs/MP per size, the ratio and its verdict. */
    static String table(Map<String, TreeMap<Integer, Double>> rates) {
        Set<Integer> sizes = new java.util.TreeSet<>();
        rates.values().forEach(m -> sizes.addAll(m.keySet()));
        int top = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        StringBuilder sb = new StringBuilder("| Row | family |");
        for (int s : sizes) sb.append(" µs/img ").append(s).append(" |");
        for (int s : sizes) sb.append(" µs/MP ").append(s).append(" |");
        sb.append(" µs/MP ").append(top).append(" ÷ ").append(BASE).append(" | verdict |\n|---|---|");
        sb.append("---:|".repeat(2 * sizes.size() + 1)).append("---|\n");
        for (Map.Entry<String, TreeMap<Integer, Double>> e : rates.entrySet()) {
            TreeMap<Integer, Double> r = e.getValue();
            sb.append("| ").append(e.getKey()).append(" | ").append(family(e.getKey())).append(" |");
            for (int s : sizes) sb.append(' ').append(r.containsKey(s) ? number(microsPerImage(r.get(s))) : "—").append(" |");
            for (int s : sizes) sb.append(' ').append(r.containsKey(s) ? number(microsPerMegapixel(r.get(s), s)) : "—").append(" |");
            double q = ratio(r);
            sb.append(' ').append(Double.isNaN(q) ? "—" : String.format(Locale.ROOT, "%.2f", q)).append(" | ").append(verdict(e.getKey(), q)).append(" |\n");
        }
        return sb.toString();
    }

    /** "ok", "**above 1.3**", "fixed output (…)" or "—" (not measured at both sizes). */
    static String verdict(String row, double ratio) {
        if (FIXED_OUTPUT.containsKey(row)) return "fixed output (" + FIXED_OUTPUT.get(row) + ")";
        if (Double.isNaN(ratio)) return "—";
        return ratio > LIMIT ? "**above " + LIMIT + "**" : "ok";
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Per family (in {@link #FAMILIES} order, then "other"), the geometric mean of its rows' µs per image at each size. */
    static Map<String, TreeMap<Integer, Double>> familyMeans(Map<String, TreeMap<Integer, Double>> rates) {
        Map<String, Map<Integer, List<Double>>> logs = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Integer, Double>> e : rates.entrySet()) {
            Map<Integer, List<Double>> f = logs.computeIfAbsent(family(e.getKey()), k -> new TreeMap<>());
            e.getValue().forEach((s, rate) -> f.computeIfAbsent(s, k -> new ArrayList<>()).add(Math.log(microsPerImage(rate))));
        }
        Map<String, TreeMap<Integer, Double>> out = new LinkedHashMap<>();
        for (String fam : familyOrder(logs.keySet())) {
            TreeMap<Integer, Double> m = new TreeMap<>();
            logs.get(fam).forEach((s, l) -> m.put(s, Math.exp(l.stream().mapToDouble(Double::doubleValue).average().orElseThrow())));
            out.put(fam, m);
        }
        return out;
    }

    private static List<String> familyOrder(Set<String> present) {
        Set<String> order = new LinkedHashSet<>(List.of("flips", "crops & resize", "geometric warps", "distortions", "blurs", "noise", "colour",
                "dropout", "pipelines", "other"));
        order.retainAll(present);
        return new ArrayList<>(order);
    }

    /** Line colours (RGB), one per family in order. */
    private static final int[][] COLOURS = {
        {31, 119, 180}, {255, 127, 14}, {44, 160, 44}, {214, 39, 40}, {148, 103, 189}, {140, 86, 75}, {227, 119, 194}, {127, 127, 127},
        {188, 189, 34}, {23, 190, 207}};

    /**
     * Draws the log-log plot (µs per image against pixels, one line per family) as a {@code width × height} RGB image;
     * the caller releases it.
     */
    static Mat plot(Map<String, TreeMap<Integer, Double>> familyMeans, int width, int height) {
        int left = 90, right = 210, top = 40, bottom = 60;
        double minPx = Double.MAX_VALUE, maxPx = 0, minUs = Double.MAX_VALUE, maxUs = 0;
        for (TreeMap<Integer, Double> m : familyMeans.values()) {
            for (Map.Entry<Integer, Double> e : m.entrySet()) {
                double px = (double) e.getKey() * e.getKey();
                minPx = Math.min(minPx, px);
                maxPx = Math.max(maxPx, px);
                minUs = Math.min(minUs, e.getValue());
                maxUs = Math.max(maxUs, e.getValue());
            }
        }
        double x0 = Math.log10(minPx) - 0.1, x1 = Math.log10(maxPx) + 0.1;
        double y0 = Math.floor(Math.log10(minUs)), y1 = Math.ceil(Math.log10(maxUs));
        if (y1 <= y0) y1 = y0 + 1;
        if (x1 <= x0) x1 = x0 + 1;
        Axes ax = new Axes(left, top, width - left - right, height - top - bottom, x0, x1, y0, y1);
        Mat img = new Mat(height, width, CV_8UC3, rgb(255, 255, 255));
        // grid and y labels: one line per decade of µs
        for (int d = (int) y0; d <= (int) y1; d++) {
            int y = ax.y(d);
            line(img, new Point(left, y), new Point(width - right, y), rgb(225, 225, 225), 1, LINE_AA, 0);
            text(img, d < 3 ? String.format(Locale.ROOT, "%.0f us", Math.pow(10, d)) : d < 6 ? String.format(Locale.ROOT, "%.0f ms", Math.pow(10, d - 3))
                    : String.format(Locale.ROOT, "%.0f s", Math.pow(10, d - 6)), 8, y + 5, 0.45, rgb(60, 60, 60));
        }
        // x ticks at the measured sizes
        Set<Integer> sizes = new java.util.TreeSet<>();
        familyMeans.values().forEach(m -> sizes.addAll(m.keySet()));
        for (int s : sizes) {
            int x = ax.x(Math.log10((double) s * s));
            line(img, new Point(x, top), new Point(x, height - bottom), rgb(225, 225, 225), 1, LINE_AA, 0);
            text(img, s + "x" + s, x - 30, height - bottom + 20, 0.45, rgb(60, 60, 60));
        }
        line(img, new Point(left, top), new Point(left, height - bottom), rgb(0, 0, 0), 1, LINE_AA, 0);
        line(img, new Point(left, height - bottom), new Point(width - right, height - bottom), rgb(0, 0, 0), 1, LINE_AA, 0);
        text(img, "input pixels (log scale)", left + (width - left - right) / 2 - 90, height - 15, 0.5, rgb(0, 0, 0));
        text(img, "time per image, one thread (log scale): geometric mean per family", left, top - 15, 0.5, rgb(0, 0, 0));
        // reference: cost proportional to pixels, through the first family's first point
        if (!familyMeans.isEmpty()) {
            Map.Entry<Integer, Double> first = familyMeans.values().iterator().next().firstEntry();
            double lx0 = Math.log10((double) first.getKey() * first.getKey()), ly0 = Math.log10(first.getValue());
            dashed(img, ax, lx0, ly0, Math.log10(maxPx), ly0 + Math.log10(maxPx) - lx0, rgb(0, 0, 0));
        }
        int i = 0;
        for (Map.Entry<String, TreeMap<Integer, Double>> f : familyMeans.entrySet()) {
            int[] c = COLOURS[i % COLOURS.length];
            Scalar colour = rgb(c[0], c[1], c[2]);
            Point prev = null;
            for (Map.Entry<Integer, Double> e : f.getValue().entrySet()) {
                Point p = new Point(ax.x(Math.log10((double) e.getKey() * e.getKey())), ax.y(Math.log10(e.getValue())));
                circle(img, p, 4, colour, -1, LINE_AA, 0);
                if (prev != null) line(img, prev, p, colour, 2, LINE_AA, 0);
                prev = p;
            }
            int ly = top + 20 + 22 * i;
            line(img, new Point(width - right + 15, ly - 4), new Point(width - right + 40, ly - 4), colour, 2, LINE_AA, 0);
            text(img, f.getKey(), width - right + 48, ly, 0.45, rgb(0, 0, 0));
            i++;
        }
        int ly = top + 20 + 22 * i;
        dashedPixels(img, width - right + 15, ly - 4, width - right + 40, ly - 4, rgb(0, 0, 0));
        text(img, "slope 1 (prop. to pixels)", width - right + 48, ly, 0.4, rgb(0, 0, 0));
        return img;
    }

    /** Maps log10 values to pixel positions of the plotting area. */
    private record Axes(int left, int top, int w, int h, double x0, double x1, double y0, double y1) {
        int x(double lx) {
            return left + (int) Math.round((lx - x0) / (x1 - x0) * w);
        }

        int y(double ly) {
            return top + h - (int) Math.round((ly - y0) / (y1 - y0) * h);
        }
    }

    private static void dashed(Mat img, Axes ax, double lx0, double ly0, double lx1, double ly1, Scalar colour) {
        dashedPixels(img, ax.x(lx0), ax.y(ly0), ax.x(lx1), ax.y(ly1), colour);
    }

    private static void dashedPixels(Mat img, int xa, int ya, int xb, int yb, Scalar colour) {
        double len = Math.hypot(xb - xa, yb - ya);
        int dashes = Math.max(1, (int) (len / 8));
        for (int k = 0; k < dashes; k += 2) {
            double t0 = (double) k / dashes, t1 = Math.min(1, (double) (k + 1) / dashes);
            line(img, new Point((int) (xa + t0 * (xb - xa)), (int) (ya + t0 * (yb - ya))), new Point((int) (xa + t1 * (xb - xa)), (int) (ya + t1 * (yb - ya))),
                    colour, 1, LINE_AA, 0);
        }
    }

    private static void text(Mat img, String s, int x, int y, double scale, Scalar colour) {
        putText(img, s, new Point(x, y), FONT_HERSHEY_SIMPLEX, scale, colour, 1, LINE_AA, false);
    }

    /** A colour for an RGB canvas (ImageIO.write converts RGB to the file's BGR). */
    private static Scalar rgb(int r, int g, int b) {
        return new Scalar(r, g, b, 0);
    }

    /**
     * {@code BenchScaling DIR PLOT.png}: reads {@code DIR/bench-S.csv} for every S, prints the markdown table to stdout
     * and writes the plot (900 × 560 pixels) to {@code PLOT.png}.
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: BenchScaling DIR PLOT.png   (DIR holds bench-S.csv files from augment4j bench --size S --out)");
            System.exit(2);
        }
        Map<String, TreeMap<Integer, Double>> rates = read(csvFiles(Path.of(args[0])));
        System.out.print(table(rates));
        try (Mat img = plot(familyMeans(rates), 900, 560)) {
            ImageIO.write(Path.of(args[1]), img);
        }
    }
}
