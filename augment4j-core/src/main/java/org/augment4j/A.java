package org.augment4j;

import java.util.Arrays;
import java.util.Map;
import org.augment4j.compose.NoOp;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.Range;
import org.augment4j.transform.blur.AdvancedBlur;
import org.augment4j.transform.blur.Blur;
import org.augment4j.transform.blur.Defocus;
import org.augment4j.transform.blur.Downscale;
import org.augment4j.transform.blur.Emboss;
import org.augment4j.transform.blur.GaussianBlur;
import org.augment4j.transform.blur.GlassBlur;
import org.augment4j.transform.blur.ImageCompression;
import org.augment4j.transform.blur.JpegCompression;
import org.augment4j.transform.blur.MedianBlur;
import org.augment4j.transform.blur.MotionBlur;
import org.augment4j.transform.blur.RingingOvershoot;
import org.augment4j.transform.blur.Sharpen;
import org.augment4j.transform.blur.Superpixels;
import org.augment4j.transform.blur.UnsharpMask;
import org.augment4j.transform.blur.ZoomBlur;
import org.augment4j.transform.channel.AutoContrast;
import org.augment4j.transform.channel.ChannelDropout;
import org.augment4j.transform.channel.ChannelShuffle;
import org.augment4j.transform.channel.ChromaticAberration;
import org.augment4j.transform.channel.FancyPCA;
import org.augment4j.transform.channel.FromFloat;
import org.augment4j.transform.channel.ToFloat;
import org.augment4j.transform.channel.ToRGB;
import org.augment4j.transform.channel.ToSepia;
import org.augment4j.transform.color.CLAHE;
import org.augment4j.transform.color.ColorJitter;
import org.augment4j.transform.color.FDA;
import org.augment4j.transform.color.HEStain;
import org.augment4j.transform.color.HistogramMatching;
import org.augment4j.transform.color.HueSaturationValue;
import org.augment4j.transform.color.Illumination;
import org.augment4j.transform.color.PixelDistributionAdaptation;
import org.augment4j.transform.color.PlanckianJitter;
import org.augment4j.transform.color.PlasmaBrightnessContrast;
import org.augment4j.transform.color.PlasmaShadow;
import org.augment4j.transform.color.RandomBrightness;
import org.augment4j.transform.color.RandomBrightnessContrast;
import org.augment4j.transform.color.RandomContrast;
import org.augment4j.transform.color.RandomGamma;
import org.augment4j.transform.color.RandomToneCurve;
import org.augment4j.transform.crop.AtLeastOneBBoxRandomCrop;
import org.augment4j.transform.crop.BBoxSafeRandomCrop;
import org.augment4j.transform.crop.CropAndPad;
import org.augment4j.transform.crop.CropNonEmptyMaskIfExists;
import org.augment4j.transform.crop.LongestMaxSize;
import org.augment4j.transform.crop.Pad;
import org.augment4j.transform.crop.PadIfNeeded;
import org.augment4j.transform.crop.RandomCropFromBorders;
import org.augment4j.transform.crop.RandomCropNearBBox;
import org.augment4j.transform.crop.RandomResizedCrop;
import org.augment4j.transform.crop.RandomScale;
import org.augment4j.transform.crop.RandomSizedBBoxSafeCrop;
import org.augment4j.transform.crop.SmallestMaxSize;
import org.augment4j.transform.distortion.GridDistortion;
import org.augment4j.transform.distortion.GridElasticDeform;
import org.augment4j.transform.distortion.OpticalDistortion;
import org.augment4j.transform.distortion.PiecewiseAffine;
import org.augment4j.transform.distortion.ThinPlateSpline;
import org.augment4j.transform.dropout.CoarseDropout;
import org.augment4j.transform.dropout.ConstrainedCoarseDropout;
import org.augment4j.transform.dropout.Cutout;
import org.augment4j.transform.dropout.Erasing;
import org.augment4j.transform.dropout.GridDropout;
import org.augment4j.transform.dropout.MaskDropout;
import org.augment4j.transform.dropout.PixelDropout;
import org.augment4j.transform.dropout.XYMasking;
import org.augment4j.transform.mix.Mosaic;
import org.augment4j.transform.mix.OverlayElements;
import org.augment4j.transform.noise.AdditiveNoise;
import org.augment4j.transform.noise.GaussNoise;
import org.augment4j.transform.noise.ISONoise;
import org.augment4j.transform.noise.MultiplicativeNoise;
import org.augment4j.transform.noise.SaltAndPepper;
import org.augment4j.transform.noise.ShotNoise;
import org.augment4j.transform.pixel.Equalize;
import org.augment4j.transform.pixel.InvertImg;
import org.augment4j.transform.pixel.Normalize;
import org.augment4j.transform.pixel.Posterize;
import org.augment4j.transform.pixel.RGBShift;
import org.augment4j.transform.pixel.Solarize;
import org.augment4j.transform.pixel.ToGray;
import org.augment4j.transform.policy.AugMix;
import org.augment4j.transform.policy.AutoAugment;
import org.augment4j.transform.policy.Enhance;
import org.augment4j.transform.policy.PilAutoContrast;
import org.augment4j.transform.policy.RandAugment;
import org.augment4j.transform.policy.TrivialAugmentWide;
import org.augment4j.transform.pytorch.ToTensor;
import org.augment4j.transform.pytorch.ToTensorV2;
import org.augment4j.transform.spatial.Affine;
import org.augment4j.transform.spatial.CenterCrop;
import org.augment4j.transform.spatial.Crop;
import org.augment4j.transform.spatial.ElasticTransform;
import org.augment4j.transform.spatial.HorizontalFlip;
import org.augment4j.transform.spatial.RandomCrop;
import org.augment4j.transform.spatial.RandomRotate90;
import org.augment4j.transform.spatial.RandomSizedCrop;
import org.augment4j.transform.spatial.Resize;
import org.augment4j.transform.spatial.Rotate;
import org.augment4j.transform.spatial.ShiftScaleRotate;
import org.augment4j.transform.spatial.Transpose;
import org.augment4j.transform.spatial.VerticalFlip;
import org.augment4j.transform.warp.D4;
import org.augment4j.transform.warp.Flip;
import org.augment4j.transform.warp.Morphological;
import org.augment4j.transform.warp.Perspective;
import org.augment4j.transform.warp.RandomGridShuffle;
import org.augment4j.transform.warp.SafeRotate;
import org.augment4j.transform.warp.SquareSymmetry;
import org.augment4j.transform.weather.RandomFog;
import org.augment4j.transform.weather.RandomGravel;
import org.augment4j.transform.weather.RandomRain;
import org.augment4j.transform.weather.RandomShadow;
import org.augment4j.transform.weather.RandomSnow;
import org.augment4j.transform.weather.RandomSunFlare;
import org.augment4j.transform.weather.Spatter;
import org.augment4j.transform.weather.TextImage;

/**
 * Every transform by its Albumentations name, the way Python's {@code import albumentations as A} reads:
 * {@code A.Blur()} is {@code A.Blur()}, and named changes go through {@link Transform#with} and
 * {@link Transform#withP}:
 *
 * <pre>{@code
 * Compose pipeline = A.Compose(
 *         A.RandomSizedCrop(Range.of(412, 612), 512, 512), A.ShiftScaleRotate(), A.RGBShift(), A.Blur(),
 *         A.GaussNoise(), A.ElasticTransform(), A.MaskDropout().with("max_objects", Range.of(10, 15)).withP(1),
 *         A.Cutout().withP(1));
 * }</pre>
 *
 * <p>A method without arguments gives the transform with Albumentations 2.x's defaults, exactly as a pipeline file
 * that names it without parameters (the same parameter reader builds it). Transforms whose Python constructor has
 * required arguments ({@code Resize(height, width)}, {@code RandomSizedCrop(min_max_height, height, width)}, …) take
 * them here, in Python's order; a few common positional forms ({@code LongestMaxSize(max_size)},
 * {@code PadIfNeeded(min_height, min_width)}, {@code Crop(x_min, y_min, x_max, y_max)}) are given too. The method names
 * are Albumentations' class names on purpose, so that a Python pipeline translates word for word; each returns the
 * transform's own class, which documents every parameter.
 */
@SuppressWarnings({"MethodName", "unchecked"})
public final class A {
    private A() {}

    /** A {@link Compose} of {@code transforms}, applied in order with p = 1 (no labels declared; see {@link Compose}). */
    public static Compose Compose(Transform... transforms) {
        return new Compose(Arrays.asList(transforms));
    }

    /** Albumentations' {@code OneOf}: one of {@code transforms}, chosen by their p, with p = 0.5. */
    public static OneOf OneOf(Transform... transforms) {
        return new OneOf(Arrays.asList(transforms));
    }

    /** Albumentations' {@code SomeOf}: {@code n} of {@code transforms} without replacement, with p = 1. */
    public static SomeOf SomeOf(int n, Transform... transforms) {
        return new SomeOf(Arrays.asList(transforms), n);
    }

    /** Albumentations' {@code Sequential}: all of {@code transforms} in order, with p = 0.5 (Python's default). */
    public static Sequential Sequential(Transform... transforms) {
        return new Sequential(Arrays.asList(transforms), 0.5);
    }

    /** Albumentations' {@code AdditiveNoise} with its defaults: {@link AdditiveNoise}. */
    public static AdditiveNoise AdditiveNoise() {
        return make("AdditiveNoise");
    }

    /** Albumentations' {@code AdvancedBlur} with its defaults: {@link AdvancedBlur}. */
    public static AdvancedBlur AdvancedBlur() {
        return make("AdvancedBlur");
    }

    /** Albumentations' {@code Affine} with its defaults: {@link Affine}. */
    public static Affine Affine() {
        return make("Affine");
    }

    /** Albumentations' {@code AtLeastOneBBoxRandomCrop}: a crop of {@code height} x {@code width} that keeps at least one box ({@link AtLeastOneBBoxRandomCrop}). */
    public static AtLeastOneBBoxRandomCrop AtLeastOneBBoxRandomCrop(int height, int width) {
        return new AtLeastOneBBoxRandomCrop(height, width);
    }

    /** Albumentations' {@code AugMix} with its defaults: {@link AugMix}. */
    public static AugMix AugMix() {
        return make("AugMix");
    }

    /** Albumentations' {@code AutoAugment} with its defaults: {@link AutoAugment}. */
    public static AutoAugment AutoAugment() {
        return make("AutoAugment");
    }

    /** Albumentations' {@code AutoContrast} with its defaults: {@link AutoContrast}. */
    public static AutoContrast AutoContrast() {
        return make("AutoContrast");
    }

    /** Albumentations' {@code BBoxSafeRandomCrop} with its defaults: {@link BBoxSafeRandomCrop}. */
    public static BBoxSafeRandomCrop BBoxSafeRandomCrop() {
        return make("BBoxSafeRandomCrop");
    }

    /** Albumentations' {@code Blur} with its defaults: {@link Blur}. */
    public static Blur Blur() {
        return make("Blur");
    }

    /** Albumentations' {@code CenterCrop}: the central {@code height} x {@code width} crop ({@link CenterCrop}). */
    public static CenterCrop CenterCrop(int height, int width) {
        return new CenterCrop(height, width);
    }

    /** Albumentations' {@code ChannelDropout} with its defaults: {@link ChannelDropout}. */
    public static ChannelDropout ChannelDropout() {
        return make("ChannelDropout");
    }

    /** Albumentations' {@code ChannelShuffle} with its defaults: {@link ChannelShuffle}. */
    public static ChannelShuffle ChannelShuffle() {
        return make("ChannelShuffle");
    }

    /** Albumentations' {@code ChromaticAberration} with its defaults: {@link ChromaticAberration}. */
    public static ChromaticAberration ChromaticAberration() {
        return make("ChromaticAberration");
    }

    /** Albumentations' {@code CLAHE} with its defaults: {@link CLAHE}. */
    public static CLAHE CLAHE() {
        return make("CLAHE");
    }

    /** Albumentations' {@code CoarseDropout} with its defaults: {@link CoarseDropout}. */
    public static CoarseDropout CoarseDropout() {
        return make("CoarseDropout");
    }

    /** Albumentations' {@code ColorJitter} with its defaults: {@link ColorJitter}. */
    public static ColorJitter ColorJitter() {
        return make("ColorJitter");
    }

    /** Albumentations' {@code ConstrainedCoarseDropout} with its defaults: {@link ConstrainedCoarseDropout}. */
    public static ConstrainedCoarseDropout ConstrainedCoarseDropout() {
        return make("ConstrainedCoarseDropout");
    }

    /** Albumentations' {@code Crop} with its defaults: {@link Crop}. */
    public static Crop Crop() {
        return make("Crop");
    }

    /** Albumentations' {@code Crop}: the region {@code [xMin, xMax) x [yMin, yMax)} ({@link Crop}). */
    public static Crop Crop(int xMin, int yMin, int xMax, int yMax) {
        return make("Crop", Map.of("x_min", xMin, "y_min", yMin, "x_max", xMax, "y_max", yMax));
    }

    /** Albumentations' {@code CropAndPad}: crops (negative) or pads (positive) every side by {@code percent} of its length, keeping the size ({@link CropAndPad}). */
    public static CropAndPad CropAndPad(double percent) {
        return make("CropAndPad", Map.of("percent", percent));
    }

    /** Albumentations' {@code CropAndPad}: crops (negative) or pads (positive) every side by {@code px} pixels, keeping the size ({@link CropAndPad}). */
    public static CropAndPad CropAndPad(int px) {
        return new CropAndPad(px, true);
    }

    /** Albumentations' {@code CropNonEmptyMaskIfExists}: a {@code height} x {@code width} crop around mask objects when there are any ({@link CropNonEmptyMaskIfExists}). */
    public static CropNonEmptyMaskIfExists CropNonEmptyMaskIfExists(int height, int width) {
        return new CropNonEmptyMaskIfExists(height, width);
    }

    /** Albumentations' {@code Cutout} with its defaults: {@link Cutout}. */
    public static Cutout Cutout() {
        return make("Cutout");
    }

    /** Albumentations' {@code D4} with its defaults: {@link D4}. */
    public static D4 D4() {
        return make("D4");
    }

    /** Albumentations' {@code Defocus} with its defaults: {@link Defocus}. */
    public static Defocus Defocus() {
        return make("Defocus");
    }

    /** Albumentations' {@code Downscale} with its defaults: {@link Downscale}. */
    public static Downscale Downscale() {
        return make("Downscale");
    }

    /** Albumentations' {@code ElasticTransform} with its defaults: {@link ElasticTransform}. */
    public static ElasticTransform ElasticTransform() {
        return make("ElasticTransform");
    }

    /** Albumentations' {@code Emboss} with its defaults: {@link Emboss}. */
    public static Emboss Emboss() {
        return make("Emboss");
    }

    /** Albumentations' {@code Enhance} with its defaults: {@link Enhance}. */
    public static Enhance Enhance() {
        return make("Enhance");
    }

    /** Albumentations' {@code Equalize} with its defaults: {@link Equalize}. */
    public static Equalize Equalize() {
        return make("Equalize");
    }

    /** Albumentations' {@code Erasing} with its defaults: {@link Erasing}. */
    public static Erasing Erasing() {
        return make("Erasing");
    }

    /** Albumentations' {@code FancyPCA} with its defaults: {@link FancyPCA}. */
    public static FancyPCA FancyPCA() {
        return make("FancyPCA");
    }

    /** Albumentations' {@code FDA} with its defaults: {@link FDA}. */
    public static FDA FDA() {
        return make("FDA");
    }

    /** Albumentations' {@code Flip} with its defaults: {@link Flip}. */
    public static Flip Flip() {
        return make("Flip");
    }

    /** Albumentations' {@code FromFloat} with its defaults: {@link FromFloat}. */
    public static FromFloat FromFloat() {
        return make("FromFloat");
    }

    /** Albumentations' {@code GaussianBlur} with its defaults: {@link GaussianBlur}. */
    public static GaussianBlur GaussianBlur() {
        return make("GaussianBlur");
    }

    /** Albumentations' {@code GaussNoise} with its defaults: {@link GaussNoise}. */
    public static GaussNoise GaussNoise() {
        return make("GaussNoise");
    }

    /** Albumentations' {@code GlassBlur} with its defaults: {@link GlassBlur}. */
    public static GlassBlur GlassBlur() {
        return make("GlassBlur");
    }

    /** Albumentations' {@code GridDistortion} with its defaults: {@link GridDistortion}. */
    public static GridDistortion GridDistortion() {
        return make("GridDistortion");
    }

    /** Albumentations' {@code GridDropout} with its defaults: {@link GridDropout}. */
    public static GridDropout GridDropout() {
        return make("GridDropout");
    }

    /** Albumentations' {@code GridElasticDeform} with its defaults: {@link GridElasticDeform}. */
    public static GridElasticDeform GridElasticDeform() {
        return make("GridElasticDeform");
    }

    /** Albumentations' {@code HEStain} with its defaults: {@link HEStain}. */
    public static HEStain HEStain() {
        return make("HEStain");
    }

    /** Albumentations' {@code HistogramMatching} with its defaults: {@link HistogramMatching}. */
    public static HistogramMatching HistogramMatching() {
        return make("HistogramMatching");
    }

    /** Albumentations' {@code HorizontalFlip} with its defaults: {@link HorizontalFlip}. */
    public static HorizontalFlip HorizontalFlip() {
        return make("HorizontalFlip");
    }

    /** Albumentations' {@code HueSaturationValue} with its defaults: {@link HueSaturationValue}. */
    public static HueSaturationValue HueSaturationValue() {
        return make("HueSaturationValue");
    }

    /** Albumentations' {@code Illumination} with its defaults: {@link Illumination}. */
    public static Illumination Illumination() {
        return make("Illumination");
    }

    /** Albumentations' {@code ImageCompression} with its defaults: {@link ImageCompression}. */
    public static ImageCompression ImageCompression() {
        return make("ImageCompression");
    }

    /** Albumentations' {@code InvertImg} with its defaults: {@link InvertImg}. */
    public static InvertImg InvertImg() {
        return make("InvertImg");
    }

    /** Albumentations' {@code ISONoise} with its defaults: {@link ISONoise}. */
    public static ISONoise ISONoise() {
        return make("ISONoise");
    }

    /** Albumentations' {@code JpegCompression} with its defaults: {@link JpegCompression}. */
    public static JpegCompression JpegCompression() {
        return make("JpegCompression");
    }

    /** Albumentations' {@code LongestMaxSize} with its defaults: {@link LongestMaxSize}. */
    public static LongestMaxSize LongestMaxSize() {
        return make("LongestMaxSize");
    }

    /** Albumentations' {@code LongestMaxSize}: rescaled so that its longest side is {@code maxSize} ({@link LongestMaxSize}). */
    public static LongestMaxSize LongestMaxSize(int maxSize) {
        return make("LongestMaxSize", Map.of("max_size", maxSize));
    }

    /** Albumentations' {@code MaskDropout} with its defaults: {@link MaskDropout}. */
    public static MaskDropout MaskDropout() {
        return make("MaskDropout");
    }

    /** Albumentations' {@code MedianBlur} with its defaults: {@link MedianBlur}. */
    public static MedianBlur MedianBlur() {
        return make("MedianBlur");
    }

    /** Albumentations' {@code Morphological} with its defaults: {@link Morphological}. */
    public static Morphological Morphological() {
        return make("Morphological");
    }

    /** Albumentations' {@code Mosaic} with its defaults: {@link Mosaic}. */
    public static Mosaic Mosaic() {
        return make("Mosaic");
    }

    /** Albumentations' {@code MotionBlur} with its defaults: {@link MotionBlur}. */
    public static MotionBlur MotionBlur() {
        return make("MotionBlur");
    }

    /** Albumentations' {@code MultiplicativeNoise} with its defaults: {@link MultiplicativeNoise}. */
    public static MultiplicativeNoise MultiplicativeNoise() {
        return make("MultiplicativeNoise");
    }

    /** Albumentations' {@code NoOp} with its defaults: {@link NoOp}. */
    public static NoOp NoOp() {
        return make("NoOp");
    }

    /** Albumentations' {@code Normalize} with its defaults: {@link Normalize}. */
    public static Normalize Normalize() {
        return make("Normalize");
    }

    /** Albumentations' {@code OpticalDistortion} with its defaults: {@link OpticalDistortion}. */
    public static OpticalDistortion OpticalDistortion() {
        return make("OpticalDistortion");
    }

    /** Albumentations' {@code OverlayElements} with its defaults: {@link OverlayElements}. */
    public static OverlayElements OverlayElements() {
        return make("OverlayElements");
    }

    /** Albumentations' {@code Pad} with its defaults: {@link Pad}. */
    public static Pad Pad() {
        return make("Pad");
    }

    /** Albumentations' {@code PadIfNeeded} with its defaults: {@link PadIfNeeded}. */
    public static PadIfNeeded PadIfNeeded() {
        return make("PadIfNeeded");
    }

    /** Albumentations' {@code PadIfNeeded}: padded to at least {@code minHeight} x {@code minWidth} ({@link PadIfNeeded}). */
    public static PadIfNeeded PadIfNeeded(int minHeight, int minWidth) {
        return new PadIfNeeded(minHeight, minWidth);
    }

    /** Albumentations' {@code Perspective} with its defaults: {@link Perspective}. */
    public static Perspective Perspective() {
        return make("Perspective");
    }

    /** Albumentations' {@code PiecewiseAffine} with its defaults: {@link PiecewiseAffine}. */
    public static PiecewiseAffine PiecewiseAffine() {
        return make("PiecewiseAffine");
    }

    /** Albumentations' {@code PilAutoContrast} with its defaults: {@link PilAutoContrast}. */
    public static PilAutoContrast PilAutoContrast() {
        return make("PilAutoContrast");
    }

    /** Albumentations' {@code PixelDistributionAdaptation} with its defaults: {@link PixelDistributionAdaptation}. */
    public static PixelDistributionAdaptation PixelDistributionAdaptation() {
        return make("PixelDistributionAdaptation");
    }

    /** Albumentations' {@code PixelDropout} with its defaults: {@link PixelDropout}. */
    public static PixelDropout PixelDropout() {
        return make("PixelDropout");
    }

    /** Albumentations' {@code PlanckianJitter} with its defaults: {@link PlanckianJitter}. */
    public static PlanckianJitter PlanckianJitter() {
        return make("PlanckianJitter");
    }

    /** Albumentations' {@code PlasmaBrightnessContrast} with its defaults: {@link PlasmaBrightnessContrast}. */
    public static PlasmaBrightnessContrast PlasmaBrightnessContrast() {
        return make("PlasmaBrightnessContrast");
    }

    /** Albumentations' {@code PlasmaShadow} with its defaults: {@link PlasmaShadow}. */
    public static PlasmaShadow PlasmaShadow() {
        return make("PlasmaShadow");
    }

    /** Albumentations' {@code Posterize} with its defaults: {@link Posterize}. */
    public static Posterize Posterize() {
        return make("Posterize");
    }

    /** Albumentations' {@code RandAugment} with its defaults: {@link RandAugment}. */
    public static RandAugment RandAugment() {
        return make("RandAugment");
    }

    /** Albumentations' {@code RandomBrightness} with its defaults: {@link RandomBrightness}. */
    public static RandomBrightness RandomBrightness() {
        return make("RandomBrightness");
    }

    /** Albumentations' {@code RandomBrightnessContrast} with its defaults: {@link RandomBrightnessContrast}. */
    public static RandomBrightnessContrast RandomBrightnessContrast() {
        return make("RandomBrightnessContrast");
    }

    /** Albumentations' {@code RandomContrast} with its defaults: {@link RandomContrast}. */
    public static RandomContrast RandomContrast() {
        return make("RandomContrast");
    }

    /** Albumentations' {@code RandomCrop}: a random {@code height} x {@code width} crop ({@link RandomCrop}). */
    public static RandomCrop RandomCrop(int height, int width) {
        return new RandomCrop(height, width);
    }

    /** Albumentations' {@code RandomCropFromBorders} with its defaults: {@link RandomCropFromBorders}. */
    public static RandomCropFromBorders RandomCropFromBorders() {
        return make("RandomCropFromBorders");
    }

    /** Albumentations' {@code RandomCropNearBBox} with its defaults: {@link RandomCropNearBBox}. */
    public static RandomCropNearBBox RandomCropNearBBox() {
        return make("RandomCropNearBBox");
    }

    /** Albumentations' {@code RandomFog} with its defaults: {@link RandomFog}. */
    public static RandomFog RandomFog() {
        return make("RandomFog");
    }

    /** Albumentations' {@code RandomGamma} with its defaults: {@link RandomGamma}. */
    public static RandomGamma RandomGamma() {
        return make("RandomGamma");
    }

    /** Albumentations' {@code RandomGravel} with its defaults: {@link RandomGravel}. */
    public static RandomGravel RandomGravel() {
        return make("RandomGravel");
    }

    /** Albumentations' {@code RandomGridShuffle} with its defaults: {@link RandomGridShuffle}. */
    public static RandomGridShuffle RandomGridShuffle() {
        return make("RandomGridShuffle");
    }

    /** Albumentations' {@code RandomRain} with its defaults: {@link RandomRain}. */
    public static RandomRain RandomRain() {
        return make("RandomRain");
    }

    /** Albumentations' {@code RandomResizedCrop}: a random crop (scale 0.08-1, ratio 3/4-4/3) resized to {@code height} x {@code width} ({@link RandomResizedCrop}). */
    public static RandomResizedCrop RandomResizedCrop(int height, int width) {
        return new RandomResizedCrop(height, width);
    }

    /** Albumentations' {@code RandomRotate90} with its defaults: {@link RandomRotate90}. */
    public static RandomRotate90 RandomRotate90() {
        return make("RandomRotate90");
    }

    /** Albumentations' {@code RandomScale} with its defaults: {@link RandomScale}. */
    public static RandomScale RandomScale() {
        return make("RandomScale");
    }

    /** Albumentations' {@code RandomShadow} with its defaults: {@link RandomShadow}. */
    public static RandomShadow RandomShadow() {
        return make("RandomShadow");
    }

    /** Albumentations' {@code RandomSizedBBoxSafeCrop}: a random crop keeping every box, resized to {@code height} x {@code width} ({@link RandomSizedBBoxSafeCrop}). */
    public static RandomSizedBBoxSafeCrop RandomSizedBBoxSafeCrop(int height, int width) {
        return new RandomSizedBBoxSafeCrop(height, width);
    }

    /** Albumentations' {@code RandomSizedCrop}: a random crop of height in {@code minMaxHeight} resized to {@code height} x {@code width} ({@link RandomSizedCrop}). */
    public static RandomSizedCrop RandomSizedCrop(Range minMaxHeight, int height, int width) {
        return new RandomSizedCrop(minMaxHeight, height, width);
    }

    /** Albumentations' {@code RandomSnow} with its defaults: {@link RandomSnow}. */
    public static RandomSnow RandomSnow() {
        return make("RandomSnow");
    }

    /** Albumentations' {@code RandomSunFlare} with its defaults: {@link RandomSunFlare}. */
    public static RandomSunFlare RandomSunFlare() {
        return make("RandomSunFlare");
    }

    /** Albumentations' {@code RandomToneCurve} with its defaults: {@link RandomToneCurve}. */
    public static RandomToneCurve RandomToneCurve() {
        return make("RandomToneCurve");
    }

    /** Albumentations' {@code Resize}: resized to {@code height} x {@code width} ({@link Resize}). */
    public static Resize Resize(int height, int width) {
        return new Resize(height, width);
    }

    /** Albumentations' {@code RGBShift} with its defaults: {@link RGBShift}. */
    public static RGBShift RGBShift() {
        return make("RGBShift");
    }

    /** Albumentations' {@code RingingOvershoot} with its defaults: {@link RingingOvershoot}. */
    public static RingingOvershoot RingingOvershoot() {
        return make("RingingOvershoot");
    }

    /** Albumentations' {@code Rotate} with its defaults: {@link Rotate}. */
    public static Rotate Rotate() {
        return make("Rotate");
    }

    /** Albumentations' {@code SafeRotate} with its defaults: {@link SafeRotate}. */
    public static SafeRotate SafeRotate() {
        return make("SafeRotate");
    }

    /** Albumentations' {@code SaltAndPepper} with its defaults: {@link SaltAndPepper}. */
    public static SaltAndPepper SaltAndPepper() {
        return make("SaltAndPepper");
    }

    /** Albumentations' {@code Sharpen} with its defaults: {@link Sharpen}. */
    public static Sharpen Sharpen() {
        return make("Sharpen");
    }

    /** Albumentations' {@code ShiftScaleRotate} with its defaults: {@link ShiftScaleRotate}. */
    public static ShiftScaleRotate ShiftScaleRotate() {
        return make("ShiftScaleRotate");
    }

    /** Albumentations' {@code ShotNoise} with its defaults: {@link ShotNoise}. */
    public static ShotNoise ShotNoise() {
        return make("ShotNoise");
    }

    /** Albumentations' {@code SmallestMaxSize} with its defaults: {@link SmallestMaxSize}. */
    public static SmallestMaxSize SmallestMaxSize() {
        return make("SmallestMaxSize");
    }

    /** Albumentations' {@code SmallestMaxSize}: rescaled so that its shortest side is {@code maxSize} ({@link SmallestMaxSize}). */
    public static SmallestMaxSize SmallestMaxSize(int maxSize) {
        return make("SmallestMaxSize", Map.of("max_size", maxSize));
    }

    /** Albumentations' {@code Solarize} with its defaults: {@link Solarize}. */
    public static Solarize Solarize() {
        return make("Solarize");
    }

    /** Albumentations' {@code Spatter} with its defaults: {@link Spatter}. */
    public static Spatter Spatter() {
        return make("Spatter");
    }

    /** Albumentations' {@code SquareSymmetry} with its defaults: {@link SquareSymmetry}. */
    public static SquareSymmetry SquareSymmetry() {
        return make("SquareSymmetry");
    }

    /** Albumentations' {@code Superpixels} with its defaults: {@link Superpixels}. */
    public static Superpixels Superpixels() {
        return make("Superpixels");
    }

    /** Albumentations' {@code TextImage} with its defaults: {@link TextImage}. */
    public static TextImage TextImage() {
        return make("TextImage");
    }

    /** Albumentations' {@code ThinPlateSpline} with its defaults: {@link ThinPlateSpline}. */
    public static ThinPlateSpline ThinPlateSpline() {
        return make("ThinPlateSpline");
    }

    /** Albumentations' {@code ToFloat} with its defaults: {@link ToFloat}. */
    public static ToFloat ToFloat() {
        return make("ToFloat");
    }

    /** Albumentations' {@code ToGray} with its defaults: {@link ToGray}. */
    public static ToGray ToGray() {
        return make("ToGray");
    }

    /** Albumentations' {@code ToRGB} with its defaults: {@link ToRGB}. */
    public static ToRGB ToRGB() {
        return make("ToRGB");
    }

    /** Albumentations' {@code ToSepia} with its defaults: {@link ToSepia}. */
    public static ToSepia ToSepia() {
        return make("ToSepia");
    }

    /** Albumentations' {@code ToTensor} with its defaults: {@link ToTensor}. */
    public static ToTensor ToTensor() {
        return make("ToTensor");
    }

    /** Albumentations' {@code ToTensorV2} with its defaults: {@link ToTensorV2}. */
    public static ToTensorV2 ToTensorV2() {
        return make("ToTensorV2");
    }

    /** Albumentations' {@code Transpose} with its defaults: {@link Transpose}. */
    public static Transpose Transpose() {
        return make("Transpose");
    }

    /** Albumentations' {@code TrivialAugmentWide} with its defaults: {@link TrivialAugmentWide}. */
    public static TrivialAugmentWide TrivialAugmentWide() {
        return make("TrivialAugmentWide");
    }

    /** Albumentations' {@code UnsharpMask} with its defaults: {@link UnsharpMask}. */
    public static UnsharpMask UnsharpMask() {
        return make("UnsharpMask");
    }

    /** Albumentations' {@code VerticalFlip} with its defaults: {@link VerticalFlip}. */
    public static VerticalFlip VerticalFlip() {
        return make("VerticalFlip");
    }

    /** Albumentations' {@code XYMasking} with its defaults: {@link XYMasking}. */
    public static XYMasking XYMasking() {
        return make("XYMasking");
    }

    /** Albumentations' {@code ZoomBlur} with its defaults: {@link ZoomBlur}. */
    public static ZoomBlur ZoomBlur() {
        return make("ZoomBlur");
    }

    private static <T extends Transform> T make(String name) {
        return make(name, Map.of());
    }

    private static <T extends Transform> T make(String name, Map<String, ?> params) {
        return (T) TransformRegistry.create(name, params);
    }
}
