package dev.settle.jobs.payout;

import dev.settle.readerswriters.sftp.SftpEndpoint;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Payout settings ({@code settle.payout.*}).
 *
 * @param fourEyes when true, a new payout file waits in PENDING_APPROVAL until a second finance
 *     user approves it ({@code ./settle payouts approve}); when false it is approved automatically
 * @param operator who the payout job acts as (the creator of its files and payouts)
 * @param banks the banks payout files go to, each with its SFTP outbox and return inbox
 */
@ConfigurationProperties(prefix = "settle.payout")
public record PayoutProperties(Boolean fourEyes, String operator, List<Bank> banks) {

    public PayoutProperties {
        fourEyes = fourEyes != null && fourEyes;
        operator = operator == null || operator.isBlank() ? "payout-job" : operator;
        banks = banks == null ? List.of() : List.copyOf(banks);
    }

    public Bank bank(String name) {
        return banks.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown payout bank '" + name + "'; configured: "
                        + banks.stream().map(Bank::name).toList()));
    }

    /**
     * One bank: where files go ({@code outbox-directory}), where its return files come from
     * ({@code returns-directory}), and the originator details its formats need.
     *
     * @param nachaImmediateDestination 9-digit routing number of the bank receiving NACHA files
     * @param nachaImmediateOrigin our 9-digit routing number or 10-character originator id
     * @param nachaCompanyId company identification (10 characters, usually "1" + EIN)
     * @param nachaOdfiRouting 9-digit routing number of the originating bank
     * @param painVersion {@code 03} (pain.001.001.03, default) or {@code 09}
     * @param debtorIban our account the pain.001 transfers are paid from
     */
    public record Bank(
            String name,
            String host,
            Integer port,
            String user,
            String privateKey,
            String password,
            String knownHosts,
            Integer timeoutMs,
            String outboxDirectory,
            String returnsDirectory,
            String returnsPattern,
            String nachaImmediateDestination,
            String nachaImmediateOrigin,
            String nachaDestinationName,
            String nachaOriginName,
            String nachaCompanyName,
            String nachaCompanyId,
            String nachaOdfiRouting,
            String painVersion,
            String debtorName,
            String debtorIban,
            String debtorBic) {

        public Bank {
            if (name == null || name.isBlank() || host == null || user == null || knownHosts == null) {
                throw new IllegalArgumentException("settle.payout.banks[]: name, host, user and known-hosts are required");
            }
            port = port == null ? 22 : port;
            timeoutMs = timeoutMs == null ? 10_000 : timeoutMs;
            outboxDirectory = outboxDirectory == null ? "/outbox" : outboxDirectory;
            returnsPattern = returnsPattern == null ? ".*\\.(ach|xml)" : returnsPattern;
            painVersion = painVersion == null ? "03" : painVersion;
            nachaDestinationName = nachaDestinationName == null ? name.toUpperCase(java.util.Locale.ROOT) : nachaDestinationName;
            nachaOriginName = nachaOriginName == null ? "SETTLE" : nachaOriginName;
            nachaCompanyName = nachaCompanyName == null ? "SETTLE" : nachaCompanyName;
            debtorName = debtorName == null ? "Settle" : debtorName;
        }

        public SftpEndpoint endpoint() {
            return new SftpEndpoint(host, port, user, privateKey == null ? null : Path.of(privateKey), password,
                    Path.of(knownHosts), timeoutMs);
        }
    }
}
