package dev.settle.formats.pain001;

import dev.settle.money.Money;
import dev.settle.money.MoneyTotals;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a pain.001 credit-transfer initiation (001.03 or 001.09) for our payouts.
 *
 * <p>The whole message is checked before the first byte is written: every field against its
 * schema limit (the named constants), every IBAN (pattern and mod-97) and BIC, every amount
 * (positive, at most 18 digits). NbOfTxs and CtrlSum of the group header and of each PmtInf are
 * computed here, exactly: CtrlSum is, as ISO 20022 defines it, the sum of the instructed amounts
 * "irrespective of currencies", so a PmtInf with 100.00 EUR and 5000 JPY has CtrlSum 5100.00. Each
 * amount enters as its exact major-unit decimal ({@code Money.toMajor()}) into a BigDecimal sum;
 * per-currency totals are also added with {@link MoneyTotals} so an overflow of 64-bit minor units
 * is refused. The header is written before the transfers, so the message is held in memory (a
 * payout file, not a bulk emulator).
 */
public final class Pain001Writer {

    /** Max35Text: MsgId, PmtInfId, InstrId, EndToEndId. */
    public static final int MAX_35 = 35;
    /** Max140Text: names (InitgPty, Dbtr, Cdtr) and each RmtInf/Ustrd line. */
    public static final int MAX_140 = 140;
    /** Max15NumericText: NbOfTxs. */
    public static final int MAX_15_NUMERIC = 15;
    /** DecimalNumber / ActiveOrHistoricCurrencyAndAmount: at most 18 digits in total. */
    public static final int MAX_TOTAL_DIGITS = 18;

    private static final Pattern BIC_03 = Pattern.compile("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?");
    private static final Pattern BIC_09 = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    /** One PmtInf to write: a debtor account, an execution date and its transfers. */
    public record Payment(String paymentInfoId, String debtorName, String debtorIban, String debtorBic,
            LocalDate requestedExecutionDate, List<Pain001CreditTransfer> transfers) {

        public Payment {
            transfers = List.copyOf(transfers);
        }
    }

    /** The group header values the caller chooses; NbOfTxs and CtrlSum are computed. */
    public record Header(String messageId, String creationDateTime, String initiatingPartyName) {
    }

    /** NbOfTxs and CtrlSum of one scope, as they were written. */
    public record ControlTotals(long numberOfTransactions, BigDecimal controlSum) {
    }

    private final Pain001Message version;

    public Pain001Writer(Pain001Message version) {
        this.version = version;
    }

    /**
     * Checks everything, then writes the message.
     *
     * @return the group's control totals as written
     * @throws Pain001FieldException for the first field beyond its limit (nothing is written then)
     */
    public ControlTotals write(OutputStream out, Header header, List<Payment> payments) {
        ControlTotals group = check(header, payments);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            Out o = new Out(xml);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace(version.namespace());
            o.depth = 1;
            o.open("CstmrCdtTrfInitn");
            o.open("GrpHdr");
            o.leaf("MsgId", header.messageId());
            o.leaf("CreDtTm", header.creationDateTime());
            o.leaf("NbOfTxs", Long.toString(group.numberOfTransactions()));
            o.leaf("CtrlSum", group.controlSum().toPlainString());
            o.open("InitgPty");
            o.leaf("Nm", header.initiatingPartyName());
            o.close();
            o.close();
            for (Payment p : payments) {
                writePayment(o, p);
            }
            o.close();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
        return group;
    }

    private void writePayment(Out o, Payment p) throws XMLStreamException {
        ControlTotals totals = totals(p.transfers());
        o.open("PmtInf");
        o.leaf("PmtInfId", p.paymentInfoId());
        o.leaf("PmtMtd", "TRF");
        o.leaf("NbOfTxs", Long.toString(totals.numberOfTransactions()));
        o.leaf("CtrlSum", totals.controlSum().toPlainString());
        if (version == Pain001Message.PAIN001_001_03) {
            o.leaf("ReqdExctnDt", p.requestedExecutionDate().toString());
        } else {
            o.open("ReqdExctnDt");
            o.leaf("Dt", p.requestedExecutionDate().toString());
            o.close();
        }
        o.open("Dbtr");
        o.leaf("Nm", p.debtorName());
        o.close();
        o.open("DbtrAcct");
        o.open("Id");
        o.leaf("IBAN", p.debtorIban());
        o.close();
        o.close();
        agent(o, "DbtrAgt", p.debtorBic());
        for (Pain001CreditTransfer t : p.transfers()) {
            o.open("CdtTrfTxInf");
            o.open("PmtId");
            if (t.instructionId() != null) {
                o.leaf("InstrId", t.instructionId());
            }
            o.leaf("EndToEndId", t.endToEndId());
            o.close();
            o.open("Amt");
            o.xml.writeCharacters("\n" + "  ".repeat(o.depth));
            o.xml.writeStartElement("InstdAmt");
            o.xml.writeAttribute("Ccy", t.amount().currency().code());
            o.xml.writeCharacters(t.amount().toDecimalString());
            o.xml.writeEndElement();
            o.close();
            if (t.creditorBic() != null) {
                agent(o, "CdtrAgt", t.creditorBic());
            }
            o.open("Cdtr");
            o.leaf("Nm", t.creditorName());
            o.close();
            o.open("CdtrAcct");
            o.open("Id");
            o.leaf("IBAN", t.creditorIban());
            o.close();
            o.close();
            if (!t.remittanceUnstructured().isEmpty()) {
                o.open("RmtInf");
                for (String u : t.remittanceUnstructured()) {
                    o.leaf("Ustrd", u);
                }
                o.close();
            }
            o.close();
        }
        o.close();
    }

    private void agent(Out o, String element, String bic) throws XMLStreamException {
        o.open(element);
        if (bic == null) {
            // FinInstnId is mandatory but all its children are optional: an empty one is schema-valid
            o.open("FinInstnId");
            o.close();
        } else {
            o.open("FinInstnId");
            o.leaf(version == Pain001Message.PAIN001_001_03 ? "BIC" : "BICFI", bic);
            o.close();
        }
        o.close();
    }

    // ---- checks, all before writing

    private ControlTotals check(Header h, List<Payment> payments) {
        text("GrpHdr/MsgId", h.messageId(), MAX_35);
        dateTime("GrpHdr/CreDtTm", h.creationDateTime());
        text("GrpHdr/InitgPty/Nm", h.initiatingPartyName(), MAX_140);
        if (payments.isEmpty()) {
            throw new Pain001FieldException("PmtInf", null, 0, "a message needs at least one PmtInf");
        }
        MoneyTotals perCurrency = new MoneyTotals();
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < payments.size(); i++) {
            Payment p = payments.get(i);
            String at = "PmtInf[" + (i + 1) + "]/";
            text(at + "PmtInfId", p.paymentInfoId(), MAX_35);
            text(at + "Dbtr/Nm", p.debtorName(), MAX_140);
            iban(at + "DbtrAcct/Id/IBAN", p.debtorIban());
            bic(at + "DbtrAgt/FinInstnId", p.debtorBic());
            if (p.requestedExecutionDate() == null) {
                throw new Pain001FieldException(at + "ReqdExctnDt", null, 0, "required");
            }
            if (p.transfers().isEmpty()) {
                throw new Pain001FieldException(at + "CdtTrfTxInf", null, 0, "a PmtInf needs at least one transfer");
            }
            for (int j = 0; j < p.transfers().size(); j++) {
                Pain001CreditTransfer t = p.transfers().get(j);
                String tat = at + "CdtTrfTxInf[" + (j + 1) + "]/";
                if (t.instructionId() != null) {
                    text(tat + "PmtId/InstrId", t.instructionId(), MAX_35);
                }
                text(tat + "PmtId/EndToEndId", t.endToEndId(), MAX_35);
                amount(tat + "Amt/InstdAmt", t.amount());
                text(tat + "Cdtr/Nm", t.creditorName(), MAX_140);
                iban(tat + "CdtrAcct/Id/IBAN", t.creditorIban());
                bic(tat + "CdtrAgt/FinInstnId", t.creditorBic());
                for (String u : t.remittanceUnstructured()) {
                    text(tat + "RmtInf/Ustrd", u, MAX_140);
                }
                try {
                    perCurrency.add(t.amount());
                } catch (dev.settle.money.MoneyException e) {
                    throw new Pain001FieldException(tat + "Amt/InstdAmt", t.amount().toString(), 0, e.getMessage());
                }
            }
            ControlTotals pt = totals(p.transfers());
            digits(at + "CtrlSum", pt.controlSum());
            count += pt.numberOfTransactions();
            sum = sum.add(pt.controlSum());
        }
        ControlTotals group = new ControlTotals(count, sum);
        digits("GrpHdr/CtrlSum", sum);
        if (Long.toString(count).length() > MAX_15_NUMERIC) {
            throw new Pain001FieldException("GrpHdr/NbOfTxs", Long.toString(count), MAX_15_NUMERIC, "Max15NumericText");
        }
        return group;
    }

    /** NbOfTxs and the exact CtrlSum (plain decimal sum across currencies) of some transfers. */
    public static ControlTotals totals(List<Pain001CreditTransfer> transfers) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Pain001CreditTransfer t : transfers) {
            sum = sum.add(t.amount().toMajor());
        }
        return new ControlTotals(transfers.size(), sum);
    }

    private static void text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new Pain001FieldException(field, value, max, "required");
        }
        if (value.length() > max) {
            throw new Pain001FieldException(field, value, max, value.length() + " characters, at most " + max);
        }
        if (!value.equals(value.strip())) {
            // readers strip text, so leading/trailing spaces would not survive a round trip
            throw new Pain001FieldException(field, value, max, "leading or trailing whitespace");
        }
    }

    private static void iban(String field, String value) {
        if (!Iban.isValid(value)) {
            throw new Pain001FieldException(field, value, 0, "not a valid IBAN (pattern and mod-97 check digits)");
        }
    }

    private void bic(String field, String value) {
        Pattern p = version == Pain001Message.PAIN001_001_03 ? BIC_03 : BIC_09;
        if (value != null && !p.matcher(value).matches()) {
            throw new Pain001FieldException(field, value, 0, "not a BIC (" + p.pattern() + ")");
        }
    }

    private static void amount(String field, Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw new Pain001FieldException(field, amount == null ? null : amount.toString(), 0,
                    "a transfer amount must be positive");
        }
        digits(field, amount.toMajor());
    }

    private static void digits(String field, BigDecimal value) {
        if (value.precision() > MAX_TOTAL_DIGITS) {
            throw new Pain001FieldException(field, value.toPlainString(), MAX_TOTAL_DIGITS,
                    "more than " + MAX_TOTAL_DIGITS + " digits");
        }
    }

    private static void dateTime(String field, String value) {
        try {
            if (value == null) {
                throw new DateTimeParseException("missing", "", 0);
            }
            try {
                OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                LocalDateTime.parse(value);
            }
        } catch (DateTimeParseException e) {
            throw new Pain001FieldException(field, value, 0, "not an ISODateTime (e.g. 2024-01-31T18:00:00)");
        }
    }

    /** Indenting element output, so files are readable and golden files diff well. */
    private static final class Out {
        final XMLStreamWriter xml;
        int depth;

        Out(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void open(String name) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
            xml.writeStartElement(name);
            depth++;
        }

        void close() throws XMLStreamException {
            depth--;
            xml.writeCharacters("\n" + "  ".repeat(depth));
            xml.writeEndElement();
        }

        void leaf(String name, String text) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
            xml.writeStartElement(name);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }
    }
}
