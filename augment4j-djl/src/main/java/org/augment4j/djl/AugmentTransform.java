package org.augment4j.djl;

import ai.djl.ndarray.NDArray;
import java.nio.ByteBuffer;
import org.augment4j.Augmented;
import org.augment4j.Compose;
import org.augment4j.Inputs;
import org.augment4j.Seeds;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * An image-only augment4j pipeline as a DJL {@link ai.djl.translate.Transform}, so that it drops into DJL's own
 * {@code Pipeline}, {@code ImageFolder.builder().addTransform(...)} and friends: the image comes in as DJL holds it
 * (HWC, uint8 or float32, RGB, as {@code Image.toNDArray} gives it) and leaves in the same layout and type, on the
 * same manager, so DJL's {@code ToTensor}/{@code Normalize} can follow.
 *
 * <p>Randomness: DJL hands a transform only the array, not the sample's index, so each call draws from
 * (seed, epoch, the image's content): the same image gets the same augmentation within an epoch, on any thread and
 * in any order, and a different one in another epoch ({@link #forEpoch}). {@link #transform(NDArray, long)} takes the
 * index instead when the caller knows it. Immutable and thread-safe: one instance may serve many loader threads.
 */
public final class AugmentTransform implements ai.djl.translate.Transform {
    private final Compose pipeline;
    private final long seed;
    private final long epoch;

    private AugmentTransform(Compose pipeline, long seed, long epoch) {
        this.pipeline = java.util.Objects.requireNonNull(pipeline, "pipeline");
        this.seed = seed;
        this.epoch = epoch;
    }

    /** {@code pipeline} (image targets only) with {@code seed}, epoch 0. */
    public static AugmentTransform of(Compose pipeline, long seed) {
        return new AugmentTransform(pipeline, seed, 0);
    }

    /** The same transform for another epoch: other draws for the same images. */
    public AugmentTransform forEpoch(long epoch) {
        return new AugmentTransform(pipeline, seed, epoch);
    }

    /** Augments {@code array} (HWC uint8 or float32) with draws from (seed, epoch, its content). */
    @Override
    public NDArray transform(NDArray array) {
        return transform(array, contentHash(array));
    }

    /** Augments {@code array} (HWC uint8 or float32) with draws from (seed, epoch, {@code index}). */
    public NDArray transform(NDArray array, long index) {
        long draw = Seeds.mix(Seeds.mix(seed, epoch), index);
        try (Mat image = Tensors.toMat(array); Augmented out = pipeline.apply(Inputs.of(image), draw)) {
            return Tensors.hwc(array.getManager(), out.image());
        }
    }

    /** 64-bit FNV-1a of the array's bytes and shape. */
    private static long contentHash(NDArray array) {
        long h = 0xcbf29ce484222325L;
        for (long d : array.getShape().getShape()) h = (h ^ d) * 0x100000001b3L;
        ByteBuffer b = array.toByteBuffer();
        while (b.remaining() >= 8) h = (h ^ b.getLong()) * 0x100000001b3L;
        while (b.hasRemaining()) h = (h ^ b.get()) * 0x100000001b3L;
        return h;
    }
}
