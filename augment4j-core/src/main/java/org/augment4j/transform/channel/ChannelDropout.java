package org.augment4j.transform.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.internal.Allowed;
import org.augment4j.Sample;
import org.augment4j.internal.Check;
import org.augment4j.serial.Params;
import org.augment4j.transform.PixelTransform;
import org.augment4j.transform.Range;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Sets randomly chosen channels to a constant. Albumentations' {@code ChannelDropout} (2.x): {@code channel_drop_range}
 * how many channels to drop, integers {@code >= 1} with min &lt;= max (default {@code [1, 1]}), {@code fill} the value of
 * the dropped channels in the image's own units (default 0; saturated for uint8), p = 0.5. Targets: image (uint8 or
 * float32). Albumentations 1.3's {@code fill_value} is read as {@code fill}.
 *
 * <p>As in Albumentations, a 1-channel image is an error, and so is a {@code channel_drop_range} whose maximum is not
 * below the channel count (it could drop every channel); with 4 channels the alpha channel may be dropped too.
 */
public final class ChannelDropout extends PixelTransform<ChannelDropout.Dropped> {
    /** The channels set to {@code fill}. */
    public record Dropped(List<Integer> channelsToDrop) {
        /** Copies {@code channelsToDrop} into an unmodifiable list. */
        public Dropped {
            channelsToDrop = List.copyOf(channelsToDrop);
        }
    }

    private final Range channelDropRange;
    private final double fill;

    /**
     * @param channelDropRange {@code channel_drop_range}: how many channels to drop, integers {@code >= 1} with min &lt;= max;
     *                         the maximum must be below the image's channel count
     * @param fill             {@code fill}: value of the dropped channels in the image's own units (saturated for uint8), finite
     * @param p                probability of applying the transform, in [0, 1]
     */
    public ChannelDropout(Range channelDropRange, double fill, double p) {
        super(p);
        Allowed.atLeast(1).checkRange(name(), "channel_drop_range", channelDropRange);
        Check.that(channelDropRange.min() >= 1 && channelDropRange.min() <= channelDropRange.max()
                        && channelDropRange.min() == Math.rint(channelDropRange.min()) && channelDropRange.max() == Math.rint(channelDropRange.max()),
                name(), "channel_drop_range must be a range of integers >= 1 with min <= max, got " + channelDropRange);
        Check.that(Double.isFinite(fill), name(), "fill must be a finite number, got " + fill);
        this.channelDropRange = channelDropRange;
        this.fill = fill;
    }

    /** With Albumentations' defaults: channel_drop_range [1, 1], fill 0, p = 0.5. */
    public ChannelDropout() {
        this(Range.of(1, 1), 0, 0.5);
    }

    static ChannelDropout fromDict(Params r) {
        double p = r.p(0.5);
        Range range = r.range("channel_drop_range", Range.of(1, 1), Params.Scalar.FIXED);
        if (r.has("fill_value") && r.has("fill")) throw r.error("fill_value", "is the Albumentations 1.3 name of fill; give one of them, not both");
        double fill = r.has("fill_value") ? r.dbl("fill_value", 0) : r.dbl("fill", 0);
        return new ChannelDropout(range, fill, p);
    }

    @Override
    public Dropped sampleParams(Sample sample, RandomGenerator rng) {
        int n = sample.image().channels();
        Check.that(n > 1, name(), "is not defined for 1 channel images (got 1 channel)");
        Check.that(channelDropRange.max() < n, name(), "can not drop all channels: channel_drop_range " + channelDropRange
                + " needs more than " + (int) channelDropRange.max() + " channels, got " + n + " channel(s)");
        int k = channelDropRange.randint(rng);
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) pool.add(i);
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < k; i++) chosen.add(pool.remove(rng.nextInt(pool.size()))); // random.sample without replacement
        return new Dropped(chosen);
    }

    @Override
    protected Mat applyToImage(Mat image, Dropped d) {
        for (int c : d.channelsToDrop()) {
            Check.that(c >= 0 && c < image.channels(), name(), "channel " + c + " does not exist in an image with " + image.channels() + " channel(s)");
        }
        return ChannelKernels.fillChannels(image, d.channelsToDrop(), fill);
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel_drop_range", channelDropRange);
        m.put("fill", fill);
        return m;
    }
}
