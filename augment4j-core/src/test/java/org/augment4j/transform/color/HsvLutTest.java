package org.augment4j.transform.color;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.augment4j.opencv.Mats;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SIMD hue rotation of {@link HsvKernels#lutUint8} gives exactly the bytes of Albumentations' tables (also hue alone, as ColorJitter shifts it). */
class HsvLutTest {

    @ParameterizedTest(name = "{0}x{1}, seed {2}")
    @CsvSource({"1, 1, 1", "4, 1, 2", "2, 3, 3", "33, 47, 4", "128, 96, 5"})
    void hueRotationAndSaturationValueShiftsMatchTheTables(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int trial = 0; trial < 60; trial++) {
            byte[] px = new byte[rows * cols * 3];
            for (int i = 0; i < px.length; i++) px[i] = (byte) (i % 3 == 0 ? rng.nextInt(180) : rng.nextInt(256));
            double hue = trial % 6 == 0 ? 0 : rng.nextDouble(-200, 200), sat = trial % 4 == 0 ? 0 : rng.nextDouble(-60, 60), val = trial % 8 == 0 ? 0 : rng.nextDouble(-60, 60);
            byte[] ht = HsvKernels.hueTable(hue), st = HsvKernels.clipTable(sat), vt = HsvKernels.clipTable(val);
            assertThat(HsvKernels.rotation(ht)).as("hue %s is a rotation", hue).isBetween(0, 179);
            byte[] want = new byte[px.length];
            for (int i = 0; i < px.length; i += 3) {
                want[i] = ht[px[i] & 0xFF];
                want[i + 1] = st[px[i + 1] & 0xFF];
                want[i + 2] = vt[px[i + 2] & 0xFF];
            }
            try (Mat hsv = Mats.fromBytes(px, rows, cols, 3); Mat out = HsvKernels.lutUint8(hsv, ht, st, vt)) {
                assertThat(Mats.toBytes(out)).as("hue %s sat %s val %s", hue, sat, val).isEqualTo(want);
            }
        }
    }
}
