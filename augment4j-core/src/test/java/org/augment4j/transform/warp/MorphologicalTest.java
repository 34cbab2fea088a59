package org.augment4j.transform.warp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.TransformRegistry;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Morphological is OpenCV's dilate / erode with an elliptical kernel on images and masks, and moves no label. */
class MorphologicalTest {

    private static Mat reference(Mat src, int w, int h, boolean dilate) {
        Mat dst = new Mat();
        try (Size s = new Size(w, h); Mat k = opencv_imgproc.getStructuringElement(MORPH_ELLIPSE, s)) {
            if (dilate) opencv_imgproc.dilate(src, dst, k);
            else opencv_imgproc.erode(src, dst, k);
        }
        return dst;
    }

    @ParameterizedTest(name = "scale {0} {1}")
    @CsvSource({"'[2, 3]',dilation,2,3", "'[2, 3]',erosion,2,3", "'[5, 1]',dilation,5,1", "4,erosion,1,4", "'[3, 3]',dilation,3,3"})
    void isOpenCvMorphologyAndLeavesLabelsAlone(String scale, String op, int kw, int kh) {
        Object s = scale.startsWith("[") ? List.of(Integer.parseInt(scale.substring(1, 2)), Integer.parseInt(scale.substring(4, 5))) : Integer.parseInt(scale);
        Morphological t = (Morphological) TransformRegistry.create("Morphological", Map.of("scale", s, "operation", op, "p", 1));
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(t).apply(in, 0L)) {
            assertThat(out.applied().get(0).params().get("kernel")).isEqualTo(List.of(kw, kh));
            for (String name : List.of("image", "probe")) {
                try (Mat want = reference(in.images().get(name), kw, kh, op.equals("dilation"))) {
                    assertThat(Mats.toBytes(out.images().get(name))).as(name).isEqualTo(Mats.toBytes(want));
                }
            }
            try (Mat want = reference(in.mask(), kw, kh, op.equals("dilation"))) {
                assertThat(Mats.toBytes(out.mask())).isEqualTo(Mats.toBytes(want));
            }
            assertThat(out.boxes().toArray()).isDeepEqualTo(in.boxes().toArray());
            assertThat(out.keypoints().toArray()).isDeepEqualTo(in.keypoints().toArray());
            assertThat(out.keypoints().labels().get("kp_obj")).isEqualTo(in.keypoints().labels().get("kp_obj"));
        }
        SpatialContract.assertRoundTripSameOutput(t, 1L);
    }

    @Test
    void dilationGrowsBrightRegionsAndErosionShrinksThem() {
        try (Sample in = SpatialContract.rectangles(); Mat f = new Mat()) {
            in.image().convertTo(f, opencv_core.CV_32FC3, 1 / 255.0, 0);
            try (Sample fs = Sample.of(f)) {
                Sample d = new Morphological(3, 3, "dilation", 1).applyForced(fs, new SplittableRandom(0), Map.of());
                Sample e = new Morphological(3, 3, "erosion", 1).applyForced(fs, new SplittableRandom(0), Map.of());
                float[] a = Mats.toFloats(f), dv = Mats.toFloats(d.image()), ev = Mats.toFloats(e.image());
                for (int i = 0; i < a.length; i++) {
                    assertThat(dv[i]).isGreaterThanOrEqualTo(a[i]);
                    assertThat(ev[i]).isLessThanOrEqualTo(a[i]);
                }
                d.image().close();
                e.image().close();
            }
        }
    }

    @Test
    void writesItsArgumentsAndDefaults() {
        assertThat(new Morphological().toDict()).containsEntry("scale", List.of(2L, 3L)).containsEntry("operation", "dilation").containsEntry("p", 0.5);
        assertThat(TransformRegistry.create("Morphological", Map.of("scale", 4)).toDict()).containsEntry("scale", List.of(1L, 4L));
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> TransformRegistry.create("Morphological", Map.of("operation", "opening")))
                .isInstanceOf(PipelineException.class).hasMessageContaining("Morphological").hasMessageContaining("operation").hasMessageContaining("opening");
        assertThatThrownBy(() -> TransformRegistry.create("Morphological", Map.of("scale", List.of(0, 3))))
                .isInstanceOf(PipelineException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> TransformRegistry.create("Morphological", Map.of("scale", List.of(2.5, 3))))
                .isInstanceOf(PipelineException.class).hasMessageContaining("scale").hasMessageContaining("whole");
        assertThatThrownBy(() -> new Morphological(2, -1, "erosion", 0.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale[1]");
    }
}
