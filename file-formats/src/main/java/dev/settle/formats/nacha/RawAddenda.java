package dev.settle.formats.nacha;

/**
 * An addenda record whose type Settle does not interpret (IAT 10-18, POS/MTE 02, ...): kept as read.
 *
 * @param addendaTypeCode (2-3)
 * @param payload (4-94)
 */
public record RawAddenda(long line, String raw, String addendaTypeCode, String payload) implements Addenda {

    @Override
    public String toLine() {
        return "7" + addendaTypeCode + payload;
    }
}
