package org.augment4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.augment4j.OutsidePaths;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security (issue 19): a dataset's data must not make a reader open files outside the dataset. For every format, image
 * references with {@code ..}, absolute paths and symbolic links out are left out and reported; sub-folders and links
 * that stay inside are read; {@link OutsidePaths#ALLOW} reads them all.
 */
class OutsidePathsTest {
    @TempDir
    Path root;
    Path secret;
    Path ds;

    @BeforeEach
    void layout() throws IOException {
        secret = png(root.resolve("secret/outside.png"));
        ds = Files.createDirectory(root.resolve("ds"));
    }

    @Test
    void cocoRefusesFileNamesLeadingOutTheImageFolder() throws IOException {
        png(ds.resolve("images/a.png"));
        png(ds.resolve("images/train2017/b.png"));
        Files.createSymbolicLink(ds.resolve("images/abs-link.png"), secret);
        Files.createSymbolicLink(ds.resolve("images/rel-link.png"), Path.of("../../secret/outside.png"));
        Files.createSymbolicLink(ds.resolve("images/inside-link.png"), Path.of("train2017/b.png"));
        Files.createDirectories(ds.resolve("annotations"));
        Files.writeString(ds.resolve("annotations/instances.json"), """
                {"images": [%s, %s, %s, %s, %s, %s, %s],
                 "categories": [{"id": 1, "name": "x"}],
                 "annotations": [{"id": 1, "image_id": 3, "category_id": 1, "bbox": [1, 1, 2, 2]}]}
                """.formatted(image(1, "a.png"), image(2, "train2017/b.png"), image(3, "../../secret/outside.png"),
                image(4, secret.toString()), image(5, "abs-link.png"), image(6, "rel-link.png"), image(7, "inside-link.png")));

        Dataset d = CocoReader.read(ds);
        assertThat(names(d)).containsExactly("a.png", "train2017/b.png", "inside-link.png");
        assertThat(d.problems()).hasSize(4);
        assertThat(d.problems().get(0)).contains("image 3").contains("file_name '../../secret/outside.png'")
                .contains("resolves to " + secret).contains("outside " + ds.resolve("images")).contains("skipped with its 1 annotation(s)");
        assertThat(d.problems().get(1)).contains("image 4").contains("resolves to " + secret);
        assertThat(d.problems().get(2)).contains("image 5").contains("leads through a symbolic link to " + secret.toRealPath());
        assertThat(d.problems().get(3)).contains("image 6").contains("leads through a symbolic link to " + secret.toRealPath());

        assertThat(names(CocoReader.read(ds, OutsidePaths.ALLOW))).hasSize(7);
        assertThat(CocoReader.read(ds, OutsidePaths.ALLOW).problems()).isEmpty();
    }

    @Test
    void cocoRefusesAnImageFolderThatIsALinkOut() throws IOException {
        png(root.resolve("elsewhere/a.png"));
        Files.createDirectories(ds.resolve("annotations"));
        Files.writeString(ds.resolve("annotations/instances.json"), "{\"images\": [" + image(1, "a.png") + "], \"categories\": [], \"annotations\": []}");
        Files.createSymbolicLink(ds.resolve("images"), root.resolve("elsewhere"));
        assertThatThrownBy(() -> CocoReader.read(ds)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("COCO dataset entry " + ds.resolve("images")).hasMessageContaining("symbolic link")
                .hasMessageContaining("--allow-outside-paths");
        assertThat(names(CocoReader.read(ds, OutsidePaths.ALLOW))).containsExactly("a.png");
    }

    @Test
    void vocRefusesFilenamesAndAnnotationFilesLeadingOut() throws IOException {
        Path images = Files.createDirectories(ds.resolve("JPEGImages")), ann = Files.createDirectories(ds.resolve("Annotations"));
        png(images.resolve("a.png"));
        png(images.resolve("sub/b.png"));
        Files.createSymbolicLink(images.resolve("link.png"), secret);
        voc(ann.resolve("1.xml"), "a.png");
        voc(ann.resolve("2.xml"), "sub/b.png");
        voc(ann.resolve("3.xml"), "../../secret/outside.png");
        voc(ann.resolve("4.xml"), secret.toString());
        voc(ann.resolve("5.xml"), "link.png");
        voc(root.resolve("secret/6.xml"), "a.png");
        Files.createSymbolicLink(ann.resolve("6.xml"), root.resolve("secret/6.xml"));

        Dataset d = Voc.read(ann, images, true);
        assertThat(names(d)).containsExactly("a.png", "sub/b.png");
        assertThat(d.problems()).hasSize(4);
        assertThat(d.problems().get(0)).contains("VOC file " + ann.resolve("6.xml")).contains("leads through a symbolic link").contains("skipped");
        assertThat(d.problems().get(1)).contains("3.xml").contains("<filename> '../../secret/outside.png'").contains("resolves to " + secret);
        assertThat(d.problems().get(2)).contains("4.xml").contains("resolves to " + secret);
        assertThat(d.problems().get(3)).contains("5.xml").contains("leads through a symbolic link to " + secret.toRealPath());

        assertThat(names(Voc.read(ann, images, true, OutsidePaths.ALLOW))).hasSize(6);
    }

    @Test
    void yoloRefusesImageAndLabelFilesThatLinkOut() throws IOException {
        Path images = Files.createDirectories(ds.resolve("images")), labels = Files.createDirectories(ds.resolve("labels"));
        png(images.resolve("a.png"));
        png(images.resolve("sub/b.png"));
        png(images.resolve("c.png"));
        Files.createSymbolicLink(images.resolve("abs-link.png"), secret);
        Files.createSymbolicLink(images.resolve("rel-link.png"), Path.of("../../secret/outside.png"));
        Files.createSymbolicLink(images.resolve("inside-link.png"), Path.of("sub/b.png"));
        Files.writeString(labels.resolve("a.txt"), "0 0.5 0.5 0.2 0.2\n");
        Files.writeString(root.resolve("secret/c.txt"), "0 0.5 0.5 0.2 0.2\n");
        Files.createSymbolicLink(labels.resolve("c.txt"), root.resolve("secret/c.txt"));
        Files.writeString(ds.resolve("data.yaml"), "names: [x]\n");

        Dataset d = Yolo.read(images, labels, ds.resolve("data.yaml"), Yolo.Task.DETECT);
        assertThat(names(d)).containsExactly("a.png", "inside-link.png");
        assertThat(d.images().get(0).objects()).hasSize(1);
        assertThat(d.problems()).hasSize(3);
        assertThat(d.problems().get(0)).contains("YOLO image " + images.resolve("abs-link.png")).contains("symbolic link to " + secret.toRealPath());
        assertThat(d.problems().get(1)).contains("YOLO label file " + labels.resolve("c.txt")).contains("with its image " + images.resolve("c.png"));
        assertThat(d.problems().get(2)).contains("YOLO image " + images.resolve("rel-link.png")).contains("symbolic link to " + secret.toRealPath());

        assertThat(names(Yolo.read(images, labels, ds.resolve("data.yaml"), Yolo.Task.DETECT, OutsidePaths.ALLOW))).hasSize(5);
    }

    @Test
    void maskFoldersRefuseImagesAndMasksThatLinkOut() throws IOException {
        png(ds.resolve("images/a.png"));
        png(ds.resolve("semantic/a.png"));
        png(ds.resolve("images/b.png"));
        Files.createSymbolicLink(ds.resolve("semantic/b.png"), Path.of("../../secret/outside.png"));
        Files.createSymbolicLink(ds.resolve("images/c.png"), secret);
        png(ds.resolve("semantic/c.png"));
        png(ds.resolve("images/d.png"));
        Files.createSymbolicLink(ds.resolve("semantic/d.png"), Path.of("a.png"));

        Dataset d = MaskFolders.read(ds);
        assertThat(names(d)).containsExactly("a.png", "d.png");
        assertThat(d.problems()).hasSize(2);
        assertThat(d.problems().get(0)).contains("mask " + ds.resolve("semantic/b.png")).contains("symbolic link to " + secret.toRealPath())
                .contains("with its image " + ds.resolve("images/b.png"));
        assertThat(d.problems().get(1)).contains("image " + ds.resolve("images/c.png")).contains("symbolic link to " + secret.toRealPath());
        assertThat(names(MaskFolders.read(ds, OutsidePaths.ALLOW))).hasSize(4);

        Files.createSymbolicLink(ds.resolve("instances"), root.resolve("secret"));
        assertThatThrownBy(() -> MaskFolders.read(ds)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mask-folder dataset entry " + ds.resolve("instances")).hasMessageContaining("symbolic link");
    }

    private static List<String> names(Dataset d) {
        return d.images().stream().map(DatasetImage::fileName).toList();
    }

    private static String image(int id, String fileName) {
        return "{\"id\": " + id + ", \"file_name\": \"" + fileName + "\", \"width\": 8, \"height\": 6}";
    }

    private static void voc(Path xml, String fileName) throws IOException {
        Files.writeString(xml, "<annotation><filename>" + fileName + "</filename><size><width>8</width><height>6</height><depth>3</depth></size>"
                + "<object><name>x</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>4</xmax><ymax>4</ymax></bndbox></object></annotation>");
    }

    /** An 8 x 6 PNG at {@code file} (folders created). */
    static Path png(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(new BufferedImage(8, 6, BufferedImage.TYPE_3BYTE_BGR), "png", file.toFile());
        return file;
    }
}
