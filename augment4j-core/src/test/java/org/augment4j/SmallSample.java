package org.augment4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TargetsJson;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A small input for checking transforms against values printed by Albumentations itself: a 12 × 10 RGB image with
 * {@code v = (7·x + 13·y + 50·c) mod 256}, a label mask {@code (x div 4 + y div 3) mod 4}, two pascal_voc boxes
 * ({@code labels} 1, 2) and four xyas keypoints in degrees ({@code kl} 0..3). In numpy:
 * <pre>
 * yy, xx = np.mgrid[0:10, 0:12]
 * img = np.stack([(7*xx + 13*yy + 50*c) % 256 for c in range(3)], -1).astype(np.uint8)
 * mask = ((xx//4 + yy//3) % 4).astype(np.uint8)
 * A.Compose([t], bbox_params=A.BboxParams('pascal_voc', label_fields=['labels']),
 *           keypoint_params=A.KeypointParams('xyas', label_fields=['kl']))
 * </pre>
 * {@link #run} loads a one-transform pipeline file of a given {@code __version__}, so the file selects the semantics.
 */
public final class SmallSample {
    private SmallSample() {}

    public static final int W = 12, H = 10;
    public static final List<List<Double>> BOXES = List.of(List.of(1.0, 1.0, 6.0, 5.0), List.of(4.5, 2.25, 11.0, 9.5));
    public static final List<List<Double>> KEYPOINTS = List.of(List.of(2.0, 3.0, 30.0, 2.0), List.of(9.5, 6.25, 350.0, 1.0),
            List.of(11.0, 9.0, 0.0, 1.0), List.of(0.0, 0.0, 90.0, 1.0));

    /** What came out: image (RGB, row-major) and mask bytes as unsigned values, size, boxes and keypoints. */
    public record Result(int width, int height, int[] image, int[] mask, double[][] boxes, double[][] keypoints, List<?> keypointLabels) {
        /** Channel {@code c} of the image, row by row. */
        public int[][] channel(int c) {
            int[][] out = new int[height][width];
            for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) out[y][x] = image[(y * width + x) * 3 + c];
            return out;
        }

        /** The mask, row by row. */
        public int[][] maskRows() {
            int[][] out = new int[height][];
            for (int y = 0; y < height; y++) out[y] = Arrays.copyOfRange(mask, y * width, (y + 1) * width);
            return out;
        }

        /** The RGB value at {@code (x, y)}. */
        public int[] pixel(int x, int y) {
            int i = (y * width + x) * 3;
            return new int[] {image[i], image[i + 1], image[i + 2]};
        }
    }

    /** The image: {@code (7·x + 13·y + 50·c) mod 256}. */
    public static Mat image() {
        byte[] b = new byte[W * H * 3];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) for (int c = 0; c < 3; c++) b[(y * W + x) * 3 + c] = (byte) ((7 * x + 13 * y + 50 * c) % 256);
        return Mats.fromBytes(b, H, W, 3);
    }

    /** The mask: {@code (x div 4 + y div 3) mod 4}. */
    public static Mat mask() {
        byte[] b = new byte[W * H];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) b[y * W + x] = (byte) ((x / 4 + y / 3) % 4);
        return Mats.fromBytes(b, H, W, 1);
    }

    /** The pipeline file of one transform (its JSON object) under {@code version}, with this sample's label parameters. */
    public static Compose pipeline(String version, String transformJson) {
        return PipelineFile.fromJson("""
                {"__version__": "%s", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [%s],
                 "bbox_params": {"format": "pascal_voc", "label_fields": ["labels"]},
                 "keypoint_params": {"format": "xyas", "label_fields": ["kl"], "angle_in_degrees": true, "remove_invisible": true}}}
                """.formatted(version, transformJson));
    }

    /** Runs that pipeline on this sample. */
    public static Result run(String version, String transformJson) {
        return run(pipeline(version, transformJson));
    }

    /** Runs {@code pipeline} (with this sample's label parameters) on this sample. */
    @SuppressWarnings("unchecked")
    public static Result run(Compose pipeline) {
        Map<String, Object> targets = Map.of("bboxes", BOXES, "labels", List.of(1, 2), "keypoints", KEYPOINTS, "kl", List.of(0, 1, 2, 3));
        try (Sample in = TargetsJson.attach(Sample.builder().image(image()).mask(mask()).build(), targets, pipeline);
             Sample out = pipeline.apply(in, 7L, Map.of())) {
            Map<String, Object> t = TargetsJson.of(out, pipeline);
            return new Result(out.width(), out.height(), unsigned(Mats.toBytes(out.image())), unsigned(Mats.toBytes(out.mask())),
                    (double[][]) t.get("bboxes"), (double[][]) t.get("keypoints"), (List<?>) t.get("kl"));
        }
    }

    /** uint8 values within 1 of the reference's (OpenCV releases differ in the last bit of rounding), row by row. */
    public static void assertClose(int[][] got, int[][] want) {
        assertThat(got.length).as("rows").isEqualTo(want.length);
        for (int y = 0; y < want.length; y++) {
            for (int x = 0; x < want[y].length; x++) assertThat(got[y][x]).as("(%d, %d)", x, y).isCloseTo(want[y][x], within(1));
        }
    }

    /** Label rows (boxes or keypoints) equal to the reference's within {@code tol}. */
    public static void assertRows(double[][] got, double[][] want, double tol) {
        assertThat(got.length).as("rows").isEqualTo(want.length);
        for (int i = 0; i < want.length; i++) {
            for (int j = 0; j < want[i].length; j++) assertThat(got[i][j]).as("[%d][%d]", i, j).isCloseTo(want[i][j], within(tol));
        }
    }

    private static int[] unsigned(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }
}
