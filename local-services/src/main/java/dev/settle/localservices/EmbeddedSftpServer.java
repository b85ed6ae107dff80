package dev.settle.localservices;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An in-process SFTP server (Apache MINA SSHD) on 127.0.0.1, playing the gateway's and the
 * bank's SFTP servers in tests and the demo. It is a real SSH/SFTP peer: clients must verify its
 * host key from {@link #knownHostsFile()} and log in with the key in {@link #clientPrivateKeyFile()}.
 *
 * <p>Keys are ECDSA P-256 (no extra crypto provider needed). The host key is kept in
 * {@code keysDir}, so a restarted server on the same directory presents the same key; a new
 * directory means a new key, which clients with the old known_hosts must refuse.
 */
public final class EmbeddedSftpServer implements AutoCloseable {

    public static final String USER = "settle";

    private final SshServer sshd;
    private final AtomicLong connections;
    private final Path root;
    private final Path knownHostsFile;
    private final Path clientPrivateKeyFile;

    private EmbeddedSftpServer(SshServer sshd, AtomicLong connections, Path root,
                               Path knownHostsFile, Path clientPrivateKeyFile) {
        this.sshd = sshd;
        this.connections = connections;
        this.root = root;
        this.knownHostsFile = knownHostsFile;
        this.clientPrivateKeyFile = clientPrivateKeyFile;
    }

    /**
     * Starts a server whose file system is {@code root}, on {@code port} (0 picks a free one).
     * Writes, under {@code keysDir}: {@code host_key} (reused if present), {@code client_key}
     * (OpenSSH private key, reused if present) and {@code known_hosts} for this port.
     */
    public static EmbeddedSftpServer start(Path root, Path keysDir, int port) {
        try {
            Files.createDirectories(root);
            Files.createDirectories(keysDir);
            KeyPair hostKey = loadOrCreate(keysDir.resolve("host_key"));
            KeyPair clientKey = loadOrCreate(keysDir.resolve("client_key"));

            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost("127.0.0.1");
            sshd.setPort(port);
            sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            PublicKey authorized = clientKey.getPublic();
            sshd.setPublickeyAuthenticator((user, key, session) ->
                    USER.equals(user) && KeyUtils.compareKeys(authorized, key));
            sshd.setPasswordAuthenticator(null);
            sshd.setKeyboardInteractiveAuthenticator(null);
            sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            sshd.setFileSystemFactory(new VirtualFileSystemFactory(root.toAbsolutePath()));
            var connections = new AtomicLong();
            sshd.addSessionListener(new SessionListener() {
                @Override
                public void sessionCreated(Session session) {
                    connections.incrementAndGet();
                }
            });
            sshd.start();

            Path knownHosts = keysDir.resolve("known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + sshd.getPort() + " "
                    + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
            return new EmbeddedSftpServer(sshd, connections, root, knownHosts, keysDir.resolve("client_key"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded SFTP server", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not create SSH keys", e);
        }
    }

    public int port() {
        return sshd.getPort();
    }

    public String host() {
        return "127.0.0.1";
    }

    public String user() {
        return USER;
    }

    /** The directory the server serves as "/". */
    public Path root() {
        return root;
    }

    public Path knownHostsFile() {
        return knownHostsFile;
    }

    public Path clientPrivateKeyFile() {
        return clientPrivateKeyFile;
    }

    /** SSH connections accepted since the start. */
    public long connectionsAccepted() {
        return connections.get();
    }

    public boolean running() {
        return sshd.isStarted();
    }

    @Override
    public void close() {
        try {
            sshd.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair loadOrCreate(Path privateKeyFile) throws IOException, GeneralSecurityException {
        if (Files.exists(privateKeyFile)) {
            try (var in = Files.newInputStream(privateKeyFile)) {
                return SecurityUtils.loadKeyPairIdentities(
                        null, NamedResource.ofName(privateKeyFile.toString()), in, null).iterator().next();
            }
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        try (OutputStream out = Files.newOutputStream(privateKeyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "settle", null, out);
        }
        Files.writeString(privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub"),
                PublicKeyEntry.toString(pair.getPublic()) + "\n");
        return pair;
    }

}
