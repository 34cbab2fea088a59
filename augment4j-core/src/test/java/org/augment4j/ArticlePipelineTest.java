package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineFile;
import org.augment4j.transform.Range;
import org.augment4j.transform.blur.Blur;
import org.augment4j.transform.dropout.Cutout;
import org.augment4j.transform.dropout.MaskDropout;
import org.augment4j.transform.noise.GaussNoise;
import org.augment4j.transform.pixel.RGBShift;
import org.augment4j.transform.spatial.ElasticTransform;
import org.augment4j.transform.spatial.RandomSizedCrop;
import org.augment4j.transform.spatial.ShiftScaleRotate;
import org.junit.jupiter.api.Test;

/**
 * The article's pipeline, as written, on real COCO photos with boxes, instance masks and person keypoints:
 * {@code Compose([RandomSizedCrop((412, 612), 512, 512), ShiftScaleRotate(), RGBShift(), Blur(), GaussNoise(),
 * ElasticTransform(), MaskDropout((10, 15), p=1), Cutout(p=1)], p=1)}.
 */
class ArticlePipelineTest {
    static final int RUNS = 1000;

    /** The README's Java quick-start. */
    static Compose article() {
        return new Compose(List.of(
                new RandomSizedCrop(Range.of(412, 612), 512, 512),
                new ShiftScaleRotate(),
                new RGBShift(),
                new Blur(),
                new GaussNoise(),
                new ElasticTransform(),
                new MaskDropout(Range.of(10, 15), 1.0),
                new Cutout(1.0)),
            1.0, CocoFixture.BOXES, CocoFixture.KEYPOINTS, Map.of(), null);
    }

    /**
     * The shipped file is a hand-written 1.3.1 file: read with 2.x's defaults it is the Java pipeline; read as its own
     * version, the parameters it leaves out take 1.3.1's defaults, as in Albumentations 1.3.1.
     */
    @Test
    void javaPipelineEqualsTheShippedPipelineFile() {
        Path path = repoRoot().resolve("pipelines/article.json");
        Compose as2 = PipelineFile.load(path, PipelineFile.Options.defaults().withSemantics(Semantics.ALBUMENTATIONS_2));
        List<Object> javaTransforms = new ArrayList<>(article().transforms().stream().map(Transform::toDict).toList());
        assertThat(as2.transforms().stream().map(Transform::toDict).toList()).isEqualTo(javaTransforms);

        List<Map<String, Object>> as131 = PipelineFile.load(path).transforms().stream().map(Transform::toDict).toList();
        assertThat(as131.get(1)).as("ShiftScaleRotate").containsEntry("border_mode", 4);
        assertThat(as131.get(4)).as("GaussNoise").containsKey("var_limit").doesNotContainKey("std_range");
        assertThat(as131.get(5)).as("ElasticTransform").containsEntry("border_mode", 4).containsEntry("alpha_affine", 50.0);
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !p.resolve("pipelines/article.json").toFile().exists()) p = p.getParent();
        return p;
    }

    @Test
    void runsAThousandTimesOnRealPhotosWithEveryTarget() {
        Compose pipeline = article();
        List<Sample> inputs = new ArrayList<>();
        for (String stem : CocoFixture.STEMS) inputs.add(CocoFixture.load(stem));
        int boxesIn = 0, boxesOut = 0, kpsOut = 0;
        try {
            for (int run = 0; run < RUNS; run++) {
                Sample in = inputs.get(run % inputs.size());
                try (Sample out = pipeline.apply(in, run)) {
                    assertThat(out.width()).isEqualTo(512);
                    assertThat(out.height()).isEqualTo(512);
                    assertThat(out.mask().rows()).isEqualTo(512);
                    boxesIn += in.boxes().size();
                    boxesOut += out.boxes().size();
                    kpsOut += out.keypoints().size();
                    for (int i = 0; i < out.boxes().size(); i++) {
                        double[] b = out.boxes().get(i);
                        assertThat(b[0]).isBetween(0.0, 1.0);
                        assertThat(b[3]).isBetween(0.0, 1.0);
                        assertThat(b[2]).isGreaterThan(b[0]);
                        assertThat(b[3]).isGreaterThan(b[1]);
                    }
                    for (int i = 0; i < out.keypoints().size(); i++) {
                        double[] k = out.keypoints().get(i);
                        assertThat(k[0]).isGreaterThanOrEqualTo(0).isLessThan(512);
                        assertThat(k[1]).isGreaterThanOrEqualTo(0).isLessThan(512);
                    }
                    assertThat(out.boxes().labels().get("category_id")).hasSize(out.boxes().size());
                    assertThat(out.keypoints().labels().get("keypoint_labels")).hasSize(out.keypoints().size());
                    if (run % 100 == 0) {
                        try (Sample again = pipeline.apply(in, run)) {
                            assertThat(Mats.toBytes(again.image())).as("run %d replayed with its seed", run).isEqualTo(Mats.toBytes(out.image()));
                            assertThat(Mats.toBytes(again.mask())).isEqualTo(Mats.toBytes(out.mask()));
                            assertThat(again.boxes().toArray()).isDeepEqualTo(out.boxes().toArray());
                            assertThat(again.keypoints().toArray()).isDeepEqualTo(out.keypoints().toArray());
                            assertThat(again.applied()).isEqualTo(out.applied());
                        }
                    }
                }
            }
        } finally {
            inputs.forEach(Sample::close);
        }
        // MaskDropout drops 10-15 objects per run, so many boxes go, but not all of them.
        assertThat(boxesOut).isPositive().isLessThan(boxesIn);
        assertThat(kpsOut).isPositive();
    }
}
