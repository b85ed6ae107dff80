package dev.settle.readerswriters.inbound;

import dev.settle.formats.FileFormat;
import dev.settle.formats.camt.CamtBalance;
import dev.settle.formats.camt.CamtEntry;
import dev.settle.formats.camt.CamtReader;
import dev.settle.formats.camt.CamtRecord;
import dev.settle.formats.camt.CamtStatement;
import dev.settle.formats.camt.CamtTransaction;
import dev.settle.formats.camt.CreditDebit;
import dev.settle.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * camt.053 statements and camt.054 notifications → statement headers and bank entries.
 *
 * <p>A batched entry (several TxDtls, each with its own amount) becomes one bank entry per
 * transaction, signed by the entry's credit/debit indicator, so our payouts can be matched one by
 * one on their end-to-end ids; any other entry becomes one bank entry carrying its first
 * transaction's references. Opening balance: OPBD, else PRCD; closing: CLBD.
 */
public final class CamtParser implements InboundParser {

    private final FileFormat format;

    public CamtParser(FileFormat format) {
        if (format != FileFormat.CAMT053 && format != FileFormat.CAMT054) {
            throw new IllegalArgumentException("camt parser serves camt053 and camt054, not " + format);
        }
        this.format = format;
    }

    @Override
    public FileFormat format() {
        return format;
    }

    @Override
    public InboundCursor open(Path file, String displayName) throws IOException {
        InputStream in = Files.newInputStream(file);
        CamtReader reader;
        try {
            reader = CamtReader.open(in, displayName);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
        ViolationFeed feed = new ViolationFeed(reader.violations());
        return new InboundCursor() {
            private String account = "";
            private String currency = "";

            @Override
            public StagedItem next() {
                while (feed.isEmpty() && reader.hasNext()) {
                    CamtRecord record = reader.next();
                    feed.drain();
                    if (record instanceof CamtStatement s) {
                        account = s.accountIban() != null ? s.accountIban() : s.accountOtherId() == null ? "" : s.accountOtherId();
                        currency = s.currency() != null ? s.currency().code() : "";
                        feed.add(header(s));
                    } else if (record instanceof CamtEntry e && e.amount() != null && e.creditDebit() != null) {
                        entries(e).forEach(feed::add);
                    }
                }
                feed.drain();
                return feed.poll();
            }

            private BankStatementHeader header(CamtStatement s) {
                CamtBalance opening = balance(s.balances(), "OPBD", "PRCD");
                CamtBalance closing = balance(s.balances(), "CLBD", null);
                Long sequence = parseLong(s.electronicSequenceNumber() != null ? s.electronicSequenceNumber() : s.legalSequenceNumber());
                String ccy = currency.isEmpty() && opening != null && opening.amount() != null
                        ? opening.amount().currency().code() : currency;
                currency = ccy;
                return new BankStatementHeader(s.location().line(), s.index(), account, s.id() == null ? "" : s.id(),
                        sequence, ccy.isEmpty() ? "XXX" : ccy,
                        opening == null || opening.amount() == null ? null : opening.amount().amountMinor(),
                        opening == null ? null : opening.date(),
                        closing == null || closing.amount() == null ? null : closing.amount().amountMinor(),
                        closing == null ? null : closing.date());
            }

            private List<BankEntryLine> entries(CamtEntry e) {
                int sign = e.creditDebit() == CreditDebit.DBIT ? -1 : 1;
                List<CamtTransaction> txs = e.transactions();
                boolean split = txs.size() > 1 && txs.stream().allMatch(t -> t.amount() != null
                        && t.amount().currency() == e.amount().currency());
                if (split) {
                    return txs.stream().map(t -> line(e, t, t.amount(), sign)).toList();
                }
                return List.of(line(e, txs.isEmpty() ? null : txs.get(0), e.amount(), sign));
            }

            private BankEntryLine line(CamtEntry e, CamtTransaction t, Money amount, int sign) {
                String remittance = t == null ? "" : String.join(" ", t.unstructuredRemittance())
                        + (t.structuredReference() == null ? "" : " " + t.structuredReference());
                String counterparty = t == null ? "" : e.creditDebit() == CreditDebit.CRDT
                        ? nz(t.debtorName()) : nz(t.creditorName());
                return new BankEntryLine(t != null && t.location().line() > 0 ? t.location().line() : e.location().line(),
                        e.statementIndex(), account, amount.currency().code(),
                        sign < 0 ? amount.negate().amountMinor() : amount.amountMinor(), e.reversal(),
                        e.bookingDate(), e.valueDate(), t == null ? "" : nz(t.endToEndId()),
                        nz(t != null && t.accountServicerRef() != null ? t.accountServicerRef() : e.accountServicerRef()),
                        remittance.strip(), counterparty,
                        nz(e.bankTxDomainCode()) + (e.bankTxProprietaryCode() == null ? "" : "/" + e.bankTxProprietaryCode()));
            }

            @Override
            public void close() throws IOException {
                reader.close();
                in.close();
            }
        };
    }

    private static CamtBalance balance(List<CamtBalance> balances, String code, String fallback) {
        for (CamtBalance b : balances) {
            if (code.equals(b.typeCode())) {
                return b;
            }
        }
        if (fallback != null) {
            for (CamtBalance b : balances) {
                if (fallback.equals(b.typeCode())) {
                    return b;
                }
            }
        }
        return null;
    }

    private static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
