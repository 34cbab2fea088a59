package org.augment4j.bench;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import ai.djl.Device;
import ai.djl.modality.cv.transform.Normalize;
import ai.djl.modality.cv.transform.RandomFlipLeftRight;
import ai.djl.modality.cv.transform.Resize;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.Pipeline;
import ai.djl.util.RandomUtils;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.Transform;
import org.augment4j.djl.Tensors;
import org.augment4j.loader.Normalization;
import org.augment4j.transform.Range;
import org.augment4j.transform.color.ColorJitter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DJL's own image transforms ({@code ai.djl.modality.cv.transform}, in a {@link Pipeline}, on the PyTorch engine,
 * CPU) against the same recipe in augment4j ({@link Compose} on the {@code Mat}, then {@link Tensors#chw} with
 * {@link Normalization#IMAGENET}), each call producing one normalised CHW float32 224 × 224 NDArray, single-threaded
 * (PyTorch intra- and inter-op threads 1, OpenCV's threading off).
 *
 * <p>Input, the same for both sides and made before timing: the images of {@code testdata/perf/images} (512 × 512 RGB,
 * or {@code -Daugment4j.perfImages=DIR}) decoded once into {@code Mat}s (augment4j's input), and from those same pixels
 * one HWC uint8 NDArray per image (DJL's input, what {@code Image.toNDArray} gives a DJL user). Each call takes the
 * next image in turn; everything a call creates (intermediates and the result) is released before it returns, through
 * a per-call sub-manager on the DJL side and {@code Sample.releaseReplaced} plus the sub-manager on augment4j's.
 *
 * <p>Recipes ({@link #recipe}):
 * <ul>
 *   <li>{@code eval}: Resize 224 × 224 (bilinear) → ToTensor → Normalize (ImageNet). DJL: {@code Resize},
 *       {@code ToTensor}, {@code Normalize}. augment4j: {@code Resize(224, 224)}, {@code Tensors.chw(..., IMAGENET)}.</li>
 *   <li>{@code cropFlip}: RandomResizedCrop 224 (scale 0.08–1, ratio 3/4–4/3) → horizontal flip (p 0.5) → ToTensor →
 *       Normalize: the part of the training recipe that DJL's own transforms run on PyTorch ({@code RandomResizedCrop},
 *       {@code RandomFlipLeftRight}, {@code ToTensor}, {@code Normalize}).</li>
 *   <li>{@code train}: {@code cropFlip} with a colour jitter (brightness, contrast, saturation 0.4, hue 0.1, always,
 *       the four in a random order) after the flip. DJL's {@code RandomColorJitter} throws
 *       {@code UnsupportedOperationException("Not implemented")} on the PyTorch engine, so the DJL side runs the NDArray
 *       code a DJL user would write instead ({@link NDArrayJitter}: torchvision's tensor algorithm, on the float [0, 1]
 *       tensor after {@code ToTensor}); augment4j runs its {@code ColorJitter} on uint8 before the conversion, as
 *       Albumentations does.</li>
 * </ul>
 * DJL 0.36's {@code RandomFlipLeftRight} computes {@code array.flip(1)} with probability 0.5 and then returns the
 * input unflipped (it drops the result), so it does the work of a flip without its effect; it is timed as it is.
 * Differences in semantics that remain (the work is otherwise the same): DJL's resize (PyTorch's {@code interpolate},
 * bilinear, on a float copy, cast back to uint8 by truncation) antialiases when it shrinks (a triangle filter as wide
 * as the scale, as PIL does: about 5 taps per axis at 512 → 224 instead of 2); augment4j's default, OpenCV's
 * {@code INTER_LINEAR} on uint8, does not (as Albumentations), so {@link #augment4jArea()} also times augment4j with
 * {@code INTER_AREA}, OpenCV's antialiased shrink. DJL's random-resized crop draws the area uniformly, the ratio
 * uniformly (not log-uniformly) within the range that fits, makes one attempt and falls back to a centre crop;
 * augment4j's (torchvision's) draws the ratio log-uniformly and tries ten times. DJL's jitter works on float, augment4j's
 * on uint8 (tables, OpenCV's 180-step hue).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-Dai.djl.offline=true",
    "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
public class DjlTransformsBenchmark {
    private static final int SIZE = 224;
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    /** {@code eval}, {@code cropFlip} or {@code train}, see the class comment. */
    @Param({"eval", "cropFlip", "train"})
    public String recipe;

    private final List<Mat> mats = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<NDArray> arrays = new ArrayList<>();
    private NDManager base;
    private Pipeline djl;
    private Compose augment4j;
    private Compose augment4jArea;
    private int call;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        configureDjl();
        opencv_core.setNumThreads(0);
        mats.addAll(BenchFiles.readImages(BenchFiles.perfImagesDir()));
        base = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        for (Mat m : mats) {
            samples.add(Sample.of(m));
            arrays.add(Tensors.hwc(base, m));
        }
        RandomUtils.RANDOM.setSeed(17);
        Transform resize = A.Resize(SIZE, SIZE), crop = A.RandomResizedCrop(SIZE, SIZE);
        Transform jitter = new ColorJitter(Range.of(0.6, 1.4), Range.of(0.6, 1.4), Range.of(0.6, 1.4), Range.of(-0.1, 0.1), 1.0);
        Transform[] linear, area;
        switch (recipe) {
            case "eval" -> {
                djl = new Pipeline(new Resize(SIZE, SIZE), new ToTensor(), new Normalize(MEAN, STD));
                linear = new Transform[] {resize};
                area = new Transform[] {resize.with("interpolation", INTER_AREA)};
            }
            case "cropFlip" -> {
                djl = new Pipeline(randomResizedCrop(), new RandomFlipLeftRight(), new ToTensor(), new Normalize(MEAN, STD));
                linear = new Transform[] {crop, A.HorizontalFlip()};
                area = new Transform[] {crop.with("interpolation", INTER_AREA), A.HorizontalFlip()};
            }
            case "train" -> {
                djl = new Pipeline(randomResizedCrop(), new RandomFlipLeftRight(), new ToTensor(),
                        NDArrayJitter.colorJitter(0.4f, 0.4f, 0.4f, 0.1f), new Normalize(MEAN, STD));
                linear = new Transform[] {crop, A.HorizontalFlip(), jitter};
                area = new Transform[] {crop.with("interpolation", INTER_AREA), A.HorizontalFlip(), jitter};
            }
            default -> throw new IllegalArgumentException("recipe must be eval, cropFlip or train, got " + recipe);
        }
        augment4j = Compose.of(linear);
        augment4jArea = Compose.of(area);
        // One call of each side before timing: a recipe that cannot run fails here, and the shapes are checked.
        for (int i = 0; i < 2; i++) {
            check(djlShape(), "DJL");
            check(augment4jShape(augment4j), "augment4j");
            check(augment4jShape(augment4jArea), "augment4j (INTER_AREA)");
        }
        if (recipe.equals("eval")) printEvalDifference();
        System.out.println("PyTorch intra-op threads " + ai.djl.pytorch.jni.JniUtils.getNumThreads()
                + ", inter-op threads " + ai.djl.pytorch.jni.JniUtils.getNumInteropThreads()
                + ", OpenCV threads " + opencv_core.getNumThreads());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (base != null) base.close();
        mats.forEach(Mat::close);
    }

    /** DJL's pipeline on the next image's HWC uint8 NDArray; returns the output's element count. */
    @Benchmark
    public long djl() {
        return djlShape()[0] * SIZE * SIZE;
    }

    /** augment4j's pipeline on the next image's Mat, then the normalised CHW NDArray; returns the output's element count. */
    @Benchmark
    public long augment4j() {
        return augment4jShape(augment4j)[0] * SIZE * SIZE;
    }

    /**
     * As {@link #augment4j()} with OpenCV's {@code INTER_AREA} for the resize (interpolation 3): an antialiased
     * downscale, closer in output and in work to DJL's resize, which antialiases (see the class comment).
     */
    @Benchmark
    public long augment4jArea() {
        return augment4jShape(augment4jArea)[0] * SIZE * SIZE;
    }

    private long[] djlShape() {
        NDArray input = arrays.get(call++ % arrays.size());
        try (NDManager scope = base.newSubManager()) {
            input.tempAttach(scope);   // the results of operations on it belong to scope, closed below; input goes back to base
            NDArray out = djl.transform(new NDList(input)).singletonOrThrow();
            return out.getShape().getShape();
        }
    }

    private long[] augment4jShape(Compose pipeline) {
        Sample input = samples.get(call++ % samples.size());
        Sample out = pipeline.apply(input, Seeds.mix(17, call));
        try (NDManager scope = base.newSubManager()) {
            NDArray tensor = Tensors.chw(scope, out.image(), Normalization.IMAGENET);
            return tensor.getShape().getShape();
        } finally {
            Sample.releaseReplaced(out, input, Set.of());
        }
    }

    /** Both sides' eval outputs of the first image compared, as a check that they compute the same thing. */
    private void printEvalDifference() {
        try (NDManager scope = base.newSubManager()) {
            NDArray input = arrays.get(0);
            input.tempAttach(scope);
            NDArray fromDjl = djl.transform(new NDList(input)).singletonOrThrow();
            for (Compose pipeline : List.of(augment4j, augment4jArea)) {
                Sample out = pipeline.apply(samples.get(0), 0L);
                try {
                    NDArray diff = Tensors.chw(scope, out.image(), Normalization.IMAGENET).sub(fromDjl).abs();
                    System.out.printf("eval outputs of image 0, DJL vs augment4j%s: mean |difference| %.4f, max %.4f (normalised units)%n",
                            pipeline == augment4j ? "" : " (INTER_AREA)", diff.mean().getFloat(), diff.max().getFloat());
                } finally {
                    Sample.releaseReplaced(out, samples.get(0), Set.of());
                }
            }
        }
    }

    private static ai.djl.modality.cv.transform.RandomResizedCrop randomResizedCrop() {
        return new ai.djl.modality.cv.transform.RandomResizedCrop(SIZE, SIZE, 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);
    }

    private static void check(long[] shape, String side) {
        if (shape.length != 3 || shape[0] != 3 || shape[1] != SIZE || shape[2] != SIZE) {
            throw new IllegalStateException(side + " produced shape " + java.util.Arrays.toString(shape) + ", expected [3, 224, 224]");
        }
    }

    /**
     * Offline DJL with a local cache: the PyTorch library comes from pytorch-native-cpu inside benchmarks.jar and is
     * unpacked under {@code augment4j-bench/target/djl-cache} (unless {@code DJL_CACHE_DIR}/{@code ENGINE_CACHE_DIR}
     * are given); one thread per PyTorch pool unless set otherwise.
     */
    static void configureDjl() {
        String cache = BenchFiles.home().resolve("augment4j-bench/target/djl-cache").toString();
        System.getProperties().putIfAbsent("ai.djl.offline", "true");
        System.getProperties().putIfAbsent("ai.djl.pytorch.num_threads", "1");
        System.getProperties().putIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        if (System.getenv("DJL_CACHE_DIR") == null) System.getProperties().putIfAbsent("DJL_CACHE_DIR", cache);
        if (System.getenv("ENGINE_CACHE_DIR") == null) System.getProperties().putIfAbsent("ENGINE_CACHE_DIR", cache);
    }
}
