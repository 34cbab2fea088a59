package org.augment4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A box with no area or wholly outside its image is an annotation problem, reported by the reader and left out — not
 * an object for the augmentation to "drop" (reliability finding K2). A box partly outside is kept (it is clipped later).
 */
class InvalidBoxesTest {

    @Test
    void cocoReportsEmptyAndOutsideBoxes(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("instances.json");
        Files.writeString(json, """
                {"images": [{"id": 1, "file_name": "a.jpg", "width": 100, "height": 80}],
                 "categories": [{"id": 3, "name": "car"}],
                 "annotations": [
                   {"id": 10, "image_id": 1, "category_id": 3, "bbox": [10, 10, 20, 20], "iscrowd": 0},
                   {"id": 11, "image_id": 1, "category_id": 3, "bbox": [10, 10, -5, 20], "iscrowd": 0},
                   {"id": 12, "image_id": 1, "category_id": 3, "bbox": [150, 10, 20, 20], "iscrowd": 0},
                   {"id": 13, "image_id": 1, "category_id": 3, "bbox": [90, 70, 30, 30], "iscrowd": 0},
                   {"id": 14, "image_id": 1, "category_id": 3, "bbox": [5, 5, 0, 10], "iscrowd": 0}]}
                """);
        Dataset d = CocoReader.read(json, null, dir);
        assertThat(d.images().get(0).objects()).hasSize(2);
        assertThat(d.problems()).hasSize(3);
        assertThat(d.problems().get(0)).contains("annotation 11").contains("has no area");
        assertThat(d.problems().get(1)).contains("annotation 12").contains("wholly outside its 100x80 image");
        assertThat(d.problems().get(2)).contains("annotation 14").contains("has no area");
    }

    @Test
    void vocReportsInvertedBoxes(@TempDir Path dir) throws IOException {
        Path ann = Files.createDirectory(dir.resolve("ann"));
        Files.writeString(ann.resolve("a.xml"), """
                <annotation><filename>a.jpg</filename><size><width>100</width><height>80</height><depth>3</depth></size>
                <object><name>dog</name><bndbox><xmin>10</xmin><ymin>10</ymin><xmax>50</xmax><ymax>40</ymax></bndbox></object>
                <object><name>dog</name><bndbox><xmin>60</xmin><ymin>10</ymin><xmax>20</xmax><ymax>40</ymax></bndbox></object>
                </annotation>
                """);
        Dataset d = Voc.read(ann, dir, true);
        assertThat(d.images().get(0).objects()).hasSize(1);
        assertThat(d.problems()).singleElement().asString().contains("object 2 of").contains("has no area");
    }

    @Test
    void partlyOutsideIsNotAProblem() {
        assertThat(DatasetObject.boxProblem(new double[] {-10, -10, 20, 20}, 100, 80)).isNull();
        assertThat(DatasetObject.boxProblem(new double[] {0, 0, 100, 80}, 100, 80)).isNull();
        assertThat(DatasetObject.boxProblem(new double[] {100, 0, 5, 5}, 100, 80)).contains("wholly outside");
        assertThat(DatasetObject.boxProblem(new double[] {Double.NaN, 0, 5, 5}, 100, 80)).contains("not finite");
    }
}
