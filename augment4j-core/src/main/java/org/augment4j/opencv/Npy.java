package org.augment4j.opencv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.opencv.opencv_core.Mat;

/** Reads and writes float32 images as NumPy {@code .npy} files (HWC, little-endian, C order), as Albumentations users exchange them. */
public final class Npy {
    private Npy() {}

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Writes a float32 image as {@code <f4} with shape (H, W, C), or (H, W) for one channel. */
    public static void write(Path path, Mat image) {
        float[] data = Mats.toFloats(image);
        String shape = image.channels() == 1 ? "(" + image.rows() + ", " + image.cols() + ")"
                : "(" + image.rows() + ", " + image.cols() + ", " + image.channels() + ")";
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }");
        while ((MAGIC.length + 4 + header.length() + 1) % 64 != 0) header.append(' ');
        header.append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + h.length + data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
        for (float f : data) buf.putFloat(f);
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
