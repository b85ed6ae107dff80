package dev.settle.formats.camt;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;

/**
 * Streaming reader for camt.053 (BkToCstmrStmt) and camt.054 (BkToCstmrDbtCdtNtfctn), versions
 * 001.02, 001.04 and 001.08; the version comes from the Document namespace.
 *
 * <p>Yields {@link CamtRecord}s in file order; memory holds one entry (with its TxDtls) at a time,
 * so a 1 GB statement streams. Parsing is lenient: a field that cannot be read becomes null and a
 * {@link Violation} in {@link #violations()}; elements this model does not name are skipped.
 * Structural failures (not well-formed or truncated XML, an unsupported root) throw
 * {@link FormatException} with line and XML path. Business checks (balances, batch counts) are
 * {@link CamtValidator}'s job.
 *
 * <p>Amounts: the schemas allow 5 fraction digits whatever the currency. An amount becomes
 * {@link Money} exactly or not at all: trailing zeros beyond the currency's exponent are fine
 * ("18.150" EUR is 18.15 EUR), a non-zero digit beyond it ("8.85001" EUR) cannot be represented in
 * minor units and is never rounded: the field is null and {@code CAMT_AMOUNT_SCALE_EXCEEDS_CURRENCY}
 * carries the raw value and currency. Such an entry also stops its statement's balance check.
 */
public final class CamtReader implements Iterator<CamtRecord>, AutoCloseable {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,30}(\\.[0-9]{1,30})?");

    private final XmlCursor cur;
    private final String file;
    private final CamtMessage message;
    private final List<Violation> violations = new ArrayList<>();
    private final ArrayDeque<CamtRecord> pending = new ArrayDeque<>(2);
    private final ArrayDeque<String> rel = new ArrayDeque<>();
    private boolean done;
    private int statementCount;

    // the statement being read
    private boolean inStatement;
    private boolean statementEmitted;
    private long entryCount;
    private StatementBuilder stmt;

    private CamtReader(InputStream in, String file) {
        this.file = file;
        this.cur = new XmlCursor(in, file, CamtViolation.CAMT_MALFORMED_XML);
        try {
            this.message = readRoot();
        } catch (RuntimeException e) {
            cur.close();
            throw e;
        }
    }

    /**
     * Opens a camt stream; reads up to the message element to detect the version.
     *
     * @throws FormatException CAMT_MALFORMED_XML or CAMT_UNSUPPORTED_MESSAGE
     */
    public static CamtReader open(InputStream in, String file) {
        return new CamtReader(in, file);
    }

    /** The message type and version from the Document namespace. */
    public CamtMessage message() {
        return message;
    }

    /** Problems found while parsing so far (complete once the stream is exhausted). */
    public List<Violation> violations() {
        return violations;
    }

    private CamtMessage readRoot() {
        return cur.openDocument(CamtMessage::fromNamespace, CamtMessage::messageElement,
                CamtViolation.CAMT_UNSUPPORTED_MESSAGE, "a camt.053/camt.054 Document of version 001.02, 001.04 or 001.08");
    }

    @Override
    public boolean hasNext() {
        fill();
        return !pending.isEmpty();
    }

    @Override
    public CamtRecord next() {
        fill();
        if (pending.isEmpty()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    private void fill() {
        while (pending.isEmpty() && !done) {
            int ev = cur.next();
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                finish();
                return;
            }
            int depth = cur.depth();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                onStart(depth);
            } else {
                onEnd(depth);
            }
        }
    }

    private void onStart(int depth) {
        String name = cur.localName();
        if (depth == 3) {
            if ("GrpHdr".equals(name)) {
                pending.add(readGroupHeader());
            } else if (message.statementElement().equals(name)) {
                inStatement = true;
                statementEmitted = false;
                entryCount = 0;
                stmt = new StatementBuilder(++statementCount, cur.location());
                rel.clear();
            } else {
                cur.skipElement();
            }
        } else if (inStatement && depth == 4 && "Ntry".equals(name)) {
            emitStatement();
            entryCount++;
            pending.add(readEntry());
        } else if (inStatement) {
            rel.addLast(name);
            if ("Bal".equals(relPath())) {
                stmt.balance = new BalanceBuilder(cur.location());
            }
        }
    }

    private void onEnd(int depth) {
        if (!inStatement) {
            return;
        }
        if (depth == 2) {
            emitStatement();
            pending.add(new CamtStatementEnd(stmt.index, stmt.id, entryCount, stmt.location));
            inStatement = false;
            return;
        }
        String path = relPath();
        String text = cur.endedText();
        switch (path) {
            case "Id" -> stmt.id = text;
            case "ElctrncSeqNb" -> stmt.electronicSeq = text;
            case "LglSeqNb" -> stmt.legalSeq = text;
            case "CreDtTm" -> stmt.creationDateTime = text;
            case "Acct/Id/IBAN" -> stmt.iban = text;
            case "Acct/Id/Othr/Id" -> stmt.otherId = text;
            case "Acct/Ccy" -> stmt.currency = currency(text, "Stmt", "Acct/Ccy");
            case "Bal/Tp/CdOrPrtry/Cd", "Bal/Tp/CdOrPrtry/Prtry" -> stmt.balance.type = text;
            case "Bal/Amt" -> stmt.balance.amount = money(text, cur.endedCcy(), "Bal", "Amt");
            case "Bal/CdtDbtInd" -> stmt.balance.creditDebit = creditDebit(text, "Bal");
            case "Bal/Dt/Dt", "Bal/Dt/DtTm" -> stmt.balance.date = date(text, "Bal", "Dt");
            case "Bal" -> stmt.balances.add(stmt.balance.build());
            default -> {
                // other statement elements (FrToDt, TxsSummry, Intrst...) are not modelled
            }
        }
        rel.pollLast();
    }

    private String relPath() {
        return rel.size() == 1 ? rel.getFirst() : String.join("/", rel);
    }

    private void emitStatement() {
        if (!statementEmitted) {
            statementEmitted = true;
            pending.add(stmt.build());
        }
    }

    private void finish() {
        done = true;
        if (statementCount == 0) {
            violations.add(new Violation(CamtViolation.CAMT_MISSING_STATEMENT, file, 0,
                    "/Document/" + message.messageElement(), message.messageElement(), message.statementElement(),
                    null, "the message has no <" + message.statementElement() + ">: nothing to reconcile"));
        }
        cur.strayText(CamtViolation.CAMT_UNEXPECTED_TEXT).ifPresent(violations::add);
    }

    private CamtGroupHeader readGroupHeader() {
        XmlLocation loc = cur.location();
        String[] f = new String[2];
        cur.walk((path, text) -> {
            if ("MsgId".equals(path)) {
                f[0] = text;
            } else if ("CreDtTm".equals(path)) {
                f[1] = text;
            }
        });
        return new CamtGroupHeader(message, f[0], f[1], loc);
    }

    private CamtEntry readEntry() {
        EntryBuilder e = new EntryBuilder(stmt.index, cur.location());
        cur.walk(new XmlCursor.SubtreeHandler() {
            TxBuilder tx;

            @Override
            public void start(String path) {
                if ("NtryDtls/TxDtls".equals(path)) {
                    tx = new TxBuilder(cur.location());
                }
            }

            @Override
            public void end(String path, String text) {
                if (path.startsWith("NtryDtls/TxDtls/") && tx != null) {
                    tx(path.substring("NtryDtls/TxDtls/".length()), text);
                    return;
                }
                switch (path) {
                    case "Amt" -> e.amount = money(text, cur.endedCcy(), "Ntry", "Amt");
                    case "CdtDbtInd" -> e.creditDebit = creditDebit(text, "Ntry");
                    case "RvslInd" -> e.reversal = reversal(text);
                    case "Sts", "Sts/Cd", "Sts/Prtry" -> {
                        if (!text.isEmpty()) {
                            e.status = text;
                        }
                    }
                    case "BookgDt/Dt", "BookgDt/DtTm" -> e.bookingDate = date(text, "Ntry", "BookgDt");
                    case "ValDt/Dt", "ValDt/DtTm" -> e.valueDate = date(text, "Ntry", "ValDt");
                    case "AcctSvcrRef" -> e.accountServicerRef = text;
                    case "BkTxCd/Domn/Cd" -> e.domain = text;
                    case "BkTxCd/Domn/Fmly/Cd" -> e.family = text;
                    case "BkTxCd/Domn/Fmly/SubFmlyCd" -> e.subFamily = text;
                    case "BkTxCd/Prtry/Cd" -> e.proprietary = text;
                    case "NtryDtls/Btch/NbOfTxs" -> e.addBatchCount(text);
                    case "NtryDtls/TxDtls" -> {
                        if (tx != null) {
                            e.transactions.add(tx.build());
                            tx = null;
                        }
                    }
                    default -> {
                        // not modelled
                    }
                }
            }

            private void tx(String path, String text) {
                switch (path) {
                    case "Refs/EndToEndId" -> tx.endToEndId = text;
                    case "Refs/AcctSvcrRef" -> tx.accountServicerRef = text;
                    case "Refs/InstrId" -> tx.instructionId = text;
                    case "Refs/TxId" -> tx.transactionId = text;
                    case "Amt" -> tx.amount = money(text, cur.endedCcy(), "TxDtls", "Amt");
                    case "AmtDtls/TxAmt/Amt" -> tx.txAmount = money(text, cur.endedCcy(), "TxDtls", "AmtDtls/TxAmt/Amt");
                    case "RtrInf/Rsn/Cd", "RtrInf/Rsn/Prtry" -> tx.returnReason = text;
                    case "RmtInf/Ustrd" -> tx.ustrd.add(text);
                    case "RmtInf/Strd/CdtrRefInf/Ref" -> tx.structuredRef = text;
                    case "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm" -> tx.debtorName = text;
                    case "RltdPties/DbtrAcct/Id/IBAN" -> tx.debtorIban = text;
                    case "RltdPties/Cdtr/Nm", "RltdPties/Cdtr/Pty/Nm" -> tx.creditorName = text;
                    case "RltdPties/CdtrAcct/Id/IBAN" -> tx.creditorIban = text;
                    default -> {
                        // not modelled
                    }
                }
            }
        });
        return e.build();
    }

    // ---- field parsing: lenient, each failure is a violation with the raw value

    private Money money(String text, String ccy, String recordType, String field) {
        // the location only when there is something wrong: building it costs more than the parsing
        if (ccy == null) {
            violations.add(violation(CamtViolation.CAMT_MISSING_FIELD, cur.endedLocation(), recordType, field + "@Ccy", text,
                    "amount has no Ccy attribute"));
            return null;
        }
        CurrencyUnit unit = CurrencyUnit.find(ccy).orElse(null);
        if (unit == null) {
            violations.add(violation(CamtViolation.CAMT_UNKNOWN_CURRENCY, cur.endedLocation(), recordType, field + "@Ccy", ccy,
                    "not an active ISO 4217 currency code"));
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            violations.add(violation(CamtViolation.CAMT_BAD_AMOUNT, cur.endedLocation(), recordType, field, text,
                    "amount is not a non-negative decimal number"));
            return null;
        }
        try {
            return Money.of(new BigDecimal(text), unit);
        } catch (MoneyException e) {
            CamtViolation code = e.code() == MoneyException.Code.SCALE_EXCEEDS_CURRENCY
                    ? CamtViolation.CAMT_AMOUNT_SCALE_EXCEEDS_CURRENCY : CamtViolation.CAMT_AMOUNT_OVERFLOW;
            violations.add(violation(code, cur.endedLocation(), recordType, field, text + " " + ccy, e.getMessage()));
            return null;
        }
    }

    private CurrencyUnit currency(String text, String recordType, String field) {
        CurrencyUnit unit = CurrencyUnit.find(text).orElse(null);
        if (unit == null) {
            violations.add(violation(CamtViolation.CAMT_UNKNOWN_CURRENCY, cur.endedLocation(), recordType, field, text,
                    "not an active ISO 4217 currency code"));
        }
        return unit;
    }

    private CreditDebit creditDebit(String text, String recordType) {
        CreditDebit cd = CreditDebit.parse(text).orElse(null);
        if (cd == null) {
            violations.add(violation(CamtViolation.CAMT_BAD_CREDIT_DEBIT_INDICATOR, cur.endedLocation(), recordType,
                    "CdtDbtInd", text, "expected CRDT or DBIT"));
        }
        return cd;
    }

    private boolean reversal(String text) {
        if ("true".equals(text) || "1".equals(text)) {
            return true;
        }
        if (!"false".equals(text) && !"0".equals(text)) {
            violations.add(violation(CamtViolation.CAMT_BAD_REVERSAL_INDICATOR, cur.endedLocation(), "Ntry", "RvslInd",
                    text, "expected true or false"));
        }
        return false;
    }

    private LocalDate date(String text, String recordType, String field) {
        try {
            // DtTm: the booking date is the local date part as written, offset ignored on purpose
            String date = text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
            return isPlainIsoDate(date) ? LocalDate.of(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10))
                    : LocalDate.parse(date);
        } catch (DateTimeException e) { // also an impossible day such as 2026-02-30
            violations.add(violation(CamtViolation.CAMT_BAD_DATE, cur.endedLocation(), recordType, field, text,
                    "not an ISO date (YYYY-MM-DD)"));
            return null;
        }
    }

    /**
     * YYYY-MM-DD with ASCII digits: what every statement writes, read without the general ISO
     * parser (which cost as much as the rest of an entry's fields). Anything else goes to
     * {@link LocalDate#parse}, so both accept and refuse the same texts.
     */
    private static boolean isPlainIsoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    private Violation violation(CamtViolation code, XmlLocation at, String recordType, String field, String raw,
            String message) {
        return new Violation(code, file, at.line(), at.xmlPath(), recordType, field, raw, message);
    }

    @Override
    public void close() {
        cur.close();
    }

    // ---- mutable builders, private to the reader

    private static final class StatementBuilder {
        final int index;
        final XmlLocation location;
        String id;
        String electronicSeq;
        String legalSeq;
        String creationDateTime;
        String iban;
        String otherId;
        CurrencyUnit currency;
        final List<CamtBalance> balances = new ArrayList<>(4);
        BalanceBuilder balance;

        StatementBuilder(int index, XmlLocation location) {
            this.index = index;
            this.location = location;
        }

        CamtStatement build() {
            return new CamtStatement(index, id, electronicSeq, legalSeq, creationDateTime, iban, otherId, currency,
                    balances, location);
        }
    }

    private static final class BalanceBuilder {
        final XmlLocation location;
        String type;
        Money amount;
        CreditDebit creditDebit;
        LocalDate date;

        BalanceBuilder(XmlLocation location) {
            this.location = location;
        }

        CamtBalance build() {
            Money signed = amount != null && creditDebit == CreditDebit.DBIT ? amount.negate() : amount;
            return new CamtBalance(type, signed, creditDebit, date, location);
        }
    }

    private final class EntryBuilder {
        final int statementIndex;
        final XmlLocation location;
        Money amount;
        CreditDebit creditDebit;
        boolean reversal;
        String status;
        LocalDate bookingDate;
        LocalDate valueDate;
        String accountServicerRef;
        String domain;
        String family;
        String subFamily;
        String proprietary;
        Integer batchCount;
        final List<CamtTransaction> transactions = new ArrayList<>(1);

        EntryBuilder(int statementIndex, XmlLocation location) {
            this.statementIndex = statementIndex;
            this.location = location;
        }

        void addBatchCount(String text) {
            try {
                int n = Integer.parseInt(text);
                batchCount = batchCount == null ? n : Math.addExact(batchCount, n);
            } catch (NumberFormatException | ArithmeticException e) {
                violations.add(violation(CamtViolation.CAMT_BAD_AMOUNT, cur.endedLocation(), "Btch", "NbOfTxs", text,
                        "NbOfTxs is not a whole number"));
            }
        }

        CamtEntry build() {
            String domn = domain == null ? null
                    : domain + "/" + (family == null ? "" : family) + "/" + (subFamily == null ? "" : subFamily);
            return new CamtEntry(statementIndex, amount, creditDebit, reversal, status, bookingDate, valueDate,
                    accountServicerRef, domn, proprietary, batchCount, transactions, location);
        }
    }

    private static final class TxBuilder {
        final XmlLocation location;
        String endToEndId;
        String accountServicerRef;
        String instructionId;
        String transactionId;
        Money amount;
        Money txAmount;
        String returnReason;
        final List<String> ustrd = new ArrayList<>(1);
        String structuredRef;
        String debtorName;
        String debtorIban;
        String creditorName;
        String creditorIban;

        TxBuilder(XmlLocation location) {
            this.location = location;
        }

        CamtTransaction build() {
            return new CamtTransaction(endToEndId, accountServicerRef, instructionId, transactionId,
                    amount != null ? amount : txAmount, returnReason, ustrd, structuredRef, debtorName, debtorIban,
                    creditorName, creditorIban, location);
        }
    }
}
