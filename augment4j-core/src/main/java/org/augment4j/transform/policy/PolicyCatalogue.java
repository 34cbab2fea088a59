package org.augment4j.transform.policy;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.augment4j.Transform;
import org.augment4j.serial.Params;

/** The augmentation policies and batch mixing a pipeline file may name. */
public final class PolicyCatalogue {
    private PolicyCatalogue() {}

    public static void register(BiConsumer<String, Function<Params, Transform>> r) {
    }
}
