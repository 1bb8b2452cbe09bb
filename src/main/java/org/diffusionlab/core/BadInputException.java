package org.diffusionlab.core;

/**
 * Input the program cannot use: a damaged or foreign file, an image too large, a model of the wrong shape.
 * The message is written for the person who chose the input, in plain words, and names the file.
 */
public class BadInputException extends Exception {
    private final String reason;
    private final transient Object[] arguments;

    public BadInputException(String message) {
        this(message, (Throwable) null);
    }


    /**
     * With a reason a user interface can say in its own language: a short key (e.g. "image.unreadable") and its
     * arguments (the file name first). The message stays the English sentence for the CLI and logs.
     */
    public BadInputException(String message, String reason, Object... arguments) {
        super(message);
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public BadInputException(String message, Throwable cause, String reason, Object... arguments) {
        super(message, cause);
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    /** The reason's key, or null if only the English message says what went wrong. */
    public String reason() {
        return reason;
    }

    public Object[] arguments() {
        return arguments == null ? new Object[0] : arguments.clone();
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
        this.reason = null;
        this.arguments = null;
    }
}
