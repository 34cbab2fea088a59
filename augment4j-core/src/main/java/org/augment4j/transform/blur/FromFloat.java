package org.augment4j.transform.blur;

import org.augment4j.Semantics;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How a float32 result in [0, 1] returns to the depth of the input where Albumentations releases differ (UnsharpMask,
 * Downscale): 2.x (albucore's {@code from_float}) rounds, {@code clip(rint(x · 255))}, and clips float32 results to
 * [0, 1]; 1.x ({@code from_float} of 1.3.1) truncates, {@code (x · 255).astype(uint8)}, and returns float32 results as
 * they are.
 */
enum FromFloat {
    /** Albumentations 2.x. */
    ROUND {
        @Override
        Mat apply(Mat f32, Mat like) {
            return BlurKernels.fromFloat(f32, like);
        }
    },
    /** Albumentations 1.x. */
    TRUNCATE {
        @Override
        Mat apply(Mat f32, Mat like) {
            if (Mats.isFloat(like)) return f32.clone();
            float[] v = Mats.toFloats(f32);
            byte[] out = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
                float x = v[i] * 255f; // float32, as numpy multiplies a float32 array by 255
                out[i] = (byte) (x >= 255 ? 255 : x > 0 ? (int) x : 0);
            }
            return Mats.fromBytes(out, f32.rows(), f32.cols(), f32.channels());
        }
    };

    /** {@code f32} (float32 in [0, 1]) as a new matrix of the depth of {@code like}. */
    abstract Mat apply(Mat f32, Mat like);

    static FromFloat of(Semantics semantics) {
        return semantics == Semantics.ALBUMENTATIONS_1_3 ? TRUNCATE : ROUND;
    }
}
