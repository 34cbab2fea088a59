package org.augment4j.transform.pytorch;

import org.augment4j.Sample;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The tensor layout a sample is meant to be handed over in: recorded by {@link ToTensorV2} and the legacy
 * {@link ToTensor}, the last step of most PyTorch pipelines, in {@link Sample#metadata()} under {@link #KEY}. Pixels
 * stay HWC {@link Mat}s (OpenCV's layout, which every transform reads); a training integration or a writer (such as
 * {@code augment4j apply}, which then writes {@code image.npy} channels first) reads this record to produce the arrays
 * PyTorch gets: images {@code (C, H, W)} (a one-channel image {@code (1, H, W)}), masks as {@link #masks()} says.
 *
 * @param masks how masks are laid out
 */
public record TensorLayout(MaskLayout masks) {
    /** The {@link Sample#metadata()} key this record is stored under. */
    public static final String KEY = "tensor_layout";

    /** How masks go into tensors. */
    public enum MaskLayout {
        /** As they are: {@code (H, W)}, or {@code (H, W, C)} for several channels (ToTensorV2's default). */
        AS_IS,
        /** Channels first: {@code (C, H, W)}; a one-channel mask stays {@code (H, W)} (ToTensorV2's {@code transpose_mask}). */
        CHANNELS_FIRST,
        /** A leading axis of one: {@code (1, H, W)}, or {@code (1, H, W, C)} (the legacy ToTensor with one class). */
        LEADING_AXIS
    }

    /** @throws NullPointerException if {@code masks} is null */
    public TensorLayout {
        java.util.Objects.requireNonNull(masks, "masks");
    }

    /** The layout recorded on {@code sample}, or null when none was (the pipeline holds no ToTensorV2 / ToTensor). */
    public static TensorLayout of(Sample sample) {
        return sample.metadata().get(KEY) instanceof TensorLayout t ? t : null;
    }

    /** ToTensorV2's {@code transpose_mask}: true when masks go channels first. */
    public boolean transposeMask() {
        return masks == MaskLayout.CHANNELS_FIRST;
    }

    /** The tensor shape of an HWC image: {@code (C, H, W)}. Its data is the image's, transposed to channels first. */
    public static int[] imageShape(Mat image) {
        return new int[] {image.channels(), image.rows(), image.cols()};
    }

    /**
     * The tensor shape of an HWC mask under this layout. Its data is the mask's, transposed to channels first only when
     * {@link #maskChannelsFirst(Mat)} says so.
     */
    public int[] maskShape(Mat mask) {
        int h = mask.rows(), w = mask.cols(), c = mask.channels();
        return switch (masks) {
            case AS_IS -> c == 1 ? new int[] {h, w} : new int[] {h, w, c};
            case CHANNELS_FIRST -> c == 1 ? new int[] {h, w} : new int[] {c, h, w};
            case LEADING_AXIS -> c == 1 ? new int[] {1, h, w} : new int[] {1, h, w, c};
        };
    }

    /** True when a mask's data must be transposed from HWC to channels first for {@link #maskShape(Mat)}. */
    public boolean maskChannelsFirst(Mat mask) {
        return masks == MaskLayout.CHANNELS_FIRST && mask.channels() > 1;
    }
}
