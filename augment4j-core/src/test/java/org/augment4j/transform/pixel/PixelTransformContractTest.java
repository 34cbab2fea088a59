package org.augment4j.transform.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TargetsJson;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.transform.Range;
import org.augment4j.transform.blur.Blur;
import org.augment4j.transform.noise.GaussNoise;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every pixel transform promises, checked for each of them with p = 1 on real photos. Other families reuse it:
 * a subclass declares its own static {@code transforms()} and JUnit runs every check below on that list.
 */
public class PixelTransformContractTest {

    /** Transforms with p = 1, in several configurations; the boolean says whether the output is float32 whatever the input. */
    static Stream<Arguments> transforms() {
        List<Arguments> out = new ArrayList<>();
        add(out, "RGBShift", () -> new RGBShift(Range.of(-40, 40), Range.symmetric(30), Range.of(0, 50), 1));
        add(out, "Blur", () -> new Blur(Range.of(3, 9), 1));
        add(out, "GaussNoise", () -> new GaussNoise(Range.of(0.05, 0.2), Range.of(-0.05, 0.05), true, 1, 1));
        add(out, "GaussNoise shared", () -> new GaussNoise(Range.of(0.05, 0.2), Range.fixed(0), false, 0.5, 1));
        add(out, "GaussNoise 1.3", () -> GaussNoise.ofVariance(Range.of(10, 50), 0, true, 1, 1));
        add(out, "Normalize", () -> new Normalize(new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}, 255, "standard", 1));
        add(out, "Normalize image", () -> new Normalize(new double[] {0.5}, new double[] {0.5}, 255, "image_per_channel", 1));
        add(out, "ToGray", () -> new ToGray(3, "weighted_average", 1));
        add(out, "ToGray max", () -> new ToGray(3, "max", 1));
        add(out, "Solarize", () -> new Solarize(Range.of(0.3, 0.7), 1));
        add(out, "Solarize 1.3", () -> Solarize.ofPixelThreshold(Range.fixed(128), 1));
        add(out, "Equalize", () -> new Equalize("cv", true, 1));
        add(out, "Equalize pil luma", () -> new Equalize("pil", false, 1));
        add(out, "InvertImg", () -> new InvertImg(1));
        add(out, "Posterize", () -> new Posterize(Range.of(2, 6), 1));
        return out.stream();
    }

    protected static void add(List<Arguments> out, String name, Supplier<Transform> t) {
        out.add(Arguments.of(name, t));
    }

    private static final BboxParams BOXES = BboxParams.of(BboxFormat.PASCAL_VOC, "labels");
    private static final KeypointParams POINTS = KeypointParams.of(KeypointFormat.XY, "kp_labels");

    private static Compose labelled(Transform t) {
        return new Compose(List.of(t), 1.0, BOXES, POINTS, Map.of(), null);
    }

    private static Map<String, Object> targets() {
        return Map.of("bboxes", List.of(List.of(10.0, 20.0, 200.0, 300.0), List.of(300.5, 100.25, 511.0, 480.0)),
                "labels", List.of("cat", 7),
                "keypoints", List.of(List.of(5.0, 6.0), List.of(400.5, 300.25), List.of(511.0, 511.0)),
                "kp_labels", List.of("eye", "nose", "tail"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void leavesMaskBoxesAndKeypointsUntouched(String name, Supplier<Transform> t) {
        Compose pipeline = labelled(t.get());
        Mat image = Images.astronaut();
        Mat mask = Images.gray(image);
        byte[] maskBefore = Mats.toBytes(mask);
        Sample in = TargetsJson.attach(Sample.builder().image(image).mask(mask).build(), targets(), pipeline);
        Sample out = pipeline.apply(in, 7L);
        assertThat(out.mask()).as("the result owns its own copy of the mask").isNotSameAs(mask);
        assertThat(Mats.toBytes(out.mask())).isEqualTo(maskBefore);
        Map<String, Object> got = TargetsJson.of(out, pipeline);
        assertThat((double[][]) got.get("bboxes")).isDeepEqualTo(new double[][] {{10, 20, 200, 300}, {300.5, 100.25, 511, 480}});
        assertThat((List<?>) got.get("labels")).isEqualTo(List.of("cat", 7));
        assertThat(((double[][]) got.get("keypoints"))).hasNumberOfRows(3);
        assertThat(((double[][]) got.get("keypoints"))[1]).containsExactly(400.5, 300.25);
        assertThat((List<?>) got.get("kp_labels")).isEqualTo(List.of("eye", "nose", "tail"));
        assertThat(out.image()).isNotSameAs(image);
        assertThat(out.applied()).hasSize(1);
        Mats.release(out.image(), image, mask);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void keepsShapeAndDtypeAndNeverModifiesItsInput(String name, Supplier<Transform> t) {
        Transform tr = t.get();
        Mat image = Images.coffee();
        byte[] before = Mats.toBytes(image);
        Sample out = new Compose(List.of(tr)).apply(Sample.of(image), 3L);
        assertThat(Mats.toBytes(image)).as("input untouched").isEqualTo(before);
        assertThat(out.height()).isEqualTo(image.rows());
        assertThat(out.width()).isEqualTo(image.cols());
        assertThat(out.image().channels()).isEqualTo(3);
        boolean floatOut = tr instanceof Normalize;
        assertThat(Mats.isFloat(out.image())).isEqualTo(floatOut);
        Mats.release(out.image(), image);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void keepsFloatImagesFloatAndInRange(String name, Supplier<Transform> t) {
        Transform tr = t.get();
        Mat image = Images.toFloat(Images.astronaut());
        float[] before = Mats.toFloats(image);
        if (tr instanceof Equalize || tr instanceof Posterize) {
            assertThatThrownBy(() -> new Compose(List.of(tr)).apply(Sample.of(image), 5L)).as("uint8-only transform")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(tr.name()).hasMessageContaining("uint8");
            return;
        }
        Sample out = new Compose(List.of(tr)).apply(Sample.of(image), 5L);
        assertThat(Mats.toFloats(image)).as("input untouched").isEqualTo(before);
        assertThat(Mats.isFloat(out.image())).isTrue();
        if (!(tr instanceof Normalize)) {
            float[] v = Mats.toFloats(out.image());
            float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
            for (float x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            assertThat(min).isGreaterThanOrEqualTo(0f);
            assertThat(max).isLessThanOrEqualTo(1f);
        }
        Mats.release(out.image(), image);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void sameSeedSameBytes(String name, Supplier<Transform> t) {
        Compose pipeline = new Compose(List.of(t.get()));
        for (long seed : new long[] {0, 1, 42, -9}) {
            Mat image = Images.astronaut();
            Sample a = pipeline.apply(Sample.of(image), seed);
            Sample b = pipeline.apply(Sample.of(image), seed);
            assertThat(bytes(b.image())).as("seed " + seed).isEqualTo(bytes(a.image()));
            assertThat(b.applied().get(0).params()).isEqualTo(a.applied().get(0).params());
            Mats.release(a.image(), b.image(), image);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void transformsExtraImagesWithTheSameParameters(String name, Supplier<Transform> t) {
        Mat image = Images.astronaut();
        Mat twin = image.clone();
        Sample out = new Compose(List.of(t.get())).apply(Sample.builder().image(image).image("twin", twin).build(), 11L);
        assertThat(bytes(out.images().get("twin"))).isEqualTo(bytes(out.image()));
        Mats.release(out.image(), out.images().get("twin"), image, twin);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void jsonRoundTripGivesAnEqualDict(String name, Supplier<Transform> t) {
        Compose pipeline = labelled(t.get());
        String json = PipelineFile.toJson(pipeline);
        // the reference-image transforms name test photos outside the working directory: trusted here
        PipelineFile.Options trusted = PipelineFile.Options.defaults().withOutsidePaths(org.augment4j.OutsidePaths.ALLOW);
        Compose back = PipelineFile.fromJson(json, trusted);
        assertThat(back.toDict()).isEqualTo(pipeline.toDict());
        assertThat(back.transforms().get(0).getClass()).isEqualTo(pipeline.transforms().get(0).getClass());
        assertThat(PipelineFile.fromYaml(PipelineFile.toYaml(pipeline), trusted).toDict()).isEqualTo(pipeline.toDict());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void grayAndRgbaImagesWorkOrFailNamingTheChannelCount(String name, Supplier<Transform> t) {
        Transform tr = t.get();
        for (Mat image : new Mat[] {Images.gray(Images.coffee()), Images.rgba(Images.coffee())}) {
            int c = image.channels();
            Sample out;
            try {
                out = new Compose(List.of(tr)).apply(Sample.of(image), 2L);
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageContaining(tr.name()).hasMessageContaining(c + " channel");
                continue;
            }
            assertThat(out.image().rows()).isEqualTo(image.rows());
            if (!(tr instanceof ToGray)) assertThat(out.image().channels()).isEqualTo(c);
            Mats.release(out.image(), image);
        }
    }

    @Test
    void everyTransformIsRegisteredUnderItsAlbumentationsName() {
        for (String n : List.of("Blur", "Equalize", "GaussNoise", "InvertImg", "Normalize", "Posterize", "RGBShift", "Solarize", "ToGray")) {
            assertThat(TransformRegistry.contains(n)).as(n).isTrue();
            assertThat(TransformRegistry.create(n, Map.of()).name()).isEqualTo(n);
            assertThat(TransformRegistry.create("albumentations.augmentations.transforms." + n, Map.of("p", 1.0)).probability()).isEqualTo(1.0);
        }
    }

    @Test
    void unknownParametersInFilesAreRejectedByName() {
        assertThatThrownBy(() -> TransformRegistry.create("RGBShift", Map.of("r_shift", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("r_shift");
    }

    private static Object bytes(Mat m) {
        return Mats.isFloat(m) ? Mats.toFloats(m) : Mats.toBytes(m);
    }
}
