package dev.settle.formats.bai2;

import dev.settle.formats.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Checks the nesting 01 (02 (03 16* 49)* 98)* 99 and every control total and record count of a
 * stream of {@link Bai2Record}s, with constant memory. Each level checks its own arithmetic
 * against the level below as written in the file (98 against the 49s as written, 99 against the
 * 98s as written), so one wrong account total is reported once, not three times.
 *
 * <p>Account control total (49) = algebraic sum of every amount in the account's 03 summaries
 * (status amounts with their sign, activity totals) and 16 details, in implied decimals. Record
 * counts count physical records, 88 continuations included.
 *
 * <p>A blank 49 control total: the BAI2 rule "a blank field is defaulted, not zero" gives no
 * number to compare, so we accept a blank only when the computed total is zero (accounts with no
 * activity, as ministryofjustice's fixture has) and report {@link Bai2Violation#BAI2_CONTROL_TOTAL_BLANK}
 * otherwise. A blank 98/99 control total is treated the same way.
 */
public final class Bai2Validator {

    private final String fileName;
    private final List<Violation> violations = new ArrayList<>();

    private boolean fileOpen;
    private boolean fileSeen;
    private boolean fileClosed;
    private long fileRecords;
    private long fileSumOfGroups;
    private long groups;

    private boolean groupOpen;
    private long groupRecords;
    private long groupSumOfAccounts;
    private long accounts;

    private boolean accountOpen;
    private long accountRecords;
    private long accountSum;
    private boolean overflow;

    public Bai2Validator(String fileName) {
        this.fileName = Objects.requireNonNull(fileName);
    }

    /** Reads the whole stream and returns the reader's violations followed by the validator's. */
    public static List<Violation> validate(Bai2Reader reader) {
        Bai2Validator v = new Bai2Validator(reader.fileName());
        while (reader.hasNext()) {
            v.accept(reader.next());
        }
        v.finish();
        List<Violation> all = new ArrayList<>(reader.violations());
        all.addAll(v.violations());
        return all;
    }

    public List<Violation> violations() {
        return Collections.unmodifiableList(violations);
    }

    public void accept(Bai2Record r) {
        long n = r.physicalRecords();
        if (fileClosed) {
            unexpected(r, "record after the file trailer (99)");
            return;
        }
        switch (r.recordCode()) {
            case "01" -> {
                if (fileSeen) {
                    unexpected(r, "second file header (01)");
                    return;
                }
                fileSeen = true;
                fileOpen = true;
                fileRecords = n;
            }
            case "02" -> {
                openFile(r);
                if (groupOpen) {
                    missing(r, "98", "group header (02) before the previous group's trailer (98)");
                    closeGroupSilently();
                }
                groupOpen = true;
                groups++;
                groupRecords = n;
                groupSumOfAccounts = 0;
                accounts = 0;
                fileRecords += n;
            }
            case "03" -> {
                openFile(r);
                if (!groupOpen) {
                    unexpected(r, "account (03) outside a group");
                }
                if (accountOpen) {
                    missing(r, "49", "account (03) before the previous account's trailer (49)");
                }
                accountOpen = true;
                accounts++;
                accountRecords = n;
                accountSum = 0;
                overflow = false;
                for (Bai2Summary s : ((Bai2AccountIdentifier) r).summaries()) {
                    if (s.amount() != null) {
                        add(s.amount().amountMinor());
                    }
                }
                count(n);
            }
            case "16" -> {
                openFile(r);
                if (!accountOpen) {
                    unexpected(r, "transaction detail (16) outside an account");
                }
                Bai2TransactionDetail d = (Bai2TransactionDetail) r;
                if (d.amount() != null) {
                    add(d.amount().amountMinor());
                }
                accountRecords += n;
                count(n);
            }
            case "49" -> accountTrailer((Bai2AccountTrailer) r, n);
            case "98" -> groupTrailer((Bai2GroupTrailer) r, n);
            default -> fileTrailer((Bai2FileTrailer) r, n);
        }
    }

    /** Call at end of input: reports trailers that never came. */
    public void finish() {
        if (!fileSeen) {
            violations.add(new Violation(Bai2Violation.BAI2_MISSING_RECORD, fileName, 0, null, "01", null, null,
                    "no file header (01)"));
        }
        if (fileSeen && !fileClosed) {
            violations.add(new Violation(Bai2Violation.BAI2_MISSING_RECORD, fileName, 0, null, "99", null, null,
                    "no file trailer (99) at end of file"));
        }
    }

    private void count(long n) {
        groupRecords += n;
        fileRecords += n;
    }

    private void add(long amount) {
        try {
            accountSum = Math.addExact(accountSum, amount);
        } catch (ArithmeticException e) {
            overflow = true;
        }
    }

    private void openFile(Bai2Record r) {
        if (!fileSeen) {
            missing(r, "01", "record before any file header (01)");
            fileSeen = true;
            fileOpen = true;
        }
    }

    private void accountTrailer(Bai2AccountTrailer t, long n) {
        openFile(t);
        if (!accountOpen) {
            unexpected(t, "account trailer (49) without an account (03)");
            return;
        }
        accountRecords += n;
        count(n);
        accountOpen = false;
        long reported;
        if (t.controlTotal() == null) {
            reported = 0;
            if (!overflow && accountSum != 0) {
                add49(t, Bai2Violation.BAI2_CONTROL_TOTAL_BLANK, "controlTotal", null,
                        "account control total is blank but the account's amounts sum to " + accountSum);
            }
        } else {
            reported = t.controlTotal();
            if (overflow || reported != accountSum) {
                add49(t, Bai2Violation.BAI2_ACCOUNT_CONTROL_TOTAL_MISMATCH, "controlTotal", t.controlTotal().toString(),
                        "account amounts sum to " + (overflow ? "more than 64 bits" : accountSum));
            }
        }
        if (t.numberOfRecords() != null && t.numberOfRecords() != accountRecords) {
            add49(t, Bai2Violation.BAI2_ACCOUNT_RECORD_COUNT_MISMATCH, "numberOfRecords",
                    t.numberOfRecords().toString(), "the account has " + accountRecords + " records (03 to 49, 88s included)");
        }
        try {
            groupSumOfAccounts = Math.addExact(groupSumOfAccounts, reported);
        } catch (ArithmeticException e) {
            groupSumOfAccounts = Long.MIN_VALUE;
        }
    }

    private void groupTrailer(Bai2GroupTrailer t, long n) {
        openFile(t);
        if (accountOpen) {
            missing(t, "49", "group trailer (98) before the account trailer (49)");
            accountOpen = false;
        }
        if (!groupOpen) {
            unexpected(t, "group trailer (98) without a group header (02)");
            return;
        }
        groupRecords += n;
        fileRecords += n;
        groupOpen = false;
        long reported = t.controlTotal() == null ? 0 : t.controlTotal();
        if (t.controlTotal() == null ? groupSumOfAccounts != 0 : reported != groupSumOfAccounts) {
            add49(t, t.controlTotal() == null ? Bai2Violation.BAI2_CONTROL_TOTAL_BLANK
                    : Bai2Violation.BAI2_GROUP_CONTROL_TOTAL_MISMATCH, "controlTotal",
                    t.controlTotal() == null ? null : t.controlTotal().toString(),
                    "the group's account control totals sum to " + groupSumOfAccounts);
        }
        if (t.numberOfAccounts() != null && t.numberOfAccounts() != accounts) {
            add49(t, Bai2Violation.BAI2_GROUP_ACCOUNT_COUNT_MISMATCH, "numberOfAccounts",
                    t.numberOfAccounts().toString(), "the group has " + accounts + " accounts (03)");
        }
        if (t.numberOfRecords() != null && t.numberOfRecords() != groupRecords) {
            add49(t, Bai2Violation.BAI2_GROUP_RECORD_COUNT_MISMATCH, "numberOfRecords", t.numberOfRecords().toString(),
                    "the group has " + groupRecords + " records (02 to 98, 88s included)");
        }
        try {
            fileSumOfGroups = Math.addExact(fileSumOfGroups, reported);
        } catch (ArithmeticException e) {
            fileSumOfGroups = Long.MIN_VALUE;
        }
    }

    private void fileTrailer(Bai2FileTrailer t, long n) {
        openFile(t);
        if (groupOpen) {
            missing(t, "98", "file trailer (99) before the group trailer (98)");
            closeGroupSilently();
        }
        fileRecords += n;
        fileClosed = true;
        fileOpen = false;
        if (t.controlTotal() == null ? fileSumOfGroups != 0 : t.controlTotal() != fileSumOfGroups) {
            add49(t, t.controlTotal() == null ? Bai2Violation.BAI2_CONTROL_TOTAL_BLANK
                    : Bai2Violation.BAI2_FILE_CONTROL_TOTAL_MISMATCH, "controlTotal",
                    t.controlTotal() == null ? null : t.controlTotal().toString(),
                    "the group control totals sum to " + fileSumOfGroups);
        }
        if (t.numberOfGroups() != null && t.numberOfGroups() != groups) {
            add49(t, Bai2Violation.BAI2_FILE_GROUP_COUNT_MISMATCH, "numberOfGroups", t.numberOfGroups().toString(),
                    "the file has " + groups + " groups (02)");
        }
        if (t.numberOfRecords() != null && t.numberOfRecords() != fileRecords) {
            add49(t, Bai2Violation.BAI2_FILE_RECORD_COUNT_MISMATCH, "numberOfRecords", t.numberOfRecords().toString(),
                    "the file has " + fileRecords + " records (01 to 99, 88s included)");
        }
    }

    private void closeGroupSilently() {
        groupOpen = false;
        accountOpen = false;
    }

    private void add49(Bai2Record r, Bai2Violation code, String field, String raw, String message) {
        violations.add(new Violation(code, fileName, r.line(), null, r.recordCode(), field, raw, message));
    }

    private void unexpected(Bai2Record r, String message) {
        violations.add(new Violation(Bai2Violation.BAI2_UNEXPECTED_RECORD, fileName, r.line(), null, r.recordCode(),
                null, null, message));
    }

    private void missing(Bai2Record r, String missingCode, String message) {
        violations.add(new Violation(Bai2Violation.BAI2_MISSING_RECORD, fileName, r.line(), null, missingCode, null,
                null, message));
    }
}
