package dev.settle.readerswriters.sftp;

/** An SFTP operation failed after its retries; the message names the server and the path. */
public final class SftpTransferException extends RuntimeException {

    public SftpTransferException(String message, Throwable cause) {
        super(message, cause);
    }
}
