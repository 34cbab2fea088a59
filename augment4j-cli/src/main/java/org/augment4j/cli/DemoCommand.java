package org.augment4j.cli;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.opencv.ImageIO;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.Keypoints;
import org.augment4j.target.TargetCodec;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code augment4j demo}: the article's pipeline ({@code pipelines/article.json}) on the COCO samples shipped with the
 * project ({@code samples/coco}): images, instance masks, boxes with their categories and person keypoints go through
 * it together; the augmented copies, a COCO-style {@code annotations.json} and a contact sheet are written.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Augment the COCO samples shipped with augment4j (images, instance masks, boxes, person keypoints) "
                + "with the pipeline of the Albumentations showcase article, and draw a contact sheet.",
            "Writes DIR/<stem>_<k>.png, DIR/<stem>_<k>_mask.png, DIR/annotations.json (COCO style) and DIR/preview.png."})
public final class DemoCommand implements Callable<Integer> {
    static final String ARTICLE = "pipelines/article.json";
    static final String SAMPLES = "samples/coco";

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "demo-out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "2026", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--copies", defaultValue = "4", paramLabel = "K", description = "Augmented copies per image (default: ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--pipeline", paramLabel = "FILE", description = "Pipeline file to use instead of " + ARTICLE + ".")
    Path pipeline;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "A COCO folder (annotations/instances.json, annotations/person_keypoints.json, images/, masks/<stem>_instances.png) instead of " + SAMPLES + ".")
    Path samples;

    @Option(names = "--thumb-height", defaultValue = "256", paramLabel = "PX", description = "Height of the thumbnails in preview.png (default: ${DEFAULT-VALUE}).")
    int thumbHeight;

    private Path temp;
    /** How the pipeline and samples are named in messages ("pipelines/article.json (embedded in the jar)"). */
    private String pipelineName, samplesName;

    @Override
    public Integer call() {
        if (copies < 1 || copies > 1000) throw Errors.bad("--copies must be in [1, 1000], got " + copies);
        if (thumbHeight < 16 || thumbHeight > 4096) throw Errors.bad("--thumb-height must be in [16, 4096], got " + thumbHeight);
        PrintWriter log = spec.commandLine().getOut();

        Path pipelineFile = pipelineFile();
        Compose compose = loadPipeline(pipelineFile);
        Path samplesDir = samplesDir();
        CocoSamples coco = new CocoSamples(samplesDir);
        log.println("pipeline: " + pipelineName + " (" + compose.transforms().size() + " transforms)");
        log.println("samples:  " + samplesName + " (" + coco.entries.size() + " images)");

        BboxParams bp = compose.bboxParams() != null ? compose.bboxParams() : BboxParams.of(BboxFormat.COCO, "category_id");
        KeypointParams kp = compose.keypointParams() != null ? compose.keypointParams() : KeypointParams.of(KeypointFormat.XY, "keypoint_labels");
        Inputs.createDirectories(out);

        CocoOutput output = new CocoOutput(coco);
        List<List<BufferedImage>> rows = new ArrayList<>();
        int files = 0;
        for (int i = 0; i < coco.entries.size(); i++) {
            CocoSamples.Entry e = coco.entries.get(i);
            try (Sample in = prepare(e, bp, kp, coco.keypointNames)) {
                List<BufferedImage> row = new ArrayList<>();
                row.add(thumbnail(in, coco.skeleton, thumbHeight));
                for (int k = 0; k < copies; k++) {
                    long s = Seeds.mix(Seeds.mix(seed, i), k);
                    Sample aug;
                    try {
                        aug = compose.apply(in, s);
                    } catch (IllegalArgumentException ex) {
                        throw Errors.bad(e.image().get("file_name") + ", copy " + k + " (seed " + s + "): " + ex.getMessage());
                    }
                    try {
                        String name = e.stem() + "_" + k;
                        write(out.resolve(name + ".png"), aug.image());
                        files++;
                        String maskName = null;
                        if (aug.mask() != null) {
                            maskName = name + "_mask.png";
                            write(out.resolve(maskName), aug.mask());
                            files++;
                        }
                        output.add(e, k, s, name + ".png", maskName, aug);
                        row.add(thumbnail(aug, coco.skeleton, thumbHeight));
                    } finally {
                        Sample.releaseReplaced(aug, in, Set.of());
                    }
                }
                rows.add(row);
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("description", "augment4j demo: " + copies + " augmented copies of each of " + coco.entries.size() + " COCO images");
        info.put("pipeline", pipelineName);
        info.put("seed", seed);
        info.put("copies", copies);
        info.put("source", coco.instancesJson.get("info"));
        Path annotations = out.resolve("annotations.json");
        Json.write(annotations, output.toJson(info));
        Path preview = out.resolve("preview.png");
        writePng(preview, Preview.sheet(rows));

        log.println("wrote " + files + " images and masks to " + out);
        log.println("annotations: " + annotations + " (" + output.images() + " images, " + output.annotations() + " annotations)");
        log.println("preview:     " + preview);
        log.flush();
        return 0;
    }

    /** Reads an entry's image, mask, boxes and keypoints (boxes with label fields category_id and annotation_id). */
    static Sample prepare(CocoSamples.Entry e, BboxParams bp, KeypointParams kp, List<String> keypointNames) {
        Inputs.requireFile(e.imageFile(), "sample image");
        Mat img = ImageIO.readRgb(e.imageFile());
        Mat mask = e.maskFile() == null ? null : ImageIO.readMask(e.maskFile());
        int w = img.cols(), h = img.rows();
        if (mask != null && (mask.cols() != w || mask.rows() != h)) {
            String msg = "mask " + e.maskFile() + " is " + mask.cols() + "x" + mask.rows() + " but image " + e.imageFile() + " is " + w + "x" + h;
            img.close();
            mask.close();
            throw Errors.bad(msg);
        }
        Sample.Builder b = Sample.builder().image(img);
        if (mask != null) b.mask(mask);
        return b.boxes(boxes(e, bp, w, h)).keypoints(keypoints(e, kp, keypointNames, w, h)).build().withLabelParams(bp, kp);
    }

    @SuppressWarnings("unchecked")
    private static BoundingBoxes boxes(CocoSamples.Entry e, BboxParams bp, int W, int H) {
        List<double[]> rows = new ArrayList<>();
        List<Object> category = new ArrayList<>(), annotation = new ArrayList<>();
        for (Map<String, Object> a : e.instances()) {
            List<Number> bb = (List<Number>) a.get("bbox");
            double x = bb.get(0).doubleValue(), y = bb.get(1).doubleValue();
            double bw = bb.get(2).doubleValue(), bh = bb.get(3).doubleValue();
            // Nothing left inside the image after clipping: no box to keep.
            if (Math.min(x + bw, W) - Math.max(x, 0) <= 0 || Math.min(y + bh, H) - Math.max(y, 0) <= 0) continue;
            rows.add(new double[] {x, y, bw, bh});
            category.add(((Number) a.get("category_id")).intValue());
            annotation.add(((Number) a.get("id")).longValue());
        }
        Set<String> fields = new LinkedHashSet<>(List.of("category_id", "annotation_id"));
        fields.addAll(bp.labelFields());
        Map<String, List<?>> labels = new LinkedHashMap<>();
        for (String f : fields) labels.put(f, f.equals("annotation_id") ? annotation : category);
        // COCO boxes may touch or pass the border by a fraction of a pixel: clip them, as BboxParams(clip=True).
        BboxParams clip = new BboxParams(BboxFormat.COCO, List.copyOf(fields), 0, 0, 0, 0, true, true);
        return TargetCodec.decodeBoxes(rows.toArray(new double[0][]), labels, clip, W, H);
    }

    @SuppressWarnings("unchecked")
    private static Keypoints keypoints(CocoSamples.Entry e, KeypointParams kp, List<String> kpNames, int W, int H) {
        List<double[]> rows = new ArrayList<>();
        List<Object> names = new ArrayList<>(), annotation = new ArrayList<>(), index = new ArrayList<>(), visibility = new ArrayList<>();
        for (Map.Entry<Long, Map<String, Object>> p : e.persons().entrySet()) {
            List<Number> k = (List<Number>) p.getValue().getOrDefault("keypoints", List.of());
            for (int j = 0; j + 2 < k.size(); j += 3) {
                int v = k.get(j + 2).intValue();
                if (v <= 0) continue;
                double x = k.get(j).doubleValue(), y = k.get(j + 1).doubleValue();
                if (x < 0 || x >= W || y < 0 || y >= H) continue;
                rows.add(new double[] {x, y});
                int idx = j / 3;
                names.add((idx < kpNames.size() ? kpNames.get(idx) : "keypoint" + idx) + "#" + p.getKey());
                annotation.add(p.getKey());
                index.add(idx);
                visibility.add(v);
            }
        }
        Set<String> fields = new LinkedHashSet<>(List.of("keypoint_labels", "annotation_id", "keypoint_index", "visibility"));
        fields.addAll(kp.labelFields());
        Map<String, List<?>> labels = new LinkedHashMap<>();
        for (String f : fields) {
            labels.put(f, switch (f) {
                case "annotation_id" -> annotation;
                case "keypoint_index" -> index;
                case "visibility" -> visibility;
                default -> names;
            });
        }
        KeypointParams xy = new KeypointParams(KeypointFormat.XY, List.copyOf(fields), true, true, true);
        return TargetCodec.decodeKeypoints(rows.toArray(new double[0][]), labels, xy, W, H);
    }

    /**
     * A thumbnail {@code height} pixels high of a prepared sample: its mask, boxes coloured by category_id and
     * keypoints joined by {@code skeleton} (0-based index pairs) drawn.
     */
    static BufferedImage thumbnail(Sample s, List<int[]> skeleton, int height) {
        List<Preview.Box> boxes = new ArrayList<>();
        BoundingBoxes bb = s.boxes();
        List<Object> cats = bb.labels().names().contains("category_id") ? bb.labels().get("category_id") : null;
        for (int i = 0; i < bb.size(); i++) {
            double[] b = bb.get(i);
            boxes.add(new Preview.Box(b[0] * s.width(), b[1] * s.height(), b[2] * s.width(), b[3] * s.height(),
                    cats == null ? 0 : ((Number) cats.get(i)).intValue()));
        }
        List<Preview.Point> points = new ArrayList<>();
        Keypoints k = s.keypoints();
        List<Object> idx = k.labels().names().contains("keypoint_index") ? k.labels().get("keypoint_index") : null;
        List<Object> grp = k.labels().names().contains("annotation_id") ? k.labels().get("annotation_id") : null;
        for (int i = 0; i < k.size(); i++) {
            double[] p = k.get(i);
            points.add(new Preview.Point(p[0], p[1], idx == null ? 0 : ((Number) idx.get(i)).intValue(), grp == null ? 0 : ((Number) grp.get(i)).longValue()));
        }
        return Preview.thumbnail(s.image(), s.mask(), boxes, points, skeleton, height);
    }

    private static void write(Path file, Mat m) {
        if (m.depth() == CV_8U && m.channels() != 2) {
            ImageIO.write(file, m);
        } else {
            try (Mat d = Preview.displayable(m)) {
                ImageIO.write(file, d);
            }
        }
    }

    private static void writePng(Path file, BufferedImage img) {
        try {
            if (!javax.imageio.ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private Path pipelineFile() {
        pipelineName = pipeline == null ? null : pipeline.toString();
        if (pipeline != null) return pipeline;
        Optional<Path> onDisk = ProjectFiles.find(ARTICLE);
        pipelineName = onDisk.map(Path::toString).orElse(ARTICLE + " (embedded in the jar)");
        if (onDisk.isPresent()) return onDisk.get();
        if (ProjectFiles.embedded(ARTICLE)) return ProjectFiles.extract(ARTICLE, temp());
        throw Errors.bad(ARTICLE + " not found (looked above the working directory and the jar); give --pipeline FILE");
    }

    private Path samplesDir() {
        samplesName = samples == null ? null : samples.toString();
        if (samples != null) {
            if (!Files.isDirectory(samples)) throw Errors.bad("samples folder not found: " + samples);
            return samples;
        }
        Path root = bundledSamples(this::temp);
        samplesName = temp != null && root.startsWith(temp) ? SAMPLES + " (embedded in the jar)" : root.toString();
        return root;
    }

    /**
     * The COCO samples shipped with the project: {@code samples/coco} on disk (see {@link ProjectFiles#find}), else the
     * copy embedded in the jar, extracted under the folder {@code temp} gives (asked for only then).
     */
    static Path bundledSamples(Supplier<Path> temp) {
        Optional<Path> onDisk = ProjectFiles.find(SAMPLES + "/annotations/instances.json");
        if (onDisk.isPresent()) return onDisk.get().getParent().getParent();
        String inst = SAMPLES + "/annotations/instances.json";
        if (!ProjectFiles.embedded(inst)) throw Errors.bad(SAMPLES + " not found (looked above the working directory and the jar); give --samples DIR");
        Path dir = temp.get();
        ProjectFiles.extract(inst, dir);
        if (ProjectFiles.embedded(SAMPLES + "/annotations/person_keypoints.json")) ProjectFiles.extract(SAMPLES + "/annotations/person_keypoints.json", dir);
        Path root = dir.resolve(SAMPLES);
        for (CocoSamples.Entry e : new CocoSamples(root).entries) {
            ProjectFiles.extract(SAMPLES + "/images/" + e.image().get("file_name"), dir);
            String mask = SAMPLES + "/masks/" + e.stem() + "_instances.png";
            if (ProjectFiles.embedded(mask)) ProjectFiles.extract(mask, dir);
        }
        return root;
    }

    private Path temp() {
        if (temp == null) temp = ProjectFiles.tempDir();
        return temp;
    }

    private Compose loadPipeline(Path file) {
        return Inputs.pipeline(file, pipelineName);
    }
}
