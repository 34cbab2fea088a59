package org.augment4j.internal.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.augment4j.transform.BoxMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure geometry kernels: matrix products and inverses, keypoint rules, box mapping. */
class GeometryMathTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void projectiveMatricesInvert(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix m = Matrix.of(1 + r.nextDouble(-0.2, 0.2), r.nextDouble(-0.2, 0.2), r.nextDouble(-30, 30),
                r.nextDouble(-0.2, 0.2), 1 + r.nextDouble(-0.2, 0.2), r.nextDouble(-30, 30),
                r.nextDouble(-1e-3, 1e-3), r.nextDouble(-1e-3, 1e-3), 1);
        assertThat(m.then(m.inverse()).approxEquals(Matrix.identity(), 1e-9)).isTrue();
        double[] p = m.apply(123.4, 56.7), back = m.inverse().apply(p[0], p[1]);
        assertThat(back[0]).isCloseTo(123.4, offset(1e-9));
        assertThat(back[1]).isCloseTo(56.7, offset(1e-9));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void keypointRulesComposeAndInvert(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        KeypointRule a = new KeypointRule(r.nextBoolean() ? 1 : -1, r.nextDouble(-3, 3), r.nextDouble(0.5, 2));
        KeypointRule b = new KeypointRule(r.nextBoolean() ? 1 : -1, r.nextDouble(-3, 3), r.nextDouble(0.5, 2));
        double angle = 0.7;
        assertThat(a.then(b).angle(angle)).isCloseTo(b.angle(a.angle(angle)), offset(1e-12));
        assertThat(a.inverse().angle(a.angle(angle))).isCloseTo(angle, offset(1e-12));
        assertThat(a.then(a.inverse()).scaleFactor()).isCloseTo(1, offset(1e-12));
    }

    @org.junit.jupiter.api.Test
    void rotationMatchesOpenCvConventionsAndSingularMatricesAreRejected() {
        // getRotationMatrix2D((0, 0), 90, 1): (1, 0) -> (0, -1) on screen (counter-clockwise with y down).
        double[] p = Matrix.rotation(0, 0, 90, 1).apply(1, 0);
        assertThat(p[0]).isCloseTo(0, offset(1e-12));
        assertThat(p[1]).isCloseTo(-1, offset(1e-12));
        assertThatThrownBy(() -> Matrix.scale(0, 1).inverse()).hasMessageContaining("singular");
    }

    @org.junit.jupiter.api.Test
    void ellipseBoxesAreTighterThanCornerBoxesUnderRotation() {
        AffineGeometry rot = AffineGeometry.of(Matrix.rotation(49.5, 49.5, 45, 1), KeypointRule.identity(), 100, 100);
        double[][] box = {{0.3, 0.3, 0.7, 0.7}};
        double[] corners = LabelGeometry.boxes(box, rot, 100, 100)[0];
        double[] ellipse = LabelGeometry.boxes(box, rot.withBoxMethod(BoxMethod.ELLIPSE), 100, 100)[0];
        assertThat(ellipse[2] - ellipse[0]).isLessThan(corners[2] - corners[0]);
        assertThat(corners[2] - corners[0]).isCloseTo(0.4 * Math.sqrt(2), offset(1e-9));
        assertThat(ellipse[2] - ellipse[0]).isCloseTo(0.4, offset(1e-3));
    }

    @org.junit.jupiter.api.Test
    void clampedKeypointsStayOnTheOutputsPixelCentres() {
        AffineGeometry g = AffineGeometry.of(Matrix.translation(0.5, -0.25), KeypointRule.identity(), 12, 10);
        double[][] kps = {{11.2, 3, 0.5, 2}, {4, 0.1, 0, 1}};
        assertThat(LabelGeometry.keypoints(kps, g)[0][0]).as("not clamped by default").isCloseTo(11.7, offset(1e-12));
        AffineGeometry c = g.withKeypointsClamped();
        double[][] out = LabelGeometry.keypoints(kps, c);
        assertThat(out[0]).containsExactly(11, 2.75, 0.5, 2);
        assertThat(out[1]).containsExactly(4.5, 0, 0, 1);
        assertThat(g.then(c).clampKeypoints()).as("the last step's clamp holds for the composed map").isTrue();
        assertThat(c.then(g).clampKeypoints()).isFalse();
        assertThat(c.inverse(12, 10).clampKeypoints()).isFalse();
        assertThat(c.withBoxMethod(BoxMethod.ELLIPSE).withBoxMatrix(Matrix.identity()).clampKeypoints()).isTrue();
    }
}
