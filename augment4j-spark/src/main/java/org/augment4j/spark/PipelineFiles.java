package org.augment4j.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.serial.PipelineFile;

/**
 * The files a pipeline names ({@code reference_images} of FDA, HistogramMatching, PixelDistributionAdaptation) travel
 * inside the job, not as paths: the driver reads them (relative to the pipeline file's folder, as
 * {@link PipelineFile#load} does) and the pipeline's JSON then names each by its content,
 * {@code augment4j-<first 32 hex digits of its SHA-256>.<ext>}; an executor writes them once per JVM into a temporary
 * folder of its own and parses the pipeline relative to it. So a pipeline file and its reference images need exist on
 * the driver only, as on a cluster whose executors see neither the driver's disk nor its working directory.
 */
final class PipelineFiles {
    /** The most bytes of files one pipeline may ship (they travel with every stage's tasks). */
    static final long MAX_BYTES = 64L << 20;
    private static final String KEY = "reference_images";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineFiles() {}

    /**
     * A pipeline's JSON text with its files renamed by content, and those files' bytes by name. Immutable (the maps are
     * not copied out: never modify them), serialisable.
     */
    record Shipped(String json, Map<String, byte[]> files) implements Serializable {}

    /**
     * Reads the files {@code pipeline} names, relative to {@code folder} (null: the working directory, for a pipeline
     * built in code, whose paths are read as given).
     *
     * @throws UncheckedIOException if a file cannot be read
     * @throws IllegalArgumentException if the files hold more than {@link #MAX_BYTES} bytes
     */
    static Shipped ship(Compose pipeline, Path folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Object tree = rewrite(PipelineFile.toTree(pipeline), folder, files);
        if (files.isEmpty()) return new Shipped(PipelineFile.toJson(pipeline), Map.of());
        try {
            return new Shipped(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree), files);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the pipeline as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Object rewrite(Object node, Path folder, Map<String, byte[]> files) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals(KEY) && e.getValue() instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
                    List<String> names = new ArrayList<>();
                    for (Object written : l) names.add(read((String) written, folder, files));
                    out.put(key, names);
                } else {
                    out.put(key, rewrite(e.getValue(), folder, files));
                }
            }
            return out;
        }
        if (node instanceof List<?> l) return l.stream().map(x -> rewrite(x, folder, files)).toList();
        return node;
    }

    private static String read(String written, Path folder, Map<String, byte[]> files) {
        Path f = folder == null ? Path.of(written) : folder.resolve(written);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + KEY + " file '" + written + "' (" + f.toAbsolutePath() + ") on the driver: " + e.getMessage(), e);
        }
        String name = name(written, bytes);
        files.put(name, bytes);
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        if (total > MAX_BYTES) {
            throw new IllegalArgumentException("the pipeline's " + KEY + " hold " + total + " bytes, more than the " + MAX_BYTES
                    + " bytes a job ships with its tasks; use smaller reference images");
        }
        return name;
    }

    /** {@code augment4j-<32 hex digits of SHA-256>.<ext of written>}: equal names mean equal bytes. */
    static String name(String written, byte[] bytes) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
            String file = Path.of(written).getFileName().toString();
            int dot = file.lastIndexOf('.');
            String ext = dot <= 0 ? "" : file.substring(dot).replaceAll("[^A-Za-z0-9.]", "");
            return "augment4j-" + hash + ext;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder of this JVM holding {@code files} (written there once, atomically, and deleted when the JVM exits). */
    static Path materialise(Map<String, byte[]> files) {
        Path dir = Folder.DIR;
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (Files.isRegularFile(f)) continue;
            try {
                Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
                Files.write(tmp, e.getValue());
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                f.toFile().deleteOnExit();
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write the pipeline's file " + f + ": " + ex.getMessage(), ex);
            }
        }
        return dir;
    }

    /** One folder per JVM, made on first use. */
    private static final class Folder {
        static final Path DIR = create();

        private static Path create() {
            try {
                Path d = Files.createTempDirectory("augment4j-spark-files-");
                d.toFile().deleteOnExit();
                return d;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary folder for the pipeline's files: " + e.getMessage(), e);
            }
        }
    }
}
