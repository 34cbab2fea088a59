package org.augment4j.loader;

/**
 * A sample a {@link Loader} could not produce — its source or the pipeline threw, the error is the cause — or the
 * consumer thread was interrupted while waiting (the cause is the {@link InterruptedException}), or a sample that
 * could not be stacked into a {@link Batch} (its image differs in size from the batch's first; no cause). Raised on the
 * consumer's thread; the loader is closed by then.
 */
public final class LoaderException extends RuntimeException {
    /** The index (position in the source) of the sample that failed or was being waited for. */
    private final long index;

    LoaderException(long index, String message, Throwable cause) {
        super(message, cause);
        this.index = index;
    }

    /** The index (position in the source) of the sample that failed or was being waited for. */
    public long index() {
        return index;
    }
}
