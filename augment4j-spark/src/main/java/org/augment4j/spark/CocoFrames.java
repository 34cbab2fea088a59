package org.augment4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.substring_index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.augment4j.Compose;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetObject;
import org.augment4j.datasets.MaskCodec;
import org.augment4j.datasets.Rle;
import org.augment4j.datasets.Segmentation;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.bytedeco.opencv.opencv_core.Mat;
import org.augment4j.target.BboxFormat;
import org.augment4j.target.BboxParams;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * COCO datasets as DataFrames for {@link SparkAugmenter}. The annotations (read on the driver with augment4j-datasets'
 * {@link org.augment4j.datasets.CocoReader}: they are small next to the images) become one row per image:
 * {@code file_name} (the row id), {@code image_id}, {@code width}, {@code height}, {@code boxes} (COCO
 * {@code [x, y, w, h]}), the per-box label columns {@code category_id}, {@code iscrowd}, {@code annotation_id}, and
 * each object's region ({@code polygons}: COCO polygons or null; {@code rle}: compressed RLE string or null); the
 * image bytes are read by the executors with Spark's {@code binaryFile} source and joined by file name (column
 * {@code image}; null, hence an error row, when the file is missing). {@link #withInstanceMask} then draws, on the
 * executors, the instance mask ({@code mask}: PNG, 0 = background, object i of the non-crowd ones = i + 1, at most
 * 255) that mask-aware transforms such as {@code MaskDropout} need. Stateless.
 */
public final class CocoFrames {
    /** The per-box label columns, in this order. */
    public static final List<String> LABELS = List.of("category_id", "iscrowd", "annotation_id");

    private CocoFrames() {}

    /** The annotation schema (without {@code image}). */
    public static StructType annotationSchema() {
        return new StructType()
                .add("file_name", DataTypes.StringType, false)
                .add("image_id", DataTypes.LongType, true)
                .add("width", DataTypes.IntegerType, false)
                .add("height", DataTypes.IntegerType, false)
                .add("boxes", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType, false), false), false)
                .add("category_id", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
                .add("iscrowd", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
                .add("annotation_id", DataTypes.createArrayType(DataTypes.LongType, true), false)
                .add("polygons", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType, false), false), true), false)
                .add("rle", DataTypes.createArrayType(DataTypes.StringType, true), false);
    }

    /** One annotation row per image of {@code dataset} (no image bytes). */
    public static org.apache.spark.sql.Dataset<Row> annotations(SparkSession spark, Dataset dataset) {
        List<Row> rows = new ArrayList<>();
        for (DatasetImage img : dataset.images()) {
            List<Object> boxes = new ArrayList<>(), cats = new ArrayList<>(), crowd = new ArrayList<>(), ids = new ArrayList<>();
            List<Object> polygons = new ArrayList<>(), rle = new ArrayList<>();
            for (DatasetObject o : img.objects()) {
                boxes.add(List.of(o.bbox()[0], o.bbox()[1], o.bbox()[2], o.bbox()[3]));
                cats.add(o.categoryId());
                crowd.add(o.crowd() ? 1 : 0);
                ids.add(o.extra().get("id") instanceof Number n ? n.longValue() : null);
                if (o.segmentation() instanceof Segmentation.Polygons p) {
                    List<Object> parts = new ArrayList<>();
                    for (double[] part : p.parts()) parts.add(Arrays.stream(part).boxed().toList());
                    polygons.add(parts);
                } else {
                    polygons.add(null);
                }
                rle.add(o.segmentation() instanceof Segmentation.Rle r ? r.height() + "x" + r.width() + ":" + Rle.encodeString(r.counts()) : null);
            }
            Long imageId = img.extra().get("id") instanceof Number n ? n.longValue() : null;
            rows.add(RowFactory.create(img.fileName(), imageId, img.width(), img.height(), boxes, cats, crowd, ids, polygons, rle));
        }
        return spark.createDataFrame(rows, annotationSchema());
    }

    /**
     * The rows of a COCO dataset with their image bytes, read from {@code imageDir} on the executors.
     *
     * @param partitions how many partitions the rows are spread over (≥ 1)
     */
    public static org.apache.spark.sql.Dataset<Row> read(SparkSession spark, Dataset dataset, Path imageDir, int partitions) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        org.apache.spark.sql.Dataset<Row> files = spark.read().format("binaryFile").load(imageDir.toAbsolutePath().toString())
                .select(substring_index(col("path"), "/", -1).as("file_name"), col("content").as("image"));
        return annotations(spark, dataset).join(files, new String[] {"file_name"}, "left").repartition(partitions, col("file_name"));
    }

    /**
     * The user's pipeline with the box parameters these rows need: COCO format, the label fields {@link #LABELS}, its
     * own {@code min_area}, {@code min_visibility}, {@code min_width}, {@code min_height}, {@code max_accept_ratio} and
     * {@code check_each_transform}, clipping on and invalid input boxes dropped (as {@code augment4j run} does).
     */
    public static Compose pipeline(Compose user) {
        BboxParams u = user.bboxParams();
        BboxParams bp = u == null
                ? new BboxParams(BboxFormat.COCO, LABELS, 0, 0, 0, 0, true, true, true, 0)
                : new BboxParams(BboxFormat.COCO, LABELS, u.minArea(), u.minVisibility(), u.minWidth(), u.minHeight(), true, u.checkEachTransform(), true,
                        u.maxAcceptRatio());
        return new Compose(user.transforms(), user.probability(), bp, user.keypointParams(), user.additionalTargets(), null);
    }

    /**
     * {@code rows} (as {@link #read} gives them) with a {@code mask} column: the PNG instance mask drawn from
     * {@code polygons}/{@code rle} on the executors; null when the image is missing.
     */
    public static org.apache.spark.sql.Dataset<Row> withInstanceMask(org.apache.spark.sql.Dataset<Row> rows) {
        StructType out = rows.schema().add("mask", DataTypes.BinaryType, true);
        return rows.mapPartitions(new InstanceMask(rows.schema()), Encoders.row(out));
    }

    /** Draws the instance mask of each row. */
    private static final class InstanceMask implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final StructType schema;

        InstanceMask(StructType schema) {
            this.schema = schema;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            ExecutorCache.loadNatives();
            int image = schema.fieldIndex("image"), w = schema.fieldIndex("width"), h = schema.fieldIndex("height");
            int crowd = schema.fieldIndex("iscrowd"), polys = schema.fieldIndex("polygons"), rle = schema.fieldIndex("rle");
            return Rows.mapped(rows, r -> {
                Object[] v = new Object[r.size() + 1];
                for (int i = 0; i < r.size(); i++) v[i] = r.get(i);
                if (!r.isNullAt(image)) v[r.size()] = draw(r.getInt(w), r.getInt(h), r.getList(crowd), r.getList(polys), r.getList(rle));
                return RowFactory.create(v);
            });
        }

        private static byte[] draw(int w, int h, List<Integer> crowd, List<scala.collection.Seq<scala.collection.Seq<Double>>> polys, List<String> rles) {
            byte[] instances = new byte[w * h];
            int label = 0;
            for (int i = 0; i < crowd.size(); i++) {
                if (crowd.get(i) != 0) continue;
                Segmentation seg = null;
                if (polys.get(i) != null) {
                    List<double[]> parts = new ArrayList<>();
                    for (scala.collection.Seq<Double> p : scala.jdk.javaapi.CollectionConverters.asJava(polys.get(i))) {
                        parts.add(scala.jdk.javaapi.CollectionConverters.asJava(p).stream().mapToDouble(Double::doubleValue).toArray());
                    }
                    seg = new Segmentation.Polygons(parts);
                } else if (rles.get(i) != null) {
                    String s = rles.get(i);
                    int x = s.indexOf('x'), colon = s.indexOf(':');
                    seg = new Segmentation.Rle(Integer.parseInt(s.substring(0, x)), Integer.parseInt(s.substring(x + 1, colon)), Rle.decodeString(s.substring(colon + 1)));
                }
                label = Math.min(255, label + 1);
                if (seg == null) continue;
                try (Mat m = MaskCodec.rasterise(seg, w, h)) {
                    byte[] px = new byte[w * h];
                    m.data().get(px);
                    for (int k = 0; k < px.length; k++) if (px[k] != 0) instances[k] = (byte) label;
                }
            }
            try (Mat mask = new Mat(h, w, org.bytedeco.opencv.global.opencv_core.CV_8UC1)) {
                mask.data().put(instances);
                return ImageCodec.encode(mask, ".png");
            }
        }
    }
}
