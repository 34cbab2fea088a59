package org.augment4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.target.BboxParams;
import org.augment4j.target.KeypointParams;
import org.augment4j.target.TargetCodec;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.bytedeco.opencv.opencv_core.Mat;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The executor side of {@link SparkAugmenter}: turns each input row into its copies, lazily, one input row at a time
 * (so a partition never sits in memory). A row that cannot be decoded or augmented becomes error rows; the partition
 * goes on. The input sample's native matrices are released after its last copy, each output sample's right after its
 * row is built. Immutable; the pipeline is looked up per partition in {@link ExecutorCache}.
 */
final class RowAugmenter implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final RowPlan plan;

    RowAugmenter(RowPlan plan) {
        this.plan = plan;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Compose pipeline = ExecutorCache.pipeline(plan.pipelineJson(), plan.files());
        return new Iterator<>() {
            private final ArrayList<Row> pending = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                while (next >= pending.size() && rows.hasNext()) {
                    pending.clear();
                    next = 0;
                    augment(pipeline, rows.next(), pending);
                }
                return next < pending.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                return pending.get(next++);
            }
        };
    }

    /** Appends the {@code copies} output rows of {@code row} to {@code out}. */
    void augment(Compose pipeline, Row row, List<Row> out) {
        Object id = plan.id() >= 0 ? row.get(plan.id()) : row.isNullAt(plan.image()) ? null : row.getStruct(plan.image()).getAs("origin");
        String sourceId = String.valueOf(id);
        Sample input;
        try {
            if (id == null) throw new IllegalArgumentException("the row id is null");
            input = decode(pipeline, row);
        } catch (RuntimeException e) {
            for (int c = 0; c < plan.copies(); c++) out.add(failed(row, sourceId, c, e));
            return;
        }
        try (input) {
            for (int c = 0; c < plan.copies(); c++) {
                try (Sample s = pipeline.apply(input, SparkAugmenter.rowSeed(plan.seed(), id, c))) {
                    out.add(encode(pipeline, row, s, sourceId, c));
                } catch (RuntimeException e) {
                    out.add(failed(row, sourceId, c, e));
                }
            }
        }
    }

    private Sample decode(Compose pipeline, Row row) {
        if (row.isNullAt(plan.image())) throw new IllegalArgumentException("the image is null");
        Mat image;
        if (plan.imageStruct()) {
            Row img = row.getStruct(plan.image());
            image = ImageCodec.fromRaw(img.getAs("data"), img.<Integer>getAs("height"), img.<Integer>getAs("width"), img.<Integer>getAs("nChannels"));
        } else {
            image = ImageCodec.decode((byte[]) row.get(plan.image()));
        }
        Sample.Builder b = Sample.builder().image(image);
        List<Mat> opened = new ArrayList<>(List.of(image));
        try {
            int w = image.cols(), h = image.rows();
            if (plan.mask() >= 0 && !row.isNullAt(plan.mask())) {
                List<byte[]> pngs = plan.maskArray() ? row.getList(plan.mask()) : List.of((byte[]) row.get(plan.mask()));
                for (int i = 0; i < pngs.size(); i++) {
                    Mat m = ImageCodec.decodeMask(pngs.get(i));
                    opened.add(m);
                    if (m.cols() != w || m.rows() != h) {
                        throw new IllegalArgumentException("mask " + i + " is " + m.cols() + "x" + m.rows() + " but the image is " + w + "x" + h);
                    }
                    b.mask(maskName(i), m);
                }
            }
            BboxParams bp = pipeline.bboxParams();
            if (plan.boxes() >= 0 && !row.isNullAt(plan.boxes())) {
                double[][] boxes = matrix(row, plan.boxes());
                b.boxes(TargetCodec.decodeBoxes(boxes, labels(row, plan.boxFields(), plan.boxLabels(), boxes.length, "boxes"), bp, w, h));
            }
            KeypointParams kp = pipeline.keypointParams();
            if (plan.keypoints() >= 0 && !row.isNullAt(plan.keypoints())) {
                double[][] kps = matrix(row, plan.keypoints());
                b.keypoints(TargetCodec.decodeKeypoints(kps, labels(row, plan.keypointFields(), plan.keypointLabels(), kps.length, "keypoints"), kp, w, h));
            }
            return b.build();
        } catch (RuntimeException e) {
            opened.forEach(Mat::close);
            throw e;
        }
    }

    private static String maskName(int i) {
        return i == 0 ? Sample.MASK : Sample.MASK + i;
    }

    private Row encode(Compose pipeline, Row row, Sample s, String sourceId, int copy) {
        Object[] values = new Object[plan.output().size()];
        for (int i = 0; i < row.size(); i++) values[i] = row.get(i);
        if (plan.imageStruct()) {
            Row src = row.getStruct(plan.image());
            StructType st = (StructType) plan.input().fields()[plan.image()].dataType();
            Object[] img = new Object[st.size()];
            int c = s.image().channels();
            for (int i = 0; i < img.length; i++) {
                StructField f = st.fields()[i];
                img[i] = switch (f.name()) {
                    case "height" -> s.height();
                    case "width" -> s.width();
                    case "nChannels" -> c;
                    case "mode" -> org.bytedeco.opencv.global.opencv_core.CV_8UC(c);
                    case "data" -> ImageCodec.toRaw(s.image());
                    default -> src.get(i);
                };
            }
            values[plan.image()] = RowFactory.create(img);
        } else {
            values[plan.image()] = ImageCodec.encode(s.image(), plan.outputFormat());
        }
        if (plan.mask() >= 0 && !row.isNullAt(plan.mask())) {
            int n = plan.maskArray() ? row.getList(plan.mask()).size() : 1;
            List<byte[]> pngs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) pngs.add(ImageCodec.encode(s.masks().get(maskName(i)), ".png"));
            values[plan.mask()] = plan.maskArray() ? seq(pngs) : pngs.get(0);
        }
        if (plan.boxes() >= 0 && !row.isNullAt(plan.boxes())) {
            values[plan.boxes()] = matrixSeq(TargetCodec.encodeBoxes(s.boxes(), pipeline.bboxParams(), s.width(), s.height()));
            for (int k = 0; k < plan.boxLabels().length; k++) values[plan.boxLabels()[k]] = seq(s.boxes().labels().get(plan.boxFields().get(k)));
        }
        if (plan.keypoints() >= 0 && !row.isNullAt(plan.keypoints())) {
            values[plan.keypoints()] = matrixSeq(TargetCodec.encodeKeypoints(s.keypoints(), pipeline.keypointParams()));
            for (int k = 0; k < plan.keypointLabels().length; k++) {
                values[plan.keypointLabels()[k]] = seq(s.keypoints().labels().get(plan.keypointFields().get(k)));
            }
        }
        if (plan.width() >= 0) values[plan.width()] = s.width();
        if (plan.height() >= 0) values[plan.height()] = s.height();
        values[row.size()] = sourceId;
        values[row.size() + 1] = copy;
        values[row.size() + 2] = null;
        return RowFactory.create(values);
    }

    private Row failed(Row row, String sourceId, int copy, RuntimeException e) {
        Object[] values = new Object[plan.output().size()];
        for (int i = 0; i < row.size(); i++) values[i] = row.get(i);
        values[plan.image()] = null;
        for (int i : new int[] {plan.mask(), plan.boxes(), plan.keypoints(), plan.width(), plan.height()}) if (i >= 0) values[i] = null;
        for (int i : plan.boxLabels()) values[i] = null;
        for (int i : plan.keypointLabels()) values[i] = null;
        values[row.size()] = sourceId;
        values[row.size() + 1] = copy;
        String msg = e.getMessage();
        values[row.size() + 2] = e.getClass().getSimpleName() + ": " + (msg == null ? "(no message)" : msg);
        return RowFactory.create(values);
    }

    private static double[][] matrix(Row row, int i) {
        List<Object> rows = row.getList(i);
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            Object v = rows.get(r);
            if (v == null) throw new IllegalArgumentException("row " + r + " of column '" + row.schema().fields()[i].name() + "' is null");
            List<?> xs = v instanceof scala.collection.Seq<?> seq ? CollectionConverters.asJava(seq) : (List<?>) v;
            m[r] = new double[xs.size()];
            for (int k = 0; k < m[r].length; k++) {
                Object x = xs.get(k);
                if (x == null) throw new IllegalArgumentException("value " + k + " of row " + r + " of column '" + row.schema().fields()[i].name() + "' is null");
                m[r][k] = ((Number) x).doubleValue();
            }
        }
        return m;
    }

    private static Map<String, List<?>> labels(Row row, List<String> fields, int[] columns, int n, String what) {
        Map<String, List<?>> m = new LinkedHashMap<>();
        for (int k = 0; k < columns.length; k++) {
            List<Object> values = row.isNullAt(columns[k]) ? null : row.getList(columns[k]);
            if (values == null || values.size() != n) {
                throw new IllegalArgumentException("label column '" + fields.get(k) + "' has " + (values == null ? "null" : values.size() + " values")
                        + " but there are " + n + " " + what);
            }
            m.put(fields.get(k), values);
        }
        return m;
    }

    private static scala.collection.immutable.Seq<Object> seq(List<?> values) {
        return CollectionConverters.asScala(new ArrayList<Object>(values)).toList();
    }

    private static scala.collection.immutable.Seq<Object> matrixSeq(double[][] m) {
        List<Object> rows = new ArrayList<>(m.length);
        for (double[] r : m) rows.add(seq(Arrays.stream(r).boxed().toList()));
        return seq(rows);
    }
}
