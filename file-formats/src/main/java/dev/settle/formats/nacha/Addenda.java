package dev.settle.formats.nacha;

/**
 * Addenda Record (type 7). Positions (1) "7" and (2-3) addenda type code are common to all; the
 * rest depends on the type: {@link PaymentAddenda} 05, {@link NocAddenda} 98, {@link ReturnAddenda}
 * 99, and {@link RawAddenda} for every other type (IAT 10-18, POS 02, ...) kept uninterpreted.
 */
public sealed interface Addenda extends NachaRecord permits PaymentAddenda, NocAddenda, ReturnAddenda, RawAddenda {

    String TYPE_NAME = "7 Addenda";

    /** (2-3) addenda type code, e.g. "05", "98", "99", "10". */
    String addendaTypeCode();

    @Override
    default String recordTypeName() {
        return TYPE_NAME;
    }

    static Addenda parse(long line, String raw) {
        String p = Fields.pad(raw);
        String type = Fields.cut(p, 2, 3);
        return switch (type) {
            case "05" -> new PaymentAddenda(line, raw, Fields.cut(p, 4, 83), Fields.cut(p, 84, 87), Fields.cut(p, 88, 94));
            case "98" -> new NocAddenda(line, raw, Fields.cut(p, 4, 6), Fields.cut(p, 7, 21), Fields.cut(p, 22, 27),
                    Fields.cut(p, 28, 35), Fields.cut(p, 36, 64), Fields.cut(p, 65, 79), Fields.cut(p, 80, 94));
            case "99" -> new ReturnAddenda(line, raw, Fields.cut(p, 4, 6), Fields.cut(p, 7, 21), Fields.cut(p, 22, 27),
                    Fields.cut(p, 28, 35), Fields.cut(p, 36, 79), Fields.cut(p, 80, 94));
            default -> new RawAddenda(line, raw, type, Fields.cut(p, 4, 94));
        };
    }
}
