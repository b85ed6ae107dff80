package dev.settle.gateway.card;

/**
 * Card brands recognised from the first digits of the PAN (the BIN ranges published by the
 * schemes). Order matters: the first brand whose range matches wins, so narrower ranges come first.
 */
public enum CardBrand {
    AMEX("amex", new int[][] {{34, 34}, {37, 37}}, 15, 15),
    DINERS("diners", new int[][] {{300, 305}, {36, 36}, {38, 39}}, 14, 16),
    DISCOVER("discover", new int[][] {{6011, 6011}, {644, 649}, {65, 65}}, 16, 19),
    JCB("jcb", new int[][] {{3528, 3589}}, 16, 19),
    UNIONPAY("unionpay", new int[][] {{62, 62}}, 16, 19),
    MASTERCARD("mastercard", new int[][] {{51, 55}, {2221, 2720}}, 16, 16),
    MAESTRO("maestro", new int[][] {{5018, 5018}, {5020, 5020}, {5038, 5038}, {6304, 6304}, {6759, 6759}, {676770, 676774}}, 12, 19),
    VISA("visa", new int[][] {{4, 4}}, 13, 19),
    UNKNOWN("unknown", new int[0][], 12, 19);

    private final String wireName;
    private final int[][] prefixRanges;
    private final int lengthMin;
    private final int lengthMax;

    CardBrand(String wireName, int[][] prefixRanges, int lengthMin, int lengthMax) {
        this.wireName = wireName;
        this.prefixRanges = prefixRanges;
        this.lengthMin = lengthMin;
        this.lengthMax = lengthMax;
    }

    public String wireName() {
        return wireName;
    }

    public int lengthMin() {
        return lengthMin;
    }

    public int lengthMax() {
        return lengthMax;
    }

    /** The brand of a digits-only PAN; {@link #UNKNOWN} when no range matches. */
    public static CardBrand of(String digits) {
        for (CardBrand brand : values()) {
            for (int[] range : brand.prefixRanges) {
                int width = String.valueOf(range[0]).length();
                if (digits.length() >= width) {
                    int prefix = Integer.parseInt(digits.substring(0, width));
                    if (prefix >= range[0] && prefix <= range[1]) {
                        return brand;
                    }
                }
            }
        }
        return UNKNOWN;
    }
}
