package org.augment4j.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One gallery picture: a band with the transform's name and a caption over each cell, above a row of cells (the input
 * and its augmented copies), each a thumbnail centred on the background, all cells as high as the highest thumbnail
 * and at least {@link #MIN_CELL_WIDTH} wide.
 * Everything below {@link #BAND} rows is pixels of the thumbnails and background only (no text), so a regenerated
 * picture can be compared there exactly, whatever fonts the machine has.
 */
final class GalleryStrip {
    /** Rows of the text band at the top. */
    static final int BAND = 38;
    /** Narrower thumbnails are centred in a cell this wide, so that their caption fits. */
    static final int MIN_CELL_WIDTH = 56;
    private static final Color BACKGROUND = new Color(0x20, 0x20, 0x20);
    private static final Color TITLE = new Color(0xf0, 0xf0, 0xf0);
    private static final Color CAPTION = new Color(0xb0, 0xb0, 0xb0);

    private GalleryStrip() {}

    /**
     * Draws the strip.
     *
     * @param title    the transform's name, written at the top left
     * @param subtitle a line after the name (parameters), or null
     * @param cells    the thumbnails, left to right
     * @param captions one caption per thumbnail
     */
    static BufferedImage draw(String title, String subtitle, List<BufferedImage> cells, List<String> captions) {
        if (cells.size() != captions.size()) throw new IllegalArgumentException(cells.size() + " cells but " + captions.size() + " captions");
        int gap = Preview.GAP, width = gap, height = 0;
        int[] widths = new int[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            widths[i] = Math.max(cells.get(i).getWidth(), MIN_CELL_WIDTH);
            width += widths[i] + gap;
            height = Math.max(height, cells.get(i).getHeight());
        }
        BufferedImage out = new BufferedImage(width, BAND + height + gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.setColor(TITLE);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, gap, 2 + fm.getAscent());
            int after = gap + fm.stringWidth(title) + 10;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(CAPTION);
            if (subtitle != null) g.drawString(fit(subtitle, g.getFontMetrics(), width - after - gap), after, 2 + fm.getAscent());
            int x = gap;
            for (int i = 0; i < cells.size(); i++) {
                g.drawString(fit(captions.get(i), g.getFontMetrics(), widths[i]), x, BAND - 4);
                g.drawImage(Preview.cell(cells.get(i), widths[i], height), x, BAND, null);
                x += widths[i] + gap;
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** {@code text}, cut with an ellipsis to at most {@code width} pixels. */
    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) return text;
        String t = text;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) t = t.substring(0, t.length() - 1);
        return t + "…";
    }
}
