package dev.settle.formats.camt;

import dev.settle.money.Money;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.UncheckedIOException;
import java.io.IOException;

/**
 * Writes camt.053 bank statements (001.02 or 001.08) record by record through an
 * {@link XMLStreamWriter}: nothing but the open element stack is held, so a 1M-entry statement is
 * written in constant memory (the demo and the benchmarks use it to emulate a bank).
 *
 * <p>Call order: {@link #writeGroupHeader}, then per statement {@link #startStatement} (header and
 * balances), {@link #writeEntry} for each entry, {@link #endStatement}; finally {@link #close}.
 * Every value is checked against the schema's limits (named constants below) before it is
 * written; a bad value throws {@link CamtWriterException} and nothing of that element is written.
 * What is written is the subset of camt.053 that {@link CamtReader} models, so writing what was
 * read and reading it again gives equal records (line numbers and paths aside).
 */
public final class Camt053Writer implements AutoCloseable {

    /** Max35Text: MsgId, Stmt/Id, AcctSvcrRef, EndToEndId, InstrId, TxId, Othr/Id, Rsn/Prtry. */
    public static final int MAX_35 = 35;
    /** Max140Text: Ustrd, party names, CdtrRefInf/Ref (Max35Text in fact, checked as {@link #MAX_35}). */
    public static final int MAX_140 = 140;
    /** Max4Text / ExternalCode: balance type (001.08), return reason Cd, BkTxCd Domn/Fmly/SubFmly codes. */
    public static final int MAX_4 = 4;
    /** Max15NumericText: Btch/NbOfTxs. */
    public static final int MAX_15_NUMERIC = 15;
    /** Amounts: ActiveOrHistoricCurrencyAndAmount allows 18 digits in total. */
    public static final int MAX_TOTAL_DIGITS = 18;

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");
    /** BalanceType12Code of 001.02: the only balance codes that schema allows. */
    private static final Set<String> V02_BALANCE_CODES =
            Set.of("XPCD", "OPAV", "ITAV", "CLAV", "FWAV", "CLBD", "ITBD", "OPBD", "PRCD", "INFO");
    private static final Set<String> V02_STATUS = Set.of("BOOK", "PDNG", "INFO");

    private final XMLStreamWriter xml;
    private final CamtMessage version;
    private final boolean checkBalances;
    private int depth;
    private CamtStatement statement;
    private Money bookedNet;
    private long entriesWritten;
    private long entriesInStatement;

    /**
     * @param version {@link CamtMessage#CAMT053_001_02} or {@link CamtMessage#CAMT053_001_08}
     * @param checkBalances when true, {@link #endStatement} refuses a statement whose opening
     *     (OPBD/PRCD) + booked entries ≠ CLBD; turn it off only to re-emit a bank's inconsistent file
     */
    public Camt053Writer(OutputStream out, CamtMessage version, boolean checkBalances) {
        if (version != CamtMessage.CAMT053_001_02 && version != CamtMessage.CAMT053_001_08) {
            throw new IllegalArgumentException("Camt053Writer writes camt.053.001.02 or .08, not " + version.id());
        }
        this.version = version;
        this.checkBalances = checkBalances;
        try {
            this.xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace(version.namespace());
            depth = 1;
            open("BkToCstmrStmt");
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    public Camt053Writer(OutputStream out, CamtMessage version) {
        this(out, version, true);
    }

    /** GrpHdr: MsgId (Max35Text) and CreDtTm (ISODateTime). */
    public void writeGroupHeader(String messageId, String creationDateTime) {
        requireText("GrpHdr/MsgId", messageId, MAX_35);
        requireDateTime("GrpHdr/CreDtTm", creationDateTime);
        open("GrpHdr");
        leaf("MsgId", messageId);
        leaf("CreDtTm", creationDateTime);
        end();
    }

    /**
     * Stmt header and balances. The schema requires at least one balance, the account (IBAN or
     * other id) and, in 001.02, CreDtTm.
     */
    public void startStatement(CamtStatement s) {
        if (statement != null) {
            throw new IllegalStateException("statement " + statement.id() + " is still open");
        }
        requireText("Stmt/Id", s.id(), MAX_35);
        optionalPattern("Stmt/ElctrncSeqNb", s.electronicSequenceNumber(), NUMBER);
        optionalPattern("Stmt/LglSeqNb", s.legalSequenceNumber(), NUMBER);
        if (version == CamtMessage.CAMT053_001_02 || s.creationDateTime() != null) {
            requireDateTime("Stmt/CreDtTm", s.creationDateTime());
        }
        if (s.accountIban() != null) {
            requirePattern("Stmt/Acct/Id/IBAN", s.accountIban(), IBAN);
        } else {
            requireText("Stmt/Acct/Id/Othr/Id", s.accountOtherId(), MAX_35);
        }
        if (s.balances().isEmpty()) {
            throw new CamtWriterException("Stmt/Bal", null, "a statement needs at least one balance");
        }
        for (CamtBalance b : s.balances()) {
            checkBalance(b);
        }
        open("Stmt");
        leaf("Id", s.id());
        optionalLeaf("ElctrncSeqNb", s.electronicSequenceNumber());
        optionalLeaf("LglSeqNb", s.legalSequenceNumber());
        optionalLeaf("CreDtTm", s.creationDateTime());
        open("Acct");
        open("Id");
        if (s.accountIban() != null) {
            leaf("IBAN", s.accountIban());
        } else {
            open("Othr");
            leaf("Id", s.accountOtherId());
            end();
        }
        end();
        if (s.currency() != null) {
            leaf("Ccy", s.currency().code());
        }
        end();
        for (CamtBalance b : s.balances()) {
            writeBalance(b);
        }
        statement = s;
        entriesInStatement = 0;
        CamtBalance opening = opening(s);
        bookedNet = opening == null ? null : Money.zero(opening.amount().currency());
    }

    private void checkBalance(CamtBalance b) {
        if (version == CamtMessage.CAMT053_001_02) {
            if (b.typeCode() == null || !V02_BALANCE_CODES.contains(b.typeCode())) {
                throw new CamtWriterException("Bal/Tp/CdOrPrtry/Cd", b.typeCode(),
                        "not a BalanceType12Code of camt.053.001.02 " + V02_BALANCE_CODES);
            }
        } else {
            requireText("Bal/Tp/CdOrPrtry/Cd", b.typeCode(), MAX_4);
        }
        if (b.amount() == null || b.creditDebit() == null || b.date() == null) {
            throw new CamtWriterException("Bal", b.typeCode(), "a balance needs an amount, CdtDbtInd and a date");
        }
        if (b.amount().isNegative() != (b.creditDebit() == CreditDebit.DBIT) && !b.amount().isZero()) {
            throw new CamtWriterException("Bal/CdtDbtInd", b.creditDebit().name(),
                    "sign of " + b.amount() + " disagrees with the indicator");
        }
        checkAmount("Bal/Amt", b.amount().abs());
    }

    private void writeBalance(CamtBalance b) {
        open("Bal");
        open("Tp");
        open("CdOrPrtry");
        leaf("Cd", b.typeCode());
        end();
        end();
        amount("Amt", b.amount().abs());
        leaf("CdtDbtInd", b.creditDebit().name());
        open("Dt");
        leaf("Dt", b.date().toString());
        end();
        end();
    }

    /** One Ntry with its TxDtls; checked completely before any of it is written. */
    public void writeEntry(CamtEntry e) {
        if (statement == null) {
            throw new IllegalStateException("writeEntry outside a statement");
        }
        checkEntry(e);
        open("Ntry");
        amount("Amt", e.amount());
        leaf("CdtDbtInd", e.creditDebit().name());
        if (e.reversal()) {
            leaf("RvslInd", "true");
        }
        if (version == CamtMessage.CAMT053_001_02) {
            leaf("Sts", e.status());
        } else {
            open("Sts");
            leaf("Cd", e.status());
            end();
        }
        if (e.bookingDate() != null) {
            open("BookgDt");
            leaf("Dt", e.bookingDate().toString());
            end();
        }
        if (e.valueDate() != null) {
            open("ValDt");
            leaf("Dt", e.valueDate().toString());
            end();
        }
        optionalLeaf("AcctSvcrRef", e.accountServicerRef());
        open("BkTxCd");
        if (e.bankTxDomainCode() != null) {
            String[] parts = e.bankTxDomainCode().split("/", -1);
            open("Domn");
            leaf("Cd", parts[0]);
            open("Fmly");
            leaf("Cd", parts[1]);
            leaf("SubFmlyCd", parts[2]);
            end();
            end();
        }
        if (e.bankTxProprietaryCode() != null) {
            open("Prtry");
            leaf("Cd", e.bankTxProprietaryCode());
            end();
        }
        end();
        if (e.batchNumberOfTxs() != null || !e.transactions().isEmpty()) {
            open("NtryDtls");
            if (e.batchNumberOfTxs() != null) {
                open("Btch");
                leaf("NbOfTxs", e.batchNumberOfTxs().toString());
                end();
            }
            for (CamtTransaction t : e.transactions()) {
                writeTransaction(t, e.creditDebit());
            }
            end();
        }
        end();
        entriesWritten++;
        entriesInStatement++;
        if (bookedNet != null && "BOOK".equals(e.status()) && e.amount().currency() == bookedNet.currency()) {
            bookedNet = bookedNet.plus(e.signedAmount());
        }
    }

    private void checkEntry(CamtEntry e) {
        if (e.amount() == null || e.creditDebit() == null) {
            throw new CamtWriterException("Ntry/Amt", null, "an entry needs an amount and CdtDbtInd");
        }
        checkAmount("Ntry/Amt", e.amount());
        if (version == CamtMessage.CAMT053_001_02 ? !V02_STATUS.contains(e.status()) : !validText(e.status(), MAX_4)) {
            throw new CamtWriterException("Ntry/Sts", e.status(), "status must be BOOK, PDNG or INFO");
        }
        optionalText("Ntry/AcctSvcrRef", e.accountServicerRef(), MAX_35);
        if (e.bankTxDomainCode() != null) {
            String[] parts = e.bankTxDomainCode().split("/", -1);
            if (parts.length != 3 || !validText(parts[0], MAX_4) || !validText(parts[1], MAX_4)
                    || !validText(parts[2], MAX_4)) {
                throw new CamtWriterException("Ntry/BkTxCd/Domn", e.bankTxDomainCode(),
                        "expected Domain/Family/SubFamily, each 1 to " + MAX_4 + " characters");
            }
        }
        optionalText("Ntry/BkTxCd/Prtry/Cd", e.bankTxProprietaryCode(), MAX_35);
        if (e.batchNumberOfTxs() != null && (e.batchNumberOfTxs() < 0
                || e.batchNumberOfTxs().toString().length() > MAX_15_NUMERIC)) {
            throw new CamtWriterException("Ntry/NtryDtls/Btch/NbOfTxs", e.batchNumberOfTxs().toString(),
                    "Max15NumericText");
        }
        for (CamtTransaction t : e.transactions()) {
            String p = "Ntry/NtryDtls/TxDtls/";
            optionalText(p + "Refs/AcctSvcrRef", t.accountServicerRef(), MAX_35);
            optionalText(p + "Refs/InstrId", t.instructionId(), MAX_35);
            optionalText(p + "Refs/EndToEndId", t.endToEndId(), MAX_35);
            optionalText(p + "Refs/TxId", t.transactionId(), MAX_35);
            if (t.amount() != null) {
                checkAmount(p + "Amt", t.amount());
            }
            optionalText(p + "RltdPties/Dbtr/Nm", t.debtorName(), MAX_140);
            optionalText(p + "RltdPties/Cdtr/Nm", t.creditorName(), MAX_140);
            if (t.debtorIban() != null) {
                requirePattern(p + "RltdPties/DbtrAcct/Id/IBAN", t.debtorIban(), IBAN);
            }
            if (t.creditorIban() != null) {
                requirePattern(p + "RltdPties/CdtrAcct/Id/IBAN", t.creditorIban(), IBAN);
            }
            for (String u : t.unstructuredRemittance()) {
                requireText(p + "RmtInf/Ustrd", u, MAX_140);
            }
            optionalText(p + "RmtInf/Strd/CdtrRefInf/Ref", t.structuredReference(), MAX_35);
            optionalText(p + "RtrInf/Rsn", t.returnReasonCode(), MAX_35);
        }
    }

    private void writeTransaction(CamtTransaction t, CreditDebit direction) {
        open("TxDtls");
        if (t.accountServicerRef() != null || t.instructionId() != null || t.endToEndId() != null
                || t.transactionId() != null) {
            open("Refs");
            optionalLeaf("AcctSvcrRef", t.accountServicerRef());
            optionalLeaf("InstrId", t.instructionId());
            optionalLeaf("EndToEndId", t.endToEndId());
            optionalLeaf("TxId", t.transactionId());
            end();
        }
        if (t.amount() != null) {
            if (version == CamtMessage.CAMT053_001_02) {
                open("AmtDtls");
                open("TxAmt");
                amount("Amt", t.amount());
                end();
                end();
            } else {
                amount("Amt", t.amount());
                leaf("CdtDbtInd", direction.name());
            }
        }
        if (t.debtorName() != null || t.debtorIban() != null || t.creditorName() != null || t.creditorIban() != null) {
            open("RltdPties");
            party("Dbtr", "DbtrAcct", t.debtorName(), t.debtorIban());
            party("Cdtr", "CdtrAcct", t.creditorName(), t.creditorIban());
            end();
        }
        if (!t.unstructuredRemittance().isEmpty() || t.structuredReference() != null) {
            open("RmtInf");
            for (String u : t.unstructuredRemittance()) {
                leaf("Ustrd", u);
            }
            if (t.structuredReference() != null) {
                open("Strd");
                open("CdtrRefInf");
                leaf("Ref", t.structuredReference());
                end();
                end();
            }
            end();
        }
        if (t.returnReasonCode() != null) {
            open("RtrInf");
            open("Rsn");
            // ExternalReturnReason1Code is at most 4 characters; a longer bank code is proprietary
            leaf(t.returnReasonCode().length() <= MAX_4 ? "Cd" : "Prtry", t.returnReasonCode());
            end();
            end();
        }
        end();
    }

    private void party(String party, String account, String name, String iban) {
        if (name != null) {
            open(party);
            if (version == CamtMessage.CAMT053_001_08) {
                open("Pty");
                leaf("Nm", name);
                end();
            } else {
                leaf("Nm", name);
            }
            end();
        }
        if (iban != null) {
            open(account);
            open("Id");
            leaf("IBAN", iban);
            end();
            end();
        }
    }

    /**
     * Closes the statement. With balance checking on, the opening balance (OPBD, else PRCD) plus the
     * booked entries written must equal CLBD, when both are present and in one currency.
     */
    public void endStatement() {
        if (statement == null) {
            throw new IllegalStateException("no statement open");
        }
        CamtStatement s = statement;
        statement = null;
        end();
        CamtBalance opening = opening(s);
        CamtBalance closing = s.balance("CLBD");
        if (checkBalances && opening != null && closing != null && bookedNet != null
                && closing.amount().currency() == bookedNet.currency()) {
            Money expected = opening.amount().plus(bookedNet);
            if (!expected.equals(closing.amount())) {
                throw new CamtWriterException("Stmt/Bal[CLBD]", closing.amount().toString(),
                        "statement " + s.id() + ": opening + booked entries = " + expected);
            }
        }
    }

    private static CamtBalance opening(CamtStatement s) {
        return s.balance("OPBD") != null ? s.balance("OPBD") : s.balance("PRCD");
    }

    /** Entries written so far, over all statements. */
    public long entriesWritten() {
        return entriesWritten;
    }

    /** Ends the document and flushes; does not close the underlying stream. */
    @Override
    public void close() {
        if (statement != null) {
            throw new IllegalStateException("statement " + statement.id() + " is still open");
        }
        try {
            while (depth > 1) {
                end();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            depth = 0;
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    // ---- checks

    private void checkAmount(String field, Money amount) {
        if (amount.isNegative()) {
            throw new CamtWriterException(field, amount.toString(), "amounts are unsigned; the sign is CdtDbtInd");
        }
        if (amount.toMajor().precision() > MAX_TOTAL_DIGITS) {
            throw new CamtWriterException(field, amount.toString(), "more than " + MAX_TOTAL_DIGITS + " digits");
        }
    }

    private static boolean validText(String value, int max) {
        return value != null && !value.isEmpty() && value.length() <= max;
    }

    private static void requireText(String field, String value, int max) {
        if (!validText(value, max)) {
            throw new CamtWriterException(field, value, "required, 1 to " + max + " characters");
        }
    }

    private static void optionalText(String field, String value, int max) {
        if (value != null) {
            requireText(field, value, max);
        }
    }

    private static void requirePattern(String field, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new CamtWriterException(field, value, "does not match " + pattern.pattern());
        }
    }

    private static void optionalPattern(String field, String value, Pattern pattern) {
        if (value != null) {
            requirePattern(field, value, pattern);
        }
    }

    private static void requireDateTime(String field, String value) {
        if (value == null) {
            throw new CamtWriterException(field, null, "required ISODateTime");
        }
        try {
            OffsetDateTime.parse(value);
        } catch (DateTimeParseException withOffset) {
            try {
                LocalDateTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new CamtWriterException(field, value, "not an ISODateTime (e.g. 2024-01-31T18:00:00+01:00)");
            }
        }
    }

    // ---- output with indentation, so the files are readable and the golden files diff well

    private void open(String name) {
        try {
            indent();
            xml.writeStartElement(name);
            depth++;
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    private void end() {
        try {
            depth--;
            indent();
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    private void leaf(String name, String text) {
        try {
            indent();
            xml.writeStartElement(name);
            xml.writeCharacters(text);
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    private void optionalLeaf(String name, String text) {
        if (text != null) {
            leaf(name, text);
        }
    }

    private void amount(String name, Money amount) {
        try {
            indent();
            xml.writeStartElement(name);
            xml.writeAttribute("Ccy", amount.currency().code());
            xml.writeCharacters(amount.toDecimalString());
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n");
        for (int i = 0; i < depth; i++) {
            xml.writeCharacters("  ");
        }
    }

    private static UncheckedIOException io(XMLStreamException e) {
        return new UncheckedIOException(new IOException(e.getMessage(), e));
    }
}
