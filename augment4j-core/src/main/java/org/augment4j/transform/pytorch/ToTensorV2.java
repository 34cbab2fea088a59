package org.augment4j.transform.pytorch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.augment4j.Sample;
import org.augment4j.serial.Params;
import org.augment4j.transform.BasicTransform;
import org.augment4j.transform.NoParams;
import org.augment4j.transform.Targets;

/**
 * Marks the sample for PyTorch's channels-first tensors: Albumentations' {@code ToTensorV2}
 * ({@code albumentations.pytorch.transforms.ToTensorV2}; written by 1.x and 2.x as {@code ToTensorV2}, by 0.x with the
 * full module path). Parameters: {@code transpose_mask} (default false; true puts multi-channel masks channels first),
 * p = 1 (1.x's {@code always_apply}, true by default there, is read as p = 1). Targets: image, mask.
 *
 * <p>Albumentations turns the arrays into {@code torch.Tensor}s here — an image {@code (H, W, C)} becomes
 * {@code (C, H, W)} ({@code (H, W)} becomes {@code (1, H, W)}), a mask stays as it is or, with transpose_mask, goes
 * channels first — without changing their values or dtype. Here the pixels stay HWC {@code Mat}s, unchanged; the
 * transform records the layout as a {@link TensorLayout} in {@link Sample#metadata()} under {@link TensorLayout#KEY},
 * for the training integrations and writers that build the tensors.
 */
@Targets({Targets.IMAGE, Targets.MASK})
public final class ToTensorV2 extends BasicTransform<NoParams> {
    private final boolean transposeMask;

    /**
     * @param transposeMask {@code transpose_mask}: whether multi-channel masks go channels first
     * @param p             probability of applying the transform, in [0, 1]
     */
    public ToTensorV2(boolean transposeMask, double p) {
        super(p);
        this.transposeMask = transposeMask;
    }

    /** transpose_mask false, p = 1. */
    public ToTensorV2() {
        this(false, 1.0);
    }

    static ToTensorV2 fromDict(Params r) {
        return new ToTensorV2(r.bool("transpose_mask", false), r.p(1.0));
    }

    /** Whether multi-channel masks go channels first ({@code transpose_mask}). */
    public boolean transposeMask() {
        return transposeMask;
    }

    /** The layout this transform records. */
    public TensorLayout layout() {
        return new TensorLayout(transposeMask ? TensorLayout.MaskLayout.CHANNELS_FIRST : TensorLayout.MaskLayout.AS_IS);
    }

    @Override
    public NoParams sampleParams(Sample sample, RandomGenerator rng) {
        return NoParams.instance();
    }

    @Override
    public Sample apply(Sample sample, NoParams params) {
        return sample.withMetadata(TensorLayout.KEY, layout());
    }

    /** Reads and changes no pixels, so a pending warp may stay pending. */
    @Override
    protected boolean acceptsPendingPixels() {
        return true;
    }

    @Override
    protected Map<String, Object> args() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transpose_mask", transposeMask);
        return m;
    }
}
