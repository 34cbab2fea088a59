package org.augment4j.transform.dropout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.augment4j.Compose;
import org.augment4j.Sample;
import org.augment4j.SpatialContract;
import org.augment4j.Transform;
import org.augment4j.opencv.Mats;
import org.augment4j.serial.TransformRegistry;
import org.augment4j.transform.Fill;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** PixelDropout: the share of dropped pixels, the drop values, masks only with mask_drop_value, labels untouched. */
class PixelDropoutTest {

    private static Transform create(Map<String, Object> params) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("p", 1.0);
        return TransformRegistry.create("PixelDropout", p);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void dropsTheAskedShareOfPixelsAndKeepsEveryLabel(long seed) {
        Transform t = create(Map.of("dropout_prob", 0.2, "drop_value", 3, "mask_drop_value", 9));
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.check(t, seed, 0, 9)) {
            byte[] img = Mats.toBytes(out.image()), src = Mats.toBytes(in.image()), mask = Mats.toBytes(out.mask()), srcMask = Mats.toBytes(in.mask());
            int dropped = 0, n = out.width() * out.height();
            for (int i = 0; i < n; i++) {
                boolean d = (img[3 * i] & 0xff) == 3 && (img[3 * i + 1] & 0xff) == 3 && (img[3 * i + 2] & 0xff) == 3;
                boolean same = img[3 * i] == src[3 * i] && img[3 * i + 1] == src[3 * i + 1] && img[3 * i + 2] == src[3 * i + 2];
                assertThat(d || same).isTrue();
                if (d && !same) dropped++;
                // the mask takes mask_drop_value exactly where the image pixel was dropped
                if (d && !same) assertThat(mask[i] & 0xff).isEqualTo(9);
                if (!d) assertThat(mask[i]).isEqualTo(srcMask[i]);
            }
            assertThat((double) dropped / n).isBetween(0.19, 0.21);
            assertThat(out.boxes().toArray()).isDeepEqualTo(in.boxes().toArray());
            assertThat(out.keypoints().toArray()).isDeepEqualTo(in.keypoints().toArray());
        }
        SpatialContract.assertRoundTripSameOutput(t, seed);
    }

    @Test
    void masksAreUntouchedWithoutMaskDropValue() {
        try (Sample in = SpatialContract.rectangles(); Sample out = SpatialContract.pipeline(create(Map.of("dropout_prob", 0.5))).apply(in, 1L)) {
            assertThat(Mats.toBytes(out.mask())).isEqualTo(Mats.toBytes(in.mask()));
            assertThat(Mats.toBytes(out.image())).isNotEqualTo(Mats.toBytes(in.image()));
        }
    }

    @Test
    void perChannelDropsChannelsOnTheirOwn() {
        try (Sample in = SpatialContract.rectangles(); Sample out = new Compose(List.of(create(Map.of("dropout_prob", 0.3, "per_channel", true)))).apply(in, 2L)) {
            byte[] img = Mats.toBytes(out.image()), src = Mats.toBytes(in.image());
            int partly = 0;
            for (int i = 0; i < out.width() * out.height(); i++) {
                int zeros = 0;
                for (int c = 0; c < 3; c++) if (img[3 * i + c] == 0 && src[3 * i + c] != 0) zeros++;
                if (zeros == 1 || zeros == 2) partly++;
            }
            assertThat(partly).isGreaterThan(out.width() * out.height() / 4);
        }
    }

    @Test
    void nullDropValueDrawsOneRandomColourPerApplication() {
        Map<String, Object> p = new HashMap<>();
        p.put("dropout_prob", 0.3);
        p.put("drop_value", null);
        Transform random = create(p);
        assertThat(random.toDict()).containsEntry("drop_value", null);
        try (Sample in = SpatialContract.rectangles(); Sample out = new Compose(List.of(random)).apply(in, 4L)) {
            @SuppressWarnings("unchecked")
            List<Number> v = (List<Number>) out.applied().get(0).params().get("drop_values");
            assertThat(v).hasSize(3);
            byte[] img = Mats.toBytes(out.image());
            int hits = 0;
            for (int i = 0; i < out.width() * out.height(); i++) {
                if ((img[3 * i] & 0xff) == v.get(0).intValue() && (img[3 * i + 1] & 0xff) == v.get(1).intValue() && (img[3 * i + 2] & 0xff) == v.get(2).intValue()) hits++;
            }
            assertThat(hits).isGreaterThan((int) (0.28 * out.width() * out.height()));
        }
        SpatialContract.assertRoundTripSameOutput(random, 4L);
        assertThat(create(Map.of()).toDict()).containsEntry("drop_value", 0L).containsEntry("dropout_prob", 0.01).containsEntry("per_channel", false);
        assertThat(new PixelDropout(0.1, false, Fill.of(1, 2, 3), null, 1).toDict()).containsEntry("drop_value", List.of(1.0, 2.0, 3.0));
    }
}
