package dev.settle.readerswriters.inbound;

import dev.settle.formats.FileFormat;
import dev.settle.formats.mt940.Mt940Balance;
import dev.settle.formats.mt940.Mt940Entry;
import dev.settle.formats.mt940.Mt940Item;
import dev.settle.formats.mt940.Mt940Reader;
import dev.settle.formats.mt940.Mt940StatementHeader;
import dev.settle.formats.mt940.Mt940StatementTrailer;
import dev.settle.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MT940 → statement headers and bank entries. The header is emitted when the statement ends
 * (its closing balance comes after the entries). Reversals (RC/RD) keep their balance sign.
 */
public final class Mt940Parser implements InboundParser {

    @Override
    public FileFormat format() {
        return FileFormat.MT940;
    }

    @Override
    public InboundCursor open(Path file, String displayName) throws IOException {
        InputStream in = Files.newInputStream(file);
        Mt940Reader reader = new Mt940Reader(in, displayName);
        ViolationFeed feed = new ViolationFeed(reader.violations());
        return new InboundCursor() {
            private int statementNo;
            private Mt940StatementHeader header;

            @Override
            public StagedItem next() {
                while (feed.isEmpty() && reader.hasNext()) {
                    Mt940Item item = reader.next();
                    feed.drain();
                    if (item instanceof Mt940StatementHeader h) {
                        statementNo++;
                        header = h;
                    } else if (item instanceof Mt940Entry e && e.signedAmount() != null && header != null) {
                        Money amount = e.signedAmount();
                        String e2e = e.details() == null ? null : e.details().endToEndReference();
                        String counterparty = e.details() == null ? null : e.details().counterpartyName();
                        feed.add(new BankEntryLine(e.line(), statementNo, nz(header.accountId()), amount.currency().code(),
                                amount.amountMinor(), e.mark().isReversal(), e.entryDate() != null ? e.entryDate() : e.valueDate(),
                                e.valueDate(), nz(e2e), nz(e.bankReference()), nz(e.information()).replace('\n', ' '),
                                nz(counterparty), nz(e.transactionType())));
                    } else if (item instanceof Mt940StatementTrailer t && header != null) {
                        feed.add(statement(header, t));
                        header = null;
                    }
                }
                feed.drain();
                return feed.poll();
            }

            private BankStatementHeader statement(Mt940StatementHeader h, Mt940StatementTrailer t) {
                Mt940Balance opening = h.openingBalance();
                Mt940Balance closing = t.closingBalance();
                String currency = opening != null && opening.amount() != null ? opening.amount().currency().code()
                        : closing != null && closing.amount() != null ? closing.amount().currency().code() : "XXX";
                return new BankStatementHeader(h.line(), statementNo, nz(h.accountId()), nz(h.transactionReference()),
                        sequence(h), currency, minor(opening), opening == null ? null : opening.date(),
                        minor(closing), closing == null ? null : closing.date());
            }

            @Override
            public void close() throws IOException {
                reader.close();
                in.close();
            }
        };
    }

    /** :28C: statement number, the running count banks use for continuity. */
    private static Long sequence(Mt940StatementHeader h) {
        try {
            return h.statementNumber() == null ? null : Long.parseLong(h.statementNumber().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long minor(Mt940Balance b) {
        return b == null || b.signedAmount() == null ? null : b.signedAmount().amountMinor();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
