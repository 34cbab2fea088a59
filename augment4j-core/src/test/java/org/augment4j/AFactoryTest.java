package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.BorderMode;
import org.augment4j.transform.Interpolation;
import org.augment4j.transform.Range;
import org.augment4j.transform.blur.Blur;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link A}: every registered transform by its Albumentations name, with defaults; {@link Transform#with}/{@link Transform#withP}. */
class AFactoryTest {

    static Stream<String> names() {
        return TransformRegistry.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyTransformHasAFactoryNamedAsInAlbumentations(String name) throws Exception {
        List<Method> methods = Arrays.stream(A.class.getMethods()).filter(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers())).toList();
        assertThat(methods).as("A." + name).isNotEmpty();
        Method noArgs = methods.stream().filter(m -> m.getParameterCount() == 0).findFirst().orElse(null);
        Transform registry;
        try {
            registry = TransformRegistry.create(name, Map.of());
        } catch (IllegalArgumentException required) {
            assertThat(noArgs).as(name + " has required arguments, so no A." + name + "()").isNull();
            assertThat(methods).allMatch(m -> m.getReturnType().getSimpleName().equals(name));
            return;
        }
        assertThat(noArgs).as("A." + name + "()").isNotNull();
        assertThat(noArgs.getReturnType().getSimpleName()).isEqualTo(name);
        Transform t = (Transform) noArgs.invoke(null);
        assertThat(t.getClass()).isEqualTo(registry.getClass());
        assertThat(t.toDict()).isEqualTo(registry.toDict());
    }

    @Test
    void requiredArgumentsComeInPythonsOrder() {
        assertThat(A.Resize(100, 200).toDict()).containsEntry("height", 100).containsEntry("width", 200);
        assertThat(A.RandomSizedCrop(Range.of(412, 612), 512, 256).toDict()).containsEntry("min_max_height", List.of(412L, 612L))
                .containsEntry("size", List.of(512, 256));
        assertThat(A.LongestMaxSize(640).toDict()).containsEntry("max_size", 640);
        assertThat(A.PadIfNeeded(640, 480).toDict()).containsEntry("min_height", 640).containsEntry("min_width", 480);
        assertThat(A.Crop(1, 2, 30, 40).toDict()).containsEntry("x_min", 1).containsEntry("y_max", 40);
        assertThat(A.CropAndPad(-8).toDict()).containsEntry("px", -8);
        assertThat(A.CropAndPad(0.1).toDict()).containsEntry("percent", 0.1);
    }

    @Test
    void withPAndWithChangeOneParameterOfANewInstance() {
        Blur blur = A.Blur();
        Transform sure = blur.withP(1);
        assertThat(sure).isInstanceOf(Blur.class).isNotSameAs(blur);
        assertThat(sure.probability()).isEqualTo(1.0);
        assertThat(blur.probability()).isEqualTo(0.5);
        Transform wide = blur.with("blur_limit", 9).withP(1);
        assertThat(wide.toDict()).containsEntry("blur_limit", List.of(3L, 9L)).containsEntry("p", 1.0);
        assertThat(blur.toDict()).containsEntry("blur_limit", List.of(3L, 7L));
        assertThat(A.Blur().with("blur_limit", Range.of(5, 5)).toDict()).containsEntry("blur_limit", List.of(5L, 5L));
        assertThat(A.Rotate().with("interpolation", Interpolation.CUBIC).with("border_mode", BorderMode.CONSTANT).toDict())
                .containsEntry("interpolation", 2).containsEntry("border_mode", 0);
    }

    @Test
    void badChangesAreRefusedAsAPipelineFileWouldBe() {
        assertThatThrownBy(() -> A.Blur().with("blur_limt", 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown parameter 'blur_limt' for Blur (known: [blur_limit, p");
        assertThatThrownBy(() -> A.Blur().withP(2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Blur: p must be in [0, 1], got 2.0");
        assertThatThrownBy(() -> A.Blur().with("blur_limit", "wide")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blur_limit");
        assertThatThrownBy(() -> A.Blur().with("__class_fullname__", "Rotate")).hasMessageContaining("'__class_fullname__' is not a parameter");
        Transform own = new Transform() {
            @Override
            public Sample apply(Sample sample, java.util.random.RandomGenerator rng) {
                return sample;
            }

            @Override
            public Sample applyAlways(Sample sample, java.util.random.RandomGenerator rng) {
                return sample;
            }

            @Override
            public double probability() {
                return 1;
            }

            @Override
            public String name() {
                return "MyInvert";
            }

            @Override
            public Map<String, Object> toDict() {
                return Map.of("__class_fullname__", "MyInvert", "p", 1.0);
            }
        };
        assertThatThrownBy(() -> own.withP(0.3)).hasMessageContaining("MyInvert.with(p): only transforms of the registry can be rebuilt");
    }

    @Test
    void withKeepsTheReleaseSemantics() {
        Transform v13 = A.Affine().withSemantics(Semantics.ALBUMENTATIONS_1_3);
        Transform changed = v13.with("rotate", 10);
        assertThat(changed.withSemantics(Semantics.ALBUMENTATIONS_1_3)).isSameAs(changed);
        assertThat(changed.withSemantics(Semantics.ALBUMENTATIONS_2)).isNotSameAs(changed);
        Transform v2 = A.Affine().with("rotate", 10);
        assertThat(v2.withSemantics(Semantics.ALBUMENTATIONS_2)).isSameAs(v2);
    }

    @Test
    void containersChangeTheirPOnly() {
        OneOf one = A.OneOf(A.Blur(), A.MedianBlur());
        Container sure = one.withP(1);
        assertThat(sure).isInstanceOf(OneOf.class);
        assertThat(sure.probability()).isEqualTo(1.0);
        assertThat(sure.transforms()).isEqualTo(one.transforms());
        assertThat(A.SomeOf(1, A.Blur(), A.MedianBlur()).with("p", 0.3).toDict()).containsEntry("p", 0.3).containsEntry("n", 1);
        assertThatThrownBy(() -> one.with("n", 2)).hasMessageContaining("OneOf.with(n): a container takes only p here");
        Compose c = A.Compose(A.Blur()).withP(0.25);
        assertThat(c.probability()).isEqualTo(0.25);
        assertThat(c.transforms()).hasSize(1);
        assertThat(new org.augment4j.compose.ReplayCompose(List.of(A.Blur())).withP(0.5)).isInstanceOf(org.augment4j.compose.ReplayCompose.class);
    }

    @Test
    void theArticlePipelineReadsAsInPython() {
        Compose article = A.Compose(A.RandomSizedCrop(Range.of(412, 612), 512, 512), A.ShiftScaleRotate(), A.RGBShift(), A.Blur(),
                A.GaussNoise(), A.ElasticTransform(), A.MaskDropout().with("max_objects", Range.of(10, 15)).withP(1), A.Cutout().withP(1));
        Compose fromFile = PipelineFile.fromJson(PipelineFile.toJson(article));
        assertThat(fromFile.toDict()).isEqualTo(article.toDict());
        Mat image = Images.coffee();
        Mat mask = new Mat(image.rows(), image.cols(), org.bytedeco.opencv.global.opencv_core.CV_8UC1, new org.bytedeco.opencv.opencv_core.Scalar(0.0));
        try (Sample out = article.apply(Sample.builder().image(image).mask(mask).build(), 7L)) {
            assertThat(out.width()).isEqualTo(512);
            assertThat(out.height()).isEqualTo(512);
            assertThat(out.applied()).extracting(AppliedTransform::name).contains("RandomSizedCrop", "MaskDropout", "Cutout");
        }
        assertThat(article.transforms()).hasSize(8);
    }
}
