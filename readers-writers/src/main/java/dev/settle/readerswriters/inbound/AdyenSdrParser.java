package dev.settle.readerswriters.inbound;

import dev.settle.formats.FileFormat;
import dev.settle.formats.Violation;
import dev.settle.formats.adyen.AdyenSdrReader;
import dev.settle.formats.adyen.AdyenSdrValidator;
import dev.settle.formats.adyen.SdrLine;
import dev.settle.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Adyen Settlement Details Report → {@link GatewayLine}s; rows with violations become rejections. */
public final class AdyenSdrParser implements InboundParser {

    @Override
    public FileFormat format() {
        return FileFormat.ADYEN_SDR;
    }

    @Override
    public InboundCursor open(Path file, String displayName) throws IOException {
        InputStream in = Files.newInputStream(file);
        AdyenSdrReader reader;
        try {
            reader = AdyenSdrReader.open(in, displayName);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
        AdyenSdrValidator validator = new AdyenSdrValidator(displayName);
        return new InboundCursor() {
            @Override
            public StagedItem next() {
                if (!reader.hasNext()) {
                    return null;
                }
                SdrLine row = reader.next();
                List<Violation> violations = validator.validate(row);
                return violations.isEmpty() ? toGatewayLine(row) : new RejectedRecord(row.line(), violations);
            }

            @Override
            public void close() throws IOException {
                reader.close();
                in.close();
            }
        };
    }

    static GatewayLine toGatewayLine(SdrLine row) {
        String currency = row.grossCurrency() != null ? row.grossCurrency().code()
                : row.netCurrency() != null ? row.netCurrency().code() : "XXX";
        String netCurrency = row.netCurrency() != null ? row.netCurrency().code() : currency;
        return new GatewayLine(row.line(), row.typeText(), row.merchantAccount(), row.pspReference(),
                row.merchantReference(), row.modificationReference(),
                row.batchNumber() == 0 ? null : (long) row.batchNumber(),
                row.bookingDate() != null ? row.bookingDate() : row.creationDate(),
                currency, minor(row.gross()), netCurrency, minor(row.net()), minor(row.commission()),
                minor(row.markup()), minor(row.schemeFees()), minor(row.interchange()), row.paymentMethod());
    }

    private static long minor(Money m) {
        return m == null ? 0 : m.amountMinor();
    }
}
