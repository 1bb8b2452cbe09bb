package org.diffusionlab.core;

/**
 * Input the program cannot use: a damaged or foreign file, an image too large, a model of the wrong shape.
 * The message is written for the person who chose the input, in plain words, and names the file.
 */
public class BadInputException extends Exception {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
