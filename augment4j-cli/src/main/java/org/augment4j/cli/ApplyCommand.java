package org.augment4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.augment4j.AppliedTransform;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.opencv.Npy;
import org.augment4j.serial.TargetsJson;
import org.augment4j.transform.pytorch.TensorLayout;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code augment4j apply}: one pipeline, applied once to one image with its mask and targets. Writes
 * {@code image.png} (uint8) or {@code image.npy} (float32), {@code mask.png}, {@code targets.json} and
 * {@code applied.json} into the output folder. When the pipeline ends with {@code ToTensorV2} (or 0.x's
 * {@code ToTensor}), the output carries a {@link TensorLayout}, and the image and mask are written as the tensors
 * PyTorch would get: {@code image.npy} channels first {@code (C, H, W)} in the image's dtype (uint8 or float32),
 * {@code mask.npy} as the layout says (ToTensorV2's {@code transpose_mask}).
 */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Apply a pipeline once to an image, its mask and its targets.",
            "Targets (--targets) are a JSON object: \"bboxes\" and \"keypoints\" in the formats the pipeline's bbox_params and "
                + "keypoint_params declare, plus one list for every label field they name (as input_targets of the golden cases).",
            "Writes DIR/image.png (uint8) or DIR/image.npy (float32), DIR/mask.png (with --mask), DIR/targets.json "
                + "(same shape as the targets) and DIR/applied.json (each applied transform and its sampled parameters).",
            "A pipeline ending with ToTensorV2 (or 0.x's ToTensor) gives DIR/image.npy as a CHW tensor in the image's dtype "
                + "and DIR/mask.npy (with --mask) as its transpose_mask says.",
            "Exit codes: 0 success, 2 bad input (one line on stderr)."})
public final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pipeline", required = true, paramLabel = "P.json|P.yaml", description = "Pipeline file in Albumentations' to_dict shape.")
    Path pipeline;

    @Option(names = "--image", required = true, paramLabel = "IMG", description = "Input image (PNG, JPEG, TIFF, WebP… or a float32 .npy).")
    Path image;

    @Option(names = "--mask", paramLabel = "MASK.png", description = "Label mask of the same size as the image.")
    Path mask;

    @Option(names = "--targets", paramLabel = "T.json", description = "Boxes, keypoints and their label fields.")
    Path targets;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--replay", paramLabel = "R.json",
            description = "Force parameters of transforms by their index in the top-level Compose, e.g. {\"0\": {\"factor\": 1}} (golden forced_params).")
    Path replay;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Mixin
    OutsidePathsOption outsidePaths = new OutsidePathsOption();

    @Override
    public Integer call() {
        Compose compose = Inputs.pipeline(pipeline, pipeline.toString(), outsidePaths.rule(spec.commandLine().getErr(), "apply"));
        Map<String, Object> targetMap = targets == null ? null : Json.readObject(targets, "targets file");
        Map<Integer, Map<String, Object>> forced = replay == null ? Map.of() : forced(Json.readObject(replay, "replay file"), replay, compose);

        Sample input = null;
        Sample result = null;
        try {
            Sample.Builder b = Sample.builder();
            Mat img = Inputs.image(image);
            b.image(img);
            Mat m = null;
            if (mask != null) {
                m = Inputs.mask(mask);
                b.mask(m);
            }
            input = b.build();
            if (m != null && (m.rows() != img.rows() || m.cols() != img.cols())) {
                throw Errors.bad("mask " + mask + " is " + m.cols() + "x" + m.rows() + " but image " + image + " is " + img.cols() + "x" + img.rows() + " (width x height)");
            }
            if (targetMap != null) {
                try {
                    input = TargetsJson.attach(input, targetMap, compose);
                } catch (IllegalArgumentException e) {
                    throw Errors.bad("targets file " + targets + ": " + e.getMessage());
                }
            }
            result = compose.apply(input, seed, forced);
            write(result, compose);
        } finally {
            if (result != null && input != null) Sample.releaseReplaced(result, input, java.util.Set.of());
            if (input != null) input.close();
        }
        return 0;
    }

    private void write(Sample result, Compose compose) {
        Inputs.createDirectories(out);
        List<String> written = new ArrayList<>();
        TensorLayout layout = TensorLayout.of(result);
        Path imageFile;
        if (layout != null) {
            imageFile = out.resolve("image.npy");
            Npy.write(imageFile, result.image(), TensorLayout.imageShape(result.image()), true);
        } else if (Mats.isFloat(result.image())) {
            imageFile = out.resolve("image.npy");
            Npy.write(imageFile, result.image());
        } else {
            imageFile = out.resolve("image.png");
            ImageIO.write(imageFile, result.image());
        }
        written.add(imageFile.toString());
        if (mask != null && result.mask() != null) {
            Path maskFile = out.resolve(layout != null ? "mask.npy" : "mask.png");
            if (layout != null) Npy.write(maskFile, result.mask(), layout.maskShape(result.mask()), layout.maskChannelsFirst(result.mask()));
            else ImageIO.write(maskFile, result.mask());
            written.add(maskFile.toString());
        }
        Path targetsFile = out.resolve("targets.json");
        Json.write(targetsFile, TargetsJson.of(result, compose));
        written.add(targetsFile.toString());
        Path appliedFile = out.resolve("applied.json");
        Json.write(appliedFile, applied(result.applied()));
        written.add(appliedFile.toString());
        spec.commandLine().getOut().println("wrote " + String.join(", ", written) + " (" + Mats.describe(result.image()) + (layout != null ? ", as a CHW tensor" : "") + ")");
    }

    /** The applied log in the shape of golden {@code applied_params}: {@code [{"transform": …, "params": {…}}, …]}. */
    static List<Map<String, Object>> applied(List<AppliedTransform> log) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AppliedTransform a : log) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("transform", a.name());
            e.put("params", a.params());
            out.add(e);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<Integer, Map<String, Object>> forced(Map<String, Object> json, Path file, Compose compose) {
        Map<Integer, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : json.entrySet()) {
            int index;
            try {
                index = Integer.parseInt(e.getKey().strip());
            } catch (NumberFormatException ex) {
                throw Errors.bad("replay file " + file + ": keys must be transform indices (\"0\", \"1\", …), got \"" + e.getKey() + "\"");
            }
            if (index < 0 || index >= compose.transforms().size()) {
                throw Errors.bad("replay file " + file + ": transform index " + index + " is out of range; the pipeline has "
                        + compose.transforms().size() + " top-level transform(s)");
            }
            if (!(e.getValue() instanceof Map)) {
                throw Errors.bad("replay file " + file + ": the value for transform " + index + " must be an object of parameters, got " + e.getValue());
            }
            out.put(index, (Map<String, Object>) e.getValue());
        }
        return out;
    }
}
