package org.augment4j.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.augment4j.A;
import org.augment4j.Compose;
import org.augment4j.TestData;
import org.augment4j.opencv.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** An augment4j pipeline inside DJL's own Pipeline: layout kept, reproducible, thread-safe. */
class AugmentTransformTest {
    private static final Compose RECIPE = A.Compose(A.RandomResizedCrop(64, 64), A.HorizontalFlip(), A.ColorJitter().withP(0.8));

    @Test
    void runsInsideDjlsPipelineAndKeepsTheImageLayout() throws Exception {
        try (NDManager m = NDManager.newBaseManager(); Mat photo = ImageIO.readRgb(TestData.data("photos/chelsea.png"))) {
            NDArray image = Tensors.hwc(m, photo);
            AugmentTransform t = AugmentTransform.of(RECIPE, 42);
            Pipeline pipeline = new Pipeline().add(t).add(new ai.djl.modality.cv.transform.ToTensor());
            NDArray out = pipeline.transform(new NDList(image)).singletonOrThrow();
            assertThat(out.getShape().getShape()).containsExactly(3, 64, 64);   // DJL's ToTensor after ours: CHW float in [0, 1]
            assertThat(out.getDataType()).isEqualTo(DataType.FLOAT32);

            NDArray a = t.transform(image), b = t.transform(image);
            assertThat(a.getShape().getShape()).containsExactly(64, 64, 3);
            assertThat(a.getDataType()).isEqualTo(DataType.UINT8);
            assertThat(a.toByteBuffer().array()).isEqualTo(b.toByteBuffer().array());
            assertThat(t.forEpoch(1).transform(image).toByteBuffer().array()).isNotEqualTo(a.toByteBuffer().array());
            assertThat(t.transform(image, 7).toByteBuffer().array()).isEqualTo(t.transform(image, 7).toByteBuffer().array()).isNotEqualTo(t.transform(image, 8).toByteBuffer().array());
        }
    }

    @Test
    void manyThreadsGiveWhatOneThreadGives() throws Exception {
        try (NDManager m = NDManager.newBaseManager(); Mat photo = ImageIO.readRgb(TestData.data("photos/chelsea.png"))) {
            NDArray image = Tensors.hwc(m, photo);
            AugmentTransform t = AugmentTransform.of(RECIPE, 5);
            List<byte[]> sequential = new ArrayList<>();
            for (int i = 0; i < 16; i++) sequential.add(t.transform(image, i).toByteBuffer().array());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<byte[]>> parallel = new ArrayList<>();
                for (int i = 15; i >= 0; i--) {
                    long index = i;
                    parallel.add(pool.submit(() -> t.transform(image, index).toByteBuffer().array()));
                }
                for (int i = 0; i < 16; i++) assertThat(parallel.get(15 - i).get()).isEqualTo(sequential.get(i));
            } finally {
                pool.shutdown();
            }
        }
    }
}
