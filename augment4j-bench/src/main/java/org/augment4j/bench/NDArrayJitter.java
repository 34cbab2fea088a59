package org.augment4j.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.Transform;
import ai.djl.util.RandomUtils;

/**
 * What a DJL user on the PyTorch engine has to write for the colour jitter, because DJL's own
 * {@code RandomColorJitter} throws {@code UnsupportedOperationException("Not implemented")} there (it calls
 * {@code NDArrayEx.randomColorJitter}, which only the retired MXNet engine implemented): torchvision's colour jitter as
 * plain NDArray operations, drawing from DJL's {@link RandomUtils} as DJL's own random transforms do. Written the way
 * torchvision's tensor implementation ({@code torchvision.transforms._functional_tensor}) computes it, nothing slowed
 * down on purpose (one step is faster than torchvision's, see {@code rgbToHsv}); not a part of DJL.
 */
final class NDArrayJitter {
    private NDArrayJitter() {}

    /**
     * torchvision's {@code ColorJitter(brightness, contrast, saturation, hue)} on a CHW float32 RGB image in [0, 1]
     * (so after DJL's {@code ToTensor}): factors drawn uniformly from {@code [max(0, 1 − x), 1 + x]} (hue from
     * {@code [−hue, hue]}, in turns), the four adjustments in a random order, each clamped to [0, 1] as torchvision does.
     *
     * @param brightness {@code >= 0}
     * @param contrast   {@code >= 0}
     * @param saturation {@code >= 0}
     * @param hue        within [0, 0.5]
     */
    static Transform colorJitter(float brightness, float contrast, float saturation, float hue) {
        return image -> {
            float b = factor(brightness), c = factor(contrast), s = factor(saturation);
            float h = RandomUtils.nextFloat(-hue, hue);
            int[] order = {0, 1, 2, 3};
            for (int i = order.length - 1; i > 0; i--) {
                int j = RandomUtils.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            NDArray cur = image;
            for (int step : order) {
                if (step == 3 && hue == 0) continue;   // torchvision skips an adjustment whose range is 0 (None)
                cur = switch (step) {
                    case 0 -> cur.mul(b).clip(0f, 1f);
                    case 1 -> blend(cur, gray(cur).mean(), c);
                    case 2 -> blend(cur, gray(cur).expandDims(0), s);
                    default -> adjustHue(cur, h);
                };
            }
            return cur;
        };
    }

    private static float factor(float x) {
        return RandomUtils.nextFloat(Math.max(0f, 1f - x), 1f + x);
    }

    /** torchvision's {@code _blend}: {@code clamp(ratio·img + (1 − ratio)·other, 0, 1)}. */
    private static NDArray blend(NDArray img, NDArray other, float ratio) {
        return img.mul(ratio).add(other.mul(1f - ratio)).clip(0f, 1f);
    }

    /** torchvision's {@code rgb_to_grayscale}: {@code 0.2989 r + 0.587 g + 0.114 b}, HW. */
    private static NDArray gray(NDArray chw) {
        return chw.get(0).mul(0.2989f).add(chw.get(1).mul(0.587f)).add(chw.get(2).mul(0.114f));
    }

    /** torchvision's {@code adjust_hue} on float: RGB to HSV, hue shifted by {@code shift} turns modulo 1, back to RGB. */
    private static NDArray adjustHue(NDArray rgb, float shift) {
        NDArray hsv = rgbToHsv(rgb);
        NDArray h = hsv.get(0).add(shift).mod(1f);
        return hsvToRgb(h, hsv.get(1), hsv.get(2));
    }

    /** torchvision's {@code _rgb2hsv}, CHW. */
    private static NDArray rgbToHsv(NDArray img) {
        NDArray r = img.get(0), g = img.get(1), b = img.get(2);
        // torchvision reduces over the channel axis (torch.max(dim=-3)); two element-wise maxima give the same planes
        // about six times faster on PyTorch's CPU kernels (a strided reduction over 3 values per pixel), so use them.
        NDArray maxc = r.maximum(g).maximum(b), minc = r.minimum(g).minimum(b);
        NDArray eqc = maxc.eq(minc);
        NDArray cr = maxc.sub(minc);
        NDArray ones = maxc.onesLike();
        NDArray s = cr.div(NDArrays.where(eqc, ones, maxc));
        NDArray crDivisor = NDArrays.where(eqc, ones, cr);
        NDArray rc = maxc.sub(r).div(crDivisor), gc = maxc.sub(g).div(crDivisor), bc = maxc.sub(b).div(crDivisor);
        NDArray isR = maxc.eq(r), isG = maxc.eq(g);
        NDArray hr = asFloat(isR).mul(bc.sub(gc));
        NDArray hg = asFloat(isG.logicalAnd(isR.logicalNot())).mul(rc.sub(bc).add(2f));
        NDArray hb = asFloat(isG.logicalNot().logicalAnd(isR.logicalNot())).mul(gc.sub(rc).add(4f));
        NDArray h = hr.add(hg).add(hb).div(6f).add(1f).mod(1f);
        return NDArrays.stack(new NDList(h, s, maxc));
    }

    /** torchvision's {@code _hsv2rgb}: the six sector cases selected by a one-hot mask and summed, CHW. */
    private static NDArray hsvToRgb(NDArray h, NDArray s, NDArray v) {
        NDManager m = h.getManager();
        NDArray i = h.mul(6f).floor();
        NDArray f = h.mul(6f).sub(i);
        NDArray sector = i.toType(DataType.INT32, false).mod(6);
        NDArray p = v.mul(s.neg().add(1f)).clip(0f, 1f);
        NDArray q = v.mul(s.mul(f).neg().add(1f)).clip(0f, 1f);
        NDArray t = v.mul(s.mul(f.neg().add(1f)).neg().add(1f)).clip(0f, 1f);
        NDArray mask = asFloat(sector.expandDims(0).eq(m.arange(6).reshape(6, 1, 1)));
        NDArray a1 = NDArrays.stack(new NDList(v, q, p, p, t, v));
        NDArray a2 = NDArrays.stack(new NDList(t, v, v, q, p, p));
        NDArray a3 = NDArrays.stack(new NDList(p, p, t, v, v, q));
        NDArray a4 = NDArrays.stack(new NDList(a1, a2, a3));        // 3 x 6 x H x W
        return a4.mul(mask).sum(new int[] {1});                     // torchvision's einsum("ijk, xijk -> xjk")
    }

    private static NDArray asFloat(NDArray bool) {
        return bool.toType(DataType.FLOAT32, false);
    }
}
