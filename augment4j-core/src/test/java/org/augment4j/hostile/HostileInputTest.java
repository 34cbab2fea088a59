package org.augment4j.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.TestData;
import org.augment4j.opencv.ImageIO;
import org.augment4j.serial.PipelineFile;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.augment4j.target.BoundingBoxes;
import org.augment4j.target.KeypointFormat;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.Keypoints;
import org.augment4j.target.Labels;
import org.augment4j.target.TargetCodec;
import org.augment4j.transform.spatial.HorizontalFlip;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per row of the bad-input table in docs/reliability.md: the table is parsed, each row's case below is run,
 * and its outcome must be the row's exception class with a message containing the row's text (or, for rows whose
 * exception is {@code none}, a result description containing it). A row without a case, or a case without a row, fails.
 * Rows {@code Dnn} (files named by a dataset) are the datasets module's {@code HostileDatasetTest}.
 */
class HostileInputTest {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*([A-Z]\\d\\d)\\s*\\|.*\\|\\s*`([A-Za-z]+)`\\s*\\|\\s*`(.*)`\\s*\\|\\s*$");
    private static final BboxParams VOC = BboxParams.of(BboxFormat.PASCAL_VOC, "labels");
    private static final KeypointParams XY = KeypointParams.of(KeypointFormat.XY, "labels");
    private static final Compose FLIP = new Compose(List.of(new HorizontalFlip(1.0)));

    @TempDir
    static Path tmp;

    record Row(String id, String exception, String text) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Path doc() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("docs/reliability.md");
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalStateException("docs/reliability.md not found above " + Paths.get("").toAbsolutePath());
    }

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        for (String line : Files.readAllLines(doc())) {
            Matcher m = ROW.matcher(line);
            if (m.matches() && !m.group(1).startsWith("D")) out.add(new Row(m.group(1), m.group(2), m.group(3).replace("\\|", "|")));
        }
        return out;
    }

    static Stream<Row> table() throws IOException {
        return rows().stream();
    }

    @BeforeAll
    static void files() throws IOException {
        Path chelsea = TestData.data("photos/chelsea.png");
        byte[] png = Files.readAllBytes(chelsea);
        Files.write(tmp.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));
        byte[] jpg = Files.readAllBytes(TestData.data("photos/rocket.jpg"));
        Files.write(tmp.resolve("truncated.jpg"), Arrays.copyOf(jpg, jpg.length / 2));
        Files.write(tmp.resolve("empty.png"), new byte[0]);
        Files.writeString(tmp.resolve("text.png"), "hello, not an image");
        Files.write(tmp.resolve("bomb.png"), pngHeader(100_000, 100_000));
        Files.write(tmp.resolve("bomb.jpg"), jpegHeader(60_000, 60_000));
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, ';'};
        Files.write(tmp.resolve("bomb.gif"), gif);
        Files.createDirectories(tmp.resolve("folder.png"));
        Path refs = Files.createDirectories(tmp.resolve("pipelines/refs"));
        Files.copy(chelsea, tmp.resolve("secret.png"));
        Files.createSymbolicLink(refs.resolve("link.png"), tmp.resolve("secret.png"));
        Files.writeString(tmp.resolve("huge.json"), "{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": []}, \"pad\": \"" + "x".repeat(5 << 20) + "\"}");
    }

    /** The cases, by table id: each returns a description of what happened when no exception is expected. */
    static Map<String, Callable<Object>> cases() {
        Map<String, Callable<Object>> c = new LinkedHashMap<>();
        // pipeline files
        c.put("P01", () -> PipelineFile.fromJson("{\"transform\": {\"__class_fullname__\": \"java.lang.Runtime\"}}"));
        c.put("P02", () -> PipelineFile.fromJson("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"javax.script.ScriptEngineManager\"}]}}"));
        c.put("P03", () -> PipelineFile.fromYaml("transform: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.com/\"]]]]"));
        c.put("P04", () -> loaded(PipelineFile.fromYaml("transform: !foo {__class_fullname__: Compose, transforms: [{__class_fullname__: HorizontalFlip}]}")));
        c.put("P05", () -> PipelineFile.fromYaml(laughs()));
        c.put("P06", () -> loaded(PipelineFile.fromYaml("x: &f {__class_fullname__: HorizontalFlip}\ntransform: {__class_fullname__: Compose, transforms: [*f, *f]}")));
        c.put("P07", () -> PipelineFile.fromJson("{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + ", \"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": []}}"));
        c.put("P08", () -> PipelineFile.fromYaml("a: " + "[".repeat(5000) + "]".repeat(5000) + "\ntransform: {__class_fullname__: Compose, transforms: []}"));
        c.put("P09", () -> PipelineFile.fromJson(nested(40)));
        c.put("P10", () -> PipelineFile.load(tmp.resolve("huge.json")));
        c.put("P11", () -> PipelineFile.fromJson("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"Lambda\", \"__name__\": \"x\"}]}}"));
        c.put("P12", () -> PipelineFile.fromJson("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"Rotate\", \"limitt\": 10}]}}"));
        c.put("P13", () -> PipelineFile.fromJson("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"Blur\", \"p\": 2}]}}"));
        c.put("P14", () -> PipelineFile.fromYaml("transform: {__class_fullname__: Compose, transforms: [{__class_fullname__: Blur, p: .nan}]}"));
        c.put("P15", () -> PipelineFile.fromJson("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"Rotate\", \"limit\": [-Infinity, 10]}]}}"));
        c.put("P16", () -> PipelineFile.fromJson("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [], \"bbox_params\": {\"format\": \"coco\", \"min_visibility\": 2}}}"));
        c.put("P17", () -> PipelineFile.fromJson("{\"transform\": {\"transforms\": []}}"));
        c.put("P18", () -> PipelineFile.fromJson("{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"Rotate\", \"limit\": \"wide\"}]}}"));
        c.put("P19", () -> fileNaming("FDA", "reference_images", "[\"../secret.png\"]"));
        c.put("P20", () -> fileNaming("FDA", "reference_images", "[\"" + tmp.resolve("secret.png") + "\"]"));
        c.put("P21", () -> fileNaming("FDA", "reference_images", "[\"refs/link.png\"]"));
        c.put("P22", () -> fileNaming("TextImage", "font_path", "\"/etc/hostname\""));
        // image files
        c.put("I01", () -> read("missing.png"));
        c.put("I02", () -> read("empty.png"));
        c.put("I03", () -> read("text.png"));
        c.put("I04", () -> read("truncated.png"));
        c.put("I05", () -> read("truncated.jpg"));
        c.put("I06", () -> read("bomb.png"));
        c.put("I07", () -> read("bomb.jpg"));
        c.put("I08", () -> read("bomb.gif"));
        c.put("I09", () -> {
            System.setProperty("augment4j.maxImagePixels", "1000");
            try {
                return ImageIO.readImage(TestData.data("photos/chelsea.png"));
            } finally {
                System.clearProperty("augment4j.maxImagePixels");
            }
        });
        c.put("I10", () -> read("folder.png"));
        // boxes
        c.put("A01", () -> boxes(VOC, new double[] {Double.NaN, 10, 50, 40}));
        c.put("A02", () -> boxes(VOC, new double[] {10, 10, Double.POSITIVE_INFINITY, 40}));
        c.put("A03", () -> boxes(VOC, new double[] {50, 10, 20, 40}));
        c.put("A04", () -> boxes(BboxParams.of(BboxFormat.COCO, "labels"), new double[] {50, 10, -20, 30}));
        c.put("A05", () -> boxes(VOC, new double[] {10, 40, 50, 40}));
        c.put("A06", () -> boxes(VOC, new double[] {1000, 1000, 2000, 2000}));
        c.put("A07", () -> boxes(VOC.withClip(true), new double[] {1000, 1000, 2000, 2000}));
        c.put("A08", () -> boxes(VOC.withClip(true), new double[] {10, 10, 120, 50}));
        c.put("A09", () -> {
            BoundingBoxes b = TargetCodec.decodeBoxes(new double[][] {{1000, 1000, 2000, 2000}, {10, 10, 20, 20}}, Map.of("labels", List.of("a", "b")),
                    VOC.withFilterInvalidBboxes(true), 100, 100);
            return "kept " + b.size() + " of 2 boxes, labels " + b.labels().get("labels");
        });
        c.put("A10", () -> boxes(BboxParams.of(BboxFormat.COCO, "labels"), new double[] {0, 0, 1e308, 1e308}));
        c.put("A11", () -> boxes(VOC, new double[] {10, 10, 20}));
        c.put("A12", () -> boxes(VOC, new double[] {10, 10, 20, 20, 7}));
        c.put("A13", () -> TargetCodec.decodeBoxes(new double[][] {null}, Map.of("labels", List.of(1)), VOC, 100, 100));
        c.put("A14", () -> TargetCodec.decodeBoxes(null, Map.of(), BboxParams.of(BboxFormat.PASCAL_VOC), 100, 100));
        c.put("A15", () -> TargetCodec.decodeBoxes(new double[][] {{1, 1, 5, 5}}, Map.of(), VOC, 100, 100));
        c.put("A16", () -> TargetCodec.decodeBoxes(new double[][] {{1, 1, 5, 5}, {2, 2, 6, 6}}, Map.of("labels", List.of(1)), VOC, 100, 100));
        c.put("A17", () -> TargetCodec.decodeBoxes(new double[][] {{1, 1, 5, 5}, {2, 2, 6, 6}}, Map.of("labels", List.of(1, 2, 3)), VOC, 100, 100));
        c.put("A18", () -> boxes(BboxParams.of(BboxFormat.YOLO, "labels"), new double[] {1.5, 0.5, 0.2, 0.2}));
        // keypoints
        c.put("K01", () -> keypoints(XY, new double[] {Double.NaN, 5}));
        c.put("K02", () -> keypoints(XY, new double[] {5, Double.NEGATIVE_INFINITY}));
        c.put("K03", () -> keypoints(XY, new double[] {5}));
        c.put("K04", () -> keypoints(KeypointParams.of(KeypointFormat.XYA, "labels"), new double[] {5, 5}));
        c.put("K05", () -> TargetCodec.decodeKeypoints(new double[][] {null}, Map.of("labels", List.of(1)), XY, 100, 100));
        c.put("K06", () -> TargetCodec.decodeKeypoints(null, Map.of(), KeypointParams.of(KeypointFormat.XY), 100, 100));
        c.put("K07", () -> keypoints(XY, new double[] {100, 5}));
        c.put("K08", () -> keypoints(XY, new double[] {-0.5, 5}));
        c.put("K09", () -> TargetCodec.decodeKeypoints(new double[][] {{1, 1}, {2, 2}}, Map.of("labels", List.of(1)), XY, 100, 100));
        c.put("K10", () -> Keypoints.of(new double[][] {{1, 2, 0}}, Labels.empty()));
        // samples
        c.put("S01", () -> apply(new Mat()));
        c.put("S02", () -> apply(new Mat(10, 10, CV_8UC2, new Scalar(0.0))));
        c.put("S03", () -> apply(new Mat(10, 10, CV_16UC3, new Scalar(0.0))));
        c.put("S04", () -> apply(new Mat(10, 10, CV_64FC3, new Scalar(0.0))));
        c.put("S05", () -> {
            try (Mat img = new Mat(10, 10, CV_8UC3, new Scalar(0.0)); Mat mask = new Mat(9, 10, CV_8UC1, new Scalar(0.0))) {
                return FLIP.apply(Sample.builder().image(img).mask(mask).build(), 1L);
            }
        });
        c.put("S06", () -> BoundingBoxes.of(new double[][] {{0.1, 0.1, 0.2, 0.2}, {0.3, 0.3, 0.4, 0.4}}, Labels.of(Map.of("labels", List.of(1)), 1)));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void behavesAsTheTableSays(Row row) {
        Callable<Object> c = cases().get(row.id());
        assertThat(c).as("no test case for table row " + row.id()).isNotNull();
        String outcome;
        String kind;
        try {
            Object r = c.call();
            kind = "none";
            outcome = String.valueOf(r);
            if (r instanceof Sample s) s.close();
            if (r instanceof Mat m) m.close();
        } catch (Exception e) {
            kind = e.getClass().getSimpleName();
            outcome = e.getMessage();
        }
        assertThat(kind + ": " + outcome).as(row.id()).startsWith(row.exception() + ": ").contains(row.text());
    }

    @Test
    void everyCaseHasARowAndTheTableIsLongEnough() throws IOException {
        List<String> ids = rows().stream().map(Row::id).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(cases().keySet()).hasSizeGreaterThanOrEqualTo(30);
    }

    /** Loads a pipeline file in {@code tmp/pipelines} whose {@code transform} has {@code param} set to the JSON {@code value}. */
    private static Object fileNaming(String transform, String param, String value) throws IOException {
        Path p = tmp.resolve("pipelines/files.json");
        Files.writeString(p, "{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [{\"__class_fullname__\": \"" + transform + "\", "
                + "\"" + param + "\": " + value + "}]}}");
        return loaded(PipelineFile.load(p));
    }

    private static String loaded(Compose c) {
        return "loaded: Compose with " + c.transforms().size() + " transform(s)";
    }

    private static Object read(String name) {
        try (Mat m = ImageIO.readImage(tmp.resolve(name))) {
            return "read " + m.cols() + "x" + m.rows();
        }
    }

    private static Object boxes(BboxParams p, double[] box) {
        BoundingBoxes b = TargetCodec.decodeBoxes(new double[][] {box}, Map.of("labels", List.of("a")), p, 100, 100);
        return b.size() + " box(es) " + Arrays.deepToString(b.toArray()) + ", labels " + b.labels().get("labels");
    }

    private static Object keypoints(KeypointParams p, double[] kp) {
        Keypoints k = TargetCodec.decodeKeypoints(new double[][] {kp}, Map.of("labels", List.of("a")), p, 100, 100);
        return k.size() + " keypoint(s) " + Arrays.deepToString(k.toArray());
    }

    private static Object apply(Mat image) {
        try (image) {
            return FLIP.apply(Sample.of(image), 1L);
        }
    }

    /** Ten levels of nine aliases each: 9^9 "lol"s if aliases were expanded. */
    static String laughs() {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) b.append(i > 0 ? "," : "").append('*').append((char) (c - 1));
            b.append("]\n");
        }
        return b.append("transform: {__class_fullname__: Compose, transforms: []}\n").toString();
    }

    private static String nested(int depth) {
        String t = "{\"__class_fullname__\": \"HorizontalFlip\"}";
        for (int i = 0; i < depth; i++) t = "{\"__class_fullname__\": \"OneOf\", \"transforms\": [" + t + "]}";
        return "{\"transform\": {\"__class_fullname__\": \"Compose\", \"transforms\": [" + t + "]}}";
    }

    /** A PNG signature and IHDR claiming width x height, a tiny IDAT and IEND: a decompression bomb's header. */
    static byte[] pngHeader(int width, int height) throws IOException {
        return png(width, height, false);
    }

    /** A gray PNG of width x height: real (zero) pixel data when {@code valid}, else only a tiny IDAT (a bomb's header). */
    static byte[] png(int width, int height, boolean valid) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        byte[] raw = new byte[valid ? height * (width + 1) : 1000];
        java.util.zip.Deflater d = new java.util.zip.Deflater();
        d.setInput(raw);
        d.finish();
        byte[] z = new byte[raw.length + 64];
        int n = d.deflate(z);
        chunk(out, "IDAT", Arrays.copyOf(z, n));
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

    /** SOI, a baseline SOF0 claiming width x height with 3 components, EOI. */
    static byte[] jpegHeader(int width, int height) {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 3,
            1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, (byte) 0xFF, (byte) 0xD9};
    }
}
