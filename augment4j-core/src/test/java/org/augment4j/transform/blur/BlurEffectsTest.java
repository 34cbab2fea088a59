package org.augment4j.transform.blur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.augment4j.Sample;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.Range;
import org.augment4j.transform.pixel.Images;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented effect of each blur-family transform on constants, edges and real photos. */
class BlurEffectsTest {

    static int[] u8(Mat m) {
        byte[] b = Mats.toBytes(m);
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }

    /** Sum of absolute differences between horizontal neighbours of a 3-channel image: high for sharp images. */
    static double roughness(Mat m) {
        int[] v = u8(m);
        int w = m.cols(), c = m.channels();
        double s = 0;
        for (int i = c; i < v.length; i++) if ((i / c) % w != 0) s += Math.abs(v[i] - v[i - c]);
        return s;
    }

    static double meanAbsDiff(Mat a, Mat b) {
        int[] x = u8(a), y = u8(b);
        double s = 0;
        for (int i = 0; i < x.length; i++) s += Math.abs(x[i] - y[i]);
        return s / x.length;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Mat apply(BasicTransform t, Mat image, Record params) {
        return t.apply(Sample.of(image), params).image();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void everyTransformKeepsAConstantImageConstant(long seed) {
        List<BasicTransform<?>> all = List.of(new GaussianBlur(Range.of(0, 9), Range.of(0.5, 3), 1), new MedianBlur(), new MotionBlur(),
                new Sharpen(Range.of(0, 1), Range.fixed(1), "gaussian", 5, 1, 1), new UnsharpMask(Range.of(3, 9), Range.of(0, 3), Range.of(0, 1), 0, 1),
                new Emboss(Range.of(0, 1), Range.of(0, 1), 1), new Downscale(Range.of(0.1, 0.9), 1, 2, 1), new Defocus(Range.of(1, 6), Range.of(0, 1), 1), new ZoomBlur(),
                new GlassBlur(0.7, 3, 2, "exact", 1), new AdvancedBlur(), new RingingOvershoot());
        for (BasicTransform<?> t : all) {
            Mat image = Images.constant(37, 41, 3, 123);
            Sample out = t.apply(Sample.of(image), new SplittableRandom(seed));
            assertThat(Arrays.stream(u8(out.image())).distinct().toArray()).as(t.name()).containsExactly(123);
            Mats.release(out.image(), image);
        }
    }

    @Test
    void gaussianKernelFollowsSigmaLikePil() {
        assertThat(GaussianBlur.kernel1d(1.0, 0)).hasSize(7);
        assertThat(GaussianBlur.kernel1d(0.5, 0)).hasSize(3);
        assertThat(GaussianBlur.kernel1d(2.0, 0)).hasSize(15);
        assertThat(GaussianBlur.kernel1d(2.0, 4)).as("even sizes raised").hasSize(5);
        float[] k = GaussianBlur.kernel1d(1.3, 0);
        double sum = 0;
        for (float v : k) sum += v;
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        assertThat(k[k.length / 2]).isGreaterThan(k[0]);
        assertThat(k[1]).isEqualTo(k[k.length - 2]);
    }

    @Test
    void gaussianBlurSmoothsThePhotoMoreWithLargerSigma() {
        Mat image = Images.astronaut();
        GaussianBlur t = new GaussianBlur();
        Mat small = apply(t, image, new GaussianBlur.Kernel(0, 0.5)), large = apply(t, image, new GaussianBlur.Kernel(0, 3));
        assertThat(roughness(small)).isLessThan(roughness(image));
        assertThat(roughness(large)).isLessThan(roughness(small) * 0.7);
        Mats.release(image, small, large);
    }

    @Test
    void medianBlurRemovesAnIsolatedOutlierAndQuantisesFloats() {
        Mat image = Images.constant(20, 20, 1, 50);
        byte[] b = Mats.toBytes(image);
        b[10 * 20 + 10] = (byte) 255;
        Mat spiky = Mats.fromBytes(b, 20, 20, 1);
        Mat out = apply(new MedianBlur(), spiky, new MedianBlur.Kernel(3));
        assertThat(Arrays.stream(u8(out)).distinct().toArray()).containsExactly(50);
        Mat f = Images.toFloat(Images.astronaut());
        Mat fo = apply(new MedianBlur(), f, new MedianBlur.Kernel(7));
        for (float v : Arrays.copyOf(Mats.toFloats(fo), 5000)) assertThat(Math.abs(v * 255 - Math.rint(v * 255))).isLessThan(1e-3f);
        Mats.release(image, spiky, out, f, fo);
    }

    @Test
    void motionKernelIsANormalisedLineAlongTheAngle() {
        float[] h = MotionBlur.kernel(new MotionBlur.Motion(5, 0, 0, 0, 0));
        for (int i = 0; i < 25; i++) assertThat(h[i]).as("cell %d", i).isEqualTo(i / 5 == 2 ? 0.2f : 0f);
        float[] v = MotionBlur.kernel(new MotionBlur.Motion(5, 90, 0, 0, 0));
        for (int i = 0; i < 25; i++) assertThat(v[i]).as("cell %d", i).isEqualTo(i % 5 == 2 ? 0.2f : 0f);
        float[] any = MotionBlur.kernel(new MotionBlur.Motion(9, 33, -0.7, 1.2, -0.8));
        double sum = 0;
        for (float x : any) sum += x;
        assertThat(sum).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void horizontalMotionSmearsVerticalEdgesOnly() {
        byte[] b = new byte[40 * 40];
        for (int y = 0; y < 40; y++) for (int x = 0; x < 40; x++) b[y * 40 + x] = (byte) (x < 20 ? 0 : 200);
        Mat vertical = Mats.fromBytes(b, 40, 40, 1);
        Mat out = apply(new MotionBlur(), vertical, new MotionBlur.Motion(7, 0, 0, 0, 0));
        int[] o = u8(out);
        assertThat(o[10 * 40 + 19]).isBetween(1, 199);
        Mat turned = new Mat();
        org.bytedeco.opencv.global.opencv_core.transpose(vertical, turned);
        Mat out2 = apply(new MotionBlur(), turned, new MotionBlur.Motion(7, 0, 0, 0, 0));
        assertThat(u8(out2)).isEqualTo(u8(turned));
        Mats.release(vertical, out, turned, out2);
    }

    @Test
    void sharpenAndEmbossMatricesAndEffects() {
        float[] s = Sharpen.matrix(0.4, 0.7);
        double sum = 0;
        for (float x : s) sum += x;
        assertThat(sum).isCloseTo(0.6 + 0.4 * 0.7, within(1e-5));
        assertThat(s[4]).isCloseTo((float) (0.6 + 0.4 * 8.7), within(1e-5f));
        float[] e = Emboss.matrix(0.5, 0.3);
        sum = 0;
        for (float x : e) sum += x;
        assertThat(sum).as("emboss keeps the mean").isCloseTo(1.0, within(1e-5));
        Mat image = Images.coffee();
        Mat same = apply(new Sharpen(), image, new Sharpen.Amount(0, 1));
        assertThat(u8(same)).as("alpha 0 is the identity").isEqualTo(u8(image));
        Mat sharp = apply(new Sharpen(), image, new Sharpen.Amount(0.8, 1));
        assertThat(roughness(sharp)).isGreaterThan(roughness(image) * 1.2);
        Mat gauss = apply(new Sharpen(Range.of(0.2, 0.5), Range.of(0.5, 1), "gaussian", 5, 1, 1), image, new Sharpen.Amount(0.8, 1));
        assertThat(roughness(gauss)).isGreaterThan(roughness(image) * 1.1);
        Mat embossed = apply(new Emboss(), image, new Emboss.Amount(1, 0.7));
        assertThat(meanAbsDiff(embossed, image)).isGreaterThan(2);
        Mats.release(image, same, sharp, gauss, embossed);
    }

    @Test
    void unsharpMaskSharpensAboveTheThresholdOnly() {
        Mat image = Images.astronaut();
        Mat sharp = apply(new UnsharpMask(), image, new UnsharpMask.Amount(5, 0, 1));
        assertThat(roughness(sharp)).isGreaterThan(roughness(image) * 1.1);
        UnsharpMask never = new UnsharpMask(Range.of(3, 7), Range.fixed(0), Range.of(0.2, 0.5), 255, 1);
        Mat same = apply(never, image, new UnsharpMask.Amount(5, 0, 1));
        assertThat(u8(same)).as("no residual exceeds 255").isEqualTo(u8(image));
        Mats.release(image, sharp, same);
    }

    @Test
    void downscaleNearestMakesBlocks() {
        Mat image = Images.astronaut();
        Mat out = apply(new Downscale(), image, new Downscale.Scale(0.25));
        int[] o = u8(out);
        int w = image.cols(), same = 0, total = 0;
        for (int i = 3; i < o.length; i++) {
            if ((i / 3) % w == 0) continue;
            total++;
            if (o[i] == o[i - 3]) same++;
        }
        assertThat((double) same / total).as("3 of 4 horizontal neighbours repeat").isGreaterThan(0.74);
        assertThat(out.rows()).isEqualTo(image.rows());
        Mat linear = apply(new Downscale(Range.fixed(0.25), 1, 1, 1), image, new Downscale.Scale(0.25));
        assertThat(roughness(linear)).isLessThan(roughness(image));
        Mats.release(image, out, linear);
    }

    @Test
    void compressionDecodesCloseToTheInputAndQualityMatters() {
        Mat image = Images.coffee();
        ImageCompression jpeg = new ImageCompression();
        Mat q95 = apply(jpeg, image, new ImageCompression.Quality(95)), q5 = apply(jpeg, image, new ImageCompression.Quality(5));
        assertThat(meanAbsDiff(q95, image)).isGreaterThan(0).isLessThan(3);
        assertThat(meanAbsDiff(q5, image)).isGreaterThan(meanAbsDiff(q95, image) * 2);
        Mat webp = apply(new ImageCompression("webp", Range.of(99, 100), 1), image, new ImageCompression.Quality(10));
        assertThat(meanAbsDiff(webp, image)).isGreaterThan(0).isLessThan(20);
        assertThat(u8(webp)).isNotEqualTo(u8(q5));
        Mat j = apply(new JpegCompression(), image, new JpegCompression.Quality(5));
        assertThat(u8(j)).as("JpegCompression is the same JPEG round trip").isEqualTo(u8(q5));
        Mat rgba = Images.rgba(image);
        Mat c4 = apply(jpeg, rgba, new ImageCompression.Quality(50));
        assertThat(c4.channels()).isEqualTo(4);
        Mats.release(image, q95, q5, webp, j, rgba, c4);
    }

    @Test
    void pipelineFilesReadAlbumentations2And13Names() {
        assertThat(TransformRegistry.create("GaussianBlur", Map.of()).toDict()).containsEntry("blur_limit", List.of(0L, 0L))
                .containsEntry("sigma_limit", List.of(0.5, 3L)).containsEntry("p", 0.5);
        assertThat(TransformRegistry.create("GaussianBlur", Map.of("blur_limit", 7, "sigma_limit", 2)).toDict())
                .containsEntry("blur_limit", List.of(0L, 7L)).containsEntry("sigma_limit", List.of(0L, 2L));
        assertThat(TransformRegistry.create("MedianBlur", Map.of("blur_limit", 9)).toDict()).containsEntry("blur_limit", List.of(3L, 9L));
        Map<String, Object> d = TransformRegistry.create("Downscale", Map.of("scale_min", 0.3, "scale_max", 0.6, "interpolation", 1)).toDict();
        assertThat(d).containsEntry("scale_min", 0.3).containsEntry("scale_max", 0.6).containsEntry("interpolation", Map.of("downscale", 1L, "upscale", 1L));
        assertThat(TransformRegistry.create("Downscale", Map.of("interpolation_pair", Map.of("downscale", 3, "upscale", 1))).toDict())
                .containsEntry("interpolation_pair", Map.of("downscale", 3L, "upscale", 1L)).containsEntry("scale_range", List.of(0.25, 0.25));
        assertThat(TransformRegistry.create("ImageCompression", Map.of("quality_lower", 40, "quality_upper", 60, "compression_type", 1)).toDict())
                .containsEntry("quality_lower", 40L).containsEntry("compression_type", 1L);
        assertThat(TransformRegistry.create("ImageCompression", Map.of("compression_type", "webp", "quality_range", List.of(10, 20))).toDict())
                .containsEntry("compression_type", "webp").containsEntry("quality_range", List.of(10L, 20L));
        assertThat(TransformRegistry.create("JpegCompression", Map.of("quality_lower", 50)).toDict()).containsEntry("quality_lower", 50)
                .containsEntry("quality_upper", 100);
    }

    @Test
    void badParametersNameTheParameter() {
        assertThatThrownBy(() -> new GaussianBlur(Range.of(-1, 3), Range.of(0.5, 3), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GaussianBlur").hasMessageContaining("blur_limit");
        assertThatThrownBy(() -> new GaussianBlur(Range.fixed(0), Range.of(-1, 3), 1)).hasMessageContaining("sigma_limit");
        assertThatThrownBy(() -> new MedianBlur(Range.of(1, 5), 1)).hasMessageContaining("MedianBlur").hasMessageContaining("blur_limit");
        assertThatThrownBy(() -> new MotionBlur(Range.of(3, 7), true, Range.of(0, 400), Range.of(-1, 1), 1)).hasMessageContaining("angle_range");
        assertThatThrownBy(() -> new MotionBlur(Range.of(3, 7), true, Range.of(0, 360), Range.of(-2, 1), 1)).hasMessageContaining("direction_range");
        assertThatThrownBy(() -> new Sharpen(Range.of(0.2, 1.5), Range.of(0.5, 1), "kernel", 5, 1, 1)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new Sharpen(Range.of(0.2, 0.5), Range.of(0.5, 1), "laplace", 5, 1, 1)).hasMessageContaining("method");
        assertThatThrownBy(() -> new Sharpen(Range.of(0.2, 0.5), Range.of(0.5, 1), "gaussian", 4, 1, 1)).hasMessageContaining("kernel_size");
        assertThatThrownBy(() -> new UnsharpMask(Range.of(3, 7), Range.fixed(0), Range.of(0.2, 0.5), 300, 1)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new UnsharpMask(Range.fixed(0), Range.fixed(0), Range.of(0.2, 0.5), 10, 1)).hasMessageContaining("sigma_limit");
        assertThatThrownBy(() -> new Emboss(Range.of(0.2, 0.5), Range.of(-1, 0.5), 1)).hasMessageContaining("strength");
        assertThatThrownBy(() -> new Downscale(Range.of(0.5, 1.5), 0, 0, 1)).hasMessageContaining("scale_range");
        assertThatThrownBy(() -> new Downscale(Range.of(0.5, 0.5), 9, 0, 1)).hasMessageContaining("downscale");
        assertThatThrownBy(() -> Downscale.ofScaleMinMax(0, 0.5, 0, 0, 1)).hasMessageContaining("scale_min");
        assertThatThrownBy(() -> new ImageCompression("png", Range.of(10, 20), 1)).hasMessageContaining("compression_type");
        assertThatThrownBy(() -> new ImageCompression("jpeg", Range.of(0, 20), 1)).hasMessageContaining("quality_range");
        assertThatThrownBy(() -> new JpegCompression(80, 20, 1)).hasMessageContaining("quality_lower");
        assertThatThrownBy(() -> TransformRegistry.create("ImageCompression", Map.of("compression_type", 5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compression_type");
        assertThatThrownBy(() -> TransformRegistry.create("Downscale", Map.of("interpolation_pair", "linear"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interpolation_pair");
    }
}
