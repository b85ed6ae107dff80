package dev.settle.gateway.acquirer;

/** The acquirer did not answer in time: it may or may not have acted. */
public final class AcquirerTimeoutException extends RuntimeException {

    public AcquirerTimeoutException(String message) {
        super(message);
    }
}
