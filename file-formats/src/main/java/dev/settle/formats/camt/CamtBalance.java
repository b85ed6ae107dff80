package dev.settle.formats.camt;

import dev.settle.money.Money;
import java.time.LocalDate;

/**
 * One Bal of a statement.
 *
 * @param typeCode Tp/CdOrPrtry/Cd (OPBD, PRCD, CLBD, CLAV, OPAV, FWAV, ITBD...) or the Prtry text
 * @param amount signed by {@code creditDebit}: a DBIT balance is negative; null when unreadable
 * @param creditDebit the written indicator (kept: a zero balance may be DBIT)
 * @param date Dt/Dt, or the date part of Dt/DtTm
 */
public record CamtBalance(String typeCode, Money amount, CreditDebit creditDebit, LocalDate date, XmlLocation location) {
}
