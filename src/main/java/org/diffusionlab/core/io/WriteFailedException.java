package org.diffusionlab.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A file the user asked for could not be written. The message names the user's path (never the temporary
 * file beside it) and says in words what went wrong.
 */
public final class WriteFailedException extends IOException {
    public WriteFailedException(Path target, IOException cause) {
        super(target + ": could not be written (" + reason(cause) + ")", cause);
    }

    /** The cause in words, without a class name or the temporary file's path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof NotDirectoryException) {
            return "its folder is not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "an input/output error" : message;
    }
}
