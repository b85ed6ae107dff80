package dev.settle.formats.pain002;

import java.util.Optional;

/** The pain.002 versions read and written here. */
public enum Pain002Message {
    PAIN002_001_03("pain.002.001.03"),
    PAIN002_001_10("pain.002.001.10");

    private final String id;

    Pain002Message(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String namespace() {
        return "urn:iso:std:iso:20022:tech:xsd:" + id;
    }

    public static Optional<Pain002Message> fromNamespace(String namespace) {
        for (Pain002Message m : values()) {
            if (m.namespace().equals(namespace)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
