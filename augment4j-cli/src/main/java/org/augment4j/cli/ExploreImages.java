package org.augment4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.augment4j.OutsidePaths;
import org.augment4j.datasets.Dataset;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.DatasetSplit;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.ReadMode;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The images {@code explore} offers, each under an id that the page uses and that is never a path: the COCO samples
 * shipped with augment4j ({@code sample:N}, with boxes, masks and keypoints), the images of {@code --images}
 * ({@code folder:N}: a labelled dataset with {@code --format}, else the image files below the folder, links out of it
 * left out), and uploads ({@code upload:N}, the newest {@link #MAX_UPLOADS} kept). Thread-safe.
 */
final class ExploreImages {
    /** Uploads kept; older ones are forgotten (their files deleted). */
    static final int MAX_UPLOADS = 32;
    /** Files listed from a plain {@code --images} folder at most. */
    static final int MAX_FOLDER_IMAGES = 10_000;
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff", "webp");
    private static final Dataset NO_LABELS = new Dataset(List.of(), List.of(), Map.of(), List.of());

    /**
     * One image on offer.
     *
     * @param id      {@code sample:N}, {@code folder:N} or {@code upload:N}
     * @param name    its file name (relative to its folder)
     * @param source  {@code sample}, {@code folder} or {@code upload}
     * @param file    the image file
     * @param image   the image with its size and objects (none for uploads), or null for a plain {@code --images} file,
     *                whose size is known only once it is read (listing a folder decodes nothing)
     * @param dataset what the objects refer to: category names, keypoint skeleton, left/right swap
     */
    record Entry(String id, String name, String source, Path file, DatasetImage image, Dataset dataset) {
        /** {@code {id, name, source, width, height, objects}} for the page; no width and height for a plain file. */
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", name);
            m.put("source", source);
            if (image != null) {
                m.put("width", image.width());
                m.put("height", image.height());
            }
            m.put("objects", image == null ? 0 : image.objects().size());
            return m;
        }
    }

    private final Map<String, Entry> fixed = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new java.util.HashMap<>();
    private final LinkedHashMap<String, Entry> uploads = new LinkedHashMap<>();
    private final AtomicLong uploadCount = new AtomicLong();
    private final Path uploadDir;
    private final long maxUploadBytes;

    /**
     * @param samples        the bundled COCO samples folder (or null for none)
     * @param folder         the {@code --images} folder, or null
     * @param format         its {@code --format} (coco, yolo, voc, masks), or null for plain images
     * @param uploadDir      an empty folder of the server's own, where uploads are kept
     * @param maxUploadBytes the largest upload accepted, in bytes
     */
    ExploreImages(Path samples, Path folder, String format, Path uploadDir, long maxUploadBytes) {
        this.uploadDir = uploadDir;
        this.maxUploadBytes = maxUploadBytes;
        if (samples != null) addDataset("sample", samples, "coco");
        if (folder != null) {
            if (!Files.isDirectory(folder)) throw Errors.bad("--images folder not found: " + folder);
            if (format != null) addDataset("folder", folder, format);
            else addPlain(folder);
        }
    }

    /** Every split's images, found as {@code run} finds them (the usual export layouts; file names kept inside the folder). */
    private void addDataset(String source, Path dir, String format) {
        List<DatasetSplit> splits;
        try {
            splits = RunFormat.of(format, dir, null, null, false, OutsidePaths.REFUSE).read(dir);
        } catch (IllegalArgumentException e) {
            throw Errors.bad((source.equals("sample") ? "bundled samples " : "--images ") + dir + " (" + format + "): " + e.getMessage());
        }
        for (DatasetSplit split : splits) {
            for (DatasetImage img : split.dataset().images()) {
                String name = splits.size() > 1 ? split.name() + "/" + img.fileName() : img.fileName();
                add(new Entry(source + ":" + count(source), name, source, img.file(), img, split.dataset()));
            }
        }
    }

    /** The image files below {@code folder} (sorted, at most {@link #MAX_FOLDER_IMAGES}); links that lead out are skipped. */
    private void addPlain(Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, 16)) {
            files = walk.filter(p -> IMAGE_EXTENSIONS.contains(extension(p)))
                    .filter(p -> OutsidePaths.REFUSE.problem(folder, p) == null && Files.isRegularFile(p))
                    .sorted().limit(MAX_FOLDER_IMAGES).toList();
        } catch (IOException | UncheckedIOException e) {
            throw Errors.bad("cannot list --images " + folder + ": " + e.getMessage());
        }
        for (Path p : files) add(new Entry("folder:" + count("folder"), folder.relativize(p).toString().replace('\\', '/'), "folder", p, null, NO_LABELS));
    }

    private int count(String source) {
        return counts.merge(source, 1, Integer::sum) - 1;
    }

    private void add(Entry e) {
        fixed.put(e.id(), e);
    }

    /** Every image on offer: samples, folder images, then uploads (oldest first). */
    synchronized List<Entry> list() {
        List<Entry> out = new ArrayList<>(fixed.values());
        out.addAll(uploads.values());
        return out;
    }

    /**
     * The image with this id.
     *
     * @throws ExploreServer.HttpError 404 when there is none (never a path lookup)
     */
    synchronized Entry get(String id) {
        Entry e = fixed.containsKey(id) ? fixed.get(id) : uploads.get(id);
        if (e == null) throw new ExploreServer.HttpError(404, "no image with id '" + id + "'; GET /api/images lists them");
        return e;
    }

    /**
     * Keeps an uploaded image: decoded first (PNG, JPEG, BMP, TIFF or WebP, within the pixel limit of
     * {@link ImageIO#maxPixels()}), then stored under a name of the server's choosing.
     *
     * @throws ExploreServer.HttpError 413 when larger than the upload limit, 400 when not a readable image
     */
    Entry upload(String fileName, byte[] bytes) {
        if (bytes.length > maxUploadBytes) throw new ExploreServer.HttpError(413, "upload is " + bytes.length + " bytes; the limit is " + maxUploadBytes);
        if (bytes.length == 0) throw new ExploreServer.HttpError(400, "upload is empty");
        int w, h;
        try (Mat m = ImageIO.decode(bytes, ReadMode.RGB, "upload")) {
            w = m.cols();
            h = m.rows();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ExploreServer.HttpError(400, "upload is not a readable image: " + Errors.describe(e));
        }
        String shown = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        long n = uploadCount.getAndIncrement();
        Path file = uploadDir.resolve("upload-" + n + ".img");
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep upload: " + e.getMessage(), e);
        }
        Entry e = new Entry("upload:" + n, shown, "upload", file, new DatasetImage(shown, file, w, h, List.of(), Map.of()), NO_LABELS);
        synchronized (this) {
            uploads.put(e.id(), e);
            while (uploads.size() > MAX_UPLOADS) {
                Entry old = uploads.remove(uploads.keySet().iterator().next());
                try {
                    Files.deleteIfExists(old.image().file());
                } catch (IOException ignored) {
                    // in the server's own temporary folder, which goes when the server stops
                }
            }
        }
        return e;
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
