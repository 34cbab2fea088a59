package org.augment4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.augment4j.OutsidePaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per {@code Dnn} row of the bad-input table in docs/reliability.md (files named by a dataset; the other rows
 * are core's {@code HostileInputTest}): each row's case below reads a small hostile dataset, and its outcome must be
 * the row's exception class with a message containing the row's text, or for {@code none} a description of what was
 * read (the images kept and the problems reported) containing it. Paths in messages are shown with the temporary
 * folder as {@code $TMP}. A row without a case, or a case without a row, fails.
 */
class HostileDatasetTest {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(D\\d\\d)\\s*\\|.*\\|\\s*`([A-Za-z]+)`\\s*\\|\\s*`(.*)`\\s*\\|\\s*$");

    @TempDir
    static Path tmp;
    static Path secret;

    record Row(String id, String exception, String text) {
        @Override
        public String toString() {
            return id;
        }
    }

    static List<Row> table() throws IOException {
        Path doc = null;
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null && doc == null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/reliability.md"))) doc = dir.resolve("docs/reliability.md");
        }
        assertThat(doc).as("docs/reliability.md above " + Paths.get("").toAbsolutePath()).isNotNull();
        List<Row> out = new ArrayList<>();
        for (String line : Files.readAllLines(doc)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) out.add(new Row(m.group(1), m.group(2), m.group(3)));
        }
        return out;
    }

    @BeforeAll
    static void secret() throws IOException {
        secret = OutsidePathsTest.png(tmp.resolve("secret/outside.png"));
        OutsidePathsTest.png(tmp.resolve("elsewhere/a.png"));
    }

    /** The cases, by table id; each builds its own dataset folder under {@code tmp}. */
    static Map<String, Callable<Object>> cases() {
        Map<String, Callable<Object>> c = new LinkedHashMap<>();
        c.put("D01", () -> coco("d01", "../../secret/outside.png", OutsidePaths.REFUSE));
        c.put("D02", () -> coco("d02", secret.toString(), OutsidePaths.REFUSE));
        c.put("D03", () -> {
            Files.createSymbolicLink(Files.createDirectories(tmp.resolve("d03/images")).resolve("link.png"), secret);
            return coco("d03", "link.png", OutsidePaths.REFUSE);
        });
        c.put("D04", () -> {
            OutsidePathsTest.png(tmp.resolve("d04/images/train2017/a.png"));
            return coco("d04", "train2017/a.png", OutsidePaths.REFUSE);
        });
        c.put("D05", () -> {
            Files.createDirectories(tmp.resolve("d05"));
            Files.createSymbolicLink(tmp.resolve("d05/images"), tmp.resolve("elsewhere"));
            return coco("d05", "a.png", OutsidePaths.REFUSE);
        });
        c.put("D06", () -> coco("d06", "../../secret/outside.png", OutsidePaths.ALLOW));
        c.put("D07", () -> voc("d07", "../../secret/outside.png"));
        c.put("D08", () -> voc("d08", secret.toString()));
        c.put("D09", () -> {
            Files.createSymbolicLink(Files.createDirectories(tmp.resolve("d09/JPEGImages")).resolve("link.png"), secret);
            return voc("d09", "link.png");
        });
        c.put("D10", () -> {
            Path ann = Files.createDirectories(tmp.resolve("d10/Annotations"));
            Files.writeString(tmp.resolve("secret/d10.xml"), vocXml("a.png"));
            Files.createSymbolicLink(ann.resolve("evil.xml"), tmp.resolve("secret/d10.xml"));
            return voc("d10", null);
        });
        c.put("D11", () -> {
            OutsidePathsTest.png(tmp.resolve("d11/JPEGImages/sub/a.png"));
            return voc("d11", "sub/a.png");
        });
        c.put("D12", () -> yolo("d12", "image", Path.of("../../secret/outside.png")));
        c.put("D13", () -> yolo("d13", "image", secret));
        c.put("D14", () -> {
            Files.writeString(tmp.resolve("secret/d14.txt"), "0 0.5 0.5 0.2 0.2\n");
            return yolo("d14", "label", tmp.resolve("secret/d14.txt"));
        });
        c.put("D15", () -> yolo("d15", "image", Path.of("sub/a.png")));
        c.put("D16", () -> masks("d16", "images", secret));
        c.put("D17", () -> masks("d17", "semantic", Path.of("../../secret/outside.png")));
        c.put("D18", () -> masks("d18", "semantic", Path.of("a.png")));
        c.put("D19", () -> {
            Files.createDirectories(tmp.resolve("d19"));
            Files.createSymbolicLink(tmp.resolve("d19/instances"), tmp.resolve("elsewhere"));
            return masks("d19", "semantic", Path.of("a.png"));
        });
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void behavesAsTheTableSays(Row row) throws IOException {
        Callable<Object> c = cases().get(row.id());
        assertThat(c).as("no test case for table row " + row.id()).isNotNull();
        String kind, outcome;
        try {
            outcome = String.valueOf(c.call());
            kind = "none";
        } catch (Exception e) {
            kind = e.getClass().getSimpleName();
            outcome = e.getMessage();
        }
        outcome = outcome.replace(tmp.toRealPath().toString(), "$TMP").replace(tmp.toString(), "$TMP");
        assertThat(kind + ": " + outcome).as(row.id()).startsWith(row.exception() + ": ").contains(row.text());
    }

    @Test
    void everyCaseHasARow() throws IOException {
        assertThat(table().stream().map(Row::id).toList()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(cases().keySet());
    }

    private static String described(Dataset d) {
        return d.images().size() + " image(s) " + d.images().stream().map(DatasetImage::fileName).toList() + ", problems " + d.problems();
    }

    private static String coco(String name, String fileName, OutsidePaths outside) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("annotations"));
        Files.writeString(dir.resolve("annotations/instances.json"), "{\"images\": [{\"id\": 1, \"file_name\": \"" + fileName
                + "\", \"width\": 8, \"height\": 6}], \"categories\": [], \"annotations\": []}");
        return described(CocoReader.read(dir, outside));
    }

    private static String vocXml(String fileName) {
        return "<annotation><filename>" + fileName + "</filename><size><width>8</width><height>6</height><depth>3</depth></size></annotation>";
    }

    /** A VOC folder with one XML naming {@code fileName} (none when null). */
    private static String voc(String name, String fileName) throws IOException {
        Path dir = tmp.resolve(name);
        Path ann = Files.createDirectories(dir.resolve("Annotations")), images = Files.createDirectories(dir.resolve("JPEGImages"));
        if (fileName != null) Files.writeString(ann.resolve("a.xml"), vocXml(fileName));
        return described(Voc.read(ann, images, true));
    }

    /** A YOLO folder with {@code images/a.png}, {@code images/sub/a.png} and one image or label file {@code x} linking to {@code target}. */
    private static String yolo(String name, String what, Path target) throws IOException {
        Path dir = tmp.resolve(name);
        Path images = dir.resolve("images"), labels = Files.createDirectories(dir.resolve("labels"));
        OutsidePathsTest.png(images.resolve("a.png"));
        OutsidePathsTest.png(images.resolve("sub/a.png"));
        if (what.equals("image")) {
            Files.createSymbolicLink(images.resolve("x.png"), target);
        } else {
            OutsidePathsTest.png(images.resolve("x.png"));
            Files.createSymbolicLink(labels.resolve("x.txt"), target);
        }
        Files.writeString(dir.resolve("data.yaml"), "names: [x]\n");
        return described(Yolo.read(images, labels, dir.resolve("data.yaml"), Yolo.Task.DETECT));
    }

    /** A mask-folder dataset with image and mask {@code a.png}, and image and mask {@code x.png} of which the one in {@code folder} links to {@code target}. */
    private static String masks(String name, String folder, Path target) throws IOException {
        Path dir = tmp.resolve(name);
        for (String f : List.of("images", "semantic")) {
            OutsidePathsTest.png(dir.resolve(f).resolve("a.png"));
            if (f.equals(folder)) Files.createSymbolicLink(dir.resolve(f).resolve("x.png"), target);
            else OutsidePathsTest.png(dir.resolve(f).resolve("x.png"));
        }
        return described(MaskFolders.read(dir));
    }
}
