package org.augment4j.djl;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import org.augment4j.loader.Normalization;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Conversions between augment4j's images (OpenCV {@code Mat}s, HWC, RGB) and DJL {@link NDArray}s, the NDArray side of
 * core's framework-neutral {@link org.augment4j.loader.Tensors}.
 *
 * <p>Each conversion copies the pixels into the NDArray once: the channels-first float32 layout (and any
 * normalisation, exactly as core's {@code Tensors} and {@code Normalize} compute it) is written into native memory, and the engine copies that memory into its tensor through a
 * direct buffer over it, with no {@code byte[]}/{@code float[]} round trip. Temporary native memory is released before
 * returning. The NDArrays belong to the given {@link NDManager}. Stateless and thread-safe.
 */
public final class Tensors {
    private Tensors() {}

    /** {@code image} (uint8 or float32, HWC) as a CHW float32 NDArray with its values unchanged (uint8 0..255 stays 0..255). */
    public static NDArray chw(NDManager manager, Mat image) {
        return chw(manager, image, null);
    }

    /**
     * {@code image} (uint8 or float32, HWC, 1 to 4 channels) as a CHW float32 NDArray, normalised when
     * {@code normalization} is not null: {@code (v / maxPixelValue - mean[c]) / std[c]}, Albumentations'
     * {@code Normalize} followed by {@code ToTensorV2} in one step.
     */
    public static NDArray chw(NDManager manager, Mat image, Normalization normalization) {
        org.augment4j.loader.Tensors.chwLength(image);   // checks the image
        int c = image.channels(), h = image.rows(), w = image.cols();
        try (Mat planes = new Mat(c * h, w, CV_32F)) {
            org.augment4j.loader.Tensors.writeChw(image, (FloatBuffer) planes.createBuffer(), normalization);
            return fromNative(manager, planes, new Shape(c, h, w), DataType.FLOAT32);
        }
    }

    /**
     * {@code images} (all of the same size and channel count) stacked as one NCHW float32 NDArray, normalised as
     * {@link #chw(NDManager, Mat, Normalization)} does.
     */
    public static NDArray stack(NDManager manager, List<Mat> images, Normalization normalization) {
        if (images.isEmpty()) throw new IllegalArgumentException("stack: no images");
        Mat first = images.get(0);
        for (int i = 1; i < images.size(); i++) {
            Mat m = images.get(i);
            if (m.rows() != first.rows() || m.cols() != first.cols() || m.channels() != first.channels()) {
                throw new IllegalArgumentException("stack: image " + i + " is " + m.channels() + "x" + m.rows() + "x" + m.cols() + " (CxHxW) but image 0 is "
                        + first.channels() + "x" + first.rows() + "x" + first.cols());
            }
        }
        try (NDManager scope = manager.newSubManager()) {
            NDList chws = new NDList();
            for (Mat m : images) chws.add(chw(scope, m, normalization));
            NDArray stacked = ai.djl.ndarray.NDArrays.stack(chws);
            stacked.attach(manager);
            return stacked;
        }
    }

    /** {@code image} (uint8 or float32, HWC) as an HWC NDArray of the same type: DJL's image layout ({@code Image.toNDArray}). */
    public static NDArray hwc(NDManager manager, Mat image) {
        checkImage(image);
        try (Mat continuous = image.isContinuous() ? null : image.clone()) {
            Mat src = continuous != null ? continuous : image;
            return fromNative(manager, src, new Shape(image.rows(), image.cols(), image.channels()),
                    image.depth() == CV_8U ? DataType.UINT8 : DataType.FLOAT32);
        }
    }

    /** A label mask (uint8 or int32, one channel, HW) as an HW int32 NDArray. */
    public static NDArray mask(NDManager manager, Mat mask) {
        if (mask.channels() != 1 || (mask.depth() != CV_8U && mask.depth() != CV_32S)) {
            throw new IllegalArgumentException("mask must be one channel of uint8 or int32, got " + mask.channels() + " channel(s) of depth " + mask.depth());
        }
        try (Mat ints = new Mat()) {
            mask.convertTo(ints, CV_32S);
            return fromNative(manager, ints, new Shape(mask.rows(), mask.cols()), DataType.INT32);
        }
    }

    /** An HWC (or HW) uint8 or float32 NDArray as a new {@code Mat} of the same type (the caller closes it). */
    public static Mat toMat(NDArray array) {
        Shape s = array.getShape();
        if (s.dimension() != 2 && s.dimension() != 3) throw new IllegalArgumentException("toMat needs an HW or HWC array, got shape " + s);
        int h = (int) s.get(0), w = (int) s.get(1), c = s.dimension() == 3 ? (int) s.get(2) : 1;
        if (c < 1 || c > 4) throw new IllegalArgumentException("toMat needs 1 to 4 channels, got shape " + s);
        int depth = switch (array.getDataType()) {
            case UINT8 -> CV_8U;
            case FLOAT32 -> CV_32F;
            default -> throw new IllegalArgumentException("toMat needs uint8 or float32, got " + array.getDataType());
        };
        Mat m = new Mat(h, w, org.bytedeco.opencv.global.opencv_core.CV_MAKETYPE(depth, c));
        ByteBuffer src = array.toByteBuffer();
        try (BytePointer dst = new BytePointer(m.data())) {
            dst.capacity(src.remaining()).asByteBuffer().put(src);
        }
        return m;
    }

    /**
     * The engine's tensor holding a copy of {@code m}'s continuous native memory. An engine may wrap a direct buffer
     * without copying it (PyTorch does, for larger buffers), so the wrapper is duplicated, the one copy, and closed
     * before {@code m} can be released.
     */
    private static NDArray fromNative(NDManager manager, Mat m, Shape shape, DataType type) {
        long bytes = m.total() * m.elemSize();
        try (BytePointer data = new BytePointer(m.data())) {
            ByteBuffer view = data.capacity(bytes).asByteBuffer().order(java.nio.ByteOrder.nativeOrder());
            try (NDArray wrapper = manager.create(view, shape, type)) {
                return wrapper.duplicate();
            }
        }
    }

    private static void checkImage(Mat image) {
        if (image == null || image.empty()) throw new IllegalArgumentException("image is empty");
        if (image.depth() != CV_8U && image.depth() != CV_32F) throw new IllegalArgumentException("image must be uint8 or float32, got depth " + image.depth());
        if (image.channels() < 1 || image.channels() > 4) throw new IllegalArgumentException("image must have 1 to 4 channels, got " + image.channels());
    }
}
