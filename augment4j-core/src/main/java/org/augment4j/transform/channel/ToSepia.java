package org.augment4j.transform.channel;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.transform;

import java.nio.DoubleBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedPixelTransform;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A sepia tone through a fixed colour matrix. Albumentations' {@code ToSepia}: no parameters but p = 0.5. Targets:
 * image (uint8 or float32). Each RGB pixel becomes {@link #SEPIA} · {@code [R, G, B]}: uint8 rounded and saturated (as
 * OpenCV's {@code transform}), float32 clipped to [0, 1]. As in Albumentations a 1-channel image is returned unchanged
 * and any other channel count than 1 or 3 (including RGBA) is an error.
 */
public final class ToSepia extends FixedPixelTransform {
    /** Rows give R', G', B'. */
    public static final double[][] SEPIA = {{0.393, 0.769, 0.189}, {0.349, 0.686, 0.168}, {0.272, 0.534, 0.131}};

    /** @param p probability of applying the transform, in [0, 1] */
    public ToSepia(double p) {
        super(p);
    }

    /** With Albumentations' default p = 0.5. */
    public ToSepia() {
        this(0.5);
    }

    static ToSepia fromDict(Params r) {
        return new ToSepia(r.p(0.5));
    }

    @Override
    protected Mat applyToImage(Mat image, NoParams params) {
        int c = image.channels();
        if (c == 1) return image.clone();
        Check.that(c == 3, name(), "needs a 1- or 3-channel image, got " + c + " channel(s)");
        Mat out = new Mat();
        try (Mat m = new Mat(3, 3, CV_64F)) {
            DoubleBuffer b = m.createBuffer();
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) b.put(i * 3 + j, SEPIA[i][j]);
            transform(image, out, m);
        }
        if (Mats.isFloat(out)) PixelKernels.clipInPlace(out, 0, 1);
        return out;
    }

    @Override
    protected Map<String, Object> args() {
        return new LinkedHashMap<>();
    }
}
