package org.augment4j.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.augment4j.Compose;
import org.augment4j.Seeds;
import org.augment4j.serial.PipelineFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Augments a Spark DataFrame of labelled images with an augment4j pipeline: every input row becomes {@link #copies()}
 * output rows, computed in {@code mapPartitions} on the executors.
 *
 * <p><b>Input columns.</b> The image column ({@code image} unless {@link Builder#imageColumn renamed}) is either a
 * struct in the schema of Spark's {@code image} data source ({@code origin, height, width, nChannels, mode, data},
 * raw uint8 pixels in BGR/BGRA/gray order, as {@code spark.read.format("image")} yields) or a binary column of encoded
 * image bytes (PNG, JPEG, …). Optional: {@code boxes} ({@code array<array<double>>}, in the pipeline's
 * {@code bbox_params} format) with one {@code array} column per {@code bbox_params} label field (such as
 * {@code category_id}); {@code keypoints} ({@code array<array<double>>}, in the {@code keypoint_params} format) with its
 * label-field columns; a mask column ({@code mask}: encoded PNG bytes, or {@code array<binary>} for several masks).
 * Any other column is copied unchanged.
 *
 * <p><b>Output.</b> The same columns in the same types, image, masks, boxes, keypoints and their labels transformed
 * consistently (a binary image comes back encoded as {@link Builder#outputFormat} PNG by default), plus
 * {@value #SOURCE_ID} (the row id as a string), {@value #COPY} (0 … copies − 1) and {@value #ERROR}: null, or the reason
 * the row failed (an unreadable image, a box outside the image, …), in which case the transformed columns are null and
 * the job goes on. A row whose boxes were all filtered out is kept, with empty arrays.
 *
 * <p><b>Determinism.</b> The randomness of copy {@code c} of a row comes only from {@link #rowSeed(long, Object, int)}:
 * {@code Seeds.mix(Seeds.mix(seed, key(id)), c)}, with {@code key} the 64-bit FNV-1a hash of a string id (the same
 * seed {@code augment4j run} gives the copies of a file when the id is its file name) or the value of an integral
 * id. Retried or speculative tasks and any partitioning therefore give byte-identical rows. The id is the column named
 * by {@link Builder#idColumn}, else the image struct's {@code origin}; never a partition-dependent number.
 *
 * <p>Immutable and serialisable; the pipeline travels as its JSON text and is parsed once per executor JVM, where the
 * OpenCV natives are also loaded once. Native memory is released row by row.
 */
public final class SparkAugmenter implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The output column holding the row id as a string. */
    public static final String SOURCE_ID = "source_id";
    /** The output column holding the copy index. */
    public static final String COPY = "copy";
    /** The output column holding null or the reason the row failed. */
    public static final String ERROR = "error";
    /** The most copies one row may have. */
    public static final int MAX_COPIES = 10_000;

    private final String pipelineJson;
    private final java.util.Map<String, byte[]> files;
    private final String imageColumn;
    private final String idColumn;
    private final String boxesColumn;
    private final String keypointsColumn;
    private final String maskColumn;
    private final int copies;
    private final long seed;
    private final String outputFormat;
    private final String widthColumn;
    private final String heightColumn;

    private SparkAugmenter(Builder b) {
        PipelineFiles.Shipped shipped = PipelineFiles.ship(b.pipeline, b.fileFolder);
        this.pipelineJson = shipped.json();
        this.files = new java.util.HashMap<>(shipped.files());
        this.imageColumn = b.imageColumn;
        this.idColumn = b.idColumn;
        this.boxesColumn = b.boxesColumn;
        this.keypointsColumn = b.keypointsColumn;
        this.maskColumn = b.maskColumn;
        this.copies = b.copies;
        this.seed = b.seed;
        this.outputFormat = b.outputFormat;
        this.widthColumn = b.widthColumn;
        this.heightColumn = b.heightColumn;
    }

    /** A builder for a pipeline file (JSON or YAML, Albumentations' {@code to_dict} shape). */
    public static Builder builder(Path pipelineFile) {
        return new Builder(PipelineFile.load(pipelineFile)).fileFolder(pipelineFile.toAbsolutePath().getParent());
    }

    /** A builder for a pipeline (it must be saveable as a file: no {@code Lambda}). */
    public static Builder builder(Compose pipeline) {
        PipelineFile.toJson(pipeline); // fails here, on the driver, for a pipeline that cannot be saved
        return new Builder(pipeline);
    }

    /** Copies per input row. */
    public int copies() {
        return copies;
    }

    /** The base seed. */
    public long seed() {
        return seed;
    }

    /**
     * The pipeline, as the JSON text the executors parse; files it names ({@code reference_images}) are renamed
     * {@code augment4j-<SHA-256 prefix>.<ext>}: their bytes travel with the tasks (read once on the driver by
     * {@link Builder#build}), so they need not exist where the executors run.
     */
    public String pipelineJson() {
        return pipelineJson;
    }

    /**
     * The seed of copy {@code copy} of the row whose id is {@code id}: {@code Seeds.mix(Seeds.mix(seed, key), copy)}
     * with key the FNV-1a 64-bit hash of the UTF-8 bytes of a string id, or the value of an integral id.
     */
    public static long rowSeed(long seed, Object id, int copy) {
        long key;
        if (id instanceof Long || id instanceof Integer || id instanceof Short || id instanceof Byte) key = ((Number) id).longValue();
        else if (id instanceof String s) key = fnv(s);
        else throw new IllegalArgumentException("row id must be a string or an integral number, got " + (id == null ? "null" : id.getClass().getSimpleName()));
        return Seeds.mix(Seeds.mix(seed, key), copy);
    }

    static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * The augmented rows of {@code input}: {@code copies} rows per input row, in the order of the input rows, copies
     * in order. Lazy, as any Spark transformation.
     *
     * @throws IllegalArgumentException naming the column when a column is missing, of the wrong type, or an output
     *                                  column name is taken
     */
    public Dataset<Row> transform(Dataset<Row> input) {
        RowPlan plan = plan(input.schema());
        return input.mapPartitions(new RowAugmenter(plan), Encoders.row(plan.output()));
    }

    /** The schema {@link #transform} returns for an input schema (checked as {@link #transform} checks it). */
    public StructType outputSchema(StructType input) {
        return plan(input).output();
    }

    private RowPlan plan(StructType schema) {
        Compose pipeline = PipelineFile.fromJson(pipelineJson);
        int image = index(schema, imageColumn, "imageColumn");
        DataType imageType = schema.fields()[image].dataType();
        boolean struct;
        if (imageType instanceof BinaryType) {
            struct = false;
        } else if (imageType instanceof StructType st && hasFields(st, "height", "width", "nChannels", "data")) {
            struct = true;
        } else {
            throw new IllegalArgumentException("image column '" + imageColumn + "' is " + imageType.simpleString()
                    + "; allowed: binary (encoded image bytes) or Spark's image struct (origin, height, width, nChannels, mode, data)");
        }
        int id;
        if (idColumn != null) {
            id = index(schema, idColumn, "idColumn");
            DataType t = schema.fields()[id].dataType();
            if (!(t instanceof StringType || t instanceof LongType || t instanceof IntegerType)) {
                throw new IllegalArgumentException("id column '" + idColumn + "' is " + t.simpleString() + "; allowed: string, int or bigint");
            }
        } else if (struct && hasFields((StructType) imageType, "origin")) {
            id = -1;
        } else {
            throw new IllegalArgumentException("no row id: name an id column with idColumn(...) (a binary image column has no origin to take it from)");
        }

        int boxes = optional(schema, boxesColumn, "boxesColumn");
        int[] boxLabels = new int[0];
        List<String> boxFields = List.of();
        if (boxes >= 0) {
            requireNumberMatrix(schema, boxes);
            if (pipeline.bboxParams() == null) {
                throw new IllegalArgumentException("column '" + boxesColumn + "' holds boxes but the pipeline declares no bbox_params; add "
                        + "\"bbox_params\": {\"format\": \"coco\", \"label_fields\": [\"category_id\"]} (with your format and label columns)");
            }
            boxFields = pipeline.bboxParams().labelFields();
            boxLabels = labelColumns(schema, boxFields, "bbox_params");
        }
        int keypoints = optional(schema, keypointsColumn, "keypointsColumn");
        int[] kpLabels = new int[0];
        List<String> kpFields = List.of();
        if (keypoints >= 0) {
            requireNumberMatrix(schema, keypoints);
            if (pipeline.keypointParams() == null) {
                throw new IllegalArgumentException("column '" + keypointsColumn + "' holds keypoints but the pipeline declares no keypoint_params; add "
                        + "\"keypoint_params\": {\"format\": \"xy\", \"label_fields\": [...]}");
            }
            kpFields = pipeline.keypointParams().labelFields();
            kpLabels = labelColumns(schema, kpFields, "keypoint_params");
        }
        int mask = optional(schema, maskColumn, "maskColumn");
        boolean maskArray = false;
        if (mask >= 0) {
            DataType t = schema.fields()[mask].dataType();
            if (t instanceof ArrayType a && a.elementType() instanceof BinaryType) maskArray = true;
            else if (!(t instanceof BinaryType)) {
                throw new IllegalArgumentException("mask column '" + maskColumn + "' is " + t.simpleString() + "; allowed: binary (one PNG) or array<binary>");
            }
        }
        int width = widthColumn == null ? -1 : intColumn(schema, widthColumn, "widthColumn");
        int height = heightColumn == null ? -1 : intColumn(schema, heightColumn, "heightColumn");
        Set<Integer> used = new LinkedHashSet<>();
        for (int i : new int[] {image, boxes, keypoints, mask, width, height}) if (i >= 0 && !used.add(i)) {
            throw new IllegalArgumentException("column '" + schema.fields()[i].name() + "' is given two roles (image, boxes, keypoints, mask, width, height)");
        }
        for (int i : concat(boxLabels, kpLabels)) if (!used.add(i)) {
            throw new IllegalArgumentException("label column '" + schema.fields()[i].name() + "' is also the image, boxes, keypoints or mask column, or a label of both boxes and keypoints");
        }
        List<StructField> out = new ArrayList<>();
        for (StructField f : schema.fields()) {
            for (String reserved : List.of(SOURCE_ID, COPY, ERROR)) {
                if (f.name().equalsIgnoreCase(reserved)) {
                    throw new IllegalArgumentException("input column '" + f.name() + "' clashes with the output column '" + reserved + "'; rename it");
                }
            }
            out.add(used.contains(out.size()) ? new StructField(f.name(), f.dataType(), true, f.metadata()) : f);
        }
        out.add(DataTypes.createStructField(SOURCE_ID, DataTypes.StringType, false));
        out.add(DataTypes.createStructField(COPY, DataTypes.IntegerType, false));
        out.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
        return new RowPlan(pipelineJson, schema, new StructType(out.toArray(StructField[]::new)), image, struct, id, boxes, boxFields, boxLabels,
                keypoints, kpFields, kpLabels, mask, maskArray, width, height, copies, seed, outputFormat, files);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static boolean hasFields(StructType st, String... names) {
        Set<String> have = Set.of(st.fieldNames());
        for (String n : names) if (!have.contains(n)) return false;
        return true;
    }

    private static int index(StructType schema, String name, String option) {
        for (int i = 0; i < schema.fields().length; i++) if (schema.fields()[i].name().equals(name)) return i;
        throw new IllegalArgumentException(option + " '" + name + "' is not a column; columns: " + String.join(", ", schema.fieldNames()));
    }

    /** The column's index; -1 when the name is null, or is the default name and the column is absent. */
    private static int optional(StructType schema, String name, String option) {
        if (name == null) return -1;
        for (int i = 0; i < schema.fields().length; i++) if (schema.fields()[i].name().equals(name)) return i;
        if (Builder.DEFAULTS.contains(option + "=" + name)) return -1;
        return index(schema, name, option);
    }

    private static int intColumn(StructType schema, String name, String option) {
        int i = index(schema, name, option);
        if (!(schema.fields()[i].dataType() instanceof IntegerType)) {
            throw new IllegalArgumentException(option + " '" + name + "' is " + schema.fields()[i].dataType().simpleString() + "; allowed: int");
        }
        return i;
    }

    private static void requireNumberMatrix(StructType schema, int i) {
        DataType t = schema.fields()[i].dataType();
        if (!(t instanceof ArrayType a && a.elementType() instanceof ArrayType b && b.elementType() instanceof DoubleType)) {
            throw new IllegalArgumentException("column '" + schema.fields()[i].name() + "' is " + t.simpleString()
                    + "; allowed: array<array<double>> (cast it, e.g. col.cast(\"array<array<double>>\"))");
        }
    }

    private static int[] labelColumns(StructType schema, List<String> fields, String params) {
        int[] r = new int[fields.size()];
        for (int k = 0; k < r.length; k++) {
            int i = -1;
            for (int j = 0; j < schema.fields().length; j++) if (schema.fields()[j].name().equals(fields.get(k))) i = j;
            if (i < 0) {
                throw new IllegalArgumentException("the pipeline's " + params + " names the label field '" + fields.get(k)
                        + "' but there is no such column; columns: " + String.join(", ", schema.fieldNames()));
            }
            if (!(schema.fields()[i].dataType() instanceof ArrayType)) {
                throw new IllegalArgumentException("label column '" + fields.get(k) + "' is " + schema.fields()[i].dataType().simpleString()
                        + "; allowed: an array, one value per box or keypoint");
            }
            r[k] = i;
        }
        return r;
    }

    /** Options of a {@link SparkAugmenter}; defaults: columns image/boxes/keypoints/mask, 1 copy, seed 0, PNG. */
    public static final class Builder {
        static final Set<String> DEFAULTS = Set.of("boxesColumn=boxes", "keypointsColumn=keypoints", "maskColumn=mask");
        private final Compose pipeline;
        private Path fileFolder;
        private String imageColumn = "image";
        private String idColumn;
        private String boxesColumn = "boxes";
        private String keypointsColumn = "keypoints";
        private String maskColumn = "mask";
        private int copies = 1;
        private long seed;
        private String outputFormat = ".png";
        private String widthColumn;
        private String heightColumn;

        private Builder(Compose pipeline) {
            this.pipeline = pipeline;
        }

        /**
         * The folder the pipeline's files ({@code reference_images}) are read from on the driver when they are relative
         * paths; default: the pipeline file's folder for {@link SparkAugmenter#builder(Path)}, the working directory
         * for {@link SparkAugmenter#builder(Compose)}. Null restores the working directory.
         */
        public Builder fileFolder(Path folder) {
            this.fileFolder = folder;
            return this;
        }

        /** The image column: Spark's image struct or encoded bytes (default {@code image}). */
        public Builder imageColumn(String name) {
            this.imageColumn = requireName(name, "imageColumn");
            return this;
        }

        /** The row-id column (string, int or bigint); default: the image struct's {@code origin}. */
        public Builder idColumn(String name) {
            this.idColumn = requireName(name, "idColumn");
            return this;
        }

        /** The boxes column (default {@code boxes}, used when present); null for none. */
        public Builder boxesColumn(String name) {
            this.boxesColumn = name;
            return this;
        }

        /** The keypoints column (default {@code keypoints}, used when present); null for none. */
        public Builder keypointsColumn(String name) {
            this.keypointsColumn = name;
            return this;
        }

        /** The mask column, binary PNG or {@code array<binary>} (default {@code mask}, used when present); null for none. */
        public Builder maskColumn(String name) {
            this.maskColumn = name;
            return this;
        }

        /** Augmented copies per input row, 1 … {@value SparkAugmenter#MAX_COPIES} (default 1). */
        public Builder copies(int n) {
            if (n < 1 || n > MAX_COPIES) throw new IllegalArgumentException("copies must be in [1, " + MAX_COPIES + "], got " + n);
            this.copies = n;
            return this;
        }

        /** The base seed (default 0). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** How a binary image column is re-encoded: {@code png} (default, lossless), {@code jpg}, {@code webp}, {@code bmp}, {@code tiff}. */
        public Builder outputFormat(String format) {
            String f = requireName(format, "outputFormat").toLowerCase(Locale.ROOT);
            f = f.startsWith(".") ? f : "." + f;
            if (!Set.of(".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff").contains(f)) {
                throw new IllegalArgumentException("outputFormat must be png, jpg, jpeg, webp, bmp, tif or tiff, got '" + format + "'");
            }
            this.outputFormat = f;
            return this;
        }

        /** Int columns set to the augmented image's width and height (they change with crops and resizes); default none. */
        public Builder sizeColumns(String width, String height) {
            this.widthColumn = requireName(width, "widthColumn");
            this.heightColumn = requireName(height, "heightColumn");
            return this;
        }

        private static String requireName(String s, String option) {
            if (s == null || s.isBlank()) throw new IllegalArgumentException(option + " must be a non-empty name, got '" + s + "'");
            return s;
        }

        /**
         * The augmenter; reads the files the pipeline names (see {@link #fileFolder}) now, on the driver.
         *
         * @throws java.io.UncheckedIOException if such a file cannot be read
         */
        public SparkAugmenter build() {
            return new SparkAugmenter(this);
        }
    }
}
