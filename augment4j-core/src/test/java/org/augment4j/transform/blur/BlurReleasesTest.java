package org.augment4j.transform.blur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineFile;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Downscale, UnsharpMask and Emboss against values Albumentations 1.3.1 computes (run on the same 7 × 9 image), and the
 * 2.x behaviour from 2.0.8's code (albucore's uint8_io / float32_io around the same OpenCV calls); a pipeline file's
 * {@code __version__} selects which.
 */
class BlurReleasesTest {

    /** The 7 × 9 test image (see {@link Images#small7x9}). */
    static Mat image() {
        return Images.small7x9();
    }

    static int[] u8(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }

    /** {@code A.Downscale(scale_min=0.6, scale_max=0.6, interpolation={"downscale": 3, "upscale": 1})} in 1.3.1. */
    static final int[] DOWNSCALE_13 = {52, 105, 158, 75, 121, 153, 111, 146, 145, 121, 144, 163, 124, 136, 189, 142, 143, 145, 148, 143, 114,
        103, 115, 137, 76, 98, 151, 89, 120, 140, 99, 128, 138, 117, 142, 134, 120, 138, 152, 121, 129, 175, 139, 132, 149, 148, 132, 128, 119,
        120, 131, 102, 113, 133, 147, 143, 110, 138, 140, 113, 125, 136, 117, 119, 128, 133, 116, 118, 152, 133, 114, 155, 147, 113, 151, 145,
        128, 122, 143, 137, 105, 128, 150, 126, 131, 156, 112, 135, 167, 88, 121, 138, 100, 102, 99, 121, 119, 104, 143, 131, 112, 158, 123,
        130, 142, 119, 141, 133, 102, 155, 145, 117, 170, 115, 142, 195, 66, 123, 148, 71, 93, 85, 90, 109, 100, 126, 118, 116, 155, 102, 134,
        159, 92, 145, 160, 107, 160, 132, 109, 162, 119, 114, 167, 99, 122, 147, 86, 130, 122, 75, 141, 132, 86, 144, 143, 98, 122, 155, 115,
        109, 162, 125, 110, 163, 123, 105, 158, 122, 96, 149, 119, 121, 147, 95, 153, 145, 65, 160, 152, 60, 161, 159, 62, 135, 168, 88, 120,
        173, 103};

    /** 2.0.8: {@code cv2.resize(img, None, fx=0.6, fy=0.6, INTER_AREA)} then back with INTER_LINEAR, all in uint8. */
    static final int[] DOWNSCALE_2 = {53, 106, 159, 75, 121, 153, 111, 147, 145, 121, 145, 163, 124, 136, 189, 143, 143, 145, 149, 143, 115,
        103, 116, 138, 76, 99, 152, 89, 120, 140, 99, 129, 138, 117, 143, 134, 121, 138, 152, 121, 129, 175, 139, 132, 149, 148, 132, 129, 119,
        121, 132, 102, 114, 134, 147, 143, 111, 139, 141, 113, 125, 137, 117, 120, 129, 133, 116, 119, 153, 134, 114, 155, 147, 114, 151, 145,
        129, 123, 144, 138, 105, 128, 151, 127, 131, 157, 113, 136, 167, 89, 121, 138, 101, 103, 100, 122, 119, 105, 144, 131, 113, 159, 124,
        131, 143, 120, 142, 134, 102, 155, 145, 117, 170, 116, 142, 195, 67, 123, 149, 72, 93, 85, 91, 109, 101, 127, 118, 117, 156, 102, 135,
        159, 92, 145, 160, 107, 160, 132, 110, 163, 120, 114, 167, 99, 122, 148, 86, 131, 123, 75, 141, 133, 86, 145, 143, 98, 123, 155, 115,
        110, 163, 126, 110, 163, 124, 105, 158, 122, 96, 150, 119, 121, 147, 95, 154, 146, 65, 160, 152, 60, 161, 160, 62, 136, 169, 88, 121,
        174, 104};

    /** {@code A.UnsharpMask(blur_limit=3, sigma_limit=0.8, alpha=0.7, threshold=5)} in 1.3.1 (truncated). */
    static final int[] UNSHARP_13 = {0, 8, 61, 2, 55, 129, 36, 109, 207, 89, 187, 255, 168, 241, 255, 221, 255, 0, 255, 0, 25, 0, 19, 72, 20,
        73, 126, 74, 148, 223, 149, 224, 255, 219, 255, 0, 255, 0, 45, 0, 46, 110, 45, 118, 193, 113, 210, 255, 73, 157, 233, 158, 233, 255,
        205, 255, 3, 255, 0, 69, 0, 67, 175, 86, 172, 255, 58, 154, 217, 151, 255, 254, 248, 0, 10, 214, 254, 6, 255, 5, 73, 0, 24, 120, 57,
        132, 243, 173, 236, 0, 169, 244, 0, 255, 0, 40, 255, 0, 20, 1, 71, 132, 2, 48, 124, 72, 144, 230, 101, 154, 249, 231, 255, 2, 241, 255,
        16, 0, 29, 147, 0, 51, 147, 86, 170, 252, 100, 161, 247, 109, 162, 248, 229, 251, 4, 255, 255, 6, 0, 35, 153, 14, 67, 185, 38, 101,
        219, 173, 255, 0, 185, 253, 0, 217, 252, 0, 247, 255, 6, 4, 40, 154, 0, 40, 138, 163, 216, 253, 200, 253, 0, 224, 255, 9, 240, 0, 70,
        255, 0, 114, 0, 5, 143, 0, 42, 160, 165, 218, 255};

    /** The same computation as 2.0.8 finishes it: clipped and rounded. */
    static final int[] UNSHARP_2 = {0, 8, 61, 3, 56, 129, 36, 110, 207, 90, 188, 255, 168, 241, 255, 222, 255, 0, 255, 0, 26, 0, 19, 72, 20,
        73, 126, 75, 148, 224, 149, 225, 255, 220, 255, 0, 255, 0, 45, 0, 47, 110, 45, 119, 194, 113, 211, 255, 74, 158, 233, 158, 233, 255,
        205, 255, 4, 255, 0, 70, 0, 67, 175, 87, 173, 255, 58, 154, 217, 151, 255, 255, 248, 0, 10, 215, 254, 6, 255, 5, 74, 0, 24, 121, 57,
        133, 244, 174, 237, 0, 169, 244, 0, 255, 0, 41, 255, 1, 20, 2, 71, 133, 2, 49, 124, 73, 145, 230, 101, 154, 250, 231, 255, 2, 242, 255,
        16, 0, 30, 148, 0, 51, 147, 87, 170, 252, 101, 162, 247, 109, 163, 248, 229, 251, 5, 255, 255, 6, 0, 36, 153, 14, 67, 186, 38, 101,
        220, 174, 255, 0, 185, 253, 0, 218, 252, 0, 248, 255, 7, 4, 41, 154, 0, 40, 138, 164, 217, 254, 201, 254, 0, 224, 255, 9, 241, 0, 70,
        255, 0, 114, 0, 5, 144, 0, 42, 161, 166, 219, 255};

    static final String DOWNSCALE_13_JSON = "{\"__class_fullname__\": \"Downscale\", \"p\": 1, \"scale_min\": 0.6, \"scale_max\": 0.6,"
            + " \"interpolation\": {\"downscale\": 3, \"upscale\": 1}}";
    static final String UNSHARP_JSON = "{\"__class_fullname__\": \"UnsharpMask\", \"p\": 1, \"blur_limit\": [3, 3], \"sigma_limit\": [0.8, 0.8],"
            + " \"alpha\": [0.7, 0.7], \"threshold\": 5}";

    /** The output of a one-transform pipeline file written by {@code version}. */
    static int[] fromFile(String version, String transform) {
        Compose c = PipelineFile.fromJson("{\"__version__\": \"" + version + "\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1,"
                + " \"transforms\": [" + transform + "]}}");
        try (Sample in = Sample.of(image()); Sample out = c.apply(in, 7L)) {
            return u8(out.image());
        }
    }

    @Test
    void downscaleFollowsTheFileVersion() {
        assertThat(fromFile("1.3.1", DOWNSCALE_13_JSON)).as("1.3.1: float32, truncated").containsExactly(DOWNSCALE_13);
        assertThat(fromFile("2.0.8", DOWNSCALE_13_JSON)).as("2.0.8: uint8").containsExactly(DOWNSCALE_2);
    }

    /** The small image has {@code round(size · scale)} pixels, and OpenCV maps it with the factor itself. */
    @Test
    void downscaleResizesByTheFactor() {
        Downscale t = Downscale.ofScaleMinMax(0.6, 0.6, 3, 1, 1).withSemantics(Semantics.ALBUMENTATIONS_1_3);
        try (Sample s = Sample.of(image()); Sample out = t.apply(s, new Downscale.Scale(0.6))) {
            assertThat(out.width()).isEqualTo(9);
            assertThat(out.height()).isEqualTo(7);
            assertThat(u8(out.image())).containsExactly(DOWNSCALE_13);
        }
    }

    /** 1.x resamples a float32 image as it is; 2.x quantises it to uint8 around the resizes (albucore's uint8_io). */
    @Test
    void downscaleOfAFloatImage() {
        Downscale t = new Downscale(Range.fixed(0.6), 3, 1, 1);
        try (Mat u = image(); Sample s = Sample.of(BlurKernels.toFloat(u));
             Sample v13 = t.withSemantics(Semantics.ALBUMENTATIONS_1_3).apply(s, new Downscale.Scale(0.6));
             Sample v2 = t.apply(s, new Downscale.Scale(0.6))) {
            float[] a = Mats.toFloats(v13.image()), b = Mats.toFloats(v2.image());
            float[] first = {0.20768629014492035f, 0.41552942991256714f, 0.6233725547790527f, 0.2942745089530945f, 0.4753463864326477f,
                0.602875828742981f, 0.4385882616043091f, 0.5750414133071899f, 0.5687146782875061f, 0.4758170247077942f};
            for (int i = 0; i < first.length; i++) assertThat(a[i]).isCloseTo(first[i], offset(1e-6f));
            for (int i = 0; i < b.length; i++) assertThat(b[i]).isEqualTo(DOWNSCALE_2[i] / 255f);
        }
    }

    /** An image too small for the factor (a side rounding to 0, where Albumentations fails) is shrunk to one pixel. */
    @Test
    void downscaleOfATinyImage() {
        Downscale t = new Downscale(Range.fixed(0.25), 1, 1, 1);
        try (Sample s = Sample.of(Mats.fromBytes(new byte[] {10, 20, 30, 40, 50, 60}, 1, 2, 3)); Sample out = t.apply(s, new Downscale.Scale(0.25))) {
            assertThat(u8(out.image())).containsExactly(25, 35, 45, 25, 35, 45);
        }
    }

    @Test
    void unsharpMaskFollowsTheFileVersion() {
        assertThat(fromFile("1.3.1", UNSHARP_JSON)).as("1.3.1: truncated").containsExactly(UNSHARP_13);
        assertThat(fromFile("2.0.8", UNSHARP_JSON)).as("2.0.8: rounded").containsExactly(UNSHARP_2);
        assertThat(fromFile("0.5.2", UNSHARP_JSON)).as("0.x files mean 1.x").containsExactly(UNSHARP_13);
    }

    @Test
    void semanticsAreKeptInOnePlace() {
        UnsharpMask u = new UnsharpMask();
        assertThat(u.withSemantics(Semantics.ALBUMENTATIONS_2)).isSameAs(u);
        UnsharpMask u13 = u.withSemantics(Semantics.ALBUMENTATIONS_1_3);
        assertThat(u13).isNotSameAs(u);
        assertThat(u13.withSemantics(Semantics.ALBUMENTATIONS_1_3)).isSameAs(u13);
        assertThat(u13.toDict()).isEqualTo(u.toDict());
        Downscale d = new Downscale();
        assertThat(d.withSemantics(Semantics.ALBUMENTATIONS_2)).isSameAs(d);
        assertThat(d.withSemantics(Semantics.ALBUMENTATIONS_1_3).toDict()).isEqualTo(d.toDict());
    }

    /** The float32 arithmetic of Albumentations' {@code __generate_emboss_matrix} (values from 1.3.1). */
    @ParameterizedTest(name = "alpha {0}, strength {1}")
    @CsvSource({
        "0.3, 0.8, -0.5400000214576721, -0.24000000953674316, 0.24000000953674316, 0.5400000214576721",
        "0.25, 0.45, -0.36250001192092896, -0.11249999701976776, 0.11249999701976776, 0.36250001192092896",
        "0.9, 0.1, -0.9900000095367432, -0.08999999612569809, 0.08999999612569809, 0.9900000095367432"})
    void embossMatrixIsFloat32(double alpha, double strength, float corner, float edge, float edgeUp, float cornerUp) {
        assertThat(Emboss.matrix(alpha, strength)).containsExactly(corner, edge, 0f, edge, 1f, edgeUp, 0f, edgeUp, cornerUp);
    }

    /** Values of both semantics stay within the documented range and shape on a uint8 and a float32 image. */
    @Test
    void unsharpMaskOfAFloatImage() {
        UnsharpMask t = new UnsharpMask(Range.fixed(3), Range.fixed(0.8), Range.fixed(0.7), 5, 1);
        UnsharpMask.Amount a = new UnsharpMask.Amount(3, 0.8, 0.7);
        try (Mat u = image(); Sample s = Sample.of(BlurKernels.toFloat(u)); Sample v2 = t.apply(s, a);
             Sample v13 = t.withSemantics(Semantics.ALBUMENTATIONS_1_3).apply(s, a)) {
            float[] r = Mats.toFloats(v2.image()), q = Mats.toFloats(v13.image());
            for (int i = 0; i < r.length; i++) {
                assertThat(r[i]).isBetween(0f, 1f);
                assertThat(Math.round(r[i] * 255)).as("value %d", i).isEqualTo(UNSHARP_2[i]);
                assertThat((int) (q[i] * 255)).as("value %d", i).isEqualTo(UNSHARP_13[i]);
            }
        }
    }
}
