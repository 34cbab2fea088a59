package org.augment4j.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.TimeUnit;
import org.augment4j.djl.Tensors;
import org.augment4j.loader.Normalization;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
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
 * The cost of turning an augmented RGB uint8 {@code Mat} into the ImageNet-normalised CHW float32 NDArray a model takes,
 * single-threaded (PyTorch's and OpenCV's threads 1): {@code augment4j-djl}'s {@link Tensors#chw} (OpenCV computes the
 * normalised planes into native memory, then one copy into the engine) against the way without it, core's
 * {@code loader.Tensors.chw} into a Java {@code float[]} and {@code manager.create(float[], shape)}. Input: the first
 * image of {@code testdata/perf/images} resized once to {@code size} × {@code size}. Average time per conversion.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-Dai.djl.offline=true",
    "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
public class TensorsBenchmark {
    /** The side of the square image, pixels. */
    @Param({"224", "640"})
    public int size;

    private Mat image;
    private NDManager base;

    @Setup(Level.Trial)
    public void setUp() throws java.io.IOException {
        DjlTransformsBenchmark.configureDjl();
        opencv_core.setNumThreads(0);
        Mat first = BenchFiles.readImages(BenchFiles.perfImagesDir()).get(0);
        image = new Mat();
        opencv_imgproc.resize(first, image, new Size(size, size));
        first.close();
        base = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        base.close();
        image.close();
    }

    /** {@code augment4j-djl}'s {@link Tensors#chw}: normalised in native memory, one copy into the engine. */
    @Benchmark
    public float djlTensorsChw() {
        try (NDManager scope = base.newSubManager()) {
            NDArray t = Tensors.chw(scope, image, Normalization.IMAGENET);
            return t.getShape().get(0);
        }
    }

    /** Without the module: a Java {@code float[]} from core's {@code loader.Tensors.chw}, then {@code manager.create}. */
    @Benchmark
    public float floatArrayThenCreate() {
        try (NDManager scope = base.newSubManager()) {
            float[] chw = org.augment4j.loader.Tensors.chw(image, Normalization.IMAGENET);
            NDArray t = scope.create(chw, new Shape(3, size, size));
            return t.getShape().get(0);
        }
    }
}
