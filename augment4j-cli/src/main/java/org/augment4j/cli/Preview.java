package org.augment4j.cli;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The demo's contact sheet: thumbnails of equal height with masks (a semi-transparent colour per instance value),
 * boxes (rectangles coloured by category) and keypoints (dots, joined by the skeleton) drawn on them, laid out one row
 * per image with {@link #GAP} pixels around and between thumbnails.
 */
final class Preview {
    /** Pixels around and between thumbnails. */
    static final int GAP = 8;
    private static final Color BACKGROUND = new Color(0x20, 0x20, 0x20);
    private static final double MASK_ALPHA = 0.45;

    /** A box in pixels of its image, {@code [x_min, y_min, x_max, y_max]}, with the category it is coloured by. */
    record Box(double x0, double y0, double x1, double y1, int category) {}

    /** A keypoint in pixels (pixel centres at integers), its index in the skeleton and the person it belongs to. */
    record Point(double x, double y, int index, long group) {}

    private Preview() {}

    /** The width of a thumbnail of {@code height} rows for an image of {@code w × h}. */
    static int thumbWidth(int w, int h, int height) {
        return Math.max(1, (int) Math.round((double) w * height / h));
    }

    /** An RGB uint8 copy of an image of any supported type (float32 is taken as [0, 1]). */
    static Mat displayable(Mat image) {
        Mat u8 = image;
        if (image.depth() != CV_8U) {
            u8 = new Mat();
            image.convertTo(u8, CV_8U, 255.0, 0);
        }
        Mat rgb = new Mat();
        if (u8.channels() == 1) cvtColor(u8, rgb, COLOR_GRAY2RGB);
        else if (u8.channels() == 4) cvtColor(u8, rgb, COLOR_RGBA2RGB);
        else u8.copyTo(rgb);
        if (u8 != image) u8.close();
        return rgb;
    }

    /** A thumbnail {@code height} pixels high of {@code image} with {@code mask} (may be null), boxes and keypoints drawn. */
    static BufferedImage thumbnail(Mat image, Mat mask, List<Box> boxes, List<Point> points, List<int[]> skeleton, int height) {
        int w = image.cols(), h = image.rows();
        int tw = thumbWidth(w, h, height);
        byte[] px;
        try (Mat rgb = displayable(image)) {
            px = Mats.toBytes(rgb);
        }
        if (mask != null) overlay(px, mask);
        BufferedImage thumb;
        try (Mat blended = Mats.fromBytes(px, h, w, 3); Mat small = new Mat()) {
            resize(blended, small, new Size(tw, height), 0, 0, tw < w ? INTER_AREA : INTER_LINEAR);
            BufferedImage rgb = Mats.toBufferedImage(small);
            thumb = new BufferedImage(tw, height, BufferedImage.TYPE_INT_RGB);
            thumb.getGraphics().drawImage(rgb, 0, 0, null);
        }
        double sx = (double) tw / w, sy = (double) height / h;
        Graphics2D g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(2f));
            for (Box b : boxes) {
                g.setColor(colour(b.category()));
                g.draw(new Rectangle2D.Double(b.x0() * sx, b.y0() * sy, (b.x1() - b.x0()) * sx, (b.y1() - b.y0()) * sy));
            }
            g.setStroke(new BasicStroke(1.5f));
            g.setColor(new Color(255, 255, 255, 200));
            for (int[] bone : skeleton) {
                for (Point a : points) {
                    if (a.index() != bone[0]) continue;
                    for (Point c : points) {
                        if (c.index() == bone[1] && c.group() == a.group()) {
                            g.draw(new Line2D.Double((a.x() + 0.5) * sx, (a.y() + 0.5) * sy, (c.x() + 0.5) * sx, (c.y() + 0.5) * sy));
                        }
                    }
                }
            }
            double r = 3;
            for (Point p : points) {
                Ellipse2D dot = new Ellipse2D.Double((p.x() + 0.5) * sx - r, (p.y() + 0.5) * sy - r, 2 * r, 2 * r);
                g.setColor(colour(1000 + p.index()));
                g.fill(dot);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1f));
                g.draw(dot);
            }
        } finally {
            g.dispose();
        }
        return thumb;
    }

    /** Blends a colour per non-zero mask value into RGB pixels. */
    private static void overlay(byte[] rgb, Mat mask) {
        byte[] m;
        if (mask.depth() == CV_8U) {
            m = Mats.toBytes(mask);
        } else {
            try (Mat u8 = eightBit(mask)) {
                m = Mats.toBytes(u8);
            }
        }
        int c = mask.channels();
        for (int i = 0, o = 0; o < rgb.length; i++, o += 3) {
            int v = m[i * c] & 0xff;
            if (v == 0) continue;
            Color col = colour(v);
            rgb[o] = blend(rgb[o], col.getRed());
            rgb[o + 1] = blend(rgb[o + 1], col.getGreen());
            rgb[o + 2] = blend(rgb[o + 2], col.getBlue());
        }
    }

    private static Mat eightBit(Mat mask) {
        Mat u8 = new Mat();
        mask.convertTo(u8, CV_8U);
        return u8;
    }

    private static byte blend(byte base, int colour) {
        return (byte) Math.round((base & 0xff) * (1 - MASK_ALPHA) + colour * MASK_ALPHA);
    }

    /** A distinct, stable colour for a value (instance value, category id…): hues spaced by the golden ratio. */
    static Color colour(int value) {
        float hue = (float) ((value * 0.6180339887498949) % 1.0);
        return Color.getHSBColor(hue, 0.8f, 1.0f);
    }

    /** The sheet: rows of thumbnails, left-aligned, {@link #GAP} pixels around and between them. */
    static BufferedImage sheet(List<List<BufferedImage>> rows) {
        int width = GAP, height = GAP;
        for (List<BufferedImage> row : rows) {
            int w = GAP, h = 0;
            for (BufferedImage t : row) {
                w += t.getWidth() + GAP;
                h = Math.max(h, t.getHeight());
            }
            width = Math.max(width, w);
            height += h + GAP;
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            int y = GAP;
            for (List<BufferedImage> row : rows) {
                int x = GAP, h = 0;
                for (BufferedImage t : row) {
                    g.drawImage(t, x, y, null);
                    x += t.getWidth() + GAP;
                    h = Math.max(h, t.getHeight());
                }
                y += h + GAP;
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Writes {@code names} (one per box, same order) above the top-left corner of each box on a thumbnail of an image
     * of {@code imageWidth × imageHeight}, on a dark plate in the box's colour so the text stays readable.
     */
    static void labelBoxes(BufferedImage thumb, int imageWidth, int imageHeight, List<Box> boxes, List<String> names) {
        if (boxes.size() != names.size()) throw new IllegalArgumentException(boxes.size() + " boxes but " + names.size() + " names");
        double sx = (double) thumb.getWidth() / imageWidth, sy = (double) thumb.getHeight() / imageHeight;
        Graphics2D g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, Math.max(9, thumb.getHeight() / 24)));
            java.awt.FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < boxes.size(); i++) {
                Box b = boxes.get(i);
                String text = names.get(i);
                int tw = fm.stringWidth(text) + 4, th = fm.getAscent() + fm.getDescent();
                int x = (int) Math.round(Math.max(0, Math.min(b.x0() * sx, thumb.getWidth() - tw)));
                int y = (int) Math.round(b.y0() * sy) - th;
                if (y < 0) y = (int) Math.round(b.y0() * sy);
                g.setColor(new Color(0, 0, 0, 170));
                g.fillRect(x, y, tw, th);
                g.setColor(colour(b.category()));
                g.drawString(text, x + 2, y + fm.getAscent());
            }
        } finally {
            g.dispose();
        }
    }

    /** {@code thumb} centred on a background cell of {@code width × height} (each at least the thumbnail's size). */
    static BufferedImage cell(BufferedImage thumb, int width, int height) {
        int w = Math.max(width, thumb.getWidth()), h = Math.max(height, thumb.getHeight());
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, w, h);
            g.drawImage(thumb, (w - thumb.getWidth()) / 2, (h - thumb.getHeight()) / 2, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
