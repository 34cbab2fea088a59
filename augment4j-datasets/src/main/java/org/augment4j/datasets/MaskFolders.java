package org.augment4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.augment4j.OutsidePaths;

/**
 * Image folder plus mask folders: {@code DIR/images/} holds the images; every other folder of {@code DIR} is a mask
 * folder whose files are matched to the images by file stem ({@code images/a.jpg} ↔ {@code semantic/a.png}). The
 * masks of an image are listed in its {@code extra} under {@link #MASKS} (folder name → file). An image that lacks a
 * mask in some folder is left out, with a message in {@link Dataset#problems()}. Masks are written as PNG (lossless).
 * Stateless.
 *
 * <p>Under {@link OutsidePaths#REFUSE}, the default, the image and mask folders must lie in {@code DIR} (an
 * {@link IllegalArgumentException} otherwise), and an image or mask file that is a symbolic link out of its folder is
 * left out with its image and reported in {@link Dataset#problems()}.
 */
public final class MaskFolders {
    /** The {@code extra} key of an image's masks: a {@code Map<String, Path>} from folder name to file. */
    public static final String MASKS = "masks";

    private MaskFolders() {}

    /** Reads {@code dir} laid out as above, refusing files outside it. */
    public static Dataset read(Path dir) {
        return read(dir, OutsidePaths.REFUSE);
    }

    /** Reads {@code dir} laid out as above. */
    public static Dataset read(Path dir, OutsidePaths outside) {
        Path images = dir.resolve("images");
        if (!Files.isDirectory(images)) throw new IllegalArgumentException("mask-folder dataset " + dir + " has no images/ folder");
        List<Path> folders;
        try (Stream<Path> s = Files.list(dir)) {
            folders = s.filter(f -> Files.isDirectory(f) && !f.getFileName().equals(images.getFileName()) && !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (folders.isEmpty()) throw new IllegalArgumentException("mask-folder dataset " + dir + " has no mask folder beside images/");
        outside.require(dir, images, "mask-folder dataset entry");
        for (Path f : folders) outside.require(dir, f, "mask-folder dataset entry");
        Map<String, Map<String, Path>> byFolder = new LinkedHashMap<>();
        for (Path f : folders) byFolder.put(f.getFileName().toString(), byStem(f));
        List<DatasetImage> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path img : byStem(images).values()) {
            String stem = stem(img);
            FileRef image = FileRef.found(images, img, outside);
            String refused = image.problem() == null ? null : image.skipped("image " + img);
            Map<String, Path> masks = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Path>> e : byFolder.entrySet()) {
                Path m = e.getValue().get(stem);
                if (m == null) {
                    problems.add("image " + img + " has no mask in " + dir.resolve(e.getKey()) + "; left out");
                    continue;
                }
                FileRef mask = FileRef.found(dir.resolve(e.getKey()), m, outside);
                if (mask.problem() == null) masks.put(e.getKey(), m);
                else if (refused == null) refused = mask.skipped("mask " + m) + " with its image " + img;
            }
            if (refused != null) problems.add(refused);
            else if (masks.size() == byFolder.size()) {
                int[] size = ImageSize.of(img);
                out.add(new DatasetImage(img.getFileName().toString(), img, size == null ? 0 : size[0], size == null ? 0 : size[1], List.of(), Map.of(MASKS, masks)));
            }
        }
        return new Dataset(List.of(), out, Map.of(), problems);
    }

    private static Map<String, Path> byStem(Path folder) {
        Map<String, Path> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : s.filter(ImageFiles::isImage).sorted().toList()) {
                m.putIfAbsent(stem(f), f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        return m;
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }
}
