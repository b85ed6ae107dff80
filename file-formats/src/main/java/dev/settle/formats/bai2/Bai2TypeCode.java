package dev.settle.formats.bai2;

/**
 * BAI2 type-code ranges (BAI Cash Management Balance Reporting Specifications, version 2):
 * <ul>
 *   <li>001–099 account status (balances and float, e.g. 010 opening ledger, 015 closing ledger,
 *   040 opening available, 045 closing available, 072/074 float): summary only, no direction;</li>
 *   <li>100–399 credits (100 total credits and other round summary codes, the rest details);</li>
 *   <li>400–699 debits (400 total debits ...);</li>
 *   <li>700–799 loan activity: direction depends on the code, not derivable from the range;</li>
 *   <li>900–999 bank-specific (custom) codes: meaning agreed with the bank, no direction.</li>
 * </ul>
 * 800–899 are not assigned. A 16 detail must carry a code of 100 or more.
 */
public enum Bai2TypeCode {
    STATUS, CREDIT, DEBIT, LOAN, CUSTOM, UNASSIGNED;

    /** @param code 0–999 */
    public static Bai2TypeCode of(int code) {
        if (code >= 1 && code <= 99) {
            return STATUS;
        }
        if (code >= 100 && code <= 399) {
            return CREDIT;
        }
        if (code >= 400 && code <= 699) {
            return DEBIT;
        }
        if (code >= 700 && code <= 799) {
            return LOAN;
        }
        if (code >= 900 && code <= 999) {
            return CUSTOM;
        }
        return UNASSIGNED;
    }

    public static Bai2TypeCode of(String code) {
        try {
            return of(Integer.parseInt(code));
        } catch (NumberFormatException e) {
            return UNASSIGNED;
        }
    }
}
