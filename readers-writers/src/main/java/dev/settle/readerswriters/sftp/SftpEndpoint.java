package dev.settle.readerswriters.sftp;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how to log in to an SFTP server. Host keys are always verified against
 * {@code knownHostsFile}: there is no accept-all mode.
 *
 * @param privateKeyFile OpenSSH private key; null when a password is used
 * @param password used only when {@code privateKeyFile} is null
 * @param timeoutMs connect and read timeout
 */
public record SftpEndpoint(String host, int port, String user, Path privateKeyFile, String password,
                           Path knownHostsFile, int timeoutMs) {

    public SftpEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(knownHostsFile, "knownHostsFile: host keys are always verified");
        if (privateKeyFile == null && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("SFTP " + user + "@" + host + ": give a private key or a password");
        }
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port; // never the password
    }
}
