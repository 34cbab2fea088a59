package org.augment4j.transform;

/** The parameters of a transform that samples nothing. */
public record NoParams() {
    private static final NoParams INSTANCE = new NoParams();

    /** The single instance. */
    public static NoParams instance() {
        return INSTANCE;
    }
}
