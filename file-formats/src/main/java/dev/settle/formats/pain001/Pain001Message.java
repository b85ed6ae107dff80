package dev.settle.formats.pain001;

import java.util.Optional;

/** The pain.001 versions read and written here, keyed by their Document namespace. */
public enum Pain001Message {
    PAIN001_001_03("pain.001.001.03"),
    PAIN001_001_09("pain.001.001.09");

    private final String id;

    Pain001Message(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String namespace() {
        return "urn:iso:std:iso:20022:tech:xsd:" + id;
    }

    public static Optional<Pain001Message> fromNamespace(String namespace) {
        for (Pain001Message m : values()) {
            if (m.namespace().equals(namespace)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
