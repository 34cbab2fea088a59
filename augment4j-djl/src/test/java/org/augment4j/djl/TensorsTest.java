package org.augment4j.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.augment4j.TestData;
import org.augment4j.loader.Normalization;
import org.augment4j.opencv.ImageIO;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** Mat ↔ NDArray on DJL's PyTorch engine, started offline from the jar on the classpath. */
class TensorsTest {

    @Test
    void pytorchStartsOfflineFromTheClasspath() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(Engine.getInstance().getEngineName()).isEqualTo("PyTorch");
        assertThat(Engine.getInstance().getVersion()).isEqualTo("2.7.1");
        assertThat(Path.of(System.getProperty("DJL_CACHE_DIR"))).isDirectory();
    }

    @Test
    void chwMatchesCoresLayoutExactlyAndNormalisesAsNormalize() {
        try (NDManager m = NDManager.newBaseManager(); Mat photo = ImageIO.readRgb(TestData.data("photos/chelsea.png"))) {
            NDArray plain = m.create(0f);
            plain = Tensors.chw(m, photo);
            assertThat(plain.getShape()).isEqualTo(new Shape(3, photo.rows(), photo.cols()));
            assertThat(plain.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(plain.toFloatArray()).isEqualTo(org.augment4j.loader.Tensors.chw(photo));
            float[] got = Tensors.chw(m, photo, Normalization.IMAGENET).toFloatArray();
            float[] want = org.augment4j.loader.Tensors.chw(photo, Normalization.IMAGENET);
            for (int i = 0; i < want.length; i++) assertThat((double) got[i]).isCloseTo(want[i], org.assertj.core.api.Assertions.within(2e-6));
        }
    }

    @Test
    void theNdArrayOwnsACopy() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int side : new int[] {4, 300}) {
                NDArray a, f;
                try (Mat image = new Mat(side, side, CV_8UC1, new Scalar(7.0)); Mat color = new Mat(side, side, CV_32FC3, new Scalar(0.5, 0.5, 0.5, 0))) {
                    a = Tensors.hwc(m, image);
                    f = Tensors.chw(m, color);
                    image.put(new Scalar(99.0));
                    color.put(new Scalar(9, 9, 9, 0));
                }
                try (Mat reuse = new Mat(side, side, CV_8UC1, new Scalar(55.0)); Mat reuse2 = new Mat(side, side, CV_32FC3, new Scalar(3, 3, 3, 0))) {
                    assertThat(a.toUint8Array()).as("side %d", side).containsOnly(7);
                    assertThat(f.toFloatArray()).as("side %d", side).containsOnly(0.5f);
                }
            }
        }
    }

    @Test
    void hwcRoundTripsExactly() {
        SplittableRandom rng = new SplittableRandom(3);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int channels = 1; channels <= 4; channels++) {
                byte[] pixels = new byte[6 * 5 * channels];
                for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) rng.nextInt(256);
                try (Mat image = Mats.fromBytes(pixels, 6, 5, channels); Mat back = Tensors.toMat(Tensors.hwc(m, image))) {
                    assertThat(Mats.toBytes(back)).isEqualTo(pixels);
                    assertThat(back.channels()).isEqualTo(channels);
                }
            }
            try (Mat f = new Mat(3, 2, CV_32FC3, new Scalar(0.25, 0.5, 0.75, 0)); Mat back = Tensors.toMat(Tensors.hwc(m, f))) {
                assertThat(back.type()).isEqualTo(CV_32FC3);
                assertThat(Tensors.hwc(m, back).toFloatArray()).isEqualTo(Tensors.hwc(m, f).toFloatArray()).containsOnly(0.25f, 0.5f, 0.75f);
            }
        }
    }

    @Test
    void masksStackAndErrors() {
        try (NDManager m = NDManager.newBaseManager(); Mat mask = new Mat(3, 4, CV_8UC1, new Scalar(2.0));
             Mat a = ImageIO.readRgb(TestData.data("photos/chelsea.png")); Mat b = ImageIO.readRgb(TestData.data("photos/chelsea.png"));
             Mat other = ImageIO.readRgb(TestData.data("photos/coffee.png"))) {
            NDArray ints = Tensors.mask(m, mask);
            assertThat(ints.getDataType()).isEqualTo(DataType.INT32);
            assertThat(ints.toIntArray()).hasSize(12).containsOnly(2);
            NDArray batch = Tensors.stack(m, List.of(a, b), Normalization.IMAGENET);
            assertThat(batch.getShape()).isEqualTo(new Shape(2, 3, a.rows(), a.cols()));
            assertThat(batch.get(1).toFloatArray()).isEqualTo(Tensors.chw(m, a, Normalization.IMAGENET).toFloatArray());
            assertThatThrownBy(() -> Tensors.stack(m, List.of(a, other), null)).hasMessageContaining("stack: image 1 is 3x");
            assertThatThrownBy(() -> Tensors.chw(m, a, Normalization.of(new double[] {0.5, 0.5}, new double[] {1, 1})))
                    .hasMessageContaining("mean holds 2 values [0.5, 0.5] for an image of 3 channels");
        }
    }
}
