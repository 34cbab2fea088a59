package org.augment4j.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.Transform;
import org.augment4j.compose.NoOp;
import org.augment4j.opencv.Mats;
import org.junit.jupiter.api.Test;

/**
 * Albumentations 0.x's imgaug wrappers load as their modern transforms with translated parameters. The two files are
 * what Albumentations 0.5.2's {@code to_dict} writes (imgaug stubbed out: to_dict never calls it) for every wrapper
 * with its defaults, and with explicit parameters (0.x turned scalars into tuples before writing them).
 */
class LegacyImgaugTest {
    /** {@code A.to_dict(A.Compose([IAA…() for each wrapper]))} in Albumentations 0.5.2. */
    static final String DEFAULTS = """
        {"__version__": "0.5.2", "transform": {"__class_fullname__": "albumentations.core.composition.Compose", "p": 1.0, "transforms": [
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAAdditiveGaussianNoise", "always_apply": false, "p": 0.5, "loc": 0, "scale": [2.5500000000000003, 12.75], "per_channel": false},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAAffine", "always_apply": false, "p": 0.5, "scale": [1.0, 1.0], "translate_percent": null, "translate_px": null, "rotate": [-0.0, 0.0], "shear": [-0.0, 0.0], "order": 1, "cval": 0, "mode": "reflect"},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAACropAndPad", "always_apply": false, "p": 1, "px": null, "percent": null, "pad_mode": "constant", "pad_cval": 0, "keep_size": true},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAEmboss", "always_apply": false, "p": 0.5, "alpha": [0.2, 0.5], "strength": [0.2, 0.7]},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAFliplr", "always_apply": false, "p": 0.5},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAFlipud", "always_apply": false, "p": 0.5},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAPerspective", "always_apply": false, "p": 0.5, "scale": [0.05, 0.1], "keep_size": true},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAPiecewiseAffine", "always_apply": false, "p": 0.5, "scale": [0.03, 0.05], "nb_rows": 4, "nb_cols": 4, "order": 1, "cval": 0, "mode": "constant"},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAASharpen", "always_apply": false, "p": 0.5, "alpha": [0.2, 0.5], "lightness": [0.5, 1.0]},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAASuperpixels", "always_apply": false, "p": 0.5, "p_replace": 0.1, "n_segments": 100}],
          "bbox_params": null, "keypoint_params": null, "additional_targets": {}}}
        """;

    /**
     * Explicit parameters: IAAAdditiveGaussianNoise(loc=3, scale=(5, 10), per_channel=True, p=0.7),
     * IAAAffine(scale=(0.8, 1.2), translate_percent=0.1, rotate=(-10, 20), shear=8, order=3, cval=7, mode='constant',
     * always_apply=True), IAAAffine(translate_px=(-5, 5), p=0.25), IAACropAndPad(px=(-4, 8), pad_mode='edge',
     * pad_cval=(0, 255), keep_size=False, p=0.5), IAAEmboss(alpha=0.6, strength=(0.1, 0.3)), IAAFliplr(p=1.0),
     * IAAFlipud(always_apply=True), IAAPerspective(scale=(0.02, 0.04), keep_size=False), IAAPiecewiseAffine(scale=0.02,
     * nb_rows=3, nb_cols=5, order=0, cval=128, mode='edge'), IAASharpen(alpha=(0.1, 0.3), lightness=0.8),
     * IAASuperpixels(p_replace=0.2, n_segments=50).
     */
    static final String EXPLICIT = """
        {"__version__": "0.5.2", "transform": {"__class_fullname__": "albumentations.core.composition.Compose", "p": 1.0, "transforms": [
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAAdditiveGaussianNoise", "always_apply": false, "p": 0.7, "loc": 3, "scale": [5, 10], "per_channel": true},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAAffine", "always_apply": true, "p": 0.5, "scale": [0.8, 1.2], "translate_percent": [0, 0.1], "translate_px": null, "rotate": [-10, 20], "shear": [-8, 8], "order": 3, "cval": 7, "mode": "constant"},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAAffine", "always_apply": false, "p": 0.25, "scale": [1.0, 1.0], "translate_percent": null, "translate_px": [-5, 5], "rotate": [-0.0, 0.0], "shear": [-0.0, 0.0], "order": 1, "cval": 0, "mode": "reflect"},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAACropAndPad", "always_apply": false, "p": 0.5, "px": [-4, 8], "percent": null, "pad_mode": "edge", "pad_cval": [0, 255], "keep_size": false},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAEmboss", "always_apply": false, "p": 0.5, "alpha": [0.0, 0.6], "strength": [0.1, 0.3]},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAFliplr", "always_apply": false, "p": 1.0},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAFlipud", "always_apply": true, "p": 0.5},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAPerspective", "always_apply": false, "p": 0.5, "scale": [0.02, 0.04], "keep_size": false},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAAPiecewiseAffine", "always_apply": false, "p": 0.5, "scale": [0.0, 0.02], "nb_rows": 3, "nb_cols": 5, "order": 0, "cval": 128, "mode": "edge"},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAASharpen", "always_apply": false, "p": 0.5, "alpha": [0.1, 0.3], "lightness": [0, 0.8]},
          {"__class_fullname__": "albumentations.imgaug.transforms.IAASuperpixels", "always_apply": false, "p": 0.5, "p_replace": 0.2, "n_segments": 50}],
          "bbox_params": null, "keypoint_params": null, "additional_targets": {}}}
        """;

    private final List<String> warnings = new ArrayList<>();

    private Compose load(String json) {
        return PipelineFile.fromJson(json, PipelineFile.Options.defaults().withWarnings(warnings::add));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> wrappers(String json) {
        try {
            Map<String, Object> root = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
            return (List<Map<String, Object>>) ((Map<String, Object>) root.get("transform")).get("transforms");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The modern dict of wrapper {@code i} of {@code json}. */
    private static Map<String, Object> translated(String json, int i) {
        return LegacyImgaug.translate(wrappers(json).get(i), "$.transform.transforms[" + i + "]", true, w -> {}).modern();
    }

    /** {@code dict} holds exactly these entries, numbers compared as doubles (1e-9), lists and maps element by element. */
    private static void assertDict(Map<String, Object> dict, Object... entries) {
        Map<String, Object> want = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) want.put((String) entries[i], entries[i + 1]);
        assertThat(dict.keySet()).as("keys of " + dict).containsExactlyElementsOf(want.keySet());
        want.forEach((k, v) -> assertSame(k, dict.get(k), v));
    }

    /** {@code dict} holds these entries (and maybe others). */
    private static void assertHas(Map<String, Object> dict, Object... entries) {
        for (int i = 0; i < entries.length; i += 2) assertSame((String) entries[i], dict.get((String) entries[i]), entries[i + 1]);
    }

    private static void assertSame(String key, Object got, Object want) {
        if (want instanceof Number w) {
            assertThat(got).as(key).isInstanceOf(Number.class);
            assertThat(((Number) got).doubleValue()).as(key).isCloseTo(w.doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
        } else if (want instanceof List<?> w) {
            assertThat(got).as(key).isInstanceOf(List.class);
            assertThat((List<?>) got).as(key).hasSameSizeAs(w);
            for (int i = 0; i < w.size(); i++) assertSame(key + "[" + i + "]", ((List<?>) got).get(i), w.get(i));
        } else if (want instanceof Map<?, ?> w) {
            assertThat(got).as(key).isInstanceOf(Map.class);
            assertThat(((Map<?, ?>) got).keySet()).as(key).isEqualTo(w.keySet());
            w.forEach((k, v) -> assertSame(key + "." + k, ((Map<?, ?>) got).get(k), v));
        } else {
            assertThat(got).as(key).isEqualTo(want);
        }
    }

    private static final double HALF_LEVEL = 0.5 / 255;

    @Test
    void defaultsTranslateToTheModernTransforms() {
        assertDict(translated(DEFAULTS, 0), "__class_fullname__", "GaussNoise", "p", 0.5, "std_range", List.of(0.01, 0.05),
                "mean_range", List.of(HALF_LEVEL, HALF_LEVEL), "per_channel", false);
        assertDict(translated(DEFAULTS, 1), "__class_fullname__", "Affine", "p", 0.5, "scale", List.of(1, 1), "keep_ratio", true,
                "rotate", List.of(0, 0), "shear", List.of(0, 0), "interpolation", 1, "mask_interpolation", 1, "border_mode", 4, "fill", 0, "fill_mask", 0);
        assertDict(translated(DEFAULTS, 2), "__class_fullname__", "CropAndPad", "p", 1, "percent", List.of(-0.1, 0.1), "keep_size", true,
                "sample_independently", true, "interpolation", 1, "mask_interpolation", 1, "border_mode", 0, "fill", 0, "fill_mask", 0);
        assertDict(translated(DEFAULTS, 3), "__class_fullname__", "Emboss", "p", 0.5, "alpha", List.of(0.2, 0.5), "strength", List.of(0.2, 0.7));
        assertDict(translated(DEFAULTS, 4), "__class_fullname__", "HorizontalFlip", "p", 0.5);
        assertDict(translated(DEFAULTS, 5), "__class_fullname__", "VerticalFlip", "p", 0.5);
        assertDict(translated(DEFAULTS, 6), "__class_fullname__", "Perspective", "p", 0.5, "scale", List.of(0.05, 0.1), "keep_size", true,
                "mask_interpolation", 1);
        assertDict(translated(DEFAULTS, 7), "__class_fullname__", "PiecewiseAffine", "p", 0.5, "scale", List.of(0.03, 0.05), "nb_rows", 4,
                "nb_cols", 4, "interpolation", 1, "mask_interpolation", 1, "border_mode", 0, "fill", 0, "fill_mask", 0);
        assertDict(translated(DEFAULTS, 8), "__class_fullname__", "Sharpen", "p", 0.5, "alpha", List.of(0.2, 0.5), "lightness", List.of(0.5, 1.0),
                "method", "kernel");
        assertDict(translated(DEFAULTS, 9), "__class_fullname__", "Superpixels", "p", 0.5, "p_replace", List.of(0.1, 0.1), "n_segments", 100,
                "max_size", 128, "interpolation", 1);
    }

    @Test
    void explicitParametersTranslateToTheirModernMeaning() {
        // noise in pixel units becomes fractions of 255; the mean gains half a level (imgaug rounds, GaussNoise truncates)
        assertDict(translated(EXPLICIT, 0), "__class_fullname__", "GaussNoise", "p", 0.7, "std_range", List.of(5 / 255.0, 10 / 255.0),
                "mean_range", List.of(3.5 / 255, 3.5 / 255), "per_channel", true);
        // one scale for both axes: keep_ratio; imgaug's clockwise rotate and its shear negated; always_apply: p = 1
        assertDict(translated(EXPLICIT, 1), "__class_fullname__", "Affine", "p", 1.0, "scale", List.of(0.8, 1.2), "keep_ratio", true,
                "translate_percent", List.of(0, 0.1), "rotate", List.of(-20, 10), "shear", List.of(-8, 8),
                "interpolation", 2, "mask_interpolation", 2, "border_mode", 0, "fill", List.of(7, 7, 7, 7), "fill_mask", List.of(7, 7, 7, 7));
        assertDict(translated(EXPLICIT, 2), "__class_fullname__", "Affine", "p", 0.25, "scale", List.of(1, 1), "keep_ratio", true,
                "translate_px", List.of(-5, 5), "rotate", List.of(0, 0), "shear", List.of(0, 0),
                "interpolation", 1, "mask_interpolation", 1, "border_mode", 4, "fill", 0, "fill_mask", 0);
        assertDict(translated(EXPLICIT, 3), "__class_fullname__", "CropAndPad", "p", 0.5, "px", List.of(-4, 8), "keep_size", false,
                "sample_independently", true, "interpolation", 1, "mask_interpolation", 1, "border_mode", 1, "fill", List.of(0, 255), "fill_mask", List.of(0, 255));
        assertDict(translated(EXPLICIT, 4), "__class_fullname__", "Emboss", "p", 0.5, "alpha", List.of(0.0, 0.6), "strength", List.of(0.1, 0.3));
        assertDict(translated(EXPLICIT, 5), "__class_fullname__", "HorizontalFlip", "p", 1.0);
        assertDict(translated(EXPLICIT, 6), "__class_fullname__", "VerticalFlip", "p", 1.0);
        assertDict(translated(EXPLICIT, 7), "__class_fullname__", "Perspective", "p", 0.5, "scale", List.of(0.02, 0.04), "keep_size", false,
                "mask_interpolation", 1);
        assertDict(translated(EXPLICIT, 8), "__class_fullname__", "PiecewiseAffine", "p", 0.5, "scale", List.of(0.0, 0.02), "nb_rows", 3,
                "nb_cols", 5, "interpolation", 0, "mask_interpolation", 0, "border_mode", 1, "fill", List.of(128, 128, 128, 128), "fill_mask", List.of(128, 128, 128, 128));
        assertDict(translated(EXPLICIT, 9), "__class_fullname__", "Sharpen", "p", 0.5, "alpha", List.of(0.1, 0.3), "lightness", List.of(0, 0.8),
                "method", "kernel");
        assertDict(translated(EXPLICIT, 10), "__class_fullname__", "Superpixels", "p", 0.5, "p_replace", List.of(0.2, 0.2), "n_segments", 50,
                "max_size", 128, "interpolation", 1);
    }

    @Test
    void loadedTransformsCarryTheTranslatedParameters() {
        Compose c = load(EXPLICIT);
        assertThat(c.semantics()).isEqualTo(Semantics.ALBUMENTATIONS_1_3);
        assertThat(c.transforms()).extracting(Transform::name).containsExactly("GaussNoise", "Affine", "Affine", "CropAndPad", "Emboss",
                "HorizontalFlip", "VerticalFlip", "Perspective", "PiecewiseAffine", "Sharpen", "Superpixels");
        List<Map<String, Object>> d = c.transforms().stream().map(Transform::toDict).toList();
        assertHas(d.get(0), "std_range", List.of(5 / 255.0, 10 / 255.0), "mean_range", List.of(3.5 / 255, 3.5 / 255), "per_channel", true, "p", 0.7);
        assertHas(d.get(1), "keep_ratio", true, "rotate", List.of(-20, 10), "interpolation", 2, "mask_interpolation", 2, "border_mode", 0, "fill", List.of(7.0, 7.0, 7.0, 7.0), "p", 1.0);
        assertHas(d.get(2), "translate_px", Map.of("x", List.of(-5, 5), "y", List.of(-5, 5)), "border_mode", 4);
        assertHas(d.get(3), "keep_size", false, "border_mode", 1, "fill", List.of(0, 255), "mask_interpolation", 1);
        assertHas(d.get(7), "scale", List.of(0.02, 0.04), "keep_size", false, "mask_interpolation", 1);
        assertHas(d.get(8), "nb_rows", List.of(3, 3), "nb_cols", List.of(5, 5), "interpolation", 0, "border_mode", 1, "fill", List.of(128.0, 128.0, 128.0, 128.0));
        assertHas(d.get(10), "p_replace", List.of(0.2, 0.2), "n_segments", List.of(50, 50), "max_size", 128);
    }

    @Test
    void oneWarningPerFileNamesEverySubstitution() {
        load(DEFAULTS);
        assertThat(warnings).hasSize(1);
        String w = warnings.get(0);
        assertThat(w).contains("removed in Albumentations 1.0")
                .contains("IAAAdditiveGaussianNoise → GaussNoise(std_range=[0.01, 0.05], mean_range=[0.00196078, 0.00196078], per_channel=false) at $.transform.transforms[0]")
                .contains("IAAAffine → Affine(scale=[1, 1], keep_ratio=true, rotate=[0, 0], shear=[0, 0], interpolation=1, mask_interpolation=1, border_mode=4, fill=0, fill_mask=0) at $.transform.transforms[1]")
                .contains("IAACropAndPad → CropAndPad(").contains("IAAEmboss → Emboss(").contains("IAAFliplr → HorizontalFlip() at $.transform.transforms[4]")
                .contains("IAAFlipud → VerticalFlip()").contains("IAAPerspective → Perspective(").contains("IAAPiecewiseAffine → PiecewiseAffine(")
                .contains("IAASharpen → Sharpen(").contains("IAASuperpixels → Superpixels(")
                .doesNotContain("approximate"); // the defaults translate exactly

        warnings.clear();
        load(EXPLICIT);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("IAAAffine → Affine(").contains("at $.transform.transforms[1] (approximate: x and y translations drawn apart"
                + " (imgaug drew one for both); x and y shears drawn apart (imgaug drew one for both))");

        warnings.clear();
        load("{\"__version__\": \"1.3.1\", \"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"HorizontalFlip\"}]}}");
        assertThat(warnings).isEmpty();
    }

    @Test
    void wrappersInsideContainersAreFound() {
        Compose c = load("""
            {"__version__": "0.4.6", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [
              {"__class_fullname__": "OneOf", "p": 0.5, "transforms": [
                {"__class_fullname__": "IAASharpen", "p": 1.0}, {"__class_fullname__": "albumentations.imgaug.transforms.IAAEmboss", "p": 1.0}]},
              {"__class_fullname__": "OneOrOther", "p": 0.5, "first": {"__class_fullname__": "IAAFliplr"}, "second": {"__class_fullname__": "NoOp"}}]}}
            """);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("IAASharpen → Sharpen(").contains("at $.transform.transforms[0].transforms[0]")
                .contains("IAAEmboss → Emboss(").contains("IAAFliplr → HorizontalFlip() at $.transform.transforms[1].first");
        assertThat(PipelineFile.toJson(c)).contains("\"Sharpen\"").contains("\"Emboss\"").contains("\"HorizontalFlip\"");
    }

    @Test
    void savingWritesTheModernNames() {
        Compose c = load(EXPLICIT);
        String json = PipelineFile.toJson(c);
        assertThat(json).doesNotContain("IAA").doesNotContain("imgaug").contains("\"__class_fullname__\" : \"GaussNoise\"").contains("\"Superpixels\"");
        warnings.clear();
        Compose again = load(json);
        assertThat(warnings).isEmpty();
        assertThat(again.toDict()).isEqualTo(c.toDict());
    }

    @Test
    void scalarsFollowZeroXsToTuple() {
        Map<String, Object> affine = LegacyImgaug.translate(Map.of("__class_fullname__", "IAAAffine", "scale", 0.9, "rotate", 15, "shear", 5,
                "translate_percent", 0.2), "$", true, w -> {}).modern();
        assertHas(affine, "scale", List.of(0.9, 1.0), "rotate", List.of(-15, 15), "shear", List.of(-5, 5), "translate_percent", List.of(0, 0.2));
        assertHas(LegacyImgaug.translate(Map.of("__class_fullname__", "IAAPerspective", "scale", 0.2), "$", true, w -> {}).modern(),
                "scale", List.of(0.2, 1.0));
        assertHas(LegacyImgaug.translate(Map.of("__class_fullname__", "IAAAdditiveGaussianNoise", "scale", 25.5, "loc", List.of(-2, 2)), "$", true, w -> {}).modern(),
                "std_range", List.of(0.0, 0.1), "mean_range", List.of(-1.5 / 255, 2.5 / 255));
    }

    @Test
    void approximationsAreNamed() {
        LegacyImgaug.Substitution s = LegacyImgaug.translate(Map.of("__class_fullname__", "IAAPiecewiseAffine", "order", 4, "cval", List.of(0, 100)),
                "$", true, w -> {});
        assertHas(s.modern(), "interpolation", 2, "fill", List.of(50.0, 50.0, 50.0, 50.0));
        assertThat(s.approximate()).containsExactly("order 4 (scikit-image) becomes bicubic interpolation", "cval range [0, 100] becomes the fill 50");
        LegacyImgaug.Substitution noise = LegacyImgaug.translate(Map.of("__class_fullname__", "IAAAdditiveGaussianNoise", "per_channel", 0.5),
                "$", true, w -> {});
        assertHas(noise.modern(), "per_channel", true);
        assertThat(noise.describe()).contains("approximate: per_channel=0.5 (imgaug: per channel for that share of the images) becomes true");
    }

    @Test
    void badParametersNameTheWrapper() {
        assertThatThrownBy(() -> load("""
            {"__version__": "0.5.2", "transform": {"__class_fullname__": "Compose", "transforms": [
              {"__class_fullname__": "IAAAffine", "mode": "mirror"}]}}
            """)).isInstanceOf(PipelineException.class).hasMessageContaining("$.transform.transforms[0].mode")
                .hasMessageContaining("IAAAffine.mode").hasMessageContaining("'mirror'").hasMessageContaining("constant, edge, symmetric, reflect, wrap");
        assertThatThrownBy(() -> load("""
            {"__version__": "0.5.2", "transform": {"__class_fullname__": "Compose", "transforms": [
              {"__class_fullname__": "IAACropAndPad", "px": 4, "pad_mode": "median"}]}}
            """)).isInstanceOf(PipelineException.class).hasMessageContaining("IAACropAndPad.pad_mode").hasMessageContaining("'median'");
        assertThatThrownBy(() -> load("""
            {"__version__": "0.5.2", "transform": {"__class_fullname__": "Compose", "transforms": [
              {"__class_fullname__": "IAASharpen", "sigma": 2}]}}
            """)).isInstanceOf(PipelineException.class).hasMessageContaining("unknown parameter 'sigma' for IAASharpen")
                .hasMessageContaining("$.transform.transforms[0].sigma");
        // not strict: the unknown parameter is a warning, besides the one about the substitution
        Compose c = PipelineFile.fromJson("""
            {"__version__": "0.5.2", "transform": {"__class_fullname__": "Compose", "strict": false, "transforms": [
              {"__class_fullname__": "IAASharpen", "sigma": 2}]}}
            """, PipelineFile.Options.defaults().withWarnings(warnings::add));
        assertThat(c.transforms()).extracting(Transform::name).containsExactly("Sharpen");
        assertThat(warnings).hasSize(2).anyMatch(w -> w.contains("ignoring unknown parameter 'sigma' for IAASharpen"));
    }

    @Test
    void aUsersOwnTransformOfThatNameWins() {
        Compose c = PipelineFile.fromJson("""
            {"__version__": "0.5.2", "transform": {"__class_fullname__": "Compose", "transforms": [{"__class_fullname__": "IAAFliplr", "p": 0.3}]}}
            """, PipelineFile.Options.defaults().withWarnings(warnings::add).withTransform("IAAFliplr", r -> new NoOp(r.p(0.5))));
        assertThat(c.transforms().get(0)).isInstanceOf(NoOp.class);
        assertThat(warnings).isEmpty();
    }

    @Test
    void translatedPipelinesRun() {
        Compose c = load(DEFAULTS);
        for (long seed = 0; seed < 4; seed++) {
            try (Sample in = Sample.builder().image(Mats.fromBytes(new byte[48 * 64 * 3], 48, 64, 3)).mask(Mats.fromBytes(new byte[48 * 64], 48, 64, 1)).build();
                 Sample out = c.apply(in, seed)) {
                assertThat(out.image().rows()).isEqualTo(48);
                Sample.releaseReplaced(out, out, in.mats());
            }
        }
    }

    @Test
    void aNumberFillColoursEveryChannelAsImgaugDid() {
        Compose c = PipelineFile.fromJson("""
            {"__version__": "0.4.6", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [
              {"__class_fullname__": "albumentations.imgaug.transforms.IAAAffine", "always_apply": false, "p": 1.0, "scale": [1.0, 1.0],
               "translate_percent": null, "translate_px": null, "rotate": [45, 45], "shear": [0, 0], "order": 0, "cval": 7, "mode": "constant"}]}}
            """, PipelineFile.Options.defaults().withWarnings(w -> {}));
        assertThat(c.semantics()).isEqualTo(Semantics.ALBUMENTATIONS_1_3);
        byte[] rgb = new byte[20 * 20 * 3];
        java.util.Arrays.fill(rgb, (byte) 100);
        try (Sample in = Sample.of(Mats.fromBytes(rgb, 20, 20, 3)); Sample out = c.apply(in, 1L)) {
            byte[] got = Mats.toBytes(out.image());
            assertThat(new int[] {got[0] & 0xff, got[1] & 0xff, got[2] & 0xff}).as("corner pixel, outside the rotated image").containsExactly(7, 7, 7);
        }
    }
}
