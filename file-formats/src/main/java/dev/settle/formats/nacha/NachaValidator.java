package dev.settle.formats.nacha;

import dev.settle.formats.Violation;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a NACHA file record by record, as a separate step after reading: feed every record to
 * {@link #accept}, then call {@link #finish()} for the complete list of violations. State is
 * per-batch and per-file counters only, so memory stays constant however long the file is.
 *
 * <p>To avoid cascades, a batch or file whose amounts (or routing numbers) were not numeric skips
 * the total (or hash) comparison: the bad field itself is the violation.
 *
 * <p>Block count rule: the file control's block count must equal ceil(records from the file header
 * through the file control / 10). Block padding after the file control is optional (real files
 * such as 20110805A.ach are not padded) but if present must be all-9 lines.
 */
public final class NachaValidator {

    static final long HASH_MODULUS = 10_000_000_000L;
    private static final Set<String> SERVICE_CLASSES = Set.of("200", "220", "225", "280");

    private enum State { START, FILE, BATCH, AFTER_FILE_CONTROL }

    private final String fileName;
    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, Long> recordCounts = new LinkedHashMap<>();
    private State state = State.START;

    // per batch
    private BatchHeader batchHeader;
    private long batchEntryAddenda;
    private long batchHash;
    private long batchDebit;
    private long batchCredit;
    private boolean batchAmountsKnown = true;
    private boolean batchHashKnown = true;
    private EntryDetail lastEntry;
    private boolean lastEntryHadAddenda;

    // per file
    private long batchCount;
    private long entryCount;
    private long addendaCount;
    private long fileHash;
    private long fileDebit;
    private long fileCredit;
    private boolean fileAmountsKnown = true;
    private boolean fileHashKnown = true;
    private long recordsThroughFileControl;
    private boolean sawFileControl;
    private boolean sawAnything;

    public NachaValidator(String fileName) {
        this.fileName = fileName;
    }

    /** Reads and validates a whole stream (the reader's {@link dev.settle.formats.FormatException} propagates). */
    public static NachaValidation validate(InputStream in, String fileName) {
        NachaValidator validator = new NachaValidator(fileName);
        try (NachaReader reader = new NachaReader(in, fileName)) {
            while (reader.hasNext()) {
                validator.accept(reader.next());
            }
        }
        List<Violation> found = validator.finish();
        return new NachaValidation(validator.totals(), validator.recordCounts(), found);
    }

    public void accept(NachaRecord record) {
        sawAnything = true;
        recordCounts.merge(countName(record), 1L, Long::sum);
        if (record.raw().length() != NachaReader.RECORD_LENGTH) {
            add(NachaViolation.NACHA_LINE_LENGTH, record, null, null,
                    "line is " + record.raw().length() + " characters; NACHA records are exactly 94");
        }
        if (!sawFileControl) {
            recordsThroughFileControl++;
        }
        if (!(record instanceof Addenda)) {
            closeEntry();
        }
        if (record instanceof FileHeader h) {
            fileHeader(h);
        } else if (record instanceof BatchHeader h) {
            batchHeader(h);
        } else if (record instanceof EntryDetail e) {
            entry(e);
        } else if (record instanceof Addenda a) {
            addenda(a);
        } else if (record instanceof BatchControl c) {
            batchControl(c);
        } else if (record instanceof FileControl c) {
            fileControl(c);
        } else if (record instanceof FillerRecord f) {
            if (state != State.AFTER_FILE_CONTROL) {
                order(f, "filler (all 9s) before the file control record");
            }
        } else {
            add(NachaViolation.NACHA_UNKNOWN_RECORD_TYPE, record, "record type", record.raw().substring(0, 1),
                    "unknown record type; expected 1, 5, 6, 7, 8 or 9");
        }
    }

    /** Ends validation: reports what is missing at the end and returns every violation found, in line order. */
    public List<Violation> finish() {
        closeEntry();
        if (!sawAnything) {
            violations.add(new Violation(NachaViolation.NACHA_EMPTY_FILE, fileName, 0, null, null, null, null,
                    "the file has no records"));
        } else if (state == State.BATCH) {
            violations.add(new Violation(NachaViolation.NACHA_MISSING_BATCH_CONTROL, fileName, 0, null,
                    BatchControl.TYPE_NAME, null, null, "the file ends inside a batch"));
        }
        if (sawAnything && !sawFileControl) {
            violations.add(new Violation(NachaViolation.NACHA_MISSING_FILE_CONTROL, fileName, 0, null,
                    FileControl.TYPE_NAME, null, null, "the file ends without a file control record"));
        }
        return List.copyOf(violations);
    }

    /** Totals of the records accepted so far. */
    public NachaControlTotals totals() {
        return new NachaControlTotals(batchCount, entryCount, addendaCount, fileDebit, fileCredit, fileHash);
    }

    /** Records accepted so far per kind ("batches", "entries", "addenda", ...), in first-seen order. */
    public Map<String, Long> recordCounts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(recordCounts));
    }

    private static String countName(NachaRecord r) {
        if (r instanceof FileHeader) {
            return "file headers";
        } else if (r instanceof BatchHeader) {
            return "batches";
        } else if (r instanceof EntryDetail) {
            return "entries";
        } else if (r instanceof ReturnAddenda) {
            return "returns";
        } else if (r instanceof NocAddenda) {
            return "notifications of change";
        } else if (r instanceof Addenda) {
            return "addenda";
        } else if (r instanceof BatchControl) {
            return "batch controls";
        } else if (r instanceof FileControl) {
            return "file controls";
        } else if (r instanceof FillerRecord) {
            return "filler lines";
        }
        return "unknown records";
    }

    private void fileHeader(FileHeader h) {
        if (state != State.START) {
            order(h, "file header after the first record");
        }
        state = State.FILE;
        if (!h.recordSize().equals("094")) {
            add(NachaViolation.NACHA_BAD_HEADER_FIELD, h, "record size (35-37)", h.recordSize(), "must be 094");
        }
        if (!h.blockingFactor().equals("10")) {
            add(NachaViolation.NACHA_BAD_HEADER_FIELD, h, "blocking factor (38-39)", h.blockingFactor(), "must be 10");
        }
        if (!h.formatCode().equals("1")) {
            add(NachaViolation.NACHA_BAD_HEADER_FIELD, h, "format code (40)", h.formatCode(), "must be 1");
        }
        routing(h, "immediate destination (4-13)", h.immediateDestination().trim());
    }

    private void batchHeader(BatchHeader h) {
        if (state == State.START) {
            order(h, "batch header before the file header");
        } else if (state == State.BATCH) {
            add(NachaViolation.NACHA_MISSING_BATCH_CONTROL, h, null, null,
                    "batch header while the previous batch has no batch control");
        } else if (state == State.AFTER_FILE_CONTROL) {
            order(h, "batch header after the file control");
        }
        state = State.BATCH;
        batchCount++;
        batchHeader = h;
        batchEntryAddenda = 0;
        batchHash = 0;
        batchDebit = 0;
        batchCredit = 0;
        batchAmountsKnown = true;
        batchHashKnown = true;
        if (!SERVICE_CLASSES.contains(h.serviceClassCode())) {
            add(NachaViolation.NACHA_UNKNOWN_SERVICE_CLASS, h, "service class code (2-4)", h.serviceClassCode(),
                    "expected 200, 220, 225 or 280");
        }
        if (!Fields.isDigits(h.odfiIdentification())) {
            add(NachaViolation.NACHA_BAD_ROUTING, h, "ODFI identification (80-87)", h.odfiIdentification(),
                    "must be 8 digits");
        }
        numeric(h, "batch number (88-94)", h.batchNumber());
    }

    private void entry(EntryDetail e) {
        if (state != State.BATCH) {
            order(e, "entry detail outside a batch");
        }
        entryCount++;
        batchEntryAddenda++;
        lastEntry = e;
        lastEntryHadAddenda = false;
        var direction = e.direction();
        if (direction.isEmpty()) {
            add(NachaViolation.NACHA_UNKNOWN_TRANSACTION_CODE, e, "transaction code (2-3)", e.transactionCode(),
                    "not a NACHA transaction code");
        }
        if (Fields.isDigits(e.receivingDfiIdentification())) {
            long prefix = Long.parseLong(e.receivingDfiIdentification());
            batchHash = (batchHash + prefix) % HASH_MODULUS;
            fileHash = (fileHash + prefix) % HASH_MODULUS;
            routing(e, "RDFI routing number (4-12)", e.routingNumber());
        } else {
            batchHashKnown = false;
            fileHashKnown = false;
            add(NachaViolation.NACHA_BAD_ROUTING, e, "RDFI identification (4-11)", e.receivingDfiIdentification(),
                    "must be 8 digits");
        }
        numeric(e, "trace number (80-94)", e.traceNumber());
        if (!e.addendaRecordIndicator().equals("0") && !e.addendaRecordIndicator().equals("1")) {
            add(NachaViolation.NACHA_ADDENDA_INDICATOR_MISMATCH, e, "addenda record indicator (79)",
                    e.addendaRecordIndicator(), "must be 0 or 1");
        }
        long amount = Fields.digitsOrMinusOne(e.amount());
        if (amount < 0) {
            batchAmountsKnown = false;
            fileAmountsKnown = false;
            add(NachaViolation.NACHA_BAD_AMOUNT, e, "amount (30-39)", e.amount(), "amount is not numeric");
            return;
        }
        if (amount != 0 && TransactionCodes.isPrenoteOrZeroDollar(e.transactionCode())) {
            add(NachaViolation.NACHA_PRENOTE_AMOUNT_NOT_ZERO, e, "amount (30-39)", e.amount(),
                    "transaction code " + e.transactionCode() + " is a prenote/zero-dollar entry");
        }
        if (direction.isEmpty()) {
            return;
        }
        String serviceClass = batchHeader == null ? null : batchHeader.serviceClassCode();
        if (direction.get() == TransactionCodes.Direction.CREDIT) {
            batchCredit = plus(batchCredit, amount, e);
            fileCredit = plus(fileCredit, amount, e);
            if ("225".equals(serviceClass)) {
                add(NachaViolation.NACHA_SERVICE_CLASS_ENTRY_MISMATCH, e, "transaction code (2-3)", e.transactionCode(),
                        "credit entry in a debits-only (225) batch");
            }
        } else {
            batchDebit = plus(batchDebit, amount, e);
            fileDebit = plus(fileDebit, amount, e);
            if ("220".equals(serviceClass)) {
                add(NachaViolation.NACHA_SERVICE_CLASS_ENTRY_MISMATCH, e, "transaction code (2-3)", e.transactionCode(),
                        "debit entry in a credits-only (220) batch");
            }
        }
    }

    private void addenda(Addenda a) {
        addendaCount++;
        batchEntryAddenda++;
        if (lastEntry == null) {
            order(a, "addenda not following an entry detail or addenda");
            return;
        }
        lastEntryHadAddenda = true;
        if (!lastEntry.hasAddenda()) {
            add(NachaViolation.NACHA_ADDENDA_INDICATOR_MISMATCH, a, null, null,
                    "addenda follows the entry on line " + lastEntry.line() + " whose addenda indicator (79) is not 1");
        }
        if (a instanceof ReturnAddenda r) {
            reasonCode(a, "return reason code (4-6)", r.returnReasonCode(), 'R');
        } else if (a instanceof NocAddenda n) {
            reasonCode(a, "change code (4-6)", n.changeCode(), 'C');
        }
    }

    private void batchControl(BatchControl c) {
        if (state != State.BATCH) {
            order(c, "batch control without an open batch");
            return;
        }
        state = State.FILE;
        BatchHeader h = batchHeader;
        if (!c.serviceClassCode().equals(h.serviceClassCode())) {
            add(NachaViolation.NACHA_BATCH_HEADER_CONTROL_MISMATCH, c, "service class code (2-4)", c.serviceClassCode(),
                    "batch header on line " + h.line() + " says " + h.serviceClassCode());
        }
        // Compared trimmed: files justify the same identifier differently in header and control
        // (return-WEB.ach: "123456789 " vs " 123456789"); IAT headers carry it in other positions.
        if (!c.companyIdentification().trim().equals(h.companyIdentification().trim())
                && !"IAT".equals(h.standardEntryClassCode())) {
            add(NachaViolation.NACHA_BATCH_HEADER_CONTROL_MISMATCH, c, "company identification (45-54)",
                    c.companyIdentification(), "batch header on line " + h.line() + " says " + h.companyIdentification());
        }
        if (!c.odfiIdentification().equals(h.odfiIdentification())) {
            add(NachaViolation.NACHA_BATCH_HEADER_CONTROL_MISMATCH, c, "ODFI identification (80-87)",
                    c.odfiIdentification(), "batch header on line " + h.line() + " says " + h.odfiIdentification());
        }
        if (!c.batchNumber().equals(h.batchNumber())) {
            add(NachaViolation.NACHA_BATCH_HEADER_CONTROL_MISMATCH, c, "batch number (88-94)", c.batchNumber(),
                    "batch header on line " + h.line() + " says " + h.batchNumber());
        }
        compare(c, NachaViolation.NACHA_BATCH_ENTRY_COUNT_MISMATCH, "entry/addenda count (5-10)",
                c.entryAddendaCount(), batchEntryAddenda, true);
        compare(c, NachaViolation.NACHA_BATCH_ENTRY_HASH_MISMATCH, "entry hash (11-20)", c.entryHash(), batchHash,
                batchHashKnown);
        compare(c, NachaViolation.NACHA_BATCH_DEBIT_TOTAL_MISMATCH, "total debit amount (21-32)", c.totalDebitAmount(),
                batchDebit, batchAmountsKnown);
        compare(c, NachaViolation.NACHA_BATCH_CREDIT_TOTAL_MISMATCH, "total credit amount (33-44)",
                c.totalCreditAmount(), batchCredit, batchAmountsKnown);
    }

    private void fileControl(FileControl c) {
        if (state == State.BATCH) {
            add(NachaViolation.NACHA_MISSING_BATCH_CONTROL, c, null, null,
                    "file control while the batch of line " + batchHeader.line() + " has no batch control");
        } else if (state != State.FILE) {
            order(c, state == State.START ? "file control before the file header" : "second file control");
        }
        boolean first = !sawFileControl;
        state = State.AFTER_FILE_CONTROL;
        sawFileControl = true;
        if (!first) {
            return;
        }
        compare(c, NachaViolation.NACHA_FILE_BATCH_COUNT_MISMATCH, "batch count (2-7)", c.batchCount(), batchCount, true);
        long blocks = (recordsThroughFileControl + 9) / 10;
        compare(c, NachaViolation.NACHA_FILE_BLOCK_COUNT_MISMATCH, "block count (8-13)", c.blockCount(), blocks, true);
        compare(c, NachaViolation.NACHA_FILE_ENTRY_COUNT_MISMATCH, "entry/addenda count (14-21)",
                c.entryAddendaCount(), entryCount + addendaCount, true);
        compare(c, NachaViolation.NACHA_FILE_ENTRY_HASH_MISMATCH, "entry hash (22-31)", c.entryHash(), fileHash,
                fileHashKnown);
        compare(c, NachaViolation.NACHA_FILE_DEBIT_TOTAL_MISMATCH, "total debit amount (32-43)", c.totalDebitAmount(),
                fileDebit, fileAmountsKnown);
        compare(c, NachaViolation.NACHA_FILE_CREDIT_TOTAL_MISMATCH, "total credit amount (44-55)",
                c.totalCreditAmount(), fileCredit, fileAmountsKnown);
    }

    /** An entry's addenda are complete once a non-addenda record follows: check indicator 1 had addenda. */
    private void closeEntry() {
        if (lastEntry != null && lastEntry.hasAddenda() && !lastEntryHadAddenda) {
            add(NachaViolation.NACHA_ADDENDA_INDICATOR_MISMATCH, lastEntry, "addenda record indicator (79)", "1",
                    "indicator says addenda follow, but none does");
        }
        lastEntry = null;
    }

    private void compare(NachaRecord r, NachaViolation code, String field, String raw, long computed, boolean known) {
        long claimed = Fields.digitsOrMinusOne(raw);
        if (claimed < 0) {
            add(NachaViolation.NACHA_BAD_NUMERIC, r, field, raw, "must be all digits");
        } else if (known && claimed != computed) {
            add(code, r, field, raw, "records add up to " + computed);
        }
    }

    private void routing(NachaRecord r, String field, String routing) {
        if (routing.length() != 9 || !Fields.isDigits(routing)) {
            add(NachaViolation.NACHA_BAD_ROUTING, r, field, routing, "must be a 9-digit routing number");
        } else if (!Fields.isValidRouting(routing)) {
            add(NachaViolation.NACHA_ROUTING_CHECK_DIGIT, r, field, routing,
                    "check digit should be " + Fields.routingCheckDigit(routing));
        }
    }

    private void numeric(NachaRecord r, String field, String raw) {
        if (!Fields.isDigits(raw)) {
            add(NachaViolation.NACHA_BAD_NUMERIC, r, field, raw, "must be all digits");
        }
    }

    private void reasonCode(NachaRecord r, String field, String code, char kind) {
        if (code.charAt(0) != kind || NachaReasonCodes.describe(code).isEmpty()) {
            add(NachaViolation.NACHA_UNKNOWN_REASON_CODE, r, field, code,
                    "not a NACHA " + (kind == 'R' ? "return reason" : "change") + " code");
        }
    }

    private long plus(long total, long amount, NachaRecord r) {
        try {
            return Math.addExact(total, amount);
        } catch (ArithmeticException ex) {
            add(NachaViolation.NACHA_TOTAL_OVERFLOW, r, "amount (30-39)", null, "total exceeds 64-bit cents");
            batchAmountsKnown = false;
            fileAmountsKnown = false;
            return total;
        }
    }

    private void order(NachaRecord r, String message) {
        add(NachaViolation.NACHA_RECORD_ORDER, r, null, null, message);
    }

    private void add(NachaViolation code, NachaRecord r, String field, String raw, String message) {
        violations.add(new Violation(code, fileName, r.line(), null, r.recordTypeName(), field, raw, message));
    }
}
