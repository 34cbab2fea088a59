package org.augment4j.transform.channel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.augment4j.internal.Check;
import org.augment4j.internal.PixelKernels;
import org.augment4j.serial.Params;
import org.augment4j.transform.FixedPixelTransform;
import org.augment4j.transform.NoParams;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns a 1-channel (grayscale) image into {@code num_output_channels} identical channels. Albumentations'
 * {@code ToRGB} (2.x): {@code num_output_channels} an integer {@code >= 1} (default 3), p = 1. Targets: image (uint8
 * or float32; the dtype is kept).
 *
 * <p><b>Changes the channel count by design.</b> As in Albumentations 2.0.8 a 3-channel image is taken to be RGB already
 * and returned unchanged (Albumentations also warns), and any other channel count (2, 4, ...) is an error.
 */
public final class ToRGB extends FixedPixelTransform {
    private final int numOutputChannels;

    /**
     * @param numOutputChannels {@code num_output_channels}: channels of the output, {@code >= 1}
     * @param p                 probability of applying the transform, in [0, 1]
     */
    public ToRGB(int numOutputChannels, double p) {
        super(p);
        this.numOutputChannels = Check.positive(name(), "num_output_channels", numOutputChannels);
    }

    /** With Albumentations' defaults: num_output_channels 3, p = 1. */
    public ToRGB() {
        this(3, 1.0);
    }

    static ToRGB fromDict(Params r) {
        return new ToRGB(r.integer("num_output_channels", 3), r.p(1.0));
    }

    @Override
    protected Mat applyToImage(Mat image, NoParams params) {
        int c = image.channels();
        if (c == 3) return image.clone();
        Check.that(c == 1, name(), "needs a 1-channel image (or a 3-channel one, returned unchanged), got " + c + " channel(s)");
        return PixelKernels.replicate(image, numOutputChannels);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_output_channels", numOutputChannels);
        return m;
    }
}
