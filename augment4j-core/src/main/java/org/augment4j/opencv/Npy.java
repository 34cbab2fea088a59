package org.augment4j.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads and writes float32 images as NumPy {@code .npy} files (HWC, little-endian, C order), as Albumentations users exchange them;
 * also writes uint8 and float32 arrays in a tensor layout (channels first) for {@code augment4j apply}.
 */
public final class Npy {
    private Npy() {}

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Writes a float32 image as {@code <f4} with shape (H, W, C), or (H, W) for one channel. */
    public static void write(Path path, Mat image) {
        if (image.depth() != CV_32F) throw new IllegalArgumentException("Npy.write needs a float32 image, got " + Mats.describe(image));
        int[] shape = image.channels() == 1 ? new int[] {image.rows(), image.cols()} : new int[] {image.rows(), image.cols(), image.channels()};
        write(path, image, shape, false);
    }

    /**
     * Writes a uint8 ({@code |u1}) or float32 ({@code <f4}) matrix with the given shape (as PyTorch would get it): the
     * elements in HWC order, or transposed to channels first, {@code (C, H, W)} order, when {@code channelsFirst}.
     *
     * @param shape the array's shape; its product must be the matrix's number of elements
     */
    public static void write(Path path, Mat m, int[] shape, boolean channelsFirst) {
        String descr = switch (m.depth()) {
            case CV_8U -> "'|u1'";
            case CV_32F -> "'<f4'";
            default -> throw new IllegalArgumentException("Npy.write needs a uint8 or float32 matrix, got " + Mats.describe(m));
        };
        long total = 1;
        for (int d : shape) total *= d;
        long elements = m.total() * m.channels();
        if (total != elements) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold the " + elements + " values of " + Mats.describe(m));
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) dims.append(i == 0 ? "" : ", ").append(shape[i]);
        if (shape.length == 1) dims.append(',');
        StringBuilder header = new StringBuilder("{'descr': " + descr + ", 'fortran_order': False, 'shape': (" + dims + "), }");
        while ((MAGIC.length + 4 + header.length() + 1) % 64 != 0) header.append(' ');
        header.append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        int size = m.depth() == CV_8U ? 1 : 4;
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + h.length + (int) elements * size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
        int rows = m.rows(), cols = m.cols(), ch = m.channels();
        if (size == 1) {
            byte[] data = Mats.toBytes(m);
            if (!channelsFirst) buf.put(data);
            else for (int c = 0; c < ch; c++) for (int i = 0; i < rows * cols; i++) buf.put(data[i * ch + c]);
        } else {
            float[] data = Mats.toFloats(m);
            if (!channelsFirst) for (float f : data) buf.putFloat(f);
            else for (int c = 0; c < ch; c++) for (int i = 0; i < rows * cols; i++) buf.putFloat(data[i * ch + c]);
        }
        try {
            if (path.getParent() != null) Files.createDirectories(path.getParent());
            Files.write(path, buf.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a little-endian float32 {@code .npy} of shape (H, W) or (H, W, C). */
    public static Mat read(Path path) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
            for (byte b : MAGIC) if (buf.get() != b) throw new IOException("not a .npy file: " + path);
            int major = buf.get();
            buf.get();
            int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
            byte[] h = new byte[headerLen];
            buf.get(h);
            String header = new String(h, StandardCharsets.US_ASCII);
            if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) throw new IOException("only little-endian float32 C-order .npy is supported: " + header.trim());
            Matcher m = Pattern.compile("'shape': \\((\\d+), (\\d+)(?:, (\\d+))?,?\\)").matcher(header);
            if (!m.find()) throw new IOException("unsupported .npy shape: " + header.trim());
            int rows = Integer.parseInt(m.group(1)), cols = Integer.parseInt(m.group(2));
            int ch = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            float[] data = new float[rows * cols * ch];
            buf.asFloatBuffer().get(data);
            return Mats.fromFloats(data, rows, cols, ch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
