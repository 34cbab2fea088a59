package org.augment4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.augment4j.OutsidePaths;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Pascal VOC XML, one {@code <stem>.xml} per image. Coordinates are integers, in one of two conventions, chosen by
 * {@code zeroBased}:
 * <ul>
 *   <li>0-based (albumentations' {@code pascal_voc}, and the project's test data): the box covers {@code [xmin, xmax) × [ymin, ymax)};</li>
 *   <li>1-based (the original VOC devkit): pixels are numbered from 1 and {@code xmax}/{@code ymax} are inclusive, so
 *       the box is {@code [xmin − 1, xmax) × [ymin − 1, ymax)} in 0-based continuous coordinates.</li>
 * </ul>
 * The same convention is used for writing. Categories get ids 1..N in name order. On writing, {@code truncated} is 1
 * when the source said so or the box touches the image border (it was cut by it); {@code difficult} is carried over.
 * Stateless.
 *
 * <p>As labelling tools export it: an XML without objects is an image without objects; an image of the image folder
 * that no XML names is read as an image without objects; a {@code <filename>} that does not exist is matched by stem
 * (with or without its extension, or the XML's own stem); a missing or zero {@code <size>} is read from the image. Each
 * such adjustment is noted in {@link Dataset#notes()}. {@link #readLayout} finds the folders of an export.
 *
 * <p>Under {@link OutsidePaths#REFUSE}, the default, an XML file that is a symbolic link out of the annotation folder,
 * and an image whose {@code <filename>} leads outside the image folder ({@code ..}, an absolute path, a symbolic link
 * out), are left out and reported in {@link Dataset#problems()}.
 */
public final class Voc {
    private Voc() {}

    /** Reads every {@code *.xml} of {@code annotationDir}; images are {@code imageDir/<filename>}, none outside it. */
    public static Dataset read(Path annotationDir, Path imageDir, boolean zeroBased) {
        return read(annotationDir, imageDir, zeroBased, OutsidePaths.REFUSE);
    }

    /** Reads every {@code *.xml} of {@code annotationDir}; images are {@code imageDir/<filename>}. */
    public static Dataset read(Path annotationDir, Path imageDir, boolean zeroBased, OutsidePaths outside) {
        List<Path> listed;
        try (Stream<Path> s = Files.list(annotationDir)) {
            listed = s.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list VOC annotation folder " + annotationDir + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path f : listed) {
            FileRef ref = FileRef.found(annotationDir, f, outside);
            if (ref.problem() == null) files.add(f);
            else problems.add(ref.skipped("VOC file " + f));
        }
        List<String> renamed = new ArrayList<>(), sized = new ArrayList<>();
        java.util.Set<Path> named = new java.util.HashSet<>();
        List<Document> docs = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        for (Path f : files) {
            Document d = parse(f);
            docs.add(d);
            NodeList objs = d.getElementsByTagName("object");
            for (int i = 0; i < objs.getLength(); i++) names.add(text((Element) objs.item(i), "name", f));
        }
        List<String> order = new ArrayList<>(names);
        List<Map<String, Object>> categories = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) categories.add(Map.of("id", i + 1, "name", order.get(i)));
        List<DatasetImage> images = new ArrayList<>();
        double shift = zeroBased ? 0 : 1;
        for (int n = 0; n < docs.size(); n++) {
            Document d = docs.get(n);
            Path f = files.get(n);
            Element root = d.getDocumentElement();
            String fileName = text(root, "filename", f);
            String found = existing(imageDir, fileName, f);
            if (!found.equals(fileName)) {
                renamed.add(f.getFileName() + " (" + fileName + " -> " + found + ")");
                fileName = found;
            }
            FileRef image = FileRef.named(imageDir, fileName, outside);
            if (image.path() != null) named.add(image.path().toAbsolutePath().normalize());
            if (image.problem() != null) {
                problems.add(image.skipped("VOC file " + f + ": <filename> '" + fileName + "'"));
                continue;
            }
            Element size = (Element) root.getElementsByTagName("size").item(0);
            int w = size == null ? 0 : (int) optionalNumber(size, "width", f), h = size == null ? 0 : (int) optionalNumber(size, "height", f);
            if (w <= 0 || h <= 0) {
                int[] real = ImageSize.of(image.path());
                if (real == null) throw new IllegalArgumentException("VOC file " + f + " has no usable <size> and its image " + image.path() + " cannot be read");
                w = real[0];
                h = real[1];
                sized.add(f.getFileName().toString());
            }
            List<DatasetObject> objects = new ArrayList<>();
            NodeList objs = root.getElementsByTagName("object");
            for (int i = 0; i < objs.getLength(); i++) {
                Element o = (Element) objs.item(i);
                Element b = (Element) o.getElementsByTagName("bndbox").item(0);
                if (b == null) throw new IllegalArgumentException("VOC file " + f + ": object " + (i + 1) + " has no <bndbox>");
                double x0 = number(b, "xmin", f) - shift, y0 = number(b, "ymin", f) - shift, x1 = number(b, "xmax", f), y1 = number(b, "ymax", f);
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("truncated", optional(o, "truncated"));
                extra.put("difficult", optional(o, "difficult"));
                double[] box = {x0, y0, x1 - x0, y1 - y0};
                String problem = DatasetObject.boxProblem(box, w, h);
                if (problem != null) {
                    problems.add("object " + (i + 1) + " of " + f + ": " + problem + "; left out");
                    continue;
                }
                objects.add(new DatasetObject(order.indexOf(text(o, "name", f)) + 1, box, null, null, false, extra));
            }
            images.add(new DatasetImage(fileName, image.path(), w, h, objects, Map.of("annotation_file", f.getFileName().toString())));
        }
        List<String> notes = new ArrayList<>();
        if (!renamed.isEmpty()) notes.add(renamed.size() + " VOC file(s) in " + annotationDir + " name an image that does not exist; the image of the same stem was used: " + shortList(renamed));
        if (!sized.isEmpty()) notes.add(sized.size() + " VOC file(s) in " + annotationDir + " have no usable <size>; it was read from the image: " + shortList(sized));
        List<String> unlabelled = new ArrayList<>();
        if (Files.isDirectory(imageDir)) {
            try (Stream<Path> s = Files.list(imageDir)) {
                for (Path img : s.filter(Voc::isImage).sorted().toList()) {
                    if (named.contains(img.toAbsolutePath().normalize())) continue;
                    FileRef ref = FileRef.found(imageDir, img, outside);
                    if (ref.problem() != null) {
                        problems.add(ref.skipped("image " + img + " (no VOC file)"));
                        continue;
                    }
                    int[] size = ImageSize.of(img);
                    if (size == null) {
                        problems.add("image " + img + " has no VOC file and cannot be read; skipped");
                        continue;
                    }
                    unlabelled.add(img.getFileName().toString());
                    images.add(new DatasetImage(img.getFileName().toString(), img, size[0], size[1], List.of(), Map.of()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list VOC image folder " + imageDir + ": " + e.getMessage(), e);
            }
        }
        if (!unlabelled.isEmpty()) {
            notes.add(unlabelled.size() + " image(s) in " + imageDir + " have no VOC file; they were augmented as images without objects: " + shortList(unlabelled));
        }
        return new Dataset(categories, images, Map.of("zero_based", zeroBased), problems, notes);
    }

    /**
     * The splits of a Pascal VOC export in {@code dir}: {@code Annotations/} with {@code JPEGImages/} (the VOC devkit),
     * else every folder ({@code dir} itself and its sub-folders) that holds {@code *.xml} files, with the images beside
     * them (labelImg saves next to the image; Roboflow exports {@code train/}, {@code valid/}, {@code test/} so). Under
     * {@link OutsidePaths#REFUSE} these folders must lie in {@code dir} (an {@link IllegalArgumentException} otherwise).
     */
    public static List<DatasetSplit> readLayout(Path dir, boolean zeroBased, OutsidePaths outside) {
        Path ann = dir.resolve("Annotations"), jpeg = dir.resolve("JPEGImages");
        if (Files.isDirectory(ann)) {
            for (Path p : List.of(ann, jpeg)) if (Files.exists(p)) outside.require(dir, p, "VOC dataset entry");
            return List.of(new DatasetSplit("", read(ann, jpeg, zeroBased, outside), jpeg, ann));
        }
        List<DatasetSplit> out = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        folders.add(dir);
        try (Stream<Path> s = Files.list(dir)) {
            folders.addAll(s.filter(f -> Files.isDirectory(f) && !f.getFileName().toString().startsWith(".")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path f : folders) {
            if (!hasXml(f)) continue;
            if (!f.equals(dir)) outside.require(dir, f, "VOC dataset entry");
            out.add(new DatasetSplit(f.equals(dir) ? "" : f.getFileName().toString(), read(f, f, zeroBased, outside), f, f));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("VOC folder " + dir + " has no Annotations/ folder and no *.xml files beside its images (labelImg, Roboflow)");
        }
        return out;
    }

    private static boolean hasXml(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".xml"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isImage(Path f) {
        return ImageFiles.isImage(f) && Files.isRegularFile(f);
    }

    /**
     * {@code fileName} when that file exists in {@code imageDir} (or cannot be a path), else the first existing image
     * named {@code fileName} plus an extension, or the XML's stem plus an extension; else {@code fileName} unchanged.
     */
    private static String existing(Path imageDir, String fileName, Path xml) {
        try {
            if (Files.exists(imageDir.resolve(fileName))) return fileName;
        } catch (java.nio.file.InvalidPathException e) {
            return fileName;
        }
        String xmlName = xml.getFileName().toString();
        for (String stem : List.of(fileName, xmlName.substring(0, xmlName.length() - ".xml".length()))) {
            if (stem.isEmpty() || stem.contains("/") || stem.contains("\\") || stem.startsWith(".")) continue;
            for (String ext : ImageFiles.EXTENSIONS) {
                for (String e : List.of(ext, ext.toUpperCase(java.util.Locale.ROOT))) {
                    if (Files.isRegularFile(imageDir.resolve(stem + e))) return stem + e;
                }
            }
        }
        return fileName;
    }

    private static String shortList(List<String> items) {
        return String.join(", ", items.subList(0, Math.min(10, items.size()))) + (items.size() > 10 ? ", …" : "");
    }

    /** The XML of one image's objects, coordinates rounded to integers in the chosen convention. */
    public static String format(DatasetImage img, Dataset dataset, boolean zeroBased) {
        int w = img.width(), h = img.height();
        StringBuilder sb = new StringBuilder("<annotation>\n");
        sb.append("  <folder>images</folder>\n  <filename>").append(escape(img.fileName())).append("</filename>\n");
        sb.append("  <size>\n    <width>").append(w).append("</width>\n    <height>").append(h).append("</height>\n    <depth>3</depth>\n  </size>\n");
        sb.append("  <segmented>0</segmented>\n");
        for (DatasetObject o : img.objects()) {
            double[] b = o.bbox();
            long x0 = Math.round(b[0]), y0 = Math.round(b[1]), x1 = Math.min(w, Math.round(b[0] + b[2])), y1 = Math.min(h, Math.round(b[1] + b[3]));
            boolean cut = x0 <= 0 || y0 <= 0 || x1 >= w || y1 >= h || "1".equals(String.valueOf(o.extra().get("truncated")));
            int shift = zeroBased ? 0 : 1;
            sb.append("  <object>\n    <name>").append(escape(dataset.categoryName(o.categoryId()))).append("</name>\n");
            sb.append("    <pose>Unspecified</pose>\n    <truncated>").append(cut ? 1 : 0).append("</truncated>\n");
            sb.append("    <difficult>").append(o.extra().getOrDefault("difficult", "0")).append("</difficult>\n");
            sb.append("    <bndbox>\n      <xmin>").append(x0 + shift).append("</xmin>\n      <ymin>").append(y0 + shift)
                    .append("</ymin>\n      <xmax>").append(x1).append("</xmax>\n      <ymax>").append(y1).append("</ymax>\n    </bndbox>\n  </object>\n");
        }
        return sb.append("</annotation>\n").toString();
    }

    private static Document parse(Path f) {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return dbf.newDocumentBuilder().parse(f.toFile());
        } catch (Exception e) {
            throw new IllegalArgumentException("VOC file " + f + " is not readable XML: " + e.getMessage());
        }
    }

    private static String text(Element e, String tag, Path f) {
        NodeList l = e.getElementsByTagName(tag);
        if (l.getLength() == 0) throw new IllegalArgumentException("VOC file " + f + " lacks <" + tag + ">");
        return l.item(0).getTextContent().strip();
    }

    private static double number(Element e, String tag, Path f) {
        String t = text(e, tag, f);
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("VOC file " + f + ": <" + tag + "> is not a number: " + t);
        }
    }

    private static double optionalNumber(Element e, String tag, Path f) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 || l.item(0).getTextContent().isBlank() ? 0 : number(e, tag, f);
    }

    private static String optional(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? "0" : l.item(0).getTextContent().strip();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
