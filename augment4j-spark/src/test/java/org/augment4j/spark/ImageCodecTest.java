package org.augment4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.opencv.ReadMode;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** Row bytes get the checks (decompression bomb before OpenCV allocates anything), RGB order and depth rules that image files get. */
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

    @Test
    void encodedRowsDecodeInRgbOrderLikeFiles() {
        try (Mat red = Mats.fromBytes(new byte[] {(byte) 255, 0, 0, (byte) 255, 0, 0}, 1, 2, 3)) {
            byte[] png = ImageCodec.encode(red, ".png");
            try (Mat back = ImageCodec.decode(png); Mat viaImageIO = ImageIO.decode(png, ReadMode.AS_STORED, "png")) {
                assertThat(Mats.toBytes(back)).as("red first, not BGR").containsExactly(Mats.toBytes(red));
                assertThat(Mats.toBytes(viaImageIO)).containsExactly(Mats.toBytes(red));
            }
            try (Mat fromRaw = ImageCodec.fromRaw(ImageCodec.toRaw(red), 1, 2, 3)) {
                assertThat(Mats.toBytes(fromRaw)).containsExactly(Mats.toBytes(red));
            }
        }
    }

    @Test
    void sixteenBitRowsAreScaledToUint8AsFilesAre() {
        try (Mat u16 = new Mat(1, 2, CV_16U); BytePointer buf = new BytePointer()) {
            ((java.nio.ShortBuffer) u16.createBuffer()).put(new short[] {(short) 65535, 257});
            assertThat(imencode(".png", u16, buf)).isTrue();
            byte[] png = new byte[(int) buf.limit()];
            buf.get(png);
            try (Mat m = ImageCodec.decode(png)) {
                assertThat(m.depth()).isEqualTo(CV_8U);
                assertThat(Mats.toBytes(m)).containsExactly((byte) 255, (byte) 1);
            }
        }
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
