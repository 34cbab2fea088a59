package org.augment4j.bench;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.medianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.opencv.ImageIO;
import org.augment4j.serial.PipelineFile;
import org.augment4j.transform.blur.MedianKernels;
import org.bytedeco.opencv.global.opencv_core;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of single kernels and of the article's pipeline on one 512 x 512 RGB photo (a COCO sample of the
 * repository, resized) with its instance mask, single-threaded with OpenCV's own threading off. Each call uses a new
 * seed and its output is released at once. Run from the repository root (the sample and {@code pipelines/article.json}
 * are read from there, or from {@code -Daugment4j.home=DIR}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0")
public class KernelBenchmark {
    private static final Map<String, String> KERNELS = Map.of(
            "HorizontalFlip", "{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 1}",
            "Rotate", "{\"__class_fullname__\": \"Rotate\", \"p\": 1, \"limit\": [-45, 45], \"interpolation\": 1, \"border_mode\": 4}",
            "GaussNoise", "{\"__class_fullname__\": \"GaussNoise\", \"p\": 1, \"var_limit\": [10.0, 50.0], \"per_channel\": true}",
            "ElasticTransform", "{\"__class_fullname__\": \"ElasticTransform\", \"p\": 1, \"alpha\": 1, \"sigma\": 50, \"interpolation\": 1}",
            "RGBShift", "{\"__class_fullname__\": \"RGBShift\", \"p\": 1}",
            "RandomBrightnessContrast", "{\"__class_fullname__\": \"RandomBrightnessContrast\", \"p\": 1}",
            "Solarize", "{\"__class_fullname__\": \"Solarize\", \"p\": 1, \"threshold\": 128}",
            "HueSaturationValue", "{\"__class_fullname__\": \"HueSaturationValue\", \"p\": 1}",
            "CropRotate", "{\"__class_fullname__\": \"Compose\", \"p\": 1, \"transforms\": ["
                    + "{\"__class_fullname__\": \"RandomSizedCrop\", \"p\": 1, \"min_max_height\": [412, 512], \"height\": 512, \"width\": 512},"
                    + "{\"__class_fullname__\": \"ShiftScaleRotate\", \"p\": 1, \"border_mode\": 4}]}");

    /**
     * A kernel name from the table above, or {@code article} for pipelines/article.json on image + mask; a suffix
     * {@code /stepwise} turns geometry fusion off (CropRotate/stepwise against CropRotate shows what fusion saves).
     */
    @Param({"HorizontalFlip", "Rotate", "GaussNoise", "ElasticTransform", "RGBShift", "RandomBrightnessContrast", "Solarize",
        "HueSaturationValue", "CropRotate", "CropRotate/stepwise", "article"})
    public String transform;

    private Compose pipeline;
    private Sample input;
    private long call;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        opencv_core.setNumThreads(0);
        Path home = BenchFiles.home();
        String name = transform.replace("/stepwise", "");
        if (name.equals("article")) {
            pipeline = PipelineFile.load(home.resolve("pipelines/article.json"));
        } else {
            String json = KERNELS.get(name);
            if (json == null) throw new IllegalArgumentException("unknown transform " + transform + "; known: " + KERNELS.keySet() + " and article");
            pipeline = PipelineFile.fromJson(json);
        }
        if (transform.endsWith("/stepwise")) pipeline = pipeline.withGeometryFusion(false);
        Path image = home.resolve("samples/coco/images/000000129648.jpg");
        Path mask = home.resolve("samples/coco/masks/000000129648_instances.png");
        Mat img = ImageIO.readRgb(image), m = ImageIO.readMask(mask);
        Mat img512 = new Mat(), m512 = new Mat();
        try (Size size = new Size(512, 512)) {
            resize(img, img512, size, 0, 0, INTER_LINEAR);
            resize(m, m512, size, 0, 0, INTER_NEAREST);
        } finally {
            img.close();
            m.close();
        }
        input = Sample.builder().image(img512).mask(m512).build();
        // One call before timing, so a pipeline that cannot run fails here with its own message.
        apply();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (input != null) input.close();
    }

    @Benchmark
    public void apply(Blackhole bh) {
        bh.consume(apply());
    }

    private long apply() {
        Sample out = pipeline.apply(input, Seeds.mix(17, call++));
        long pixels = (long) out.width() * out.height();
        Sample.releaseReplaced(out, input, Set.of());
        return pixels;
    }


    /**
     * The 7 x 7 median of uint8 images: {@code impl=network} is {@link MedianKernels#median7} (what MedianBlur uses for
     * aperture 7), {@code impl=opencv} is OpenCV's {@code medianBlur(.., 7)}; one call filters one of the six 512 x 512
     * RGB photos of {@code testdata/perf/images} in turn (or of {@code -Daugment4j.perfImages=DIR}). Separate forks time
     * the two; for an alternating A/B in one JVM use {@link MedianAB}. Run with {@code KernelBenchmark.Median7}.
     */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(value = 1, jvmArgsAppend = "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0")
    public static class Median7 {
        @Param({"network", "opencv"})
        public String impl;

        private List<Mat> images;
        private Mat out;
        private int next;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            opencv_core.setNumThreads(0);
            images = BenchFiles.readImages(BenchFiles.perfImagesDir());
            out = new Mat();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            images.forEach(Mat::close);
            out.close();
        }

        @Benchmark
        public void median7(Blackhole bh) {
            bh.consume(filter());
        }

        private long filter() {
            Mat src = images.get(next++ % images.size());
            if (impl.equals("opencv")) {
                medianBlur(src, out, MedianKernels.KSIZE);
                return out.total();
            }
            try (Mat m = MedianKernels.median7(src)) {
                return m.total();
            }
        }
    }

    /**
     * A/B of the 7 x 7 median in one JVM: OpenCV's {@code medianBlur(.., 7)} and {@link MedianKernels#median7} alternate
     * on each image of a folder (default {@code testdata/perf/images}), {@code reps} times (default 50) after 10 warm-up
     * rounds; prints each image's median time of both and their ratio, and checks the bytes are equal. Single-threaded,
     * OpenCV's threads off. {@code java -cp augment4j-bench/target/benchmarks.jar 'org.augment4j.bench.KernelBenchmark$MedianAB' [DIR [reps]]}
     */
    public static final class MedianAB {
        private MedianAB() {}

        public static void main(String[] args) throws IOException {
            opencv_core.setNumThreads(0);
            Path dir = args.length > 0 ? Path.of(args[0]) : BenchFiles.perfImagesDir();
            int reps = args.length > 1 ? Integer.parseInt(args[1]) : 50;
            if (reps < 1) throw new IllegalArgumentException("reps must be >= 1, got " + reps);
            List<Path> files = BenchFiles.imageFiles(dir);
            List<Mat> images = BenchFiles.readImages(dir);
            double[][] cv = new double[images.size()][reps], net = new double[images.size()][reps];
            try (Mat out = new Mat()) {
                for (int r = -10; r < reps; r++) {
                    for (int i = 0; i < images.size(); i++) {
                        Mat src = images.get(i);
                        long t0 = System.nanoTime();
                        medianBlur(src, out, MedianKernels.KSIZE);
                        long t1 = System.nanoTime();
                        try (Mat m = MedianKernels.median7(src)) {
                            long t2 = System.nanoTime();
                            if (r == -10 && !Arrays.equals(bytes(m), bytes(out))) {
                                throw new IllegalStateException("median7 differs from medianBlur on " + files.get(i));
                            }
                            if (r >= 0) {
                                cv[i][r] = (t1 - t0) / 1e6;
                                net[i][r] = (t2 - t1) / 1e6;
                            }
                        }
                    }
                }
            } finally {
                images.forEach(Mat::close);
            }
            double sumCv = 0, sumNet = 0;
            System.out.printf("%-24s %12s %12s %7s%n", "image", "opencv ms", "network ms", "ratio");
            for (int i = 0; i < files.size(); i++) {
                double a = median(cv[i]), b = median(net[i]);
                sumCv += a;
                sumNet += b;
                System.out.printf("%-24s %12.2f %12.2f %7.2f%n", files.get(i).getFileName(), a, b, a / b);
            }
            System.out.printf("%-24s %12.2f %12.2f %7.2f   (sums of the per-image medians of %d alternating repetitions)%n",
                    "all", sumCv, sumNet, sumCv / sumNet, reps);
        }

        private static double median(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        private static byte[] bytes(Mat m) {
            byte[] b = new byte[(int) (m.total() * m.elemSize())];
            m.data().get(b);
            return b;
        }
    }
}
