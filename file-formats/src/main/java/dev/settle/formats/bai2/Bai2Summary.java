package dev.settle.formats.bai2;

import dev.settle.money.Money;

/**
 * One summary/status entry of a 03 record: type code, amount (signed, implied decimals), item count,
 * funds type.
 *
 * @param amount null when blank
 * @param itemCount null when blank
 */
public record Bai2Summary(String typeCode, Money amount, Integer itemCount, Bai2Funds funds) {
}
