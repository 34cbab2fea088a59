package org.augment4j.transform.channel;

import static org.bytedeco.opencv.global.opencv_core.COVAR_NORMAL;
import static org.bytedeco.opencv.global.opencv_core.COVAR_ROWS;
import static org.bytedeco.opencv.global.opencv_core.COVAR_SCALE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.calcCovarMatrix;
import static org.bytedeco.opencv.global.opencv_core.eigen;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_core.transform;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Colour jitter along the principal components of the image's own pixels (AlexNet's "fancy PCA"). Albumentations'
 * {@code FancyPCA}: {@code alpha} the standard deviation of the per-component factors, {@code >= 0} (default 0.1),
 * p = 0.5. Targets: image (uint8 or float32, any number of channels).
 *
 * <p>As Albumentations 2.x, in [0, 1] floats with the pixels as rows {@code x}, centred {@code x − μ}: with the
 * covariance's eigenvalues {@code λ} (descending, sample covariance) and eigenvectors {@code V},
 * {@code x' = x + (x − μ)·diag(α·λ)·Vᵀ} where {@code α ~ N(0, alpha)} per channel; one channel:
 * {@code x' = x + α·σ·(x − μ)}. Clipped to [0, 1]; uint8 goes in divided by 255 and comes back as {@code rint(v·255)}.
 * Eigenvector signs are OpenCV's ({@code eigen}), so results can differ from numpy's where a sign flips.
 */
public final class FancyPCA extends PixelTransform<FancyPCA.Alphas> {
    /** The sampled factor of each principal component. */
    public record Alphas(List<Double> alphaVector) {
        /** Copies {@code alphaVector} into an unmodifiable list. */
        public Alphas {
            alphaVector = List.copyOf(alphaVector);
        }
    }

    private final double alpha;

    /**
     * @param alpha {@code alpha}: standard deviation of the per-component factors, {@code >= 0}
     * @param p     probability of applying the transform, in [0, 1]
     */
    public FancyPCA(double alpha, double p) {
        super(p);
        this.alpha = Check.between(name(), "alpha", alpha, 0, Double.MAX_VALUE);
    }

    /** With Albumentations' defaults: alpha 0.1, p = 0.5. */
    public FancyPCA() {
        this(0.1, 0.5);
    }

    static FancyPCA fromDict(Params r) {
        return new FancyPCA(r.dbl("alpha", 0.1), r.p(0.5));
    }

    @Override
    public Alphas sampleParams(Sample sample, RandomGenerator rng) {
        List<Double> a = new ArrayList<>();
        for (int c = 0; c < sample.image().channels(); c++) a.add((double) (float) (alpha * rng.nextGaussian()));
        return new Alphas(a);
    }

    @Override
    protected Mat applyToImage(Mat image, Alphas a) {
        int c = image.channels();
        Check.that(a.alphaVector().size() == c, name(), "has " + a.alphaVector().size() + " factors for an image with " + c + " channel(s)");
        try (Mat f = new Mat(); Mat out = new Mat()) {
            image.convertTo(f, CV_32F, Mats.isFloat(image) ? 1 : 1 / 255.0, 0);
            if (c == 1) {
                try (Mat mean = new Mat(); Mat std = new Mat()) {
                    meanStdDev(f, mean, std);
                    double mu = ((DoubleBuffer) mean.createBuffer()).get(0), s = a.alphaVector().get(0) * ((DoubleBuffer) std.createBuffer()).get(0);
                    f.convertTo(out, CV_32F, 1 + s, -s * mu);
                }
            } else {
                try (Mat m = matrix(f, c, a.alphaVector())) {
                    transform(f, out, m);
                }
            }
            PixelKernels.clipInPlace(out, 0, 1);
            Mat result = new Mat();
            out.convertTo(result, Mats.isFloat(image) ? CV_32F : CV_8U, Mats.isFloat(image) ? 1 : 255, 0);
            return result;
        }
    }

    /** The c×(c+1) affine map {@code [I + V·D | −V·D·μ]} acting on column pixels. */
    private static Mat matrix(Mat f, int c, List<Double> alphas) {
        long n = f.total();
        try (Mat rows = f.reshape(1, (int) n); Mat covar = new Mat(); Mat mean = new Mat(); Mat evals = new Mat(); Mat evecs = new Mat()) {
            calcCovarMatrix(rows, covar, mean, COVAR_NORMAL | COVAR_ROWS | COVAR_SCALE, CV_64F);
            covar.convertTo(covar, CV_64F, n / (double) (n - 1), 0); // numpy's np.cov divides by n − 1
            eigen(covar, evals, evecs);
            DoubleBuffer l = evals.createBuffer(), v = evecs.createBuffer(), mu = mean.createBuffer();
            double[][] vd = new double[c][c]; // (V·D)[j][k] = V[j][k]·α_k·λ_k, V's columns the eigenvectors (evecs' rows)
            for (int j = 0; j < c; j++) for (int k = 0; k < c; k++) vd[j][k] = v.get(k * c + j) * alphas.get(k) * l.get(k);
            Mat m = new Mat(c, c + 1, CV_64F);
            DoubleBuffer b = m.createBuffer();
            for (int j = 0; j < c; j++) {
                double off = 0;
                for (int k = 0; k < c; k++) {
                    b.put(j * (c + 1) + k, (j == k ? 1 : 0) + vd[j][k]);
                    off -= vd[j][k] * mu.get(k);
                }
                b.put(j * (c + 1) + c, off);
            }
            return m;
        }
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alpha", alpha);
        return m;
    }
}
