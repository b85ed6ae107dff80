package dev.settle.formats.pain001;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.formats.camt.XmlCursor;
import dev.settle.formats.camt.XmlLocation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;

/**
 * Streaming reader for pain.001.001.03 and .09 (CstmrCdtTrfInitn): yields the group header, then per
 * PmtInf a {@link Pain001PaymentInfo} followed by its {@link Pain001CreditTransfer}s; one transfer
 * in memory at a time. Lenient like {@code CamtReader}: unreadable fields are null plus a violation
 * in {@link #violations()}; broken XML throws {@link FormatException}. Header consistency (NbOfTxs,
 * CtrlSum) and IBANs are checked by {@link Pain001Validator}.
 */
public final class Pain001Reader implements Iterator<Pain001Record>, AutoCloseable {

    static final Pattern DECIMAL = Pattern.compile("[0-9]{1,30}(\\.[0-9]{1,30})?");

    private final XmlCursor cur;
    private final String file;
    private final Pain001Message message;
    private final List<Violation> violations = new ArrayList<>();
    private final ArrayDeque<Pain001Record> pending = new ArrayDeque<>(2);
    private final ArrayDeque<String> rel = new ArrayDeque<>();
    private boolean done;
    private int pmtInfCount;
    private PmtInfBuilder pmtInf;
    private boolean pmtInfEmitted;

    private Pain001Reader(InputStream in, String file) {
        this.file = file;
        this.cur = new XmlCursor(in, file, Pain001Violation.PAIN001_MALFORMED_XML);
        try {
            this.message = readRoot();
        } catch (RuntimeException e) {
            cur.close();
            throw e;
        }
    }

    /** @throws FormatException PAIN001_MALFORMED_XML or PAIN001_UNSUPPORTED_MESSAGE */
    public static Pain001Reader open(InputStream in, String file) {
        return new Pain001Reader(in, file);
    }

    public Pain001Message message() {
        return message;
    }

    /** Parse problems so far; complete once the stream is exhausted. */
    public List<Violation> violations() {
        return violations;
    }

    private Pain001Message readRoot() {
        return cur.openDocument(Pain001Message::fromNamespace, m -> "CstmrCdtTrfInitn",
                Pain001Violation.PAIN001_UNSUPPORTED_MESSAGE, "a pain.001.001.03 or .09 Document");
    }

    @Override
    public boolean hasNext() {
        fill();
        return !pending.isEmpty();
    }

    @Override
    public Pain001Record next() {
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
                done = true;
                cur.strayText(Pain001Violation.PAIN001_UNEXPECTED_TEXT).ifPresent(violations::add);
                return;
            }
            int depth = cur.depth();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                onStart(depth);
            } else if (pmtInf != null) {
                onEnd(depth);
            }
        }
    }

    private void onStart(int depth) {
        String name = cur.localName();
        if (depth == 3) {
            if ("GrpHdr".equals(name)) {
                pending.add(readGroupHeader());
            } else if ("PmtInf".equals(name)) {
                pmtInf = new PmtInfBuilder(++pmtInfCount, cur.location());
                pmtInfEmitted = false;
                rel.clear();
            } else {
                cur.skipElement();
            }
        } else if (pmtInf != null && depth == 4 && "CdtTrfTxInf".equals(name)) {
            emitPaymentInfo();
            pending.add(readTransfer());
        } else if (pmtInf != null) {
            rel.addLast(name);
        }
    }

    private void onEnd(int depth) {
        if (depth == 2) {
            emitPaymentInfo();
            pmtInf = null;
            return;
        }
        String text = cur.endedText();
        switch (String.join("/", rel)) {
            case "PmtInfId" -> pmtInf.id = text;
            case "PmtMtd" -> pmtInf.method = text;
            case "NbOfTxs" -> pmtInf.nbOfTxs = text;
            case "CtrlSum" -> pmtInf.ctrlSum = text;
            case "ReqdExctnDt", "ReqdExctnDt/Dt", "ReqdExctnDt/DtTm" -> {
                if (!text.isEmpty()) {
                    pmtInf.date = date(text, "PmtInf", "ReqdExctnDt");
                }
            }
            case "Dbtr/Nm" -> pmtInf.debtorName = text;
            case "DbtrAcct/Id/IBAN" -> pmtInf.debtorIban = text;
            case "DbtrAcct/Id/Othr/Id" -> pmtInf.debtorOther = text;
            case "DbtrAgt/FinInstnId/BIC", "DbtrAgt/FinInstnId/BICFI" -> pmtInf.debtorBic = text;
            default -> {
                // not modelled (PmtTpInf, ChrgBr, addresses...)
            }
        }
        rel.pollLast();
    }

    private void emitPaymentInfo() {
        if (!pmtInfEmitted) {
            pmtInfEmitted = true;
            PmtInfBuilder b = pmtInf;
            pending.add(new Pain001PaymentInfo(b.index, b.id, b.method, b.nbOfTxs, b.ctrlSum, b.date, b.debtorName,
                    b.debtorIban, b.debtorOther, b.debtorBic, b.location));
        }
    }

    private Pain001GroupHeader readGroupHeader() {
        XmlLocation loc = cur.location();
        String[] f = new String[5];
        cur.walk((path, text) -> {
            switch (path) {
                case "MsgId" -> f[0] = text;
                case "CreDtTm" -> f[1] = text;
                case "NbOfTxs" -> f[2] = text;
                case "CtrlSum" -> f[3] = text;
                case "InitgPty/Nm" -> f[4] = text;
                default -> {
                    // not modelled
                }
            }
        });
        return new Pain001GroupHeader(message, f[0], f[1], f[2], f[3], f[4], loc);
    }

    private Pain001CreditTransfer readTransfer() {
        XmlLocation loc = cur.location();
        String[] f = new String[5];
        Money[] amount = new Money[1];
        boolean[] amountSeen = new boolean[1];
        List<String> ustrd = new ArrayList<>(1);
        cur.walk((path, text) -> {
            switch (path) {
                case "PmtId/InstrId" -> f[0] = text;
                case "PmtId/EndToEndId" -> f[1] = text;
                case "Amt/InstdAmt", "Amt/EqvtAmt/Amt" -> {
                    amountSeen[0] = true;
                    amount[0] = money(text, cur.endedCcy());
                }
                case "Cdtr/Nm" -> f[2] = text;
                case "CdtrAcct/Id/IBAN" -> f[3] = text;
                case "CdtrAgt/FinInstnId/BIC", "CdtrAgt/FinInstnId/BICFI" -> f[4] = text;
                case "RmtInf/Ustrd" -> ustrd.add(text);
                default -> {
                    // not modelled
                }
            }
        });
        if (f[1] == null) {
            violations.add(new Violation(Pain001Violation.PAIN001_MISSING_FIELD, file, loc.line(), loc.xmlPath(),
                    "CdtTrfTxInf", "PmtId/EndToEndId", null, "EndToEndId is mandatory"));
        }
        if (!amountSeen[0]) {
            violations.add(new Violation(Pain001Violation.PAIN001_MISSING_FIELD, file, loc.line(), loc.xmlPath(),
                    "CdtTrfTxInf", "Amt/InstdAmt", null, "the transfer has no amount"));
        }
        return new Pain001CreditTransfer(pmtInf.index, f[0], f[1], amount[0], f[2], f[3], f[4], ustrd, loc);
    }

    private Money money(String text, String ccy) {
        XmlLocation at = cur.endedLocation();
        Pain001Violation code;
        String raw = text;
        String msg;
        if (ccy == null) {
            code = Pain001Violation.PAIN001_MISSING_FIELD;
            msg = "amount has no Ccy attribute";
        } else if (CurrencyUnit.find(ccy).isEmpty()) {
            code = Pain001Violation.PAIN001_UNKNOWN_CURRENCY;
            raw = ccy;
            msg = "not an active ISO 4217 currency code";
        } else if (!DECIMAL.matcher(text).matches()) {
            code = Pain001Violation.PAIN001_BAD_AMOUNT;
            msg = "amount is not a non-negative decimal number";
        } else {
            try {
                return Money.of(new BigDecimal(text), CurrencyUnit.of(ccy));
            } catch (MoneyException e) {
                code = e.code() == MoneyException.Code.SCALE_EXCEEDS_CURRENCY
                        ? Pain001Violation.PAIN001_AMOUNT_SCALE_EXCEEDS_CURRENCY
                        : Pain001Violation.PAIN001_AMOUNT_OVERFLOW;
                raw = text + " " + ccy;
                msg = e.getMessage();
            }
        }
        violations.add(new Violation(code, file, at.line(), at.xmlPath(), "CdtTrfTxInf", "Amt", raw, msg));
        return null;
    }

    private LocalDate date(String text, String recordType, String field) {
        try {
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            XmlLocation at = cur.endedLocation();
            violations.add(new Violation(Pain001Violation.PAIN001_BAD_DATE, file, at.line(), at.xmlPath(), recordType,
                    field, text, "not an ISO date (YYYY-MM-DD)"));
            return null;
        }
    }

    @Override
    public void close() {
        cur.close();
    }

    private static final class PmtInfBuilder {
        final int index;
        final XmlLocation location;
        String id;
        String method;
        String nbOfTxs;
        String ctrlSum;
        LocalDate date;
        String debtorName;
        String debtorIban;
        String debtorOther;
        String debtorBic;

        PmtInfBuilder(int index, XmlLocation location) {
            this.index = index;
            this.location = location;
        }
    }
}
