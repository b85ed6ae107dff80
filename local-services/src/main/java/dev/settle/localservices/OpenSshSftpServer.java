package dev.settle.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code sshd} with the {@code sftp-server} subsystem, started on a free loopback
 * port with its own configuration and keys (never the system's), for tests that must talk to a
 * real OpenSSH peer. The login user is the current OS user; paths on it are absolute.
 *
 * <p>{@link #available()} tells whether Debian's openssh-server is installed; callers skip with
 * that reason when it is not.
 */
public final class OpenSshSftpServer implements AutoCloseable {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SFTP_SERVER = Path.of("/usr/lib/openssh/sftp-server");

    private final Process process;
    private final int port;
    private final Path dir;

    private OpenSshSftpServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static boolean available() {
        return Files.isExecutable(SSHD) && Files.isExecutable(SFTP_SERVER) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
    }

    public static String unavailableReason() {
        return "OpenSSH server not installed (" + SSHD + ", " + SFTP_SERVER + "): apt-get install -y openssh-server";
    }

    public static OpenSshSftpServer start(Path dir) {
        try {
            Files.createDirectories(dir);
            run("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", dir.resolve("host_key").toString());
            run("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-m", "PEM", "-f", dir.resolve("client_key").toString());
            Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
            int port = Ports.freePort();
            Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                    "Port " + port,
                    "ListenAddress 127.0.0.1",
                    "HostKey " + dir.resolve("host_key"),
                    "PidFile " + dir.resolve("sshd.pid"),
                    "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                    "PermitRootLogin prohibit-password",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "UsePAM no",
                    "StrictModes no",
                    "Subsystem sftp " + SFTP_SERVER,
                    ""));
            Files.writeString(dir.resolve("known_hosts"),
                    "[127.0.0.1]:" + port + " " + Files.readString(dir.resolve("host_key.pub")).trim() + "\n");
            Path privsep = Path.of("/run/sshd");
            if (!Files.exists(privsep)) {
                Files.createDirectories(privsep);
            }
            Process process = new ProcessBuilder(SSHD.toString(), "-D", "-f", dir.resolve("sshd_config").toString(),
                    "-E", dir.resolve("sshd.log").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.out").toFile()).start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Ports.reachable("127.0.0.1", port, 200)) {
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("sshd did not start; log: " + Files.readString(dir.resolve("sshd.log")));
                }
                Thread.sleep(100);
            }
            return new OpenSshSftpServer(process, port, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }

    public int port() {
        return port;
    }

    public String user() {
        return System.getProperty("user.name");
    }

    public Path clientPrivateKeyFile() {
        return dir.resolve("client_key");
    }

    public Path knownHostsFile() {
        return dir.resolve("known_hosts");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
