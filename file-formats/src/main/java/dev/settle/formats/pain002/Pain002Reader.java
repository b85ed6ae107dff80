package dev.settle.formats.pain002;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.formats.camt.XmlCursor;
import dev.settle.formats.camt.XmlLocation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;

/**
 * Streaming reader for payment status reports pain.002.001.03 and .10 (CstmrPmtStsRpt). Yields the
 * group status, then per OrgnlPmtInfAndSts its status and one record per TxInfAndSts; one
 * transaction in memory at a time. Lenient: unreadable values become null plus a violation in
 * {@link #violations()}; broken XML throws {@link FormatException}. Business checks (known status
 * codes, reasons on rejections) are {@link Pain002Validator}'s.
 */
public final class Pain002Reader implements Iterator<Pain002Record>, AutoCloseable {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,30}(\\.[0-9]{1,30})?");

    private final XmlCursor cur;
    private final String file;
    private final Pain002Message message;
    private final List<Violation> violations = new ArrayList<>();
    private final ArrayDeque<Pain002Record> pending = new ArrayDeque<>(2);
    private final ArrayDeque<String> rel = new ArrayDeque<>();
    private boolean done;
    private String[] header = new String[2];
    private int pmtInfCount;
    private PmtInfBuilder pmtInf;

    private Pain002Reader(InputStream in, String file) {
        this.file = file;
        this.cur = new XmlCursor(in, file, Pain002Violation.PAIN002_MALFORMED_XML);
        try {
            this.message = readRoot();
        } catch (RuntimeException e) {
            cur.close();
            throw e;
        }
    }

    /** @throws FormatException PAIN002_MALFORMED_XML or PAIN002_UNSUPPORTED_MESSAGE */
    public static Pain002Reader open(InputStream in, String file) {
        return new Pain002Reader(in, file);
    }

    public Pain002Message message() {
        return message;
    }

    public List<Violation> violations() {
        return violations;
    }

    private Pain002Message readRoot() {
        return cur.openDocument(Pain002Message::fromNamespace, m -> "CstmrPmtStsRpt",
                Pain002Violation.PAIN002_UNSUPPORTED_MESSAGE, "a pain.002.001.03 or .10 Document");
    }

    @Override
    public boolean hasNext() {
        fill();
        return !pending.isEmpty();
    }

    @Override
    public Pain002Record next() {
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
                cur.strayText(Pain002Violation.PAIN002_UNEXPECTED_TEXT).ifPresent(violations::add);
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
            switch (name) {
                case "GrpHdr" -> cur.walk((path, text) -> {
                    if ("MsgId".equals(path)) {
                        header[0] = text;
                    } else if ("CreDtTm".equals(path)) {
                        header[1] = text;
                    }
                });
                case "OrgnlGrpInfAndSts" -> pending.add(readGroup());
                case "OrgnlPmtInfAndSts" -> {
                    pmtInf = new PmtInfBuilder(++pmtInfCount, cur.location());
                    rel.clear();
                }
                default -> cur.skipElement();
            }
        } else if (pmtInf != null && depth == 4 && "TxInfAndSts".equals(name)) {
            emitPaymentInfo();
            pending.add(readTransaction());
        } else if (pmtInf != null) {
            rel.addLast(name);
            if ("StsRsnInf".equals(String.join("/", rel))) {
                pmtInf.reasons.startReason();
            }
        }
    }

    private void onEnd(int depth) {
        if (depth == 2) {
            emitPaymentInfo();
            pmtInf = null;
            return;
        }
        String path = String.join("/", rel);
        String text = cur.endedText();
        switch (path) {
            case "OrgnlPmtInfId" -> pmtInf.id = text;
            case "PmtInfSts" -> pmtInf.status = text;
            default -> pmtInf.reasons.end(path, text);
        }
        rel.pollLast();
    }

    private void emitPaymentInfo() {
        if (!pmtInf.emitted) {
            pmtInf.emitted = true;
            pending.add(new Pain002PaymentInfoStatus(pmtInf.index, pmtInf.id, pmtInf.status, pmtInf.reasons.list,
                    pmtInf.location));
        }
    }

    private Pain002GroupStatus readGroup() {
        XmlLocation loc = cur.location();
        String[] f = new String[3];
        Reasons reasons = new Reasons();
        cur.walk(new XmlCursor.SubtreeHandler() {
            @Override
            public void start(String path) {
                if ("StsRsnInf".equals(path)) {
                    reasons.startReason();
                }
            }

            @Override
            public void end(String path, String text) {
                switch (path) {
                    case "OrgnlMsgId" -> f[0] = text;
                    case "OrgnlMsgNmId" -> f[1] = text;
                    case "GrpSts" -> f[2] = text;
                    default -> reasons.end(path, text);
                }
            }
        });
        return new Pain002GroupStatus(message, header[0], header[1], f[0], f[1], f[2], reasons.list, loc);
    }

    private Pain002TransactionStatus readTransaction() {
        XmlLocation loc = cur.location();
        String[] f = new String[4];
        Money[] amount = new Money[1];
        Reasons reasons = new Reasons();
        cur.walk(new XmlCursor.SubtreeHandler() {
            @Override
            public void start(String path) {
                if ("StsRsnInf".equals(path)) {
                    reasons.startReason();
                }
            }

            @Override
            public void end(String path, String text) {
                switch (path) {
                    case "StsId" -> f[0] = text;
                    case "OrgnlInstrId" -> f[1] = text;
                    case "OrgnlEndToEndId" -> f[2] = text;
                    case "TxSts" -> f[3] = text;
                    case "OrgnlTxRef/Amt/InstdAmt" -> amount[0] = money(text, cur.endedCcy());
                    default -> reasons.end(path, text);
                }
            }
        });
        return new Pain002TransactionStatus(pmtInf.index, f[0], f[1], f[2], f[3], reasons.list, amount[0], loc);
    }

    private Money money(String text, String ccy) {
        XmlLocation at = cur.endedLocation();
        CurrencyUnit unit = ccy == null ? null : CurrencyUnit.find(ccy).orElse(null);
        Pain002Violation code;
        String msg;
        if (unit == null) {
            code = Pain002Violation.PAIN002_UNKNOWN_CURRENCY;
            msg = "not an active ISO 4217 currency code";
        } else if (!DECIMAL.matcher(text).matches()) {
            code = Pain002Violation.PAIN002_BAD_AMOUNT;
            msg = "amount is not a non-negative decimal number";
        } else {
            try {
                return Money.of(new BigDecimal(text), unit);
            } catch (MoneyException e) {
                code = e.code() == MoneyException.Code.SCALE_EXCEEDS_CURRENCY
                        ? Pain002Violation.PAIN002_AMOUNT_SCALE_EXCEEDS_CURRENCY : Pain002Violation.PAIN002_BAD_AMOUNT;
                msg = e.getMessage();
            }
        }
        violations.add(new Violation(code, file, at.line(), at.xmlPath(), "TxInfAndSts", "OrgnlTxRef/Amt/InstdAmt",
                text + " " + ccy, msg));
        return null;
    }

    @Override
    public void close() {
        cur.close();
    }

    /** Collects StsRsnInf elements from relative paths "StsRsnInf/Rsn/Cd" etc. */
    private static final class Reasons {
        final List<Pain002StatusReason> list = new ArrayList<>(1);
        String code;
        List<String> info;

        void startReason() {
            code = null;
            info = new ArrayList<>(1);
        }

        void end(String path, String text) {
            switch (path) {
                case "StsRsnInf/Rsn/Cd", "StsRsnInf/Rsn/Prtry" -> code = text;
                case "StsRsnInf/AddtlInf" -> {
                    if (info != null) {
                        info.add(text);
                    }
                }
                case "StsRsnInf" -> {
                    list.add(new Pain002StatusReason(code, info == null ? List.of() : info));
                    info = null;
                }
                default -> {
                    // not modelled
                }
            }
        }
    }

    private static final class PmtInfBuilder {
        final int index;
        final XmlLocation location;
        final Reasons reasons = new Reasons();
        String id;
        String status;
        boolean emitted;

        PmtInfBuilder(int index, XmlLocation location) {
            this.index = index;
            this.location = location;
        }
    }
}
