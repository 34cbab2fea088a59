package org.augment4j.bench;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.djl.Device;
import ai.djl.modality.cv.transform.Normalize;
import ai.djl.modality.cv.transform.RandomFlipLeftRight;
import ai.djl.modality.cv.transform.RandomResizedCrop;
import ai.djl.modality.cv.transform.Resize;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.Transform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.djl.Tensors;
import org.augment4j.loader.Normalization;
import org.augment4j.transform.Range;
import org.augment4j.transform.color.ColorJitter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The steps of {@link DjlTransformsBenchmark}'s recipes timed one by one (microseconds per call, single-threaded, the
 * same settings), to show where each side spends its time. A plain loop, not JMH: each step is warmed up for
 * {@code 2 × n} calls, then {@code n} calls are timed, cycling over the perf images (steps that follow a resize get
 * the images already resized to 224 × 224, DJL's float steps the output of DJL's {@code ToTensor}); then the three
 * recipes whole, the sides alternating so that they share the machine's load alike. Run:
 * {@code java -cp augment4j-bench/target/benchmarks.jar org.augment4j.bench.DjlTransformSteps [n]} (default 300).
 */
public final class DjlTransformSteps {
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private DjlTransformSteps() {}

    /** Prints one line per step: side, step, µs per call. */
    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        DjlTransformsBenchmark.configureDjl();
        opencv_core.setNumThreads(0);
        List<Mat> mats = BenchFiles.readImages(BenchFiles.perfImagesDir());
        List<Mat> small = new ArrayList<>();
        try (NDManager base = NDManager.newBaseManager(Device.cpu(), "PyTorch"); Size s224 = new Size(224, 224)) {
            List<NDArray> hwc = new ArrayList<>(), hwc224 = new ArrayList<>(), float224 = new ArrayList<>(), contiguous224 = new ArrayList<>();
            for (Mat m : mats) {
                Mat r = new Mat();
                resize(m, r, s224, 0, 0, INTER_LINEAR);
                small.add(r);
                hwc.add(Tensors.hwc(base, m));
                NDArray u8 = Tensors.hwc(base, r);
                hwc224.add(u8);
                NDArray f = new ToTensor().transform(u8);   // DJL's ToTensor output: a strided CHW view of a float copy
                f.attach(base);
                float224.add(f);
                NDArray c = f.duplicate();
                c.attach(base);
                contiguous224.add(c);
            }
            djl("Resize 512 -> 224 (uint8 HWC)", base, hwc, n, new Resize(224, 224));
            djl("RandomResizedCrop 224", base, hwc, n, new RandomResizedCrop(224, 224, 0.08, 1.0, 0.75, 4.0 / 3.0));
            djl("RandomFlipLeftRight 224", base, hwc224, n, new RandomFlipLeftRight());
            djl("ToTensor 224", base, hwc224, n, new ToTensor());
            djl("Normalize 224 (on ToTensor's output)", base, float224, n, new Normalize(MEAN, STD));
            djl("Normalize 224 (on a contiguous CHW copy)", base, contiguous224, n, new Normalize(MEAN, STD));
            djl("colour jitter, hand-written (float CHW 224)", base, contiguous224, n, NDArrayJitter.colorJitter(0.4f, 0.4f, 0.4f, 0.1f));
            djl("  the same without hue", base, contiguous224, n, NDArrayJitter.colorJitter(0.4f, 0.4f, 0.4f, 0f));

            augment4j("Resize 512 -> 224 (INTER_LINEAR)", mats, n, Compose.of(A.Resize(224, 224)));
            augment4j("Resize 512 -> 224 (INTER_AREA)", mats, n, Compose.of(A.Resize(224, 224).with("interpolation", INTER_AREA)));
            augment4j("RandomResizedCrop 224 (INTER_LINEAR)", mats, n, Compose.of(A.RandomResizedCrop(224, 224)));
            augment4j("RandomResizedCrop 224 (INTER_AREA)", mats, n, Compose.of(A.RandomResizedCrop(224, 224).with("interpolation", INTER_AREA)));
            augment4j("HorizontalFlip (p 0.5) 224", small, n, Compose.of(A.HorizontalFlip()));
            augment4j("ColorJitter (uint8 224)", small, n, Compose.of(jitter(0.1)));
            augment4j("  the same without hue", small, n, Compose.of(jitter(0)));
            time("augment4j", "Tensors.chw(IMAGENET) 224", n, i -> {
                try (NDManager scope = base.newSubManager()) {
                    Tensors.chw(scope, small.get(i % small.size()), Normalization.IMAGENET);
                }
            });
        } finally {
            mats.forEach(Mat::close);
            small.forEach(Mat::close);
        }
        for (String recipe : List.of("eval", "cropFlip", "train")) alternate(recipe, Math.max(1, n / 10));
    }

    /**
     * The whole recipes of {@link DjlTransformsBenchmark}, its three sides timed in turn in blocks of {@code block}
     * calls for 20 rounds after 5 warm-up rounds, so that all three see the same load from other processes; prints
     * the median wall-clock and thread-CPU µs per call of each side and the ratios DJL ÷ augment4j.
     */
    private static void alternate(String recipe, int block) throws IOException {
        DjlTransformsBenchmark b = new DjlTransformsBenchmark();
        b.recipe = recipe;
        b.setUp();
        try {
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            List<java.util.function.LongSupplier> sides = List.of(b::djl, b::augment4j, b::augment4jArea);
            int rounds = 20, warm = 5;
            double[][] wall = new double[3][rounds], thread = new double[3][rounds];
            for (int r = -warm; r < rounds; r++) {
                for (int s = 0; s < 3; s++) {
                    long c0 = cpu.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                    for (int i = 0; i < block; i++) sides.get(s).getAsLong();
                    if (r >= 0) {
                        wall[s][r] = (System.nanoTime() - t0) / 1e3 / block;
                        thread[s][r] = (cpu.getCurrentThreadCpuTime() - c0) / 1e3 / block;
                    }
                }
            }
            double[] w = new double[3], c = new double[3];
            for (int s = 0; s < 3; s++) {
                w[s] = median(wall[s]);
                c[s] = median(thread[s]);
            }
            System.out.printf("recipe %-8s wall us/call: DJL %.0f, augment4j %.0f, augment4jArea %.0f (DJL/augment4j %.2f, DJL/augment4jArea %.2f)%n",
                    recipe, w[0], w[1], w[2], w[0] / w[1], w[0] / w[2]);
            System.out.printf("recipe %-8s CPU  us/call: DJL %.0f, augment4j %.0f, augment4jArea %.0f (DJL/augment4j %.2f, DJL/augment4jArea %.2f)%n",
                    recipe, c[0], c[1], c[2], c[0] / c[1], c[0] / c[2]);
        } finally {
            b.tearDown();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static ColorJitter jitter(double hue) {
        return new ColorJitter(Range.of(0.6, 1.4), Range.of(0.6, 1.4), Range.of(0.6, 1.4), Range.of(-hue, hue), 1.0);
    }

    private static void djl(String step, NDManager base, List<NDArray> inputs, int n, Transform t) {
        time("DJL", step, n, i -> {
            NDArray input = inputs.get(i % inputs.size());
            try (NDManager scope = base.newSubManager()) {
                input.tempAttach(scope);
                t.transform(input);
            }
        });
    }

    private static void augment4j(String step, List<Mat> inputs, int n, Compose pipeline) {
        List<Sample> samples = inputs.stream().map(Sample::of).toList();
        time("augment4j", step, n, i -> {
            Sample in = samples.get(i % samples.size());
            Sample.releaseReplaced(pipeline.apply(in, i), in, Set.of());
        });
    }

    private static void time(String side, String step, int n, java.util.function.IntConsumer call) {
        for (int i = 0; i < 2 * n; i++) call.accept(i);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) call.accept(i);
        System.out.printf("%-10s %-46s %8.1f us%n", side, step, (System.nanoTime() - t0) / 1e3 / n);
    }
}
