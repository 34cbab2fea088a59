package org.augment4j.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.augment4j.Compose;
import org.augment4j.serial.PipelineFile;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;

/**
 * What an executor JVM holds once, whatever number of tasks it runs: the OpenCV natives (loaded by the first task,
 * then never again, with OpenCV's own thread pool set to {@value #THREADS_PROPERTY} threads, default 1: Spark already
 * runs one task per executor core, and OpenCV's pool on top would oversubscribe them) and the parsed pipelines, keyed by their JSON text (tasks receive the text, which is small and
 * serialisable; a {@link Compose} is immutable and thread-safe, so concurrent tasks share one). Thread-safe.
 */
final class ExecutorCache {
    /** The system property giving OpenCV's threads per JVM (set it with {@code spark.executor.extraJavaOptions}). */
    static final String THREADS_PROPERTY = "augment4j.opencv.threads";
    private static final int MAX_PIPELINES = 64;
    private static final Map<String, Compose> PIPELINES = new ConcurrentHashMap<>();

    private ExecutorCache() {}

    /** Loads OpenCV's native libraries into this JVM (a no-op after the first call). */
    static void loadNatives() {
        Natives.LOADED.hashCode();
    }

    /** The pipeline of {@code json}, parsed at most once per JVM (while fewer than 64 distinct pipelines are in use). */
    static Compose pipeline(String json) {
        return pipeline(json, Map.of());
    }

    /**
     * The pipeline of {@code json}, whose files ({@code reference_images}) are {@code files} by name (see
     * {@link PipelineFiles}): written to this JVM's folder for them and read from there. Parsed at most once per JVM
     * (while fewer than 64 distinct pipelines are in use); the names are content hashes, so the text is the key.
     */
    static Compose pipeline(String json, Map<String, byte[]> files) {
        loadNatives();
        Compose c = PIPELINES.get(json);
        if (c != null) return c;
        c = files.isEmpty() ? PipelineFile.fromJson(json)
                : PipelineFile.fromJson(json, PipelineFile.Options.defaults().withFileFolder(PipelineFiles.materialise(files)));
        if (PIPELINES.size() < MAX_PIPELINES) PIPELINES.putIfAbsent(json, c);
        return c;
    }

    /** The class initialiser runs once per JVM: the holder idiom. */
    private static final class Natives {
        static final Object LOADED = load();

        private static Object load() {
            Loader.load(opencv_core.class);
            Loader.load(opencv_imgproc.class);
            Loader.load(opencv_imgcodecs.class);
            int threads = Integer.getInteger(THREADS_PROPERTY, 1);
            if (threads < 0) throw new IllegalArgumentException(THREADS_PROPERTY + " must be >= 0 (0: OpenCV's default), got " + threads);
            if (threads > 0) opencv_core.setNumThreads(threads);
            return Boolean.TRUE;
        }
    }
}
