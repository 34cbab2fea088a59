package org.augment4j.serial;

/** A pipeline file that cannot be loaded: the message names the problem and where it is (a JSON path such as {@code $.transform.transforms[2].p}). */
public class PipelineException extends IllegalArgumentException {
    private final String path;

    public PipelineException(String path, String message) {
        super(message + " at " + path);
        this.path = path;
    }

    public PipelineException(String path, String message, Throwable cause) {
        super(message + " at " + path, cause);
        this.path = path;
    }

    /** Where in the file the problem is. */
    public String path() {
        return path;
    }
}
