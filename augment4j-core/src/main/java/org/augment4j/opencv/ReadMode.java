package org.augment4j.opencv;

/**
 * How {@link ImageIO#read(java.nio.file.Path, ReadMode)} and {@link ImageIO#decode(byte[], ReadMode, String)} turn an
 * encoded image into a {@link org.bytedeco.opencv.opencv_core.Mat}. Colour images always come back in augment4j's
 * RGB (or RGBA) channel order, never OpenCV's BGR.
 *
 * <p>augment4j's transforms take uint8 (values 0..255) or float32 (values 0..1) images, so every mode except
 * {@link #UNCHANGED} returns uint8.
 */
public enum ReadMode {
    /**
     * uint8 with the channels as stored: 1 (gray), 3 (RGB) or 4 (RGBA). Other depths are scaled to uint8: 16-bit files
     * by {@code round(v / 257)} (65535 becomes 255, see {@link ImageDepth#toUint8}), 32-bit float files by
     * {@code round(v * 255)} clamped to 0..255 (values taken to be in 0..1), other depths (int16, float64, …) by a
     * saturating cast. The mode of {@link ImageIO#readImage}.
     */
    AS_STORED,
    /**
     * uint8 RGB, 3 channels, whatever is stored: {@link #AS_STORED}, then gray is copied to the three channels and an
     * alpha channel is dropped (not composited). The mode of {@link ImageIO#readRgb}.
     */
    RGB,
    /**
     * uint8 single channel, by OpenCV's {@code IMREAD_GRAYSCALE}: gray files keep their values (16-bit ones are reduced
     * to 8 bits by the codec, values above 255 are lost: read such label maps with {@link #UNCHANGED}), colour files
     * are converted to luma ({@code 0.299 R + 0.587 G + 0.114 B}). The mode of {@link ImageIO#readMask}.
     */
    GRAY,
    /**
     * Depth and channels as stored: uint8 ({@code CV_8U}), uint16 ({@code CV_16U}, values 0..65535) or float32
     * ({@code CV_32F}) with 1, 3 (RGB) or 4 (RGBA) channels. Convert a non-uint8 result with {@link ImageDepth} before
     * giving it to a pipeline. The mode of {@link ImageIO#readUnchanged}.
     */
    UNCHANGED
}
