package org.augment4j.cli;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code augment4j gallery}: one picture per registered transform ({@link TransformRegistry#names()}), each a strip
 * of a bundled COCO sample ({@code samples/coco}) with its instance mask, boxes and person keypoints drawn, before and
 * after the transform at seeds 1 to {@code --seeds}, with the transform's name on it; plus {@code README.md}, an
 * index of the pictures. The project commits the output of {@code --out docs/gallery}.
 *
 * <p>Every image is first resized (with its labels, by the library's {@code Resize}) to {@code --height} rows, the
 * transform is applied at that size with p = 1 inside a {@code Compose} with COCO box and xy keypoint parameters, and
 * the outputs are drawn at the same scale as the input (so a crop looks smaller, a pad larger), shrunk only when more
 * than twice as high or {@value #MAX_WIDTH_FACTOR} times as wide as the input. Float outputs outside [0, 1]
 * ({@code Normalize}) are drawn stretched from their minimum to their maximum. Parameters and sample metadata beyond
 * the defaults come from {@link GalleryPresets}; metadata values in the presets are used as written except these
 * objects, resolved against the bundled samples:
 * <ul>
 *   <li>{@code {"$image": "FILE"}}: that image as an RGB uint8 {@code Mat} resized to {@code --height} rows;</li>
 *   <li>{@code {"$sample": "FILE"}}: that image with its labels, as the input is prepared (for {@code Mosaic});</li>
 *   <li>{@code {"$box": [x_min, y_min, x_max, y_max]}}: a box given as fractions of the input's size, as pixels.</li>
 * </ul>
 * Rendering is deterministic: the same jar gives the same pictures.
 */
@Command(name = "gallery", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw one picture per registered transform: a bundled COCO photo with its mask, boxes and keypoints, "
                + "before and after the transform (p = 1) at fixed seeds, side by side.",
            "Writes DIR/<Transform>.jpg and DIR/README.md (an index). The project's pictures are docs/gallery."})
public final class GalleryCommand implements Callable<Integer> {
    /** JPEG quality of the pictures, in [0, 1]. */
    static final float JPEG_QUALITY = 0.85f;
    /** Outputs wider than this many times the input's height are shrunk to it. */
    static final int MAX_WIDTH_FACTOR = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "gallery", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--height", defaultValue = "160", paramLabel = "PX",
            description = "Rows the samples are resized to before the transform, and of the input thumbnail, in [128, 512] (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "N", description = "Augmented copies, at seeds 1 to N, in [1, 8] (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "Only these transforms (comma-separated); the index is then not written.")
    List<String> only;

    private final BboxParams bboxParams = BboxParams.of(BboxFormat.COCO, "category_id");
    private final KeypointParams keypointParams = KeypointParams.of(KeypointFormat.XY, "keypoint_labels");
    private CocoSamples coco;
    private Path temp;
    /** The resized bundled samples by file name, made on first use; closed at the end. */
    private final Map<String, Sample> inputs = new TreeMap<>();

    @Override
    public Integer call() {
        if (height < 128 || height > 512) throw Errors.bad("--height must be in [128, 512], got " + height);
        if (seeds < 1 || seeds > 8) throw Errors.bad("--seeds must be in [1, 8], got " + seeds);
        List<String> names = TransformRegistry.names();
        if (only != null) {
            for (String n : only) {
                if (!names.contains(n)) throw Errors.bad("--only: '" + n + "' is not a registered transform (see `augment4j list`)");
            }
            names = List.copyOf(only);
        }
        PrintWriter log = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GalleryPresets presets = GalleryPresets.load();
        for (String n : presets.names()) {
            if (!TransformRegistry.contains(n)) throw new IllegalStateException(GalleryPresets.RESOURCE + " has a preset for '" + n + "', which is not registered");
        }
        coco = new CocoSamples(DemoCommand.bundledSamples(this::temp));
        Inputs.createDirectories(out);
        long start = System.nanoTime();
        Map<String, String> failed = new LinkedHashMap<>();
        try {
            for (String name : names) {
                try {
                    writeJpeg(out.resolve(name + ".jpg"), render(name, presets.of(name)));
                } catch (RuntimeException e) {
                    failed.put(name, Errors.describe(e));
                    err.println("gallery: " + name + ": " + Errors.describe(e));
                }
            }
        } finally {
            inputs.values().forEach(Sample::close);
            inputs.clear();
        }
        if (!failed.isEmpty()) {
            err.println("gallery: " + failed.size() + " of " + names.size() + " transforms could not be drawn: " + failed.keySet());
            return 1;
        }
        if (only == null) writeIndex(names, presets);
        log.printf("wrote %d pictures to %s in %.1f s%n", names.size(), out, (System.nanoTime() - start) / 1e9);
        log.flush();
        return 0;
    }

    /** The strip of one transform. */
    private BufferedImage render(String name, GalleryPresets.Preset preset) {
        Map<String, Object> params = new LinkedHashMap<>(preset.params());
        params.put("p", 1.0);
        Transform transform = TransformRegistry.create(name, params);
        Compose compose = Compose.builder().add(transform).bboxParams(bboxParams).keypointParams(keypointParams).build();
        List<Mat> owned = new ArrayList<>();
        List<Sample> ownedSamples = new ArrayList<>();
        Sample base = input(preset.image());
        Sample in = base;
        try {
            if (!preset.before().isEmpty()) {
                Compose.Builder b = Compose.builder().bboxParams(bboxParams).keypointParams(keypointParams);
                for (Map<String, Object> step : preset.before()) {
                    Map.Entry<String, Object> e = step.entrySet().iterator().next();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) e.getValue());
                    p.put("p", 1.0);
                    b.add(TransformRegistry.create(e.getKey(), p));
                }
                in = b.build().apply(base, 0L);
            }
            for (Map.Entry<String, Object> m : preset.metadata().entrySet()) {
                in = in.withMetadata(m.getKey(), resolve(m.getValue(), in, owned, ownedSamples));
            }
            List<BufferedImage> cells = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            cells.add(thumbnail(in, height));
            captions.add("input " + preset.image());
            for (int seed = 1; seed <= seeds; seed++) {
                Sample aug = compose.apply(in, seed);
                try {
                    cells.add(thumbnail(aug, displayHeight(aug)));
                } finally {
                    Sample.releaseReplaced(aug, in, Set.of());
                }
                captions.add("seed " + seed);
            }
            return GalleryStrip.draw(name, subtitle(preset), cells, captions);
        } finally {
            if (in != base) Sample.releaseReplaced(in, base, Set.of());
            owned.forEach(Mats::release);
            ownedSamples.forEach(Sample::close);
        }
    }

    /** The rows an output is drawn with: the input's scale, shrunk to at most twice its height and MAX_WIDTH_FACTOR times it wide. */
    private int displayHeight(Sample s) {
        double scale = Math.min(1.0, Math.min(2.0 * height / s.height(), (double) MAX_WIDTH_FACTOR * height / s.width()));
        return Math.max(1, (int) Math.round(s.height() * scale));
    }

    /** A thumbnail of {@code s}, with float images outside [0, 1] stretched from their minimum to their maximum. */
    private BufferedImage thumbnail(Sample s, int rows) {
        Mat image = s.image();
        if (image.depth() == CV_8U) return DemoCommand.thumbnail(s, coco.skeleton, rows);
        float[] v = Mats.toFloats(image);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        if (min >= 0 && max <= 1) return DemoCommand.thumbnail(s, coco.skeleton, rows);
        try (Mat stretched = new Mat()) {
            image.convertTo(stretched, CV_32F, 1 / Math.max(1e-12, max - min), -min / Math.max(1e-12, max - min));
            Map<String, Mat> images = new LinkedHashMap<>(s.images());
            images.put(images.keySet().iterator().next(), stretched);
            return DemoCommand.thumbnail(s.withImages(images), coco.skeleton, rows);
        }
    }

    /** The bundled sample {@code file} with its labels, resized to {@code --height} rows; owned by {@link #inputs}. */
    private Sample input(String file) {
        Sample cached = inputs.get(file);
        if (cached != null) return cached;
        CocoSamples.Entry entry = coco.entries.stream().filter(e -> file.equals(e.image().get("file_name"))).findFirst()
                .orElseThrow(() -> new IllegalStateException(GalleryPresets.RESOURCE + " names " + file + ", which is not a bundled sample "
                        + coco.entries.stream().map(e -> e.image().get("file_name")).toList()));
        Sample resized;
        try (Sample full = DemoCommand.prepare(entry, bboxParams, keypointParams, coco.keypointNames)) {
            int w = Math.max(1, (int) Math.round((double) full.width() * height / full.height()));
            Compose resize = Compose.builder().add(TransformRegistry.create("Resize", Map.of("height", height, "width", w, "interpolation", 3, "p", 1.0)))
                    .bboxParams(bboxParams).keypointParams(keypointParams).build();
            Sample r = resize.apply(full, 0L);
            // Copy what the resize made and release its matrices; the full-size ones go with `full`.
            Map<String, Mat> images = copies(r.images()), masks = copies(r.masks());
            Sample.releaseReplaced(r, full, Set.of());
            resized = r.withImages(images).withMasks(masks).withoutApplied();
        }
        inputs.put(file, resized);
        return resized;
    }

    private static Map<String, Mat> copies(Map<String, Mat> mats) {
        Map<String, Mat> out = new LinkedHashMap<>();
        mats.forEach((k, m) -> out.put(k, m.clone()));
        return out;
    }

    /** A preset metadata value with its {@code $image}, {@code $sample} and {@code $box} objects resolved (see the class comment). */
    private Object resolve(Object v, Sample in, List<Mat> owned, List<Sample> ownedSamples) {
        if (v instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.get("$image") instanceof String file) {
                Mat copy = input(file).image().clone();
                owned.add(copy);
                return copy;
            }
            if (m.size() == 1 && m.get("$sample") instanceof String file) {
                Sample s = input(file);
                Sample copy = s.withImages(copies(s.images())).withMasks(copies(s.masks()));
                ownedSamples.add(copy);
                return copy;
            }
            if (m.size() == 1 && m.get("$box") instanceof List<?> box) {
                if (box.size() != 4 || !box.stream().allMatch(x -> x instanceof Number)) throw new IllegalStateException("$box must be 4 numbers, got " + box);
                double[] d = box.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
                return new double[] {d[0] * in.width(), d[1] * in.height(), d[2] * in.width(), d[3] * in.height()};
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), resolve(e.getValue(), in, owned, ownedSamples));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(resolve(o, in, owned, ownedSamples));
            return out;
        }
        return v;
    }

    /** The parameters line written on a strip: {@code p=1} then the preset's parameters. */
    static String subtitle(GalleryPresets.Preset preset) {
        StringBuilder b = new StringBuilder("p=1");
        preset.params().forEach((k, v) -> b.append(", ").append(k).append('=').append(json(v)));
        if (!preset.before().isEmpty()) b.append(", after ").append(preset.before().stream().map(s -> s.keySet().iterator().next()).collect(Collectors.joining(", ")));
        return b.toString();
    }

    private static String json(Object v) {
        try {
            return Json.READ.writeValueAsString(v);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(v);
        }
    }

    /** Writes {@code img} as a baseline JPEG of quality {@link #JPEG_QUALITY}. */
    static void writeJpeg(Path file, BufferedImage img) {
        ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream os = javax.imageio.ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(os);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }

    /** DIR/README.md: the table of pictures and how they are made. */
    private void writeIndex(List<String> names, GalleryPresets presets) {
        StringBuilder b = new StringBuilder();
        b.append("# Transform gallery\n\n");
        b.append("One picture per registered transform (").append(names.size()).append("), generated by\n\n");
        b.append("```\n./augment4j gallery --out docs/gallery").append(height != 160 ? " --height " + height : "")
                .append(seeds != 3 ? " --seeds " + seeds : "").append("\n```\n\n");
        b.append("Each strip shows a COCO photo shipped with the project (`samples/coco`) resized to ").append(height)
                .append(" rows, with its instance mask (tinted), boxes (coloured by category) and person keypoints (joined by the COCO skeleton), ")
                .append("then the transform's output at seeds 1 to ").append(seeds).append(", applied with p = 1 inside a `Compose` with COCO box ")
                .append("and xy keypoint parameters, at the input's scale (a crop looks smaller, a pad larger). ")
                .append("Parameters are Albumentations' defaults except where the table says; they come from ")
                .append("`augment4j-cli/src/main/resources/org/augment4j/cli/gallery-presets.json`. ")
                .append("`GalleryTest` regenerates every picture and compares it with the committed one, so they cannot go stale.\n\n");
        b.append("| transform | shown with |\n|---|---|\n");
        for (String n : names) {
            GalleryPresets.Preset p = presets.of(n);
            String with = p.params().isEmpty() ? "defaults" : p.params().entrySet().stream()
                    .map(e -> "`" + e.getKey() + "=" + json(e.getValue()) + "`").collect(Collectors.joining(", "));
            if (!p.before().isEmpty()) with += "; input first through " + p.before().stream().map(s -> "`" + json(s) + "`").collect(Collectors.joining(", "));
            if (p.note() != null) with += "; " + p.note();
            b.append("| [`").append(n).append("`](").append(n).append(".jpg) | ").append(with.replace("|", "\\|")).append(" |\n");
        }
        try {
            Files.writeString(out.resolve("README.md"), b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve("README.md") + ": " + e.getMessage(), e);
        }
    }

    private Path temp() {
        if (temp == null) temp = ProjectFiles.tempDir();
        return temp;
    }
}
