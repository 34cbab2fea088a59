package org.augment4j.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * The two sets of jars a cluster test needs, from the lists Maven writes into {@code target/} in
 * {@code process-test-classes} (see this module's POM): Spark's own jars (what a distribution's {@code jars/} folder
 * holds) and the job jar.
 *
 * <p>The job jar is {@code target/augment4j-spark-job.jar} when {@code -Daugment4j.spark.jobJar=PATH} names it (the
 * shaded artifact {@code mvn package} builds). Otherwise, as in {@code mvn test} — where the reactor's modules are
 * folders of classes, which the shade plugin cannot take — it is assembled here with the same content: this module's
 * classes, augment4j-core's and -datasets', picocli, Jackson, SnakeYAML and the JavaCPP/OpenCV jars with their
 * linux-x86_64 natives; Jackson is not relocated in that jar (Spark's own 2.21 Jackson, first on an executor's
 * classpath, serves both).
 */
final class ClusterJars {
    /** Jars augment4j and Spark both use: Spark needs them on its own classpath too. */
    private static final List<String> SHARED = List.of("jackson-core-", "jackson-databind-", "jackson-annotations-");

    private ClusterJars() {}

    /** Spark's jars and dependencies: {@code target/spark-classpath.txt} plus the Jackson jars both sides use. */
    static List<Path> sparkJars() {
        List<Path> jars = new ArrayList<>(list("spark-classpath.txt"));
        for (Path p : list("job-classpath.txt")) {
            String name = p.getFileName().toString();
            if (SHARED.stream().anyMatch(name::startsWith) && jars.stream().noneMatch(j -> j.getFileName().toString().equals(name))) jars.add(p);
        }
        return jars;
    }

    /** The job jar: the one {@code -Daugment4j.spark.jobJar} names, or one assembled into {@code dir}. */
    static Path jobJar(Path dir) throws IOException {
        String given = System.getProperty("augment4j.spark.jobJar");
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given).toAbsolutePath();
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException("-Daugment4j.spark.jobJar=" + given + " is not a file");
            return p;
        }
        List<Path> parts = new ArrayList<>();
        parts.add(Path.of("target/classes"));
        parts.addAll(list("job-classpath.txt"));
        Path jar = dir.resolve("augment4j-spark-job-test.jar");
        assemble(parts, jar);
        return jar;
    }

    private static List<Path> list(String file) {
        Path f = Path.of("target", file);
        try {
            return Arrays.stream(Files.readString(f).strip().split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(f + " is missing: Maven writes it in process-test-classes (run the tests through mvn)", e);
        }
    }

    /** One jar of every class and resource of {@code parts} (jars or folders): the first copy of a name wins, service files are merged. */
    private static void assemble(List<Path> parts, Path jar) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, AugmentJob.class.getName());
        Set<String> seen = new HashSet<>();
        Map<String, StringBuilder> services = new LinkedHashMap<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            out.setLevel(Deflater.BEST_SPEED);
            seen.add("META-INF/MANIFEST.MF");
            for (Path part : parts) {
                if (Files.isDirectory(part)) {
                    try (Stream<Path> files = Files.walk(part)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            String name = part.relativize(f).toString().replace('\\', '/');
                            try (InputStream in = Files.newInputStream(f)) {
                                add(out, name, in, seen, services);
                            }
                        }
                    }
                } else {
                    try (JarFile jf = new JarFile(part.toFile())) {
                        for (JarEntry e : java.util.Collections.list(jf.entries())) {
                            if (e.isDirectory()) continue;
                            try (InputStream in = jf.getInputStream(e)) {
                                add(out, e.getName(), in, seen, services);
                            }
                        }
                    }
                }
            }
            for (Map.Entry<String, StringBuilder> s : services.entrySet()) {
                out.putNextEntry(new JarEntry(s.getKey()));
                out.write(s.getValue().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private static void add(JarOutputStream out, String name, InputStream in, Set<String> seen, Map<String, StringBuilder> services) throws IOException {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (upper.equals("META-INF/MANIFEST.MF") || upper.matches("META-INF/[^/]*\\.(SF|DSA|RSA|EC)") || name.endsWith("module-info.class")) return;
        if (name.startsWith("META-INF/services/") && !name.endsWith("/")) {
            services.computeIfAbsent(name, k -> new StringBuilder()).append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
            return;
        }
        if (!seen.add(name)) return;
        out.putNextEntry(new JarEntry(name));
        in.transferTo(out);
        out.closeEntry();
    }
}
