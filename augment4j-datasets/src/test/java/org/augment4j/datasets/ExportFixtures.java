package org.augment4j.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small datasets laid out as labelling tools export them, written into a temporary folder: the layouts and quirks of
 * real CVAT, Roboflow, Ultralytics and labelImg exports, with made-up images (no third-party data).
 */
public final class ExportFixtures {
    private ExportFixtures() {}

    /** A {@code w × h} image at {@code file}: colour PNG/JPEG, or an 8-bit grayscale JPEG when {@code gray}. */
    public static Path image(Path file, int w, int h, boolean gray) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage b = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) b.setRGB(x, y, ((x * 7) & 0xff) << 16 | ((y * 5) & 0xff) << 8 | 0x40);
        String n = file.getFileName().toString();
        javax.imageio.ImageIO.write(b, n.endsWith(".png") ? "png" : "jpg", file.toFile());
        return file;
    }

    /**
     * CVAT "COCO 1.0": {@code annotations/instances_default.json} and {@code images/} (a 40×30 grayscale JPEG and a
     * 50×40 colour one); 3 polygons whose bboxes do not match them (as in a real export), each with CVAT's
     * {@code attributes} (custom ones empty), 4 categories of which 2 are used, {@code date_captured: ""}.
     */
    public static Path cvatCoco(Path dir) throws IOException {
        image(dir.resolve("images/gray.jpg"), 40, 30, true);
        image(dir.resolve("images/colour.jpg"), 50, 40, false);
        Files.createDirectories(dir.resolve("annotations"));
        String attrs = "\"attributes\": {\"Damage location\": \"\", \"Severity\": \"\", \"occluded\": false}";
        Files.writeString(dir.resolve("annotations/instances_default.json"), """
                {"licenses": [{"name": "", "id": 0, "url": ""}],
                 "info": {"contributor": "", "date_created": "", "description": "", "url": "", "version": "", "year": ""},
                 "categories": [{"id": 1, "name": "seat", "supercategory": ""}, {"id": 2, "name": "wheel", "supercategory": ""},
                                {"id": 3, "name": "knob", "supercategory": ""}, {"id": 4, "name": "vent", "supercategory": ""}],
                 "images": [{"id": 1, "width": 40, "height": 30, "file_name": "gray.jpg", "license": 0, "flickr_url": "", "coco_url": "", "date_captured": ""},
                            {"id": 2, "width": 50, "height": 40, "file_name": "colour.jpg", "license": 0, "flickr_url": "", "coco_url": "", "date_captured": ""}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[2.0000001, 3, 20, 3, 20, 15, 2, 15]], "area": 216, "bbox": [11, 9, 18, 12], "iscrowd": 0, %s},
                   {"id": 2, "image_id": 2, "category_id": 2, "segmentation": [[10, 10, 30, 10, 30, 30, 10, 30]], "area": 400, "bbox": [20, 20, 40, 40], "iscrowd": 0, %s},
                   {"id": 3, "image_id": 2, "category_id": 2, "segmentation": [[5, 5, 15, 5, 15, 12]], "area": 35, "bbox": [0, 0, 30, 24], "iscrowd": 0, %s}]}
                """.formatted(attrs, attrs, attrs));
        return dir;
    }

    /**
     * Roboflow COCO: {@code train/} and {@code valid/}, each with {@code _annotations.coco.json} beside 32×32 JPEGs;
     * image and annotation ids from 0; the unused umbrella category 0 {@code "parts"} and category 2 of the same name;
     * integer x, y and float w, h; one box per split overshooting the image by 0.4 px.
     */
    public static Path roboflowCoco(Path dir) throws IOException {
        for (String split : new String[] {"train", "valid"}) {
            image(dir.resolve(split + "/a_jpg.rf.0123.jpg"), 32, 32, false);
            image(dir.resolve(split + "/b_jpg.rf.4567.jpg"), 32, 32, false);
            Files.writeString(dir.resolve(split + "/_annotations.coco.json"), """
                    {"info": {"year": "2023", "version": "1", "description": "Exported from roboflow.ai"},
                     "licenses": [{"id": 1, "url": "https://creativecommons.org/licenses/by/4.0/", "name": "CC BY 4.0"}],
                     "categories": [{"id": 0, "name": "parts", "supercategory": "none"}, {"id": 1, "name": "door", "supercategory": "parts"},
                                    {"id": 2, "name": "parts", "supercategory": "parts"}],
                     "images": [{"id": 0, "license": 1, "file_name": "a_jpg.rf.0123.jpg", "height": 32, "width": 32},
                                {"id": 1, "license": 1, "file_name": "b_jpg.rf.4567.jpg", "height": 32, "width": 32}],
                     "annotations": [
                       {"id": 0, "image_id": 0, "category_id": 1, "bbox": [4, 4, 10.5, 8.25], "area": 86.625, "segmentation": [[4, 4, 14.5, 4, 14.5, 12.25, 4, 12.25]], "iscrowd": 0},
                       {"id": 1, "image_id": 0, "category_id": 2, "bbox": [20, 16, 12.4, 16.4], "area": 203.36, "segmentation": [[20, 16, 32.4, 16, 32.4, 32.4, 20, 32.4]], "iscrowd": 0},
                       {"id": 2, "image_id": 1, "category_id": 1, "bbox": [0, 0, 8, 8], "area": 64, "segmentation": [[0, 0, 8, 0, 8, 8, 0, 8]], "iscrowd": 0}]}
                    """);
        }
        return dir;
    }

    /**
     * Ultralytics segmentation named after the dataset ({@code parts-seg.yaml}) with an absolute {@code path} from
     * another machine (with a space), {@code images/train} and {@code images/val} with their {@code labels/}, and a label
     * file without an image.
     */
    public static Path ultralytics(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("parts-seg.yaml"), """
                # made on another machine
                path: /home/some user/datasets/parts-seg  # dataset root dir
                train: images/train
                val: images/val
                test:  # none
                names:
                  0: door
                  1: wheel
                """);
        image(dir.resolve("images/train/t1.jpg"), 40, 20, false);
        image(dir.resolve("images/train/t2.jpg"), 40, 20, true);
        image(dir.resolve("images/val/v1.jpg"), 40, 20, false);
        Files.createDirectories(dir.resolve("labels/train"));
        Files.createDirectories(dir.resolve("labels/val"));
        Files.writeString(dir.resolve("labels/train/t1.txt"), "0 0.1 0.1 0.5 0.1 0.5 0.6 0.1 0.6\n1 0.6 0.2 0.9 0.2 0.9 0.9\n");
        Files.writeString(dir.resolve("labels/train/t2.txt"), "1 0.2 0.2 0.4 0.2 0.4 0.8 0.2 0.8\n");
        Files.writeString(dir.resolve("labels/train/gone.txt"), "0 0.1 0.1 0.5 0.1 0.5 0.6\n");
        Files.writeString(dir.resolve("labels/val/v1.txt"), "0 0.3 0.3 0.7 0.3 0.7 0.7 0.3 0.7\n");
        return dir;
    }

    /**
     * CVAT "YOLO 1.1" (darknet): {@code obj.data}, {@code obj.names}, {@code train.txt} and {@code obj_train_data/}
     * holding two 40×20 images with their label files beside them (one image without a label file).
     */
    public static Path darknet(Path dir) throws IOException {
        image(dir.resolve("obj_train_data/a.jpg"), 40, 20, false);
        image(dir.resolve("obj_train_data/b.png"), 40, 20, false);
        Files.writeString(dir.resolve("obj_train_data/a.txt"), "0 0.250000 0.500000 0.300000 0.400000\n1 0.750000 0.500000 0.200000 0.600000\n");
        Files.writeString(dir.resolve("obj.names"), "door\nwheel\n");
        Files.writeString(dir.resolve("obj.data"), "classes = 2\ntrain = data/train.txt\nnames = data/obj.names\nbackup = backup/\n");
        Files.writeString(dir.resolve("train.txt"), "data/obj_train_data/a.jpg\ndata/obj_train_data/b.png\n");
        return dir;
    }

    /**
     * labelImg Pascal VOC: XML files beside the images in one folder ({@code <path>} from the labelling machine): one
     * with an object, one with none, and an image without any XML.
     */
    public static Path labelImg(Path dir) throws IOException {
        image(dir.resolve("one.jpg"), 40, 30, false);
        image(dir.resolve("empty.jpg"), 40, 30, false);
        image(dir.resolve("unlabelled.jpg"), 40, 30, false);
        Files.writeString(dir.resolve("one.xml"), """
                <annotation><folder>pics</folder><filename>one.jpg</filename><path>C:\\Users\\me\\pics\\one.jpg</path>
                <source><database>Unknown</database></source><size><width>40</width><height>30</height><depth>3</depth></size>
                <segmented>0</segmented><object><name>door</name><pose>Unspecified</pose><truncated>0</truncated><difficult>0</difficult>
                <bndbox><xmin>5</xmin><ymin>6</ymin><xmax>20</xmax><ymax>25</ymax></bndbox></object></annotation>
                """);
        Files.writeString(dir.resolve("empty.xml"), """
                <annotation><folder>pics</folder><filename>empty.jpg</filename><path>C:\\Users\\me\\pics\\empty.jpg</path>
                <size><width>40</width><height>30</height><depth>3</depth></size><segmented>0</segmented></annotation>
                """);
        return dir;
    }
}
