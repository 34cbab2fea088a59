package org.augment4j.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.augment4j.CocoFixture;
import org.augment4j.Compose;
import org.augment4j.OneOf;
import org.augment4j.Sample;
import org.augment4j.Sequential;
import org.augment4j.SomeOf;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.pixel.InvertImg;
import org.augment4j.transform.spatial.HorizontalFlip;
import org.augment4j.transform.spatial.Transpose;
import org.augment4j.transform.spatial.VerticalFlip;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ReplayCompose records a run as Albumentations' replay tree; replaying it applies the same choices and parameters. */
class ReplayComposeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Transform t(String name, Map<String, ?> params) {
        return TransformRegistry.create(name, params);
    }

    /** Every container kind, random parameters of several shapes (angles, crop windows, noise seeds), labels on. */
    static ReplayCompose pipeline() {
        return new ReplayCompose(List.of(
                new OneOf(List.of(t("Rotate", Map.of("limit", 40, "p", 1.0)), t("Affine", Map.of("scale", List.of(0.8, 1.2), "shear", 10, "p", 1.0)))),
                new RandomOrder(List.of(new HorizontalFlip(0.5), t("RGBShift", Map.of("p", 0.9)), t("GaussNoise", Map.of("p", 1.0))), 2, false, 1.0),
                new SomeOf(List.of(new VerticalFlip(1), new Transpose(1), t("Blur", Map.of("p", 1.0))), 1),
                new Sequential(List.of(t("Posterize", Map.of("p", 0.5)), t("ElasticTransform", Map.of("p", 0.5))), 0.8),
                new SelectiveChannelTransform(List.of(new InvertImg(0.5), t("Solarize", Map.of("p", 0.5))), new int[] {0, 2}, 0.9),
                new OneOrOther(t("RandomSizedCrop", Map.of("min_max_height", List.of(200, 300), "height", 160, "width", 200)), new NoOp(1), 0.6)),
                1.0, CocoFixture.BOXES, CocoFixture.KEYPOINTS, Map.of(), null, "replay");
    }

    /** The replay through JSON text and back, as it would be saved. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> viaJson(Map<String, Object> replay) throws Exception {
        return JSON.readValue(JSON.writeValueAsString(replay), Map.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void replayingOnTheSameSampleGivesTheSameOutput(long seed) throws Exception {
        ReplayCompose rc = pipeline();
        try (Sample in = CocoFixture.load("000000397133"); Sample out = rc.apply(in, seed)) {
            Map<String, Object> saved = viaJson(rc.replayOf(out));
            try (Sample again = ReplayCompose.replay(saved, in)) {
                assertThat(Mats.toBytes(again.image())).isEqualTo(Mats.toBytes(out.image()));
                assertThat(Mats.toBytes(again.mask())).isEqualTo(Mats.toBytes(out.mask()));
                assertThat(again.boxes().toArray()).isEqualTo(out.boxes().toArray());
                assertThat(again.keypoints().toArray()).isEqualTo(out.keypoints().toArray());
                assertThat(again.applied()).isEqualTo(out.applied());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void replayingOnAnotherSampleAppliesTheSameTransformsWithTheSameParameters(long seed) throws Exception {
        ReplayCompose rc = pipeline();
        try (Sample a = CocoFixture.load("000000397133"); Sample b = CocoFixture.load("000000183709"); Sample outA = rc.apply(a, seed)) {
            assertThat(outA.applied()).isNotEmpty();
            try (Sample outB = ReplayCompose.replay(viaJson(rc.replayOf(outA)), b)) {
                assertThat(outB.applied()).isEqualTo(outA.applied());
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReplayIsTheToDictTreeWithAppliedAndParams() {
        ReplayCompose rc = pipeline();
        int oneOfRan = 0;
        for (long seed = 0; seed < 12; seed++) {
            try (Sample in = CocoFixture.load("000000397133"); Sample out = rc.apply(in, seed)) {
                Map<String, Object> r = rc.replayOf(out);
                assertThat(r).containsEntry("__class_fullname__", "ReplayCompose").containsEntry("save_key", "replay").containsEntry("applied", true);
                assertThat(r).containsKeys("bbox_params", "keypoint_params", "transforms", "params");
                Map<String, Object> oneOf = ((List<Map<String, Object>>) r.get("transforms")).get(0);
                List<Map<String, Object>> branches = (List<Map<String, Object>>) oneOf.get("transforms");
                long applied = branches.stream().filter(k -> Boolean.TRUE.equals(k.get("applied"))).count();
                for (Map<String, Object> k : branches) {
                    assertThat(k).containsKey("params");
                    if (Boolean.FALSE.equals(k.get("applied"))) assertThat(k.get("params")).isNull();
                    else assertThat(k.get("params")).isInstanceOf(Map.class);
                }
                if (oneOf.get("params") == null) {
                    assertThat(applied).as("OneOf did not go ahead").isZero();
                    assertThat(oneOf).containsEntry("applied", false);
                } else {
                    oneOfRan++;
                    assertThat(applied).isEqualTo(1);
                    assertThat((List<Integer>) ((Map<String, Object>) oneOf.get("params")).get("chosen"))
                            .containsExactly(branches.indexOf(branches.stream().filter(k -> Boolean.TRUE.equals(k.get("applied"))).findFirst().orElseThrow()));
                }
                // the tree without applied/params is the pipeline's own to_dict
                assertThat(Replay.strip(r)).isEqualTo(rc.toDict());
            }
        }
        assertThat(oneOfRan).isBetween(2, 11);
    }

    @Test
    void aPipelineThatDidNotRunReplaysAsNothing() throws Exception {
        ReplayCompose never = new ReplayCompose(List.of(new HorizontalFlip(1)), 0.0, null, null, Map.of(), null, "rk");
        try (Sample in = CocoFixture.load("000000397133"); Sample out = never.apply(in, 1L)) {
            Map<String, Object> saved = viaJson((Map<String, Object>) out.metadata().get("rk"));
            assertThat(saved).containsEntry("applied", false);
            try (Sample again = ReplayCompose.replay(saved, in)) {
                assertThat(again.applied()).isEmpty();
                assertThat(Mats.toBytes(again.image())).isEqualTo(Mats.toBytes(in.image()));
            }
        }
    }

    @Test
    void replaysWrittenByAlbumentationsReplayTheAppliedFlags() {
        // Albumentations writes params null on containers and its own parameter names (with shape) on transforms
        Map<String, Object> saved = Map.of("__class_fullname__", "ReplayCompose", "p", 1.0, "applied", true, "params", Map.of(),
                "transforms", List.of(
                        Map.of("__class_fullname__", "HorizontalFlip", "p", 0.5, "applied", true, "params", Map.of("shape", List.of(480, 640, 3))),
                        new java.util.HashMap<>(Map.of("__class_fullname__", "OneOf", "p", 0.5, "applied", true, "transforms", List.of(
                                new java.util.HashMap<>(Map.of("__class_fullname__", "VerticalFlip", "p", 0.5, "applied", false)),
                                Map.of("__class_fullname__", "Transpose", "p", 0.5, "applied", true, "params", Map.of()))))));
        try (Sample in = CocoFixture.load("000000183709"); Sample out = ReplayCompose.replay(saved, in);
             Sample expected = new Compose(List.of(new HorizontalFlip(1), new Transpose(1))).apply(in, 0L)) {
            assertThat(out.applied()).extracting(org.augment4j.AppliedTransform::name).containsExactly("HorizontalFlip", "Transpose");
            assertThat(Mats.toBytes(out.image())).isEqualTo(Mats.toBytes(expected.image()));
        }
    }

    @Test
    void lambdasAreRecordedByNameAndHandedBackForReplay() throws Exception {
        Lambda invert = Lambda.ofImage("invert", m -> {
            Mat o = new Mat();
            org.bytedeco.opencv.global.opencv_core.bitwise_not(m, o);
            return o;
        });
        ReplayCompose rc = new ReplayCompose(List.of(invert, new HorizontalFlip(0.5)));
        try (Sample in = CocoFixture.load("000000397133"); Sample out = rc.apply(in, 4L)) {
            Map<String, Object> saved = viaJson(rc.replayOf(out));
            @SuppressWarnings("unchecked")
            Map<String, Object> node = ((List<Map<String, Object>>) saved.get("transforms")).get(0);
            assertThat(node).containsEntry("__class_fullname__", "Lambda").containsEntry("__name__", "invert").containsEntry("applied", true);
            assertThatThrownBy(() -> ReplayCompose.replay(saved, in)).isInstanceOf(PipelineException.class).hasMessageContaining("Lambda 'invert'");
            try (Sample again = ReplayCompose.replay(saved, in, Map.of("invert", invert))) {
                assertThat(Mats.toBytes(again.image())).isEqualTo(Mats.toBytes(out.image()));
            }
        }
    }

    @Test
    void malformedReplaysAreErrorsWithTheirPath() {
        Map<String, Object> noApplied = Map.of("__class_fullname__", "Compose", "p", 1.0, "params", Map.of("chosen", List.of(0)),
                "transforms", List.of(Map.of("__class_fullname__", "HorizontalFlip", "p", 0.5)));
        Map<String, Object> badChoice = Map.of("__class_fullname__", "Compose", "p", 1.0, "applied", true, "params", Map.of("chosen", List.of(3)),
                "transforms", List.of(Map.of("__class_fullname__", "HorizontalFlip", "p", 0.5, "applied", true, "params", Map.of())));
        Map<String, Object> badParam = Map.of("__class_fullname__", "Compose", "p", 1.0, "applied", true, "params", Map.of("chosen", List.of(0)),
                "transforms", List.of(Map.of("__class_fullname__", "Rotate", "p", 0.5, "applied", true, "params", Map.of("angel", 3))));
        try (Sample in = CocoFixture.load("000000397133")) {
            assertThatThrownBy(() -> ReplayCompose.replay(noApplied, in)).isInstanceOf(PipelineException.class).hasMessageContaining("$.transforms[0].applied");
            assertThatThrownBy(() -> ReplayCompose.replay(badChoice, in)).isInstanceOf(PipelineException.class).hasMessageContaining("$.params.chosen");
            assertThatThrownBy(() -> ReplayCompose.replay(badParam, in)).isInstanceOf(PipelineException.class).hasMessageContaining("angel").hasMessageContaining("$.transforms[0].params");
            assertThatThrownBy(() -> ReplayCompose.replay(Map.of("__class_fullname__", "OneOf"), in)).hasMessageContaining("ReplayCompose");
        }
    }

    @Test
    void replayComposeRoundTripsThroughPipelineFiles() {
        ReplayCompose rc = pipeline();
        Compose back = PipelineFile.fromJson(PipelineFile.toJson(rc));
        assertThat(back).isInstanceOf(ReplayCompose.class);
        assertThat(back.toDict()).isEqualTo(rc.toDict());
        ReplayCompose custom = new ReplayCompose(List.of(new HorizontalFlip(1)), 1.0, null, null, Map.of(), null, "mine");
        assertThat(((ReplayCompose) PipelineFile.fromYaml(PipelineFile.toYaml(custom))).saveKey()).isEqualTo("mine");
    }
}
