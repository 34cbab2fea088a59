package org.augment4j.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.transform.spatial.HorizontalFlip;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** torchvision's ImageFolder layout: sorted classes, class indices and paths on every sample, skipped files, shuffling. */
class SampleSourceImageFolderTest {
    @TempDir
    Path root;

    /** Writes a 2x3 PNG (or JPEG) whose every pixel is (v, 0, 255 - v), so a read sample names its file. */
    private void image(String relative, int v) {
        byte[] px = new byte[2 * 3 * 3];
        for (int i = 0; i < 6; i++) {
            px[3 * i] = (byte) v;
            px[3 * i + 2] = (byte) (255 - v);
        }
        try (Mat m = Mats.fromBytes(px, 2, 3, 3)) {
            ImageIO.write(root.resolve(relative), m);
        }
    }

    private void text(String relative) throws IOException {
        Files.createDirectories(root.resolve(relative).getParent());
        Files.writeString(root.resolve(relative), "not an image");
    }

    /** dog/, cat/ (with a sub-folder), bird/, and files that are no samples. */
    private void dataset() throws IOException {
        image("dog/b.png", 10);
        image("dog/a.jpg", 20);
        image("cat/z.png", 30);
        image("cat/sub/a.PNG", 40);
        image("cat/m.jpeg", 50);
        image("bird/only.png", 60);
        text("cat/notes.txt");
        text("readme.txt");
        image("top.png", 70);                 // directly in root: not in a class
        image(".ipynb_checkpoints/x.png", 80); // hidden folder: not a class
        image("dog/._b.png", 90);             // hidden file
    }

    @Test
    void classesAreSortedFolderNamesAndImagesComeInTorchvisionOrder() throws IOException {
        dataset();
        ImageFolder folder = ImageFolder.scan(root);
        assertThat(folder.classes()).containsExactly("bird", "cat", "dog");
        assertThat(folder.classToIndex()).isEqualTo(Map.of("bird", 0, "cat", 1, "dog", 2));
        // within a class: files of the class folder first, then of its sub-folders (torchvision's sorted(os.walk))
        assertThat(folder.items()).containsExactly(
                new ImageFolder.Item(root.resolve("bird/only.png"), 0),
                new ImageFolder.Item(root.resolve("cat/m.jpeg"), 1),
                new ImageFolder.Item(root.resolve("cat/z.png"), 1),
                new ImageFolder.Item(root.resolve("cat/sub/a.PNG"), 1),
                new ImageFolder.Item(root.resolve("dog/a.jpg"), 2),
                new ImageFolder.Item(root.resolve("dog/b.png"), 2));
        assertThat(folder.targets()).containsExactly(0, 1, 1, 1, 2, 2);
        assertThat(SampleSource.imageFolder(root).classes()).containsExactly("bird", "cat", "dog");
        assertThat(SampleSource.imageFolder(root).size()).isEqualTo(6);
    }

    @Test
    void theLoaderReadsEachImageAsRgbWithItsClassIndexAndPath() throws IOException {
        dataset();
        List<Integer> red = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        Compose none = new Compose(List.of(new HorizontalFlip(0.0)));
        try (Loader loader = Loader.builder(none).imageFolder(root).threads(3).seed(1).build()) {
            for (Sample s : loader) {
                try (s) {
                    assertThat(Mats.describe(s.image())).isEqualTo("2x3x3 uint8");
                    red.add(Mats.toBytes(s.image())[0] & 0xff);
                    labels.add(SampleSource.classIndex(s));
                    paths.add(SampleSource.path(s));
                    assertThat(s.metadata()).containsEntry(SampleSource.CLASS_INDEX, SampleSource.classIndex(s));
                }
            }
        }
        assertThat(labels).containsExactly(0, 1, 1, 1, 2, 2);
        assertThat(paths).containsExactlyElementsOf(ImageFolder.scan(root).items().stream().map(ImageFolder.Item::path).toList());
        int[] want = {60, 50, 30, 40, 20, 10};  // PNGs exactly, the two JPEGs (1 and 4) within 3
        for (int i = 0; i < 6; i++) assertThat(red.get(i)).as("sample %d", i).isCloseTo(want[i], org.assertj.core.data.Offset.offset(i == 1 || i == 4 ? 3 : 0));
    }

    @Test
    void folderSamplesCarryTheirPathAndOtherSourcesNone() throws IOException {
        image("a.png", 1);
        image("b.png", 2);
        try (Sample s = SampleSource.folder(root).indexedSupplier().apply(1)) {
            assertThat(SampleSource.path(s)).isEqualTo(root.resolve("b.png"));
            assertThat(SampleSource.classIndex(s)).isEqualTo(-1);
        }
        assertThat(SampleSource.folder(root).classes()).isEmpty();
    }

    @Test
    void shufflingIsASeededPermutationKeepingClassesAndOwnership() throws IOException {
        dataset();
        SampleSource src = SampleSource.imageFolder(root);
        List<Path> a = paths(src.shuffled(5)), b = paths(src.shuffled(5)), c = paths(src.shuffled(6));
        assertThat(a).isEqualTo(b).containsExactlyInAnyOrderElementsOf(paths(src)).isNotEqualTo(paths(src));
        assertThat(c).isNotEqualTo(a);
        assertThat(src.shuffled(5).classes()).containsExactly("bird", "cat", "dog");
        assertThat(src.shuffled(5).closesInputs()).isTrue();
        assertThat(src.borrowed().shuffled(5).closesInputs()).isFalse();
        assertThatThrownBy(() -> SampleSource.iterator(List.<Sample>of().iterator()).shuffled(1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("iterator source");
    }

    private static List<Path> paths(SampleSource src) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < src.size(); i++) {
            try (Sample s = src.indexedSupplier().apply(i)) {
                out.add(SampleSource.path(s));
            }
        }
        return out;
    }

    @Test
    void refusesRootsWithoutClassesAndEmptyClassesNamingThem() throws IOException {
        assertThatThrownBy(() -> SampleSource.imageFolder(root.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing").hasMessageContaining("not a folder");
        image("loose.png", 1);
        assertThatThrownBy(() -> ImageFolder.scan(root)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no class folder");
        image("cat/a.png", 1);
        text("empty/notes.txt");
        assertThatThrownBy(() -> ImageFolder.scan(root)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class folder " + root.resolve("empty")).hasMessageContaining("no .png, .jpg or .jpeg");
    }
}
