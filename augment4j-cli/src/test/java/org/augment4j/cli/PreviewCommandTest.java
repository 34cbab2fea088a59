package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.augment4j.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code augment4j preview} on the COCO subset of testdata/data and its YOLO and VOC versions: sheet size, drawing, determinism, refusals. */
class PreviewCommandTest {
    static final Path COCO = TestData.data("coco");
    /** Thumbnail width of a 320 × 240 image at the test's thumbnail height. */
    private static final int THUMB = 64, THUMB_W = Preview.thumbWidth(320, 240, THUMB);

    @TempDir
    Path tmp;

    /** Every output is resized to 320 × 240, so the sheet's size follows from n alone. */
    private Path pipeline() throws IOException {
        Path p = tmp.resolve("p.json");
        Files.writeString(p, "{\"__version__\": \"1.3.1\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": ["
                + "{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 0.5}, {\"__class_fullname__\": \"RandomBrightnessContrast\", \"p\": 0.5},"
                + "{\"__class_fullname__\": \"Resize\", \"height\": 240, \"width\": 320, \"p\": 1.0}]}}");
        return p;
    }

    private Cli.Result preview(Path in, String format, Path out, int n, long seed) throws IOException {
        return Cli.run("preview", "--input", in.toString(), "--format", format, "--pipeline", pipeline().toString(), "--n", String.valueOf(n),
                "--seed", String.valueOf(seed), "--out", out.toString(), "--thumb-height", String.valueOf(THUMB));
    }

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img).as(png.toString()).isNotNull();
        return img;
    }

    private static void assertGrid(BufferedImage sheet, int cols, int rows) {
        assertThat(sheet.getWidth()).isEqualTo(Preview.GAP + cols * (THUMB_W + Preview.GAP));
        assertThat(sheet.getHeight()).isEqualTo(Preview.GAP + rows * (THUMB + Preview.GAP));
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff)) n++;
        }
        return n;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    @Test
    void cocoSheetHasTheGridOfNAndIsTheSameForTheSameSeed() throws IOException {
        Path a = tmp.resolve("a.png"), b = tmp.resolve("sub/b.png"), c = tmp.resolve("c.png");
        Cli.Result r = preview(COCO, "coco", a, 5, 7);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + a).contains("3x2 grid");
        assertGrid(read(a), 3, 2);
        assertThat(preview(COCO, "coco", b, 5, 7).code()).isZero();
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(preview(COCO, "coco", c, 5, 8).code()).isZero();
        assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));
    }

    @Test
    void cocoSheetShowsPersonBoxesMasksAndKeypoints() throws IOException {
        Path a = tmp.resolve("a.png");
        Cli.Result r = preview(COCO, "coco", a, 16, 1);
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage sheet = read(a);
        assertGrid(sheet, 4, 4);
        // Person (category 1) boxes are stroked in colour(1); keypoint dots are filled in colour(1000 + index).
        assertThat(count(sheet, Preview.colour(1).getRGB())).isPositive();
        int dots = 0;
        for (int k = 0; k < 17; k++) dots += count(sheet, Preview.colour(1000 + k).getRGB());
        assertThat(dots).isPositive();
    }

    @Test
    void yoloPoseAndVocSheetsHaveTheirGrids() throws IOException {
        Path yolo = tmp.resolve("yolo");
        copyTree(COCO.resolve("images"), yolo.resolve("images"));
        copyTree(TestData.data("yolo/labels-pose"), yolo.resolve("labels"));
        Files.copy(TestData.data("yolo/data.yaml"), yolo.resolve("data.yaml"));
        Path y = tmp.resolve("y.png");
        Cli.Result r = preview(yolo, "yolo", y, 4, 3);
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage sheet = read(y);
        assertGrid(sheet, 2, 2);

        Path voc = tmp.resolve("voc");
        copyTree(COCO.resolve("images"), voc.resolve("JPEGImages"));
        copyTree(TestData.data("voc/coco_derived/Annotations"), voc.resolve("Annotations"));
        Path v = tmp.resolve("v.png"), v2 = tmp.resolve("v2.png");
        r = preview(voc, "voc", v, 10, 3);
        assertThat(r.code()).as(r.err()).isZero();
        assertGrid(read(v), 4, 3);
        assertThat(preview(voc, "voc", v2, 10, 3).code()).isZero();
        assertThat(Files.readAllBytes(v2)).isEqualTo(Files.readAllBytes(v));
    }

    @Test
    void maskFolderSheetHasItsGrid() throws IOException {
        Path in = tmp.resolve("masks");
        copyTree(COCO.resolve("images"), in.resolve("images"));
        Files.createDirectories(in.resolve("instances"));
        try (Stream<Path> s = Files.list(COCO.resolve("images"))) {
            for (Path f : s.toList()) {
                String stem = f.getFileName().toString().replace(".jpg", "");
                Files.copy(TestData.data("masks/coco_derived/" + stem + "_instances.png"), in.resolve("instances").resolve(stem + ".png"));
            }
        }
        Path out = tmp.resolve("m.png");
        Cli.Result r = preview(in, "masks", out, 2, 4);
        assertThat(r.code()).as(r.err()).isZero();
        assertGrid(read(out), 2, 1);
    }

    @Test
    void badInputExitsWithOneLine() throws IOException {
        Path out = tmp.resolve("x.png");
        Cli.Result r = preview(COCO, "tiff", out, 4, 0);
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString().contains("not supported");

        r = preview(tmp.resolve("missing"), "coco", out, 4, 0);
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString().contains("not found").contains("missing");

        r = preview(COCO, "coco", out, 0, 0);
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString().contains("--n");

        r = preview(COCO, "yolo", out, 4, 0);
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString().contains("data.yaml");
        assertThat(out).doesNotExist();
    }
}
