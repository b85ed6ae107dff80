package dev.settle.formats.adyen;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Emulates an Adyen Settlement Details Report for demos and benchmarks: deterministic for a seed,
 * streamed row by row through {@link AdyenSdrWriter} (constant memory for any row count).
 *
 * <p>Rows are EUR captures (Settled), with some refunds and chargebacks, in batches of
 * {@code rowsPerBatch}; every batch ends with a MerchantPayout row paying out exactly its Σ net, so
 * the emulated file passes the payout check. Fees: 1.2% interchange-plus style split, rounded down
 * to the cent on the generator side (the file itself only carries exact decimals).
 */
public final class AdyenSdrEmulator {

    private static final List<String> METHODS = List.of("visa", "mc", "amex", "ideal", "sepadirectdebit");
    private static final Instant START = Instant.parse("2024-01-31T08:00:00Z");

    private AdyenSdrEmulator() {
    }

    /**
     * Writes {@code rows} data rows (payout rows included) to {@code out} and closes it.
     *
     * @return the number of data rows written
     */
    public static long write(Writer out, SdrLayout layout, long rows, int rowsPerBatch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AdyenSdrWriter writer = new AdyenSdrWriter(out, layout, "emulated-sdr.csv");
        CurrencyUnit eur = CurrencyUnit.EUR;
        int batch = 1;
        long batchNetMinor = 0;
        int inBatch = 0;
        for (long i = 1; i <= rows; i++) {
            Instant created = START.plusSeconds(i * 7);
            boolean closeBatch = inBatch == rowsPerBatch - 1 || i == rows;
            if (closeBatch) {
                writer.write(row(batch, created, SdrRecordType.MERCHANT_PAYOUT, "", "", "payout-" + batch,
                        null, Money.ofMinor(-batchNetMinor, eur), Money.zero(eur), "", layout));
                batch++;
                batchNetMinor = 0;
                inBatch = 0;
                continue;
            }
            long grossMinor = 100 + random.nextLong(500_000);
            long commissionMinor = grossMinor * 12 / 1000;
            int kind = random.nextInt(100);
            SdrRecordType type = kind < 90 ? SdrRecordType.SETTLED : kind < 97 ? SdrRecordType.REFUNDED : SdrRecordType.CHARGEBACK;
            long sign = type == SdrRecordType.SETTLED ? 1 : -1;
            Money gross = Money.ofMinor(sign * grossMinor, eur);
            Money net = Money.ofMinor(sign * grossMinor - commissionMinor, eur);
            String psp = String.format("%016d", 8_800_000_000_000_000L + i);
            writer.write(row(batch, created, type, psp, "order-" + i, type == SdrRecordType.SETTLED ? psp : "mod-" + i,
                    gross, net, Money.ofMinor(commissionMinor, eur), METHODS.get((int) (i % METHODS.size())), layout));
            batchNetMinor += net.amountMinor();
            inBatch++;
        }
        writer.close();
        return rows;
    }

    private static SdrLine row(int batch, Instant created, SdrRecordType type, String psp, String merchantRef,
            String modificationRef, Money gross, Money net, Money commission, String method, SdrLayout layout) {
        CurrencyUnit eur = CurrencyUnit.EUR;
        boolean newer = layout == SdrLayout.NEWER;
        return new SdrLine(0, "SettleCompany", "SettleShopEU", psp, merchantRef, method, method, created, "CET", type,
                type.text(), modificationRef, "", gross == null ? null : eur, gross,
                gross == null ? null : BigDecimal.ONE, eur, net, commission, Money.zero(eur), Money.zero(eur),
                Money.zero(eur), batch, newer ? created.plusSeconds(86_400) : null, newer ? "CET" : "", List.of());
    }
}
