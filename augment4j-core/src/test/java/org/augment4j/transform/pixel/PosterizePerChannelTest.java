package org.augment4j.transform.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.Semantics;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.PipelineFile;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Posterize with {@code num_bits} per channel: reading, sampling, applying and writing back, under both releases. */
class PosterizePerChannelTest {

    static final String PAIRS = "[[2, 2], [4, 4], [7, 7]]";

    static Compose file(String version, String numBits) {
        return PipelineFile.fromJson("{\"__version__\": \"" + version + "\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1,"
                + " \"transforms\": [{\"__class_fullname__\": \"Posterize\", \"p\": 1, \"num_bits\": " + numBits + "}]}}");
    }

    /** {@code A.Posterize(num_bits=[[2, 2], [4, 4], [7, 7]])} of 1.3.1 on the 7 × 9 test image: the first pixels. */
    @ParameterizedTest(name = "written by {0}")
    @ValueSource(strings = {"1.3.1", "2.0.8"})
    void pairsPerChannelKeepThoseBits(String version) {
        try (Sample in = Sample.of(Images.small7x9()); Sample out = file(version, PAIRS).apply(in, 3L)) {
            int[] got = Images.u8(out.image());
            assertThat(java.util.Arrays.copyOf(got, 21)).containsExactly(0, 48, 106, 0, 80, 142, 64, 112, 180, 64, 160, 216, 128, 192, 254, 128, 224,
                    34, 192, 16, 72);
            int[] src = Images.u8(in.image());
            for (int i = 0; i < got.length; i++) assertThat(got[i]).isEqualTo(src[i] & new int[] {0xc0, 0xf0, 0xfe}[i % 3]);
            assertThat(out.applied().get(0).params()).containsEntry("num_bits", List.of(2, 4, 7));
        }
    }

    /** Saving writes the per-channel list back as it was read, and the saved file loads to the same transform. */
    @Test
    void savesInTheShapeItWasRead() {
        Compose c = file("1.3.1", PAIRS);
        assertThat(c.transforms().get(0).toDict()).containsEntry("num_bits", List.of(List.of(2L, 2L), List.of(4L, 4L), List.of(7L, 7L)));
        Compose again = PipelineFile.fromJson(PipelineFile.toJson(c));
        assertThat(again.transforms().get(0).toDict()).isEqualTo(c.transforms().get(0).toDict());
        Compose mixed = file("2.0.8", "[3, [1, 5], 2]");
        assertThat(mixed.transforms().get(0).toDict().get("num_bits")).isEqualTo(List.of(3, List.of(1L, 5L), 2));
        assertThat(PipelineFile.fromJson(PipelineFile.toJson(mixed)).transforms().get(0).toDict()).isEqualTo(mixed.transforms().get(0).toDict());
        assertThat(TransformRegistry.create("Posterize", Map.of("num_bits", 3)).toDict()).as("one value: as before").containsEntry("num_bits", List.of(3L, 3L));
    }

    /**
     * An int entry of a per-channel list is that many bits in 2.x, and 1.3.1's {@code to_tuple(b, 0)}, a range from 0,
     * in 1.x: {@code A.Posterize(num_bits=[2, 4, 7]).num_bits == [(0, 2), (0, 4), (0, 7)]}.
     */
    @Test
    void intEntriesMeanWhatTheirReleaseSays() {
        Posterize v2 = Posterize.perChannel(List.of(2, 4, 7), 1);
        Posterize v13 = v2.withSemantics(Semantics.ALBUMENTATIONS_1_3);
        assertThat(v2.withSemantics(Semantics.ALBUMENTATIONS_2)).isSameAs(v2);
        assertThat(v13.toDict()).isEqualTo(v2.toDict());
        SplittableRandom rng = new SplittableRandom(1);
        List<Set<Integer>> seen = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
        try (Sample s = Sample.of(Images.small7x9())) {
            for (int i = 0; i < 400; i++) {
                int[] b13 = (int[]) v13.sampleParams(s, rng).numBits();
                for (int c = 0; c < 3; c++) seen.get(c).add(b13[c]);
                assertThat((int[]) v2.sampleParams(s, rng).numBits()).containsExactly(2, 4, 7);
            }
        }
        assertThat(seen.get(0)).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(seen.get(1)).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(seen.get(2)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        try (Sample in = Sample.of(Images.small7x9()); Sample out = v13.apply(in, new Posterize.Bits(new int[] {0, 8, 1}))) {
            int[] src = Images.u8(in.image()), got = Images.u8(out.image());
            for (int i = 0; i < got.length; i++) assertThat(got[i]).isEqualTo(src[i] & new int[] {0, 0xff, 0x80}[i % 3]);
        }
    }

    @Test
    void badPerChannelValuesNameTheParameter() {
        assertThatThrownBy(() -> file("2.0.8", "[[2, 2], [4, 4], \"x\"]")).hasMessageContaining("Posterize.num_bits");
        assertThatThrownBy(() -> file("2.0.8", "[2, 4, 9]")).hasMessageContaining("num_bits[2]").hasMessageContaining("[0.0, 8.0]");
        assertThatThrownBy(() -> file("2.0.8", "[[2, 2], [-1, 3], 3]")).hasMessageContaining("num_bits[1]").hasMessageContaining("[0.0, 8.0]");
        assertThat(file("2.0.8", "[2, 0, 3]").transforms()).as("0 bits: a black channel").hasSize(1);
        assertThatThrownBy(() -> new Posterize(Range.of(0, 4), 1)).hasMessageContaining("num_bits");
        Posterize three = Posterize.perChannel(List.of(2, 4, 7), 1);
        try (Sample gray = Sample.of(Mats.zeros(4, 5, org.bytedeco.opencv.global.opencv_core.CV_8UC1))) {
            assertThatThrownBy(() -> three.apply(gray, new Posterize.Bits(new int[] {2, 4, 7}))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Posterize").hasMessageContaining("3 values").hasMessageContaining("1 channels");
        }
        assertThatThrownBy(() -> new Posterize.Bits(List.of("a"))).hasMessageContaining("num_bits");
    }

    /** A replay (Albumentations' recorded {@code num_bits}: a number or a per-channel list) pins the bits. */
    @Test
    void replayedBitsArePinned() {
        Compose c = file("1.3.1", PAIRS);
        try (Sample in = Sample.of(Images.small7x9()); Sample out = c.apply(in, 1L, Map.of(0, Map.of("num_bits", List.of(1, 1, 1))))) {
            int[] src = Images.u8(in.image()), got = Images.u8(out.image());
            for (int i = 0; i < got.length; i++) assertThat(got[i]).isEqualTo(src[i] & 0x80);
        }
        Compose one = file("2.0.8", "4");
        try (Sample in = Sample.of(Images.small7x9()); Sample out = one.apply(in, 1L, Map.of(0, Map.of("num_bits", 2)))) {
            assertThat(out.applied().get(0).params()).containsEntry("num_bits", 2);
        }
    }
}
