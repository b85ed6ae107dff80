package dev.settle.formats.nacha;

import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the NACHA files Settle produces: PPD/CCD batches of credits (22 checking, 32 savings),
 * optionally balanced by one offset debit per batch (27/37 to the originator's account), record
 * by record so 1M entries use constant memory.
 *
 * <p>Contract: every value is checked against the named field limits before its record is
 * written; a problem raises {@link NachaWriteException} with every violation of that record and
 * nothing of that record is written. Values that are too long are refused, never truncated.
 * Allowed characters are printable ASCII (0x20-0x7E). Amounts must be USD (exponent 2), from 0.01
 * to 99,999,999.99. Before each control record the writer checks its running totals fit the
 * control fields (and, through {@link #endBatch(long, long)}, equal what the caller expected).
 *
 * <p>Layout: every record is 94 characters followed by "\n" (also the last); after the file
 * control, lines of 94 '9's fill the last block of 10 records; the entry hash is the sum of the
 * 8-digit RDFI identifications, rightmost 10 digits; trace numbers are the ODFI's 8 digits and a
 * 7-digit sequence unique within the file.
 */
public final class NachaWriter implements AutoCloseable {

    public static final long MAX_AMOUNT_MINOR = 9_999_999_999L; // (30-39) 10 digits = 99,999,999.99 USD
    public static final long MAX_TOTAL_MINOR = 999_999_999_999L; // control totals, 12 digits
    public static final long MAX_BATCH_ENTRY_ADDENDA = 999_999; // (8: 5-10)
    public static final long MAX_FILE_ENTRY_ADDENDA = 99_999_999; // (9: 14-21)
    public static final long MAX_BATCHES = 999_999; // (9: 2-7), also the block count limit
    public static final long MAX_TRACE_SEQUENCE = 9_999_999; // trace (87-94) 7 digits, batch number 7 digits
    public static final int DESTINATION_NAME_MAX = 23;
    public static final int ORIGIN_NAME_MAX = 23;
    public static final int REFERENCE_CODE_MAX = 8;
    public static final int COMPANY_NAME_MAX = 16;
    public static final int COMPANY_DISCRETIONARY_MAX = 20;
    public static final int COMPANY_ID_MAX = 10;
    public static final int ENTRY_DESCRIPTION_MAX = 10;
    public static final int DESCRIPTIVE_DATE_MAX = 6;
    public static final int ACCOUNT_NUMBER_MAX = 17;
    public static final int IDENTIFICATION_NUMBER_MAX = 15;
    public static final int RECEIVER_NAME_MAX = 22;
    public static final int DISCRETIONARY_DATA_MAX = 2;
    public static final int BLOCKING_FACTOR = 10;

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final Writer out;
    private final String fileName;
    private final OffsetAccount offset;

    private long linesWritten;
    private boolean finished;
    // batch
    private NachaBatchSpec batch;
    private String batchOdfi;
    private String batchServiceClass;
    private long batchNumber;
    private long batchEntries;
    private long batchHash;
    private long batchCredit;
    private long batchDebit;
    // file
    private long batchCount;
    private long fileEntries;
    private long fileHash;
    private long fileCredit;
    private long fileDebit;
    private long traceSequence;

    /**
     * Checks the file header values and writes the file header.
     *
     * @param out receives the records; closed by {@link #close()}
     * @param fileName name used in violations
     * @param offset when present, each batch ends with an offset debit and has service class 200
     */
    public NachaWriter(Writer out, String fileName, NachaFileSpec file, Optional<OffsetAccount> offset) {
        this.out = out;
        this.fileName = fileName;
        this.offset = offset.orElse(null);
        List<Violation> problems = new ArrayList<>();
        Check c = new Check(problems, FileHeader.TYPE_NAME, 1);
        c.routing("immediate destination (4-13)", file.immediateDestination());
        String origin = file.immediateOrigin();
        if (origin != null && origin.length() == 9 && Fields.isDigits(origin)) {
            c.routing("immediate origin (14-23)", origin);
        } else {
            c.text("immediate origin (14-23)", origin, 10, true);
            if (origin != null && origin.length() != 10) {
                c.fail(NachaViolation.NACHA_FIELD_INVALID, "immediate origin (14-23)", origin,
                        "must be a 9-digit routing number or exactly 10 characters");
            }
        }
        if (file.createdAt() == null) {
            c.fail(NachaViolation.NACHA_FIELD_REQUIRED, "file creation date (24-29)", null, "required");
        }
        char m = file.fileIdModifier();
        if (!((m >= 'A' && m <= 'Z') || (m >= '0' && m <= '9'))) {
            c.fail(NachaViolation.NACHA_FIELD_INVALID, "file ID modifier (34)", String.valueOf(m), "must be A-Z or 0-9");
        }
        c.text("immediate destination name (41-63)", file.immediateDestinationName(), DESTINATION_NAME_MAX, false);
        c.text("immediate origin name (64-86)", file.immediateOriginName(), ORIGIN_NAME_MAX, false);
        c.text("reference code (87-94)", file.referenceCode(), REFERENCE_CODE_MAX, false);
        if (this.offset != null) {
            Check o = new Check(problems, "offset account", 0);
            o.routing("routing number", this.offset.routingNumber());
            o.text("account number", this.offset.accountNumber(), ACCOUNT_NUMBER_MAX, true);
            o.text("name", this.offset.name(), RECEIVER_NAME_MAX, false);
            if (this.offset.accountType() == null) {
                o.fail(NachaViolation.NACHA_FIELD_REQUIRED, "account type", null, "required");
            }
        }
        c.throwIfAny();
        String destination = " " + file.immediateDestination();
        String originField = origin.length() == 9 ? " " + origin : origin;
        line("1" + "01" + destination + originField + YYMMDD.format(file.createdAt()) + HHMM.format(file.createdAt())
                + m + "094" + "10" + "1" + left(file.immediateDestinationName(), DESTINATION_NAME_MAX)
                + left(file.immediateOriginName(), ORIGIN_NAME_MAX) + left(file.referenceCode(), REFERENCE_CODE_MAX));
    }

    /** Checks the batch header values and writes the batch header; the previous batch must be ended. */
    public void beginBatch(NachaBatchSpec spec) {
        requireOpen();
        if (batch != null) {
            throw new IllegalStateException("beginBatch while batch " + batchNumber + " is open");
        }
        List<Violation> problems = new ArrayList<>();
        Check c = new Check(problems, BatchHeader.TYPE_NAME, linesWritten + 1);
        if (spec.secCode() == null) {
            c.fail(NachaViolation.NACHA_FIELD_REQUIRED, "standard entry class code (51-53)", null, "PPD or CCD");
        }
        c.text("company name (5-20)", spec.companyName(), COMPANY_NAME_MAX, true);
        c.text("company discretionary data (21-40)", spec.companyDiscretionaryData(), COMPANY_DISCRETIONARY_MAX, false);
        c.text("company identification (41-50)", spec.companyIdentification(), COMPANY_ID_MAX, true);
        c.text("company entry description (54-63)", spec.companyEntryDescription(), ENTRY_DESCRIPTION_MAX, true);
        c.text("company descriptive date (64-69)", spec.companyDescriptiveDate(), DESCRIPTIVE_DATE_MAX, false);
        if (spec.effectiveEntryDate() == null) {
            c.fail(NachaViolation.NACHA_FIELD_REQUIRED, "effective entry date (70-75)", null, "required");
        }
        c.routing("ODFI routing (80-87)", spec.odfiRouting());
        if (batchCount + 1 > MAX_BATCHES) {
            c.fail(NachaViolation.NACHA_CONTROL_TOTAL, "batch number (88-94)", Long.toString(batchCount + 1),
                    "more than " + MAX_BATCHES + " batches do not fit the file control");
        }
        c.throwIfAny();
        batch = spec;
        batchCount++;
        batchNumber = batchCount;
        batchOdfi = spec.odfiRouting().substring(0, 8);
        batchServiceClass = offset == null ? "220" : "200";
        batchEntries = 0;
        batchHash = 0;
        batchCredit = 0;
        batchDebit = 0;
        line("5" + batchServiceClass + left(spec.companyName(), COMPANY_NAME_MAX)
                + left(spec.companyDiscretionaryData(), COMPANY_DISCRETIONARY_MAX)
                + left(spec.companyIdentification(), COMPANY_ID_MAX) + spec.secCode().name()
                + left(spec.companyEntryDescription(), ENTRY_DESCRIPTION_MAX)
                + left(spec.companyDescriptiveDate(), DESCRIPTIVE_DATE_MAX) + YYMMDD.format(spec.effectiveEntryDate())
                + "   " + "1" + batchOdfi + Fields.rightJustifyDigits(batchNumber, 7));
    }

    /** Checks one credit and writes its entry detail record. */
    public void credit(NachaCredit credit) {
        requireOpen();
        if (batch == null) {
            throw new IllegalStateException("credit outside a batch");
        }
        List<Violation> problems = new ArrayList<>();
        Check c = new Check(problems, EntryDetail.TYPE_NAME, linesWritten + 1);
        if (credit.accountType() == null) {
            c.fail(NachaViolation.NACHA_FIELD_REQUIRED, "account type", null, "checking or savings");
        }
        c.routing("RDFI routing number (4-12)", credit.routingNumber());
        c.text("DFI account number (13-29)", credit.accountNumber(), ACCOUNT_NUMBER_MAX, true);
        c.amount("amount (30-39)", credit.amount());
        c.text("identification number (40-54)", credit.identificationNumber(), IDENTIFICATION_NUMBER_MAX, false);
        c.text("receiver name (55-76)", credit.receiverName(), RECEIVER_NAME_MAX, true);
        c.text("discretionary data (77-78)", credit.discretionaryData(), DISCRETIONARY_DATA_MAX, false);
        if (problems.isEmpty()) {
            long amount = credit.amount().amountMinor();
            // Limits of what follows this entry: the batch control, the offset entry and the file control.
            long entriesAfter = batchEntries + 1 + (offset == null ? 0 : 1);
            if (entriesAfter > MAX_BATCH_ENTRY_ADDENDA || fileEntries + entriesAfter - batchEntries > MAX_FILE_ENTRY_ADDENDA
                    || traceSequence + entriesAfter - batchEntries > MAX_TRACE_SEQUENCE) {
                c.fail(NachaViolation.NACHA_CONTROL_TOTAL, "entry/addenda count", Long.toString(entriesAfter),
                        "one more entry would not fit the control record counts or the trace sequence");
            }
            long batchLimit = offset == null ? MAX_TOTAL_MINOR : MAX_AMOUNT_MINOR; // the offset is one 10-digit entry
            if (batchCredit + amount > batchLimit || fileCredit + amount > MAX_TOTAL_MINOR
                    || (offset != null && fileDebit + batchCredit + amount > MAX_TOTAL_MINOR)) {
                c.fail(NachaViolation.NACHA_CONTROL_TOTAL, "amount (30-39)", credit.amount().toString(),
                        "the batch or file total would exceed its control field"
                                + (offset == null ? "" : " or the 10-digit offset entry"));
            }
        }
        c.throwIfAny();
        entry(credit.accountType().creditCode(), credit.routingNumber(), credit.accountNumber(),
                credit.amount().amountMinor(), credit.identificationNumber(), credit.receiverName(),
                credit.discretionaryData());
    }

    /** Ends the batch (offset entry when configured, then the batch control). */
    public void endBatch() {
        endBatch(-1, -1);
    }

    /**
     * Ends the batch after asserting the written credits match what the caller expected.
     *
     * @param expectedCredits number of credits the caller meant to write, or -1 to skip the check
     * @param expectedCreditMinor their total in USD cents, or -1 to skip the check
     */
    public void endBatch(long expectedCredits, long expectedCreditMinor) {
        requireOpen();
        if (batch == null) {
            throw new IllegalStateException("endBatch without a batch");
        }
        List<Violation> problems = new ArrayList<>();
        Check c = new Check(problems, BatchControl.TYPE_NAME, linesWritten + 1);
        if (batchEntries == 0) {
            c.fail(NachaViolation.NACHA_CONTROL_TOTAL, "entry/addenda count (5-10)", "0", "a batch needs at least one entry");
        }
        if (expectedCredits >= 0 && expectedCredits != batchEntries) {
            c.fail(NachaViolation.NACHA_CONTROL_TOTAL, "entry/addenda count (5-10)", Long.toString(batchEntries),
                    "caller expected " + expectedCredits + " credits");
        }
        if (expectedCreditMinor >= 0 && expectedCreditMinor != batchCredit) {
            c.fail(NachaViolation.NACHA_CONTROL_TOTAL, "total credit amount (33-44)", Long.toString(batchCredit),
                    "caller expected " + expectedCreditMinor + " cents");
        }
        c.throwIfAny();
        if (offset != null) {
            entry(offset.accountType().debitCode(), offset.routingNumber(), offset.accountNumber(), batchCredit, "",
                    offset.name(), "");
        }
        assertFits(batchEntries, MAX_BATCH_ENTRY_ADDENDA, "batch entry count");
        assertFits(batchCredit, MAX_TOTAL_MINOR, "batch credit total");
        assertFits(batchDebit, MAX_TOTAL_MINOR, "batch debit total");
        line("8" + batchServiceClass + Fields.rightJustifyDigits(batchEntries, 6) + Fields.rightJustifyDigits(batchHash, 10)
                + Fields.rightJustifyDigits(batchDebit, 12) + Fields.rightJustifyDigits(batchCredit, 12)
                + left(batch.companyIdentification(), COMPANY_ID_MAX) + " ".repeat(19) + " ".repeat(6) + batchOdfi
                + Fields.rightJustifyDigits(batchNumber, 7));
        batch = null;
    }

    /**
     * Writes the file control and the 9-filled block padding, and flushes. Returns the totals written.
     */
    public NachaControlTotals finish() {
        requireOpen();
        if (batch != null) {
            throw new IllegalStateException("finish while batch " + batchNumber + " is open");
        }
        long blocks = (linesWritten + 1 + BLOCKING_FACTOR - 1) / BLOCKING_FACTOR;
        assertFits(blocks, MAX_BATCHES, "block count");
        assertFits(fileEntries, MAX_FILE_ENTRY_ADDENDA, "file entry count");
        assertFits(fileCredit, MAX_TOTAL_MINOR, "file credit total");
        assertFits(fileDebit, MAX_TOTAL_MINOR, "file debit total");
        line("9" + Fields.rightJustifyDigits(batchCount, 6) + Fields.rightJustifyDigits(blocks, 6)
                + Fields.rightJustifyDigits(fileEntries, 8) + Fields.rightJustifyDigits(fileHash, 10)
                + Fields.rightJustifyDigits(fileDebit, 12) + Fields.rightJustifyDigits(fileCredit, 12) + " ".repeat(39));
        while (linesWritten % BLOCKING_FACTOR != 0) {
            line(FillerRecord.LINE);
        }
        finished = true;
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NachaControlTotals(batchCount, fileEntries, 0, fileDebit, fileCredit, fileHash);
    }

    /**
     * Checks a whole file first (every violation of every record, plus the totals), then writes
     * it. Nothing is written when anything is wrong.
     */
    public static NachaControlTotals write(Writer out, String fileName, NachaFileSpec file,
            Optional<OffsetAccount> offset, List<Batch> batches) {
        List<Violation> problems = new ArrayList<>();
        // Dry run against a writer that discards: collects the violations of every record.
        NachaWriter dry;
        try {
            dry = new NachaWriter(Writer.nullWriter(), fileName, file, offset);
        } catch (NachaWriteException e) {
            throw e;
        }
        for (Batch b : batches) {
            try {
                dry.beginBatch(b.spec());
            } catch (NachaWriteException e) {
                problems.addAll(e.violations());
                continue;
            }
            boolean rejected = false;
            for (NachaCredit credit : b.credits()) {
                try {
                    dry.credit(credit);
                } catch (NachaWriteException e) {
                    problems.addAll(e.violations());
                    rejected = true;
                }
            }
            if (rejected) { // its control checks would only repeat the credit's problem
                dry.batch = null;
                continue;
            }
            try {
                dry.endBatch();
            } catch (NachaWriteException e) {
                problems.addAll(e.violations());
                dry.batch = null;
            }
        }
        if (!problems.isEmpty()) {
            throw new NachaWriteException(problems);
        }
        NachaWriter writer = new NachaWriter(out, fileName, file, offset);
        for (Batch b : batches) {
            writer.beginBatch(b.spec());
            long expectedMinor = 0;
            for (NachaCredit credit : b.credits()) {
                writer.credit(credit);
                expectedMinor = Math.addExact(expectedMinor, credit.amount().amountMinor());
            }
            writer.endBatch(b.credits().size(), expectedMinor);
        }
        return writer.finish();
    }

    /** One batch for {@link #write}: its header values and its credits, in order. */
    public record Batch(NachaBatchSpec spec, List<NachaCredit> credits) {
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void entry(String code, String routing, String account, long amountMinor, String id, String name,
            String discretionary) {
        traceSequence++;
        batchEntries++;
        fileEntries++;
        long prefix = Long.parseLong(routing.substring(0, 8));
        batchHash = (batchHash + prefix) % NachaValidator.HASH_MODULUS;
        fileHash = (fileHash + prefix) % NachaValidator.HASH_MODULUS;
        if (TransactionCodes.direction(code).orElseThrow() == TransactionCodes.Direction.CREDIT) {
            batchCredit = Math.addExact(batchCredit, amountMinor);
            fileCredit = Math.addExact(fileCredit, amountMinor);
        } else {
            batchDebit = Math.addExact(batchDebit, amountMinor);
            fileDebit = Math.addExact(fileDebit, amountMinor);
        }
        line("6" + code + routing + left(account, ACCOUNT_NUMBER_MAX) + Fields.rightJustifyDigits(amountMinor, 10)
                + left(id, IDENTIFICATION_NUMBER_MAX) + left(name, RECEIVER_NAME_MAX)
                + left(discretionary, DISCRETIONARY_DATA_MAX) + "0" + batchOdfi
                + Fields.rightJustifyDigits(traceSequence, 7));
    }

    /** Internal invariant: the checks in credit() keep every total inside its field. */
    private void assertFits(long value, long max, String what) {
        if (value > max) {
            throw new NachaWriteException(List.of(new Violation(NachaViolation.NACHA_CONTROL_TOTAL, fileName,
                    linesWritten + 1, null, null, what, Long.toString(value), "exceeds " + max)));
        }
    }

    private void line(String record) {
        if (record.length() != NachaReader.RECORD_LENGTH) {
            throw new IllegalStateException("bug: record of " + record.length() + " characters: " + record);
        }
        try {
            out.write(record);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        linesWritten++;
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("file already finished");
        }
    }

    private static String left(String value, int width) {
        return Fields.leftJustify(value == null ? "" : value, width);
    }

    /** Collects the violations of one record. */
    private final class Check {
        private final List<Violation> problems;
        private final String recordType;
        private final long line;

        Check(List<Violation> problems, String recordType, long line) {
            this.problems = problems;
            this.recordType = recordType;
            this.line = line;
        }

        void fail(NachaViolation code, String field, String raw, String message) {
            problems.add(new Violation(code, fileName, line, null, recordType, field, raw, message));
        }

        void text(String field, String value, int max, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    fail(NachaViolation.NACHA_FIELD_REQUIRED, field, value, "required");
                }
                return;
            }
            if (value.length() > max) {
                fail(NachaViolation.NACHA_FIELD_TOO_LONG, field, value,
                        value.length() + " characters, the field holds " + max + " (values are never truncated)");
            }
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch < 0x20 || ch > 0x7E) {
                    fail(NachaViolation.NACHA_FIELD_INVALID, field, value,
                            "character U+" + String.format("%04X", (int) ch) + " is not printable ASCII");
                    return;
                }
            }
        }

        void routing(String field, String value) {
            if (value == null || value.length() != 9 || !Fields.isDigits(value)) {
                fail(NachaViolation.NACHA_BAD_ROUTING, field, value, "must be a 9-digit routing number");
            } else if (!Fields.isValidRouting(value)) {
                fail(NachaViolation.NACHA_ROUTING_CHECK_DIGIT, field, value,
                        "check digit should be " + Fields.routingCheckDigit(value));
            }
        }

        void amount(String field, Money amount) {
            if (amount == null) {
                fail(NachaViolation.NACHA_FIELD_REQUIRED, field, null, "required");
            } else if (!amount.currency().equals(CurrencyUnit.USD)) {
                fail(NachaViolation.NACHA_UNSUPPORTED_CURRENCY, field, amount.toString(), "NACHA amounts are USD only");
            } else if (amount.amountMinor() <= 0 || amount.amountMinor() > MAX_AMOUNT_MINOR) {
                fail(NachaViolation.NACHA_AMOUNT_OUT_OF_RANGE, field, amount.toString(),
                        "must be from 0.01 to 99999999.99 USD");
            }
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new NachaWriteException(problems);
            }
        }
    }
}
