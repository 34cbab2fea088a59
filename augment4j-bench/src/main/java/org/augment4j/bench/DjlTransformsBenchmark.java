package org.augment4j.bench;

import ai.djl.Device;
import ai.djl.modality.cv.transform.Normalize;
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
 *   <li>{@code crop}: RandomResizedCrop 224 (scale 0.08–1, ratio 3/4–4/3) → ToTensor → Normalize: the part of the
 *       training recipe that DJL's own transforms can run on PyTorch.</li>
 *   <li>{@code train}: RandomResizedCrop 224 → horizontal flip (p 0.5) → colour jitter (brightness, contrast,
 *       saturation 0.4, hue 0.1, always, random order) → ToTensor → Normalize. DJL's {@code RandomFlipLeftRight} and
 *       {@code RandomColorJitter} throw {@code UnsupportedOperationException("Not implemented")} on the PyTorch engine,
 *       so the DJL side uses DJL's {@code RandomResizedCrop}, {@code ToTensor}, {@code Normalize} and, for the two
 *       missing steps, the NDArray code a DJL user would write ({@link NDArrayJitter}: torchvision's tensor
 *       algorithm, run on the float [0, 1] tensor after {@code ToTensor}). augment4j runs the jitter on uint8 before
 *       the conversion, as Albumentations does.</li>
 * </ul>
 * Differences in semantics that remain (the work is otherwise the same): DJL's random-resized crop draws the area
 * uniformly, the ratio uniformly (not log-uniformly) within the range that fits, makes one attempt and falls back to a
 * centre crop; augment4j's (torchvision's) draws the ratio log-uniformly, tries ten times. DJL's resize runs
 * PyTorch's bilinear {@code interpolate} on a float copy and casts back to uint8 (truncating); augment4j's runs
 * OpenCV's {@code INTER_LINEAR} on uint8 (rounding). Neither antialiases.
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

    /** {@code eval}, {@code crop} or {@code train}, see the class comment. */
    @Param({"eval", "crop", "train"})
    public String recipe;

    private final List<Mat> mats = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<NDArray> arrays = new ArrayList<>();
    private NDManager base;
    private Pipeline djl;
    private Compose augment4j;
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
        switch (recipe) {
            case "eval" -> {
                djl = new Pipeline(new Resize(SIZE, SIZE), new ToTensor(), new Normalize(MEAN, STD));
                augment4j = Compose.of(A.Resize(SIZE, SIZE));
            }
            case "crop" -> {
                djl = new Pipeline(randomResizedCrop(), new ToTensor(), new Normalize(MEAN, STD));
                augment4j = Compose.of(A.RandomResizedCrop(SIZE, SIZE));
            }
            case "train" -> {
                djl = new Pipeline(randomResizedCrop(), NDArrayJitter.flipLeftRight(), new ToTensor(),
                        NDArrayJitter.colorJitter(0.4f, 0.4f, 0.4f, 0.1f), new Normalize(MEAN, STD));
                augment4j = Compose.of(A.RandomResizedCrop(SIZE, SIZE), A.HorizontalFlip(),
                        new ColorJitter(Range.of(0.6, 1.4), Range.of(0.6, 1.4), Range.of(0.6, 1.4), Range.of(-0.1, 0.1), 1.0));
            }
            default -> throw new IllegalArgumentException("recipe must be eval, crop or train, got " + recipe);
        }
        // One call of each side before timing: a recipe that cannot run fails here, and the shapes are checked.
        for (int i = 0; i < 2; i++) {
            check(djlShape(), "DJL");
            check(augment4jShape(), "augment4j");
        }
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
        return augment4jShape()[0] * SIZE * SIZE;
    }

    private long[] djlShape() {
        NDArray input = arrays.get(call++ % arrays.size());
        try (NDManager scope = base.newSubManager()) {
            input.tempAttach(scope);   // the results of operations on it belong to scope, closed below; input goes back to base
            NDArray out = djl.transform(new NDList(input)).singletonOrThrow();
            return out.getShape().getShape();
        }
    }

    private long[] augment4jShape() {
        Sample input = samples.get(call++ % samples.size());
        Sample out = augment4j.apply(input, Seeds.mix(17, call));
        try (NDManager scope = base.newSubManager()) {
            NDArray tensor = Tensors.chw(scope, out.image(), Normalization.IMAGENET);
            return tensor.getShape().getShape();
        } finally {
            Sample.releaseReplaced(out, input, Set.of());
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
    private static void configureDjl() {
        String cache = BenchFiles.home().resolve("augment4j-bench/target/djl-cache").toString();
        System.getProperties().putIfAbsent("ai.djl.offline", "true");
        System.getProperties().putIfAbsent("ai.djl.pytorch.num_threads", "1");
        System.getProperties().putIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        if (System.getenv("DJL_CACHE_DIR") == null) System.getProperties().putIfAbsent("DJL_CACHE_DIR", cache);
        if (System.getenv("ENGINE_CACHE_DIR") == null) System.getProperties().putIfAbsent("ENGINE_CACHE_DIR", cache);
    }
}
