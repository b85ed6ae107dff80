package dev.settle.formats.nacha;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.money.Money;
import java.io.Closeable;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams a return or NOC file into {@link ReturnEntry}s: every entry detail followed by a 99
 * (return) or 98 (notification of change) addenda yields one, in file order. Entries without
 * such an addenda are skipped. Structural checking is {@link NachaValidator}'s job; run it first
 * when the file's integrity matters.
 *
 * <p>Throws {@link FormatException} ({@code NACHA_BAD_AMOUNT}) for a return whose amount is not
 * numeric: a return without an amount cannot be reconciled.
 */
public final class NachaReturns implements Iterator<ReturnEntry>, Closeable {

    private final NachaReader reader;
    private BatchHeader batch;
    private EntryDetail entry;
    private ReturnEntry next;

    public NachaReturns(InputStream in, String fileName) {
        this.reader = new NachaReader(in, fileName);
    }

    /** All returns and NOCs of a stream as a lazy stream; closing it closes the input. */
    public static Stream<ReturnEntry> stream(InputStream in, String fileName) {
        NachaReturns returns = new NachaReturns(in, fileName);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(returns, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(returns::close);
    }

    @Override
    public boolean hasNext() {
        while (next == null && reader.hasNext()) {
            NachaRecord r = reader.next();
            if (r instanceof BatchHeader h) {
                batch = h;
                entry = null;
            } else if (r instanceof EntryDetail e) {
                entry = e;
            } else if (r instanceof ReturnAddenda a && entry != null) {
                String code = a.returnReasonCode();
                next = new ReturnEntry(entry.line(), ReturnEntry.Kind.RETURN, code, reason(code),
                        a.originalEntryTraceNumber(), amount(entry), entry.transactionCode(), null,
                        a.originalReceivingDfiIdentification(), entry.traceNumber(), sec(), entry.individualName().trim(),
                        a.addendaInformation().trim());
                entry = null;
            } else if (r instanceof NocAddenda a && entry != null) {
                String code = a.changeCode();
                next = new ReturnEntry(entry.line(), ReturnEntry.Kind.NOTIFICATION_OF_CHANGE, code, reason(code),
                        a.originalEntryTraceNumber(), amount(entry), entry.transactionCode(), a.correctedData().trim(),
                        a.originalReceivingDfiIdentification(), entry.traceNumber(), sec(), entry.individualName().trim(),
                        null);
                entry = null;
            } else if (!(r instanceof Addenda)) {
                entry = null;
            }
        }
        return next != null;
    }

    @Override
    public ReturnEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ReturnEntry r = next;
        next = null;
        return r;
    }

    private String sec() {
        return batch == null ? null : batch.standardEntryClassCode();
    }

    private static String reason(String code) {
        return NachaReasonCodes.describe(code).orElse("unknown code");
    }

    private Money amount(EntryDetail e) {
        return e.amountUsd().orElseThrow(() -> new FormatException(new Violation(NachaViolation.NACHA_BAD_AMOUNT,
                reader.fileName(), e.line(), null, EntryDetail.TYPE_NAME, "amount (30-39)", e.amount(),
                "amount of a returned entry is not numeric")));
    }

    @Override
    public void close() {
        reader.close();
    }
}
