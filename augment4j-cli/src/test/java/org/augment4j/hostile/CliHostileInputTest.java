package org.augment4j.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.augment4j.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile files through the command line: exit code 2 and one line on stderr, never a stack trace. */
class CliHostileInputTest {
    @TempDir
    Path tmp;

    private record Run(int code, List<String> err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, err.toString().lines().filter(l -> !l.isBlank()).toList());
    }

    private Path pipeline(String json) throws IOException {
        Path p = tmp.resolve("p.json");
        Files.writeString(p, json);
        return p;
    }

    @Test
    void classOutsideTheRegistry() throws IOException {
        Path p = pipeline("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"java.lang.Runtime\"}]}}");
        Path img = tmp.resolve("img.png");
        Files.write(img, png(2, 2, true));
        Run r = run("apply", "--pipeline", p.toString(), "--image", img.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).hasSize(1).first().asString().contains("unknown transform 'java.lang.Runtime'");
    }

    @Test
    void decompressionBomb() throws IOException {
        Path p = pipeline("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"HorizontalFlip\"}]}}");
        Path img = tmp.resolve("bomb.png");
        Files.write(img, png(100_000, 100_000, false));
        Run r = run("apply", "--pipeline", p.toString(), "--image", img.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).hasSize(1).first().asString().contains("100000x100000").contains("more than the limit");
    }

    /** A gray PNG of width x height: real pixel data when {@code valid}, else only a tiny IDAT (a bomb's header). */
    private static byte[] png(int width, int height, boolean valid) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        byte[] raw = new byte[valid ? height * (width + 1) : 1000];
        java.util.zip.Deflater d = new java.util.zip.Deflater();
        d.setInput(raw);
        d.finish();
        byte[] z = new byte[raw.length + 64];
        int n = d.deflate(z);
        chunk(out, "IDAT", java.util.Arrays.copyOf(z, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
