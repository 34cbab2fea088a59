package org.augment4j.transform.noise;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_HLS2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HLS;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.DoubleBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.RNG;

/**
 * Camera sensor noise in HLS space. Albumentations' {@code ISONoise} (2.x): {@code color_shift} the range of the hue
 * noise's spread, within [0, 1] (default {@code [0.01, 0.05]}), {@code intensity} the range of the noise strength,
 * {@code >= 0} (default {@code [0.1, 0.5]}), p = 0.5. Targets: image (uint8 or float32; RGB only: 1 or 4 channels are
 * an error, as in Albumentations).
 *
 * <p>As Albumentations 2.x: in [0, 1] floats the image goes to HLS (hue in degrees); per pixel the hue gains
 * {@code N(0, color_shift·intensity)} and the lightness gains {@code Poisson(σ_L·intensity)·intensity·(1 − L)}, with
 * {@code σ_L} the lightness's standard deviation over the image; back to RGB, clipped to [0, 1], and for uint8
 * {@code rint(v·255)}. The normal draws come from OpenCV's {@code RNG} and the Poisson draws from a generator, both
 * seeded by {@code seed}.
 */
public final class ISONoise extends PixelTransform<ISONoise.Iso> {
    /** The sampled colour shift and intensity, and the seed of the noise. */
    public record Iso(double colorShift, double intensity, long seed) {}

    private final Range colorShift;
    private final Range intensity;

    /**
     * @param colorShift {@code color_shift}: range of the hue noise's spread, within [0, 1]
     * @param intensity  {@code intensity}: range of the noise strength, {@code >= 0}
     * @param p          probability of applying the transform, in [0, 1]
     */
    public ISONoise(Range colorShift, Range intensity, double p) {
        super(p);
        this.colorShift = Check.range(name(), "color_shift", colorShift, 0, 1);
        this.intensity = Check.range(name(), "intensity", intensity, 0, Double.MAX_VALUE);
    }

    /** With Albumentations' defaults: color_shift [0.01, 0.05], intensity [0.1, 0.5], p = 0.5. */
    public ISONoise() {
        this(Range.of(0.01, 0.05), Range.of(0.1, 0.5), 0.5);
    }

    static ISONoise fromDict(Params r) {
        return new ISONoise(r.range("color_shift", Range.of(0.01, 0.05), Params.Scalar.FIXED),
                r.range("intensity", Range.of(0.1, 0.5), Params.Scalar.FIXED), r.p(0.5));
    }

    @Override
    public Iso sampleParams(Sample sample, RandomGenerator rng) {
        return new Iso(colorShift.uniform(rng), intensity.uniform(rng), rng.nextLong());
    }

    @Override
    protected Mat applyToImage(Mat image, Iso n) {
        int c = image.channels();
        Check.that(c == 3, name(), "needs a 3-channel RGB image, got " + c + " channel(s)");
        int rows = image.rows(), cols = image.cols();
        try (Mat f = new Mat(); Mat hls = new Mat(); MatVector planes = new MatVector(); Mat mean = new Mat(); Mat std = new Mat()) {
            image.convertTo(f, CV_32F, Mats.isFloat(image) ? 1 : 1 / 255.0, 0);
            cvtColor(f, hls, COLOR_RGB2HLS);
            meanStdDev(hls, mean, std);
            double sigmaL = ((DoubleBuffer) std.createBuffer()).get(1);
            split(hls, planes);
            Mat hue = planes.get(0), light = planes.get(1);
            try (Mat hueNoise = NoiseKernels.field(rows, cols, 1, RNG.NORMAL, 0, n.colorShift() * n.intensity(), n.seed());
                 Mat lum = Mats.zeros(rows, cols, CV_32F); Mat darkness = new Mat(); Mat one = Mats.scalarMat(1);
                 Mat lam = Mats.scalarMat(sigmaL * n.intensity())) {
                add(hue, hueNoise, hue);
                add(lum, lam, lum);
                NoiseKernels.poissonInPlace(lum, n.intensity(), new SplittableRandom(n.seed()));
                subtract(one, light, darkness);
                multiply(lum, darkness, lum);
                add(light, lum, light);
            }
            merge(planes, hls);
            cvtColor(hls, f, COLOR_HLS2RGB);
            PixelKernels.clipInPlace(f, 0, 1);
            Mat out = new Mat();
            if (Mats.isFloat(image)) f.copyTo(out);
            else f.convertTo(out, CV_8U, 255, 0);
            return out;
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("color_shift", colorShift);
        m.put("intensity", intensity);
        return m;
    }
}
