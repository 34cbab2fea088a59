package org.augment4j.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.augment4j.CocoFixture;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Seeds;
import org.augment4j.TestData;
import org.augment4j.Transform;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineFile;
import org.augment4j.transform.spatial.HorizontalFlip;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parallel loader: reproducible across thread counts, ordered, bounded, failing loudly, closing cleanly. */
class LoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    @AfterEach
    void noLoaderThreadsAlive() {
        assertThat(loaderThreads()).isEmpty();
    }

    /** The article's pipeline (pipelines/article.json) with the fixture's label parameters (boxes clipped). */
    static Compose article() {
        Path p = Path.of("").toAbsolutePath();
        while (!p.resolve("pipelines/article.json").toFile().exists()) p = p.getParent();
        Compose file = PipelineFile.load(p.resolve("pipelines/article.json"));
        return new Compose(file.transforms(), 1.0, CocoFixture.BOXES, CocoFixture.KEYPOINTS, Map.of(), null);
    }

    /** 24 real photos: the six annotated COCO samples, the photos of testdata/data, the other COCO images, then the annotated ones again. */
    static IntFunction<Sample> photos() {
        Path data = TestData.data();
        List<Object> items = new ArrayList<>(CocoFixture.STEMS);
        items.addAll(SampleSource.imagesIn(data.resolve("photos")));
        for (Path img : SampleSource.imagesIn(data.resolve("coco/images")))
            if (!CocoFixture.STEMS.contains(img.getFileName().toString().replace(".jpg", ""))) items.add(img);
        items.addAll(CocoFixture.STEMS);
        List<Object> first24 = List.copyOf(items.subList(0, 24));
        return i -> first24.get(i) instanceof String stem ? CocoFixture.load(stem) : withMask((Path) first24.get(i));
    }

    /** A photo with a mask for MaskDropout: its COCO instance mask, or its grey levels in four bands. */
    static Sample withMask(Path photo) {
        Mat image = ImageIO.readRgb(photo);
        Path instances = TestData.data().resolve("masks/coco_derived/" + photo.getFileName().toString().replace(".jpg", "_instances.png"));
        if (instances.toFile().exists()) return Sample.builder().image(image).mask(ImageIO.readMask(instances)).build();
        Mat mask = new Mat();
        try (Mat gray = new Mat()) {
            opencv_imgproc.cvtColor(image, gray, opencv_imgproc.COLOR_RGB2GRAY);
            gray.convertTo(mask, opencv_core.CV_8U, 1 / 64.0, 0);
        }
        return Sample.builder().image(image).mask(mask).build();
    }

    /** The article's pipeline without MaskDropout, for sources without masks. */
    static Compose articleWithoutMasks() {
        Compose a = article();
        return new Compose(a.transforms().stream().filter(t -> !t.name().equals("MaskDropout")).toList(), 1.0, null, null, Map.of(), null);
    }

    /** Everything observable about an output: image and mask bytes, boxes, keypoints, labels and applied parameters. */
    static String fingerprint(Sample s) throws Exception {
        StringBuilder b = new StringBuilder();
        b.append(Mats.describe(s.image())).append(Arrays.hashCode(Mats.toBytes(s.image())));
        if (s.mask() != null) b.append(" mask ").append(Arrays.hashCode(Mats.toBytes(s.mask())));
        for (int i = 0; i < s.boxes().size(); i++) b.append(" box ").append(Arrays.toString(s.boxes().get(i)));
        for (int i = 0; i < s.keypoints().size(); i++) b.append(" kp ").append(Arrays.toString(s.keypoints().get(i)));
        b.append(" labels ").append(s.boxes().labels().asMap()).append(s.keypoints().labels().asMap());
        b.append(" applied ").append(JSON.writeValueAsString(s.applied()));
        return b.toString();
    }

    @Test
    void articlePipelineGivesIdenticalOutputsInOrderFor1_2And8Threads() throws Exception {
        Compose pipeline = article();
        IntFunction<Sample> photos = photos();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            try (Sample in = photos.apply(i); Sample out = pipeline.apply(in, Seeds.mix(7, i))) {
                expected.add(fingerprint(out));
            }
        }
        assertThat(Set.copyOf(expected)).hasSize(24);
        for (int threads : new int[] {1, 2, 8}) {
            List<String> got = new ArrayList<>();
            try (Loader loader = Loader.builder(pipeline).indexed(24, photos).threads(threads).prefetch(3).seed(7).build()) {
                for (Sample s : loader) {
                    try (s) {
                        got.add(fingerprint(s));
                    }
                }
            }
            assertThat(got).as("%d threads", threads).isEqualTo(expected);
        }
    }

    @Test
    void seedOfSeedsEachPositionAsGivenSoAShuffledOrderKeepsEachSamplesDraws() throws Exception {
        Compose pipeline = article();
        IntFunction<Sample> photos = photos();
        int[] order = {5, 0, 3, 1, 4, 2};
        List<String> expected = new ArrayList<>();
        for (int k : order) {
            try (Sample in = photos.apply(k); Sample out = pipeline.apply(in, Seeds.mix(9, k))) {
                expected.add(fingerprint(out));
            }
        }
        List<String> got = new ArrayList<>();
        try (Loader loader = Loader.builder(pipeline).indexed(order.length, i -> photos.apply(order[i])).threads(2)
                .seed(123).seedOf(i -> Seeds.mix(9, order[(int) i])).build()) {
            for (Sample s : loader) {
                try (s) {
                    got.add(fingerprint(s));
                }
            }
        }
        assertThat(got).isEqualTo(expected);
        assertThatThrownBy(() -> Loader.builder(pipeline).seedOf(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("seedOf");
    }

    @Test
    void folderImagesAreReadAsRgbAndAugmentedInFileNameOrder() throws Exception {
        Compose pipeline = articleWithoutMasks();
        Path folder = TestData.data("photos");
        List<String> expected = new ArrayList<>();
        List<Path> files = SampleSource.imagesIn(folder);
        for (int i = 0; i < files.size(); i++) {
            try (Sample in = Sample.of(ImageIO.readRgb(files.get(i))); Sample out = pipeline.apply(in, Seeds.mix(3, i))) {
                expected.add(fingerprint(out));
            }
        }
        List<String> got = new ArrayList<>();
        try (Loader loader = Loader.builder(pipeline).folder(folder).threads(2).seed(3).build()) {
            for (Sample s : loader) {
                try (s) {
                    assertThat(s.image().channels()).isEqualTo(3);
                    got.add(fingerprint(s));
                }
            }
        }
        assertThat(files).hasSize(10);
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void handedOverInputsAreClosedAndLentOnesAreNot() {
        Compose flip = new Compose(List.of(new HorizontalFlip(1.0)));
        Queue<Sample> made = new ConcurrentLinkedQueue<>();
        try (Loader loader = Loader.builder(flip).indexed(20, i -> record(made, small(i))).threads(4).build()) {
            loader.forEachRemaining(Sample::close);
        }
        assertThat(made).hasSize(20).allSatisfy(s -> assertThat(s.isClosed()).isTrue());

        List<Sample> lent = List.of(small(1), small(2), small(3));
        try (Loader loader = Loader.builder(flip).samples(lent).threads(2).build()) {
            int n = 0;
            for (Sample s : loader) {
                try (s) {
                    assertThat(Mats.toBytes(s.image())[0]).isEqualTo((byte) ++n);
                }
            }
            assertThat(n).isEqualTo(3);
        }
        assertThat(lent).allSatisfy(s -> assertThat(s.image().isNull()).isFalse());
        lent.forEach(Sample::close);
    }

    @Test
    void aSlowConsumerHoldsTheSourceBackToThreadsPlusPrefetch() throws Exception {
        int threads = 3, prefetch = 2;
        AtomicInteger reads = new AtomicInteger();
        Iterator<Sample> counting = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return reads.get() < 10_000;
            }

            @Override
            public Sample next() {
                reads.incrementAndGet();
                return small(1);
            }
        };
        try (Loader loader = Loader.builder(new Compose(List.of(new HorizontalFlip(1.0)))).iterator(counting)
                .threads(threads).prefetch(prefetch).build()) {
            for (int consumed = 0; consumed <= 4; consumed++) {
                if (consumed > 0) loader.next().close();
                int bound = consumed + threads + prefetch;
                // workers fill up to the bound and must stop there, however long we wait
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (reads.get() < bound && System.nanoTime() < deadline) Thread.sleep(5);
                Thread.sleep(100);
                assertThat(reads.get()).as("reads after %d consumed", consumed).isEqualTo(bound);
            }
        }
        assertThat(reads.get()).isLessThanOrEqualTo(4 + threads + prefetch + 1);
    }

    @Test
    void aWorkerFailureIsThrownAtItsPositionWithItsIndex() {
        IntFunction<Sample> failingAt5 = i -> {
            if (i == 5) throw new IllegalStateException("unreadable file");
            return small(i);
        };
        Loader loader = Loader.builder(new Compose(List.of(new HorizontalFlip(1.0)))).indexed(50, failingAt5).threads(4).build();
        for (int i = 0; i < 5; i++) {
            try (Sample s = loader.next()) {
                assertThat(Mats.toBytes(s.image())[0]).isEqualTo((byte) i);
            }
        }
        assertThatThrownBy(loader::next).isInstanceOf(LoaderException.class)
                .hasMessageContaining("sample 5 failed").hasMessageContaining("unreadable file")
                .hasCauseInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(((LoaderException) e).index()).isEqualTo(5));
        assertThat(loaderThreads()).isEmpty();
        assertThat(loader.hasNext()).isFalse();
        loader.close();
    }

    @Test
    void closeMidStreamStopsEveryThreadAndReleasesWaitingOutputs() {
        Recording recording = new Recording();
        Loader loader = Loader.builder(new Compose(List.of(recording))).indexed(1000, LoaderTest::small).threads(8).prefetch(8).build();
        List<Sample> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) taken.add(loader.next());
        assertThat(loaderThreads()).hasSize(8);
        loader.close();
        assertThat(loaderThreads()).isEmpty();
        Set<Mat> handedOut = taken.stream().map(Sample::image).collect(Collectors.toSet());
        assertThat(recording.made).hasSizeGreaterThan(3);
        for (Mat m : recording.made) assertThat(m.isNull()).as("output closed unless handed out").isEqualTo(!handedOut.contains(m));
        taken.forEach(Sample::close);
        assertThatThrownBy(loader::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        loader.close();
    }

    @Test
    void interruptingTheConsumerEndsCleanly() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger served = new AtomicInteger();
        Iterator<Sample> stalls = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Sample next() {
                if (served.get() == 2) {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("interrupted", e);
                    }
                }
                return small(served.getAndIncrement());
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicInteger consumed = new AtomicInteger();
        AtomicReference<Boolean> flagSet = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            try (Loader loader = Loader.builder(new Compose(List.of(new HorizontalFlip(1.0)))).iterator(stalls).threads(2).build()) {
                for (Sample s : loader) {
                    s.close();
                    consumed.incrementAndGet();
                }
            } catch (Throwable t) {
                thrown.set(t);
            }
            flagSet.set(Thread.currentThread().isInterrupted());
        }, "consumer");
        consumer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((consumed.get() < 2 || consumer.getState() != Thread.State.WAITING) && System.nanoTime() < deadline) Thread.sleep(5);
        consumer.interrupt();
        consumer.join(20_000);
        assertThat(consumer.isAlive()).isFalse();
        assertThat(consumed.get()).isEqualTo(2);
        assertThat(thrown.get()).isInstanceOf(LoaderException.class).hasMessageContaining("interrupted while waiting for sample 2")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(flagSet.get()).isTrue();
        assertThat(loaderThreads()).isEmpty();
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        Compose flip = new Compose(List.of(new HorizontalFlip(1.0)));
        assertThatThrownBy(() -> Loader.builder(flip).threads(0)).hasMessageContaining("threads must be between 1 and 256, got 0");
        assertThatThrownBy(() -> Loader.builder(flip).prefetch(-1)).hasMessageContaining("prefetch must be >= 0, got -1");
        assertThatThrownBy(() -> Loader.builder(flip).build()).hasMessageContaining("needs a source");
        assertThatThrownBy(() -> Loader.builder(flip).folder(Path.of("no/such/folder")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no/such/folder");
        try (Loader loader = Loader.builder(flip).samples(List.of()).threads(1).build()) {
            assertThat(loader.iterator().hasNext()).isFalse();
            assertThatThrownBy(loader::iterator).hasMessageContaining("iterated once");
            assertThatThrownBy(loader::next).isInstanceOf(java.util.NoSuchElementException.class);
        }
    }

    /** A 4x4 RGB image filled with the value {@code v}. */
    static Sample small(int v) {
        byte[] px = new byte[4 * 4 * 3];
        Arrays.fill(px, (byte) v);
        Mat m = Mats.fromBytes(px, 4, 4, 3);
        return Sample.of(m);
    }

    static Sample record(Queue<Sample> made, Sample s) {
        made.add(s);
        return s;
    }

    static List<String> loaderThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(Loader.THREAD_PREFIX)).toList();
    }

    /** Copies the image into a new matrix and remembers every matrix it made. */
    static final class Recording implements Transform {
        final Queue<Mat> made = new ConcurrentLinkedQueue<>();

        @Override
        public Sample apply(Sample sample, RandomGenerator rng) {
            return applyAlways(sample, rng);
        }

        @Override
        public Sample applyAlways(Sample sample, RandomGenerator rng) {
            Mat copy = sample.image().clone();
            made.add(copy);
            return sample.withImages(Map.of(Sample.IMAGE, copy));
        }

        @Override
        public double probability() {
            return 1.0;
        }

        @Override
        public Map<String, Object> toDict() {
            return Map.of("__class_fullname__", "Recording", "p", 1.0);
        }
    }
}
