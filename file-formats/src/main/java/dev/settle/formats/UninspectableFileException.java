package dev.settle.formats;

/**
 * A file cannot be inspected because of how it was asked for, not because of its content: no
 * format was given and none could be detected, or the generic CSV was asked for without a mapping.
 * The CLI reports it as a usage error (exit 2); the message says which option to pass.
 */
public final class UninspectableFileException extends RuntimeException {

    public UninspectableFileException(String message) {
        super(message);
    }
}
