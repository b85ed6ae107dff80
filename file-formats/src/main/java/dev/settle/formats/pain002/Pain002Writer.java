package dev.settle.formats.pain002;

import dev.settle.money.Money;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Emulates a bank's payment status report (pain.002.001.03 or .10) for tests and the demo: answers
 * one of our pain.001 messages with accepted/rejected transfers. Streams through an
 * {@link XMLStreamWriter}, one TxInfAndSts at a time, so 1M statuses take constant memory.
 *
 * <p>Order: constructor (GrpHdr and OrgnlGrpInfAndSts), then per original PmtInf
 * {@link #startPaymentInfo}, {@link #writeTransaction}…, {@link #endPaymentInfo}; finally
 * {@link #close}. Values are checked against the schema limits before they are written
 * ({@link IllegalArgumentException} naming the field).
 */
public final class Pain002Writer implements AutoCloseable {

    /** Max35Text: MsgId, OrgnlMsgId, OrgnlPmtInfId, StsId, OrgnlInstrId, OrgnlEndToEndId, Rsn/Prtry. */
    public static final int MAX_35 = 35;
    /** Max105Text: each StsRsnInf/AddtlInf line. */
    public static final int MAX_105 = 105;
    /** ExternalStatusReason1Code and the status codes: 1 to 4 characters. */
    public static final int MAX_4 = 4;

    private final XMLStreamWriter xml;
    private int depth;
    private boolean inPaymentInfo;
    private long transactionsWritten;

    /**
     * Writes GrpHdr and OrgnlGrpInfAndSts.
     *
     * @param groupStatus GrpSts, or null (e.g. when statuses are per transaction only)
     */
    public Pain002Writer(OutputStream out, Pain002Message version, String messageId, String creationDateTime,
            String originalMessageId, String originalMessageNameId, String groupStatus,
            List<Pain002StatusReason> groupReasons) {
        text("GrpHdr/MsgId", messageId, MAX_35);
        text("GrpHdr/CreDtTm", creationDateTime, MAX_35);
        text("OrgnlGrpInfAndSts/OrgnlMsgId", originalMessageId, MAX_35);
        text("OrgnlGrpInfAndSts/OrgnlMsgNmId", originalMessageNameId, MAX_35);
        status("OrgnlGrpInfAndSts/GrpSts", groupStatus);
        reasons("OrgnlGrpInfAndSts/StsRsnInf", groupReasons);
        try {
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace(version.namespace());
            depth = 1;
            open("CstmrPmtStsRpt");
            open("GrpHdr");
            leaf("MsgId", messageId);
            leaf("CreDtTm", creationDateTime);
            end();
            open("OrgnlGrpInfAndSts");
            leaf("OrgnlMsgId", originalMessageId);
            leaf("OrgnlMsgNmId", originalMessageNameId);
            if (groupStatus != null) {
                leaf("GrpSts", groupStatus);
            }
            writeReasons(groupReasons);
            end();
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    /** Opens an OrgnlPmtInfAndSts for one PmtInf of the original pain.001. */
    public void startPaymentInfo(String originalPaymentInfoId, String status, List<Pain002StatusReason> reasons) {
        if (inPaymentInfo) {
            throw new IllegalStateException("a payment info is still open");
        }
        text("OrgnlPmtInfAndSts/OrgnlPmtInfId", originalPaymentInfoId, MAX_35);
        status("OrgnlPmtInfAndSts/PmtInfSts", status);
        reasons("OrgnlPmtInfAndSts/StsRsnInf", reasons);
        try {
            open("OrgnlPmtInfAndSts");
            leaf("OrgnlPmtInfId", originalPaymentInfoId);
            if (status != null) {
                leaf("PmtInfSts", status);
            }
            writeReasons(reasons);
        } catch (XMLStreamException e) {
            throw io(e);
        }
        inPaymentInfo = true;
    }

    /** One TxInfAndSts; {@code originalAmount} may be null. */
    public void writeTransaction(Pain002TransactionStatus t) {
        if (!inPaymentInfo) {
            throw new IllegalStateException("writeTransaction outside a payment info");
        }
        optional("TxInfAndSts/StsId", t.statusId());
        optional("TxInfAndSts/OrgnlInstrId", t.originalInstructionId());
        text("TxInfAndSts/OrgnlEndToEndId", t.originalEndToEndId(), MAX_35);
        text("TxInfAndSts/TxSts", t.status(), MAX_4);
        reasons("TxInfAndSts/StsRsnInf", t.reasons());
        if (t.originalAmount() != null && t.originalAmount().isNegative()) {
            throw new IllegalArgumentException("TxInfAndSts/OrgnlTxRef/Amt/InstdAmt: negative " + t.originalAmount());
        }
        try {
            open("TxInfAndSts");
            if (t.statusId() != null) {
                leaf("StsId", t.statusId());
            }
            if (t.originalInstructionId() != null) {
                leaf("OrgnlInstrId", t.originalInstructionId());
            }
            leaf("OrgnlEndToEndId", t.originalEndToEndId());
            leaf("TxSts", t.status());
            writeReasons(t.reasons());
            if (t.originalAmount() != null) {
                open("OrgnlTxRef");
                open("Amt");
                amount("InstdAmt", t.originalAmount());
                end();
                end();
            }
            end();
        } catch (XMLStreamException e) {
            throw io(e);
        }
        transactionsWritten++;
    }

    public void endPaymentInfo() {
        if (!inPaymentInfo) {
            throw new IllegalStateException("no payment info open");
        }
        try {
            end();
        } catch (XMLStreamException e) {
            throw io(e);
        }
        inPaymentInfo = false;
    }

    public long transactionsWritten() {
        return transactionsWritten;
    }

    /** Ends the document and flushes; does not close the underlying stream. */
    @Override
    public void close() {
        try {
            if (inPaymentInfo) {
                endPaymentInfo();
            }
            while (depth > 1) {
                end();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    private void writeReasons(List<Pain002StatusReason> reasons) throws XMLStreamException {
        if (reasons == null) {
            return;
        }
        for (Pain002StatusReason r : reasons) {
            open("StsRsnInf");
            if (r.code() != null) {
                open("Rsn");
                // ExternalStatusReason1Code is at most 4 characters; a longer bank code is proprietary
                leaf(r.code().length() <= MAX_4 ? "Cd" : "Prtry", r.code());
                end();
            }
            for (String info : r.additionalInfo()) {
                leaf("AddtlInf", info);
            }
            end();
        }
    }

    private static void reasons(String field, List<Pain002StatusReason> reasons) {
        if (reasons == null) {
            return;
        }
        for (Pain002StatusReason r : reasons) {
            if (r.code() != null) {
                text(field + "/Rsn", r.code(), MAX_35);
            }
            for (String info : r.additionalInfo()) {
                text(field + "/AddtlInf", info, MAX_105);
            }
        }
    }

    private static void status(String field, String status) {
        if (status != null) {
            text(field, status, MAX_4);
        }
    }

    private static void optional(String field, String value) {
        if (value != null) {
            text(field, value, MAX_35);
        }
    }

    private static void text(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max || !value.equals(value.strip())) {
            throw new IllegalArgumentException(field + "='" + value + "': required, 1 to " + max
                    + " characters without surrounding spaces");
        }
    }

    private void open(String name) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        xml.writeStartElement(name);
        depth++;
    }

    private void end() throws XMLStreamException {
        depth--;
        xml.writeCharacters("\n" + "  ".repeat(depth));
        xml.writeEndElement();
    }

    private void leaf(String name, String text) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void amount(String name, Money m) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        xml.writeStartElement(name);
        xml.writeAttribute("Ccy", m.currency().code());
        xml.writeCharacters(m.toDecimalString());
        xml.writeEndElement();
    }

    private static UncheckedIOException io(XMLStreamException e) {
        return new UncheckedIOException(new IOException(e.getMessage(), e));
    }
}
