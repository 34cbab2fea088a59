package org.augment4j.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.augment4j.Sample;
import org.augment4j.transform.pixel.Images;
import org.junit.jupiter.api.Test;

/** Random access into sized sources, as a framework's dataset needs it. */
class SampleSourceGetTest {
    @Test
    void sizedSourcesGiveTheirSamplesByIndexAndIteratorsRefuse() {
        try (Sample a = Sample.of(Images.coffee()); Sample b = Sample.of(Images.astronaut())) {
            SampleSource list = SampleSource.of(List.of(a, b));
            assertThat(list.get(1)).isSameAs(b);
            assertThat(list.closesInputs()).isFalse();
            assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
            SampleSource indexed = SampleSource.indexed(3, i -> i == 0 ? a : b);
            assertThat(indexed.get(0)).isSameAs(a);
            assertThatThrownBy(() -> SampleSource.iterator(List.of(a).iterator()).get(0)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("an iterator source has no random access");
        }
    }
}
