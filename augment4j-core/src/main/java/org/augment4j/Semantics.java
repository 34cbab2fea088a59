package org.augment4j;

/**
 * Whose behaviour a pipeline follows where Albumentations releases differ. A pipeline file means what it meant in the
 * release that wrote it: its {@code __version__} selects the semantics ({@link #ofVersion}), and saving writes the
 * dialect of the semantics in use. Java-built pipelines follow {@link #ALBUMENTATIONS_2} unless told otherwise
 * ({@link Transform#withSemantics}, {@link Compose#withSemantics}).
 *
 * <p>Where the releases differ (each transform's Javadoc says how): Affine (1.x: scikit-image's matrix with a separate
 * y-shear, fractional {@code translate_percent}, fit_output about pixel centres), ShiftScaleRotate (1.x: one scale for
 * both axes, fractional shifts), SafeRotate (1.x: about {@code (w/2, h/2)}, canvas by ceil), CropAndPad (1.x: masks
 * resized with {@code interpolation}), RandomBrightnessContrast with {@code brightness_by_max=False} (1.x adds
 * {@code α·β·mean}), UnsharpMask (1.x truncates to uint8 and leaves float results unclipped; 2.x clips and rounds),
 * Downscale (1.x resizes uint8 through float32 and truncates; 2.x resizes in uint8), GridDistortion (1.x ends a cell
 * cut short by the image at the edge), Posterize (1.x reads a bare per-channel entry {@code b} as {@code [0, b]}).
 * Under 1.x, a one-number fill reaches OpenCV as {@code Scalar(v)} and so fills only the first channel
 * ({@link org.augment4j.transform.ScalarFill}): Affine, ShiftScaleRotate, SafeRotate, Rotate, CropAndPad, PadIfNeeded,
 * ElasticTransform, GridDistortion, OpticalDistortion and Perspective (which also warps masks with the image's pad_val).
 * PiecewiseAffine's fill goes through scikit-image, which fills every channel in both.
 *
 * <p>Parameters a file leaves out take the defaults of its release ({@link org.augment4j.serial.Params#semantics()}):
 * 1.3.1's border_mode 4 (reflect_101) in Rotate, SafeRotate, ShiftScaleRotate, ElasticTransform, GridDistortion,
 * OpticalDistortion and PadIfNeeded; Affine's mild random affine when no geometry is given; CoarseDropout's 8 holes of
 * 8 × 8 px; ColorJitter hue 0.2; ElasticTransform alpha_affine 50; GaussNoise var_limit (10, 50); GaussianBlur
 * blur_limit (3, 7) with sigma_limit 0; GridDistortion normalized false; GridDropout random_offset false;
 * RandomCropNearBBox max_part_shift (0.3, 0.3); RandomRain drop_length 20; RandomRotate90 p 0.5; Solarize threshold 128;
 * Superpixels p_replace 0.1. The explicit {@link org.augment4j.serial.PipelineFile.Options#withSemantics} picks them too.
 */
public enum Semantics {
    /** Albumentations 1.3.1; files written by 0.x and 1.x releases follow it. */
    ALBUMENTATIONS_1_3("1.3.1"),
    /** Albumentations 2.0.8: the default, and the semantics of files written by 2.x releases. */
    ALBUMENTATIONS_2("2.0.8");

    private final String version;

    Semantics(String version) {
        this.version = version;
    }

    /** The release whose behaviour this is, as written to a saved file's {@code __version__}. */
    public String version() {
        return version;
    }

    /**
     * The semantics of a file's {@code __version__}: a 0.x or 1.x release → {@link #ALBUMENTATIONS_1_3}; 2.x and later →
     * {@link #ALBUMENTATIONS_2}; no version (a hand-written file) → {@link #ALBUMENTATIONS_2}, as a Java-built pipeline.
     *
     * @throws IllegalArgumentException when the version does not start with a release number
     */
    public static Semantics ofVersion(String version) {
        if (version == null) return ALBUMENTATIONS_2;
        String v = version.strip();
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) end++;
        if (end == 0 || end > 6) {
            throw new IllegalArgumentException("__version__ must be an Albumentations release such as '1.3.1' or '2.0.8', got '" + version + "'");
        }
        return Integer.parseInt(v.substring(0, end)) < 2 ? ALBUMENTATIONS_1_3 : ALBUMENTATIONS_2;
    }
}
