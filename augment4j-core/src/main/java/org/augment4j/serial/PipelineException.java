package org.augment4j.serial;

/** A pipeline file that cannot be loaded: the message names the problem and where it is (a JSON path such as {@code $.transform.transforms[2].p}). */
public class PipelineException extends IllegalArgumentException {
    /** The JSON path of the problem in the file. */
    private final String path;

    /**
     * @param path    where in the file the problem is, as a JSON path
     * @param message what is wrong; " at " and the path are appended
     */
    public PipelineException(String path, String message) {
        super(message + " at " + path);
        this.path = path;
    }

    /**
     * @param path    where in the file the problem is, as a JSON path
     * @param message what is wrong; " at " and the path are appended
     * @param cause   the underlying error
     */
    public PipelineException(String path, String message, Throwable cause) {
        super(message + " at " + path, cause);
        this.path = path;
    }

    /** Where in the file the problem is. */
    public String path() {
        return path;
    }
}
