package org.augment4j.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.augment4j.opencv.ImageIO;
import org.junit.jupiter.api.Test;

/** Row bytes get the decompression-bomb check that image files get, before OpenCV allocates anything. */
class ImageCodecTest {

    @Test
    void aPngWhoseHeaderClaimsTenGigapixelsIsRefusedBeforeDecoding() {
        byte[] bomb = pngHeader(100_000, 100_000);
        assertThatThrownBy(() -> ImageCodec.decode(bomb)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100000x100000").hasMessageContaining("more than the limit of " + ImageIO.DEFAULT_MAX_PIXELS);
        assertThatThrownBy(() -> ImageCodec.decodeMask(bomb)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than the limit");
    }

    @Test
    void garbageIsNotAReadableImage() {
        assertThatThrownBy(() -> ImageCodec.decode(new byte[] {7, 7, 7})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a readable image");
    }

    /** The signature and IHDR chunk of a PNG (no pixel data): all a header check reads. */
    private static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] body = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        byte[] type = "IHDR".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(body);
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        out.writeBytes(type);
        out.writeBytes(body);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
