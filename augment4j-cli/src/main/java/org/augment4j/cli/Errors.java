package org.augment4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into the one-line messages the CLI prints, and tells bad input from bugs. */
final class Errors {
    private Errors() {}

    /** True for errors caused by what the user gave: files, pipelines, targets, parameters. */
    static boolean isBadInput(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof UncheckedIOException || e instanceof IOException
                || e instanceof CliException;
    }

    /** A single-line description: the innermost useful message, without exception class names. */
    static String describe(Throwable e) {
        Throwable t = e;
        if (t instanceof UncheckedIOException && t.getCause() != null) {
            IOException io = ((UncheckedIOException) t).getCause();
            String own = t.getMessage();
            // new UncheckedIOException(ioe) copies "java.io.IOException: msg"; prefer the cause's own words then.
            t = own == null || own.equals(io.toString()) ? io : t;
        }
        String msg;
        if (t instanceof NoSuchFileException nf) msg = "no such file: " + nf.getFile();
        else if (t instanceof AccessDeniedException ad) msg = "permission denied: " + ad.getFile();
        else if (t instanceof FileSystemException fs) msg = fs.getMessage();
        else msg = t.getMessage();
        if (msg == null || msg.isBlank()) msg = t.getClass().getSimpleName();
        return oneLine(msg);
    }

    /** Collapses line breaks and the indentation after them into single spaces. */
    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** A bad-input error raised by the CLI itself. */
    static final class CliException extends RuntimeException {
        CliException(String message) {
            super(message);
        }
    }

    static CliException bad(String message) {
        return new CliException(message);
    }
}
