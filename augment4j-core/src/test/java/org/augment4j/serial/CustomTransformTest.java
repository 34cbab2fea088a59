package org.augment4j.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Compose;
import org.augment4j.OneOf;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * A file naming a class of its author's own code ({@code dataloaders.gridmask.GridMask}): refused with a message that
 * names it and says how to register it; loaded once a Java implementation is registered under its full or short name.
 */
public class CustomTransformTest {
    private static final String FILE = """
        __version__: 0.4.3
        transform:
          __class_fullname__: albumentations.core.composition.Compose
          p: 1.0
          transforms:
          - __class_fullname__: albumentations.core.composition.OneOf
            p: 1.0
            transforms:
            - __class_fullname__: dataloaders.gridmask.GridMask
              always_apply: false
              fill_value: 0
              mode: 0
              num_grid:
              - 2
              - 2
              p: 1.0
              rotate:
              - 0
              - 0
          bbox_params: null
          keypoint_params: null
          additional_targets: {}
        """;

    /** A small stand-in for the author's GridMask: blacks out the top-left quarter of each of n x n cells. */
    public static final class GridMask extends PixelTransform<GridMask.Grid> {
        /** Public, as the sampled parameters are read by reflection for replays. */
        public record Grid(int cells) {}

        private final Range numGrid;
        private final int fillValue;
        private final int mode;
        private final Range rotate;

        GridMask(Range numGrid, int fillValue, int mode, Range rotate, double p) {
            super(p);
            if (numGrid.min() < 1) throw new IllegalArgumentException("GridMask: num_grid must be at least 1, got " + numGrid);
            this.numGrid = numGrid;
            this.fillValue = fillValue;
            this.mode = mode;
            this.rotate = rotate;
        }

        static GridMask fromDict(Params r) {
            double p = r.p(0.5);
            return new GridMask(r.range("num_grid", Range.of(3, 7), Params.Scalar.FIXED), r.integer("fill_value", 0), r.integer("mode", 0),
                    r.range("rotate", Range.fixed(0), Params.Scalar.SYMMETRIC), p);
        }

        @Override
        public Grid sampleParams(Sample sample, RandomGenerator rng) {
            return new Grid(numGrid.randint(rng));
        }

        @Override
        protected Mat applyToImage(Mat image, Grid g) {
            Mat out = image.clone();
            int h = image.rows() / g.cells(), w = image.cols() / g.cells();
            for (int i = 0; i < g.cells(); i++) {
                for (int j = 0; j < g.cells(); j++) {
                    try (Rect cell = new Rect(j * w, i * h, w / 2, h / 2); Mat roi = new Mat(out, cell); Scalar fill = new Scalar(fillValue)) {
                        roi.put(fill);
                    }
                }
            }
            return out;
        }

        @Override
        protected Map<String, Object> args() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("num_grid", numGrid);
            m.put("fill_value", fillValue);
            m.put("mode", mode);
            m.put("rotate", rotate);
            return m;
        }
    }

    @Test
    void anUnregisteredClassIsNamedWithHowToRegisterIt() {
        assertThatThrownBy(() -> PipelineFile.fromYaml(FILE)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("unknown transform 'dataloaders.gridmask.GridMask'")
                .hasMessageContaining("own code (module dataloaders.gridmask)")
                .hasMessageContaining("PipelineFile.Options.withTransform(\"dataloaders.gridmask.GridMask\", params -> ...)")
                .hasMessageContaining("short name GridMask")
                .hasMessageContaining("at $.transform.transforms[0].transforms[0].__class_fullname__");
    }

    @Test
    void aJavaImplementationRegisteredUnderTheFullNameLoadsAndRuns() {
        Compose c = PipelineFile.fromYaml(FILE, PipelineFile.Options.defaults().withTransform("dataloaders.gridmask.GridMask", GridMask::fromDict));
        GridMask g = (GridMask) ((OneOf) c.transforms().get(0)).transforms().get(0);
        assertThat(g.toDict()).containsEntry("num_grid", List.of(2L, 2L)).containsEntry("mode", 0);
        byte[] white = new byte[8 * 8];
        java.util.Arrays.fill(white, (byte) 200);
        try (Sample in = Sample.of(Mats.fromBytes(white, 8, 8, 1)); Sample out = c.apply(in, 3L)) {
            byte[] px = Mats.toBytes(out.image());
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean masked = y % 4 < 2 && x % 4 < 2;
                    assertThat(px[y * 8 + x] & 0xff).as("(%d, %d)", x, y).isEqualTo(masked ? 0 : 200);
                }
            }
        }
    }

    @Test
    void theShortNameWorksToo() {
        Compose c = PipelineFile.fromYaml(FILE, PipelineFile.Options.defaults().withTransform("GridMask", GridMask::fromDict));
        assertThat(((OneOf) c.transforms().get(0)).transforms().get(0)).isInstanceOf(GridMask.class);
    }

    @Test
    void itsParametersAreCheckedLikeAnyOther() {
        PipelineFile.Options own = PipelineFile.Options.defaults().withTransform("dataloaders.gridmask.GridMask", GridMask::fromDict);
        String typo = FILE.replace("mode: 0", "mode: 0\n      ratio: 0.5");
        assertThatThrownBy(() -> PipelineFile.fromYaml(typo, own)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("unknown parameter 'ratio' for dataloaders.gridmask.GridMask")
                .hasMessageContaining("$.transform.transforms[0].transforms[0].ratio");
        List<String> warnings = new ArrayList<>();
        PipelineFile.fromYaml(typo, own.withStrict(false).withWarnings(warnings::add));
        assertThat(warnings).singleElement().asString().contains("'ratio'");

        String zero = FILE.replace("- 2\n      - 2", "- 0\n      - 2");
        assertThatThrownBy(() -> PipelineFile.fromYaml(zero, own)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("GridMask: num_grid must be at least 1").hasMessageContaining("at $.transform.transforms[0].transforms[0]");
    }
}
