package org.augment4j.transform.policy;

import java.util.Map;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedPixelTransform;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Pillow's {@code ImageOps.autocontrast} with no cutoff, as torchvision's {@code autocontrast}: each channel stretched
 * linearly so that its minimum becomes 0 and its maximum the top value (255 or 1.0); uint8 values truncated as Pillow
 * does; a flat channel is left as it is. Not an Albumentations transform (augment4j's own; named so as not to clash
 * with an Albumentations-style {@code AutoContrast}). Parameters: p = 0.5 only. Targets: image (uint8, float32; 1, 3
 * or 4 channels, alpha kept).
 */
public final class PilAutoContrast extends FixedPixelTransform {

    /** @param p probability of applying the transform, in [0, 1] */
    public PilAutoContrast(double p) {
        super(p);
    }

    /** With the default p = 0.5. */
    public PilAutoContrast() {
        this(0.5);
    }

    static PilAutoContrast fromDict(Params r) {
        return new PilAutoContrast(r.p(0.5));
    }

    @Override
    protected Mat applyToImage(Mat image, NoParams params) {
        return EnhanceKernels.autocontrast(name(), image);
    }

    @Override
    protected Map<String, Object> args() {
        return Map.of();
    }
}
