package dev.settle.formats.bai2;

import dev.settle.money.Money;
import java.util.List;

/**
 * 16 Transaction Detail: 16,typeCode,amount,fundsType[,extras],bankReference,customerReference,text
 * — the text is the rest of the record and may contain commas; its 88 continuations are kept apart.
 *
 * @param amount unsigned (the type code gives the direction); null when blank or malformed
 * @param text "" when absent; a physical line that continues an unterminated 16 is appended to it
 * @param continuations texts of the 88 records that follow, in order
 */
public record Bai2TransactionDetail(String typeCode, Money amount, Bai2Funds funds, String bankReference,
        String customerReference, String text, List<String> continuations, long line, int physicalRecords)
        implements Bai2Record {

    public Bai2TransactionDetail {
        continuations = List.copyOf(continuations);
    }

    @Override
    public String recordCode() {
        return "16";
    }

    public Bai2TypeCode direction() {
        return Bai2TypeCode.of(typeCode);
    }

    /** Text and continuations joined with a space, blanks skipped. */
    public String fullText() {
        StringBuilder b = new StringBuilder(text.strip());
        for (String c : continuations) {
            if (!c.isBlank()) {
                if (!b.isEmpty()) {
                    b.append(' ');
                }
                b.append(c.strip());
            }
        }
        return b.toString();
    }
}
