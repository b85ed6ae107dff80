package dev.settle.readerswriters.sftp;

/** A regular file seen in a remote directory listing. */
public record RemoteFile(String directory, String name, long sizeBytes) {

    public String path() {
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }
}
