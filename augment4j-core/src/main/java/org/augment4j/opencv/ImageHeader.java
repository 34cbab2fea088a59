package org.augment4j.opencv;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * What an image file's header says before anything is decoded: its width and height (PNG, JPEG, GIF, BMP, WebP), so
 * that a decompression bomb is refused before OpenCV allocates for it; and whether a JPEG file is complete (an
 * end-of-image marker after its last start-of-scan), since OpenCV decodes a truncated JPEG without an error, filling
 * the missing part with gray.
 */
final class ImageHeader {
    /** How much of a JPEG's end is searched for its end-of-image marker. */
    private static final int JPEG_TAIL = 256 << 10;

    /** How much of a file's start is read for its dimensions. */
    private static final int HEAD = 64 << 10;

    private ImageHeader() {}

    /** {@code {width, height}} from the header, or null for a format or header this class does not read. */
    static long[] dimensions(Path path) throws IOException {
        return dimensions(head(path, HEAD));
    }

    /** {@code {width, height}} from the first bytes of an encoded image, or null as for a file. */
    static long[] dimensions(byte[] h) {
        if (h.length >= 24 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G' && h[12] == 'I' && h[13] == 'H' && h[14] == 'D' && h[15] == 'R') {
            return new long[] {u32be(h, 16), u32be(h, 20)};
        }
        if (h.length >= 10 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F') return new long[] {u16le(h, 6), u16le(h, 8)};
        if (h.length >= 26 && h[0] == 'B' && h[1] == 'M') return new long[] {Math.abs((int) u32le(h, 18)), Math.abs((int) u32le(h, 22))};
        if (h.length >= 32 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F' && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') return webp(h);
        if (h.length >= 4 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8) return jpeg(h);
        return null;
    }

    /** True for a file that starts as a JPEG but has no end-of-image marker after its last start-of-scan. */
    static boolean truncatedJpeg(Path path) throws IOException {
        byte[] h = head(path, 2);
        return isJpeg(h) && truncatedJpegTail(tail(path, JPEG_TAIL));
    }

    /** As {@link #truncatedJpeg(Path)}, for an encoded image in memory. */
    static boolean truncatedJpeg(byte[] encoded) {
        if (!isJpeg(encoded)) return false;
        int len = Math.min(JPEG_TAIL, encoded.length);
        return truncatedJpegTail(java.util.Arrays.copyOfRange(encoded, encoded.length - len, encoded.length));
    }

    private static boolean isJpeg(byte[] h) {
        return h.length >= 2 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8;
    }

    private static boolean truncatedJpegTail(byte[] t) {
        int lastSos = -1, lastEoi = -1;
        for (int i = 0; i + 1 < t.length; i++) {
            if ((t[i] & 0xff) != 0xFF) continue;
            int m = t[i + 1] & 0xff;
            if (m == 0xDA) lastSos = i;
            else if (m == 0xD9) lastEoi = i;
        }
        return lastEoi < 0 || lastEoi < lastSos;
    }

    private static long[] jpeg(byte[] h) {
        int i = 2;
        while (i + 9 < h.length) {
            if ((h[i] & 0xff) != 0xFF) return null;
            int m = h[i + 1] & 0xff;
            if (m == 0xFF) {
                i++;
                continue;
            }
            int len = (int) u16be(h, i + 2);
            boolean sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
            if (sof) return new long[] {u16be(h, i + 7), u16be(h, i + 5)};
            if (m == 0xDA || len < 2) return null;
            i += 2 + len;
        }
        return null;
    }

    private static long[] webp(byte[] h) {
        String kind = new String(h, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (kind) {
            case "VP8X":
                return new long[] {1 + (u32le(h, 24) & 0xFFFFFF), 1 + ((u32le(h, 27)) & 0xFFFFFF)};
            case "VP8L": {
                long b = u32le(h, 21);
                return new long[] {1 + (b & 0x3FFF), 1 + ((b >> 14) & 0x3FFF)};
            }
            case "VP8 ":
                return new long[] {u16le(h, 26) & 0x3FFF, u16le(h, 28) & 0x3FFF};
            default:
                return null;
        }
    }

    private static byte[] head(Path path, int n) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
            byte[] b = new byte[(int) Math.min(n, f.length())];
            f.readFully(b);
            return b;
        }
    }

    private static byte[] tail(Path path, int n) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
            int len = (int) Math.min(n, f.length());
            byte[] b = new byte[len];
            f.seek(f.length() - len);
            f.readFully(b);
            return b;
        }
    }

    private static long u32be(byte[] b, int i) {
        return ((b[i] & 0xffL) << 24) | ((b[i + 1] & 0xffL) << 16) | ((b[i + 2] & 0xffL) << 8) | (b[i + 3] & 0xffL);
    }

    private static long u16be(byte[] b, int i) {
        return ((b[i] & 0xffL) << 8) | (b[i + 1] & 0xffL);
    }

    private static long u32le(byte[] b, int i) {
        return (b[i] & 0xffL) | ((b[i + 1] & 0xffL) << 8) | ((b[i + 2] & 0xffL) << 16) | ((b[i + 3] & 0xffL) << 24);
    }

    private static long u16le(byte[] b, int i) {
        return (b[i] & 0xffL) | ((b[i + 1] & 0xffL) << 8);
    }
}
