package org.augment4j.djl.example;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.augment4j.Sample;
import org.augment4j.TestData;
import org.augment4j.djl.AugmentedDataset;
import org.augment4j.loader.SampleSource;
import org.junit.jupiter.api.Test;

/**
 * The classification proof by training ({@link CocoCropClassification}), shortened: both runs learn and the augmented
 * one really trains on other images. Its epoch count is {@value #EPOCHS} unless {@code -Daugment4j.example.epochs=N}
 * asks for the full example (60 in the README), whose output this test prints.
 */
class CocoCropClassificationTest {
    static final int EPOCHS = 15;

    @Test
    void cropsAreLabelledSquaresOfTheFourMostCommonCategoriesSplitPerCategory() {
        try (CocoCrops crops = CocoCrops.build(TestData.data("coco"), 4, 64, 4)) {
            assertThat(crops.classes()).containsExactly("person", "chair", "book", "car");
            // non-crowd objects: person 52, chair 17, book 13, car 10; every 4th from the second is held out
            assertThat(crops.counts(crops.train())).containsExactly(39, 13, 10, 7);
            assertThat(crops.counts(crops.validation())).containsExactly(13, 4, 3, 3);
            assertThat(crops.majorityAccuracy(crops.validation())).isEqualTo(13.0 / 23);
            for (Sample s : crops.train()) {
                assertThat(s.width()).isEqualTo(64);
                assertThat(s.height()).isEqualTo(64);
                assertThat(s.image().channels()).isEqualTo(3);
            }
            assertThat(crops.validation().stream().map(s -> s.metadata().get(CocoCrops.IMAGE)).distinct().count())
                    .as("validation crops come from several images").isGreaterThan(3);
        }
    }

    @Test
    void theAugmentedRunTrainsOnOtherImagesThanThePlainRunAndOtherOnesEachEpoch() {
        CocoCropClassification.fixThreads();
        CocoCropClassification.Settings settings = CocoCropClassification.Settings.of(2);
        try (CocoCrops crops = CocoCrops.build(TestData.data("coco"), 4, 64, 4); NDManager manager = NDManager.newBaseManager()) {
            int size = settings.inputSize();
            AugmentedDataset plain0 = CocoCropClassification.trainingSet(crops, CocoCropClassification.plainRecipe(size), settings, 0);
            AugmentedDataset plain1 = CocoCropClassification.trainingSet(crops, CocoCropClassification.plainRecipe(size), settings, 1);
            AugmentedDataset aug0 = CocoCropClassification.trainingSet(crops, CocoCropClassification.augmentedRecipe(size), settings, 0);
            AugmentedDataset aug0again = CocoCropClassification.trainingSet(crops, CocoCropClassification.augmentedRecipe(size), settings, 0);
            AugmentedDataset aug1 = CocoCropClassification.trainingSet(crops, CocoCropClassification.augmentedRecipe(size), settings, 1);
            int differentFromPlain = 0, differentAcrossEpochs = 0;
            for (int i = 0; i < crops.train().size(); i++) {
                NDArray p0 = image(plain0, manager, i), a0 = image(aug0, manager, i);
                assertThat(p0.getShape().getShape()).containsExactly(3, size, size);
                assertThat(a0.getShape()).isEqualTo(p0.getShape());
                assertThat(image(plain1, manager, i).contentEquals(p0)).as("plain records do not change with the epoch").isTrue();
                assertThat(image(aug0again, manager, i).contentEquals(a0)).as("augmented record %d is reproducible", i).isTrue();
                if (!a0.contentEquals(p0)) differentFromPlain++;
                if (!image(aug1, manager, i).contentEquals(a0)) differentAcrossEpochs++;
                assertThat(label(aug0, manager, i)).isEqualTo(SampleSource.classIndex(crops.train().get(i)));
            }
            // RandomResizedCrop (p 1, scale 0.5-1) changes practically every crop
            assertThat(differentFromPlain).isEqualTo(crops.train().size());
            assertThat(differentAcrossEpochs).isEqualTo(crops.train().size());
        }
    }

    @Test
    void bothRunsLearnAndTheirValidationAccuracyIsReportedSideBySide() throws Exception {
        int epochs = Integer.getInteger("augment4j.example.epochs", EPOCHS);
        assertThat(epochs).as("-Daugment4j.example.epochs (the loss check compares the first and last three epochs)").isGreaterThanOrEqualTo(6);
        CocoCropClassification.Report report = CocoCropClassification.run(CocoCropClassification.Settings.of(epochs), System.out);
        for (CocoCropClassification.Run run : List.of(report.plain(), report.augmented())) {
            assertThat(run.trainLoss()).hasSize(epochs);
            assertThat(run.validationAccuracy()).hasSize(epochs).allSatisfy(a -> assertThat(a).isBetween(0.0, 1.0));
            // the loss falls: the last three epochs' mean well below the first three's
            assertThat(run.meanLossOfLast(3)).as("%s loss per epoch %s", run.name(), run.trainLoss()).isLessThan(0.8 * run.meanLossOfFirst(3));
        }
        // the plain run fits its fixed crops; the same weights, order and epochs fit the augmented crops less closely
        assertThat(report.augmented().meanLossOfLast(3)).isGreaterThan(report.plain().meanLossOfLast(3));
        // with 23 validation crops one crop is 4.3 points: only the best epoch of either run is required to beat always-"person"
        assertThat(Math.max(report.plain().bestAccuracy(), report.augmented().bestAccuracy())).isGreaterThan(report.majority());
    }

    private static NDArray image(AugmentedDataset data, NDManager manager, int index) {
        return data.get(manager, index).getData().singletonOrThrow();
    }

    private static int label(AugmentedDataset data, NDManager manager, int index) {
        return data.get(manager, index).getLabels().singletonOrThrow().getInt();
    }
}
