package dev.settle.formats.camt;

import dev.settle.formats.FileFormat;
import java.util.Optional;

/** The camt message versions this package reads, keyed by their Document namespace. */
public enum CamtMessage {
    CAMT053_001_02("camt.053.001.02", FileFormat.CAMT053),
    CAMT053_001_04("camt.053.001.04", FileFormat.CAMT053),
    CAMT053_001_08("camt.053.001.08", FileFormat.CAMT053),
    CAMT054_001_02("camt.054.001.02", FileFormat.CAMT054),
    CAMT054_001_04("camt.054.001.04", FileFormat.CAMT054),
    CAMT054_001_08("camt.054.001.08", FileFormat.CAMT054);

    private static final String NS_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";

    private final String id;
    private final FileFormat format;

    CamtMessage(String id, FileFormat format) {
        this.id = id;
        this.format = format;
    }

    /** "camt.053.001.02". */
    public String id() {
        return id;
    }

    public String namespace() {
        return NS_PREFIX + id;
    }

    public FileFormat format() {
        return format;
    }

    /** Version 001.04 and later put the transaction amount in TxDtls/Amt and Sts in a choice (08). */
    public int versionNumber() {
        return Integer.parseInt(id.substring(id.length() - 2));
    }

    /** "BkToCstmrStmt" or "BkToCstmrDbtCdtNtfctn". */
    public String messageElement() {
        return format == FileFormat.CAMT053 ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
    }

    /** "Stmt" or "Ntfctn". */
    public String statementElement() {
        return format == FileFormat.CAMT053 ? "Stmt" : "Ntfctn";
    }

    public static Optional<CamtMessage> fromNamespace(String namespace) {
        for (CamtMessage m : values()) {
            if (m.namespace().equals(namespace)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
