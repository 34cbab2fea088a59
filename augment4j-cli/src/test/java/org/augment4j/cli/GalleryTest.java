package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.augment4j.serial.TransformRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed gallery ({@code docs/gallery}) has one picture per registered transform, the README's transform table
 * links to them, and {@code augment4j gallery} regenerates every picture and the index: so none can be hand-made or
 * stale.
 */
class GalleryTest {
    /** Largest mean absolute difference (0-255 units, per channel) allowed below the text band. */
    private static final double PIXELS_BOUND = 1.0;
    /** The same over the whole picture, text included (fonts may differ between machines). */
    private static final double WHOLE_BOUND = 6.0;
    /** Transforms whose output holds text drawn with the JVM's fonts: compared with {@link #WHOLE_BOUND} only. */
    private static final Set<String> DRAW_TEXT = Set.of("TextImage");
    private static final Pattern ROW = Pattern.compile("^\\| [^|]+ \\| (\\S+) \\|.*\\|$");

    private static Path repo, gallery;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findRepository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("augment4j-core")))) dir = dir.getParent();
        assertThat(dir).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        repo = dir;
        gallery = repo.resolve("docs/gallery");
    }

    @Test
    void everyRegisteredTransformHasAPictureAndNothingElseIsThere() throws IOException {
        Set<String> pictures = new TreeSet<>();
        try (Stream<Path> files = Files.list(gallery)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jpg")).forEach(n -> pictures.add(n.substring(0, n.length() - 4)));
        }
        assertThat(pictures).containsExactlyInAnyOrderElementsOf(TransformRegistry.names());
        String index = Files.readString(gallery.resolve("README.md"));
        for (String name : TransformRegistry.names()) assertThat(index).contains("[`" + name + "`](" + name + ".jpg)");
    }

    @Test
    void readmeTableLinksEachTransformToItsPicture() throws IOException {
        Set<String> linked = new TreeSet<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(repo.resolve("README.md"))) {
            if (line.startsWith("## ")) inTable = line.equals("## Transforms");
            Matcher m = ROW.matcher(line.trim());
            if (!inTable || !m.matches()) continue;
            String cell = m.group(1);
            Matcher link = Pattern.compile("\\[`(\\w+)`]\\(docs/gallery/(\\w+)\\.jpg\\)").matcher(cell);
            if (link.matches()) {
                assertThat(link.group(2)).as("picture linked from " + cell).isEqualTo(link.group(1));
                assertThat(gallery.resolve(link.group(2) + ".jpg")).as(cell).isRegularFile();
                linked.add(link.group(1));
            }
        }
        assertThat(linked).containsExactlyInAnyOrderElementsOf(TransformRegistry.names());
    }

    @Test
    void theCommandRegeneratesTheCommittedPicturesAndIndex() throws IOException {
        Cli.Result r = Cli.run("gallery", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + TransformRegistry.names().size() + " pictures");
        assertThat(Files.readString(tmp.resolve("README.md"))).isEqualTo(Files.readString(gallery.resolve("README.md")));
        for (String name : TransformRegistry.names()) {
            BufferedImage made = javax.imageio.ImageIO.read(tmp.resolve(name + ".jpg").toFile());
            BufferedImage committed = javax.imageio.ImageIO.read(gallery.resolve(name + ".jpg").toFile());
            assertThat(committed).as("docs/gallery/" + name + ".jpg").isNotNull();
            assertThat(new int[] {committed.getWidth(), committed.getHeight()}).as(name + " size (regenerate with ./augment4j gallery --out docs/gallery)")
                    .containsExactly(made.getWidth(), made.getHeight());
            if (!DRAW_TEXT.contains(name)) {
                assertThat(meanAbsoluteDifference(made, committed, GalleryStrip.BAND)).as(name + " pixels below the text band").isLessThan(PIXELS_BOUND);
            }
            assertThat(meanAbsoluteDifference(made, committed, 0)).as(name + " whole picture").isLessThan(WHOLE_BOUND);
        }
    }

    @Test
    void stripsShowTheInputAndOneCellPerSeed() throws IOException {
        Cli.Result r = Cli.run("gallery", "--out", tmp.toString(), "--only", "HorizontalFlip,Resize", "--seeds", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(tmp.resolve("README.md")).as("no index for a partial run").doesNotExist();
        BufferedImage flip = javax.imageio.ImageIO.read(tmp.resolve("HorizontalFlip.jpg").toFile());
        // 640x424 at 160 rows is 242 wide: three cells of 242 and four gaps of 8.
        assertThat(flip.getWidth()).isEqualTo(3 * 242 + 4 * Preview.GAP);
        assertThat(flip.getHeight()).isEqualTo(GalleryStrip.BAND + 160 + Preview.GAP);
        // Resize to 128 x 128 is drawn at the input's scale: 128 wide.
        BufferedImage resize = javax.imageio.ImageIO.read(tmp.resolve("Resize.jpg").toFile());
        assertThat(resize.getWidth()).isEqualTo(242 + 2 * 128 + 4 * Preview.GAP);
    }

    @Test
    void badOptionsAreRefused() {
        for (List<String> args : List.of(List.of("--only", "Blurr"), List.of("--seeds", "0"), List.of("--height", "20"))) {
            Cli.Result r = Cli.run(Stream.concat(Stream.of("gallery", "--out", tmp.toString()), args.stream()).toArray(String[]::new));
            assertThat(r.code()).as(args.toString()).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err()).contains(args.get(0));
        }
    }

    /** Mean over rows from {@code top} of |a − b| per RGB channel, in 0-255 units. */
    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b, int top) {
        long sum = 0, n = 0;
        for (int y = top; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                for (int s = 0; s < 24; s += 8) sum += Math.abs((p >> s & 0xff) - (q >> s & 0xff));
                n += 3;
            }
        }
        return (double) sum / n;
    }
}
