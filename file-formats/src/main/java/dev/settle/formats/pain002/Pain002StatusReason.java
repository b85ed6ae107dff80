package dev.settle.formats.pain002;

import java.util.List;

/**
 * One StsRsnInf.
 *
 * @param code Rsn/Cd (ExternalStatusReason1Code: AC01 wrong account, AM04 insufficient funds...) or
 *     Rsn/Prtry; null when the bank gave none
 * @param additionalInfo AddtlInf lines (Max105Text each)
 */
public record Pain002StatusReason(String code, List<String> additionalInfo) {

    public Pain002StatusReason {
        additionalInfo = List.copyOf(additionalInfo);
    }

    public static Pain002StatusReason of(String code, String... info) {
        return new Pain002StatusReason(code, List.of(info));
    }
}
