package dev.settle.jobs.payout;

import dev.settle.jobs.settlement.MerchantSettlementConfig;
import dev.settle.jobs.settlement.MerchantSettlementConfigs;
import dev.settle.ledger.AccountKind;
import dev.settle.ledger.AccountRef;
import dev.settle.ledger.Ledger;
import dev.settle.ledger.PostingLine;
import dev.settle.ledger.PostingRequest;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.readerswriters.sftp.SftpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates payouts, writes payout files and uploads them; each step is idempotent, so rerunning a
 * business date (or the whole day) never creates a second payout or file.
 *
 * <ol>
 *   <li>{@link #createPayouts}: one payout per PAYABLE settlement of the date (unique index),
 *   posted MERCHANT_AVAILABLE → PAYOUTS_IN_TRANSIT in the same transaction.</li>
 *   <li>{@link #writeFiles}: every CREATED payout (incl. reissues) goes into one file per bank and
 *   format; totals asserted before writing and after re-reading; the bytes and their SHA-256 are
 *   stored with the file row, so an upload after a crash sends exactly the recorded bytes.</li>
 *   <li>{@link #upload}: APPROVED files go to the bank's outbox (temporary name, then rename); a
 *   file already present with the same size is not sent again.</li>
 * </ol>
 */
public final class PayoutService {

    private static final Logger LOG = LoggerFactory.getLogger(PayoutService.class);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final MerchantSettlementConfigs configs;
    private final PayoutProperties settings;
    private final Clock clock;

    public PayoutService(DataSource dataSource, PlatformTransactionManager transactionManager, Ledger ledger,
                         MerchantSettlementConfigs configs, PayoutProperties settings, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactionManager);
        // each payout, file and return commits on its own, even inside a tasklet step's transaction
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ledger = ledger;
        this.configs = configs;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates the missing payouts of the date's PAYABLE settlements; returns how many were created. */
    public int createPayouts(LocalDate date) {
        List<String> settlements = jdbc.queryForList("""
                SELECT s.id FROM settlement s WHERE s.business_date = ? AND s.status = 'PAYABLE'
                   AND NOT EXISTS (SELECT 1 FROM payout p WHERE p.settlement_id = s.id AND p.reissue_of IS NULL)
                 ORDER BY s.id""", String.class, date);
        int created = 0;
        for (String settlementId : settlements) {
            Boolean done = tx.execute(status -> createPayout(settlementId, settings.operator()));
            created += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return created;
    }

    private boolean createPayout(String settlementId, String actor) {
        // not SELECT *: the row carries the statement CSV, megabytes for a big merchant
        var s = jdbc.queryForMap("SELECT currency, merchant_id, payout_minor, business_date FROM settlement WHERE id = ? FOR UPDATE",
                settlementId);
        if (count("SELECT count(*) FROM payout WHERE settlement_id = ? AND reissue_of IS NULL", settlementId) > 0) {
            return false;
        }
        CurrencyUnit ccy = CurrencyUnit.of(((String) s.get("currency")).trim());
        String merchantId = (String) s.get("merchant_id");
        MerchantSettlementConfig config = configs.find(merchantId, ccy).orElseThrow(() -> new IllegalStateException(
                "settlement " + settlementId + " has no payout configuration for " + merchantId + " " + ccy));
        Money amount = Money.ofMinor((Long) s.get("payout_minor"), ccy);
        LocalDate date = ((java.sql.Date) s.get("business_date")).toLocalDate();
        insertPayout(null, settlementId, merchantId, amount, date, config.payoutMethod(), config.payoutBank(),
                config.beneficiaryName(), config.payoutAccount(), config.bic(), config.accountType(), null, actor);
        return true;
    }

    /**
     * Inserts a CREATED payout and posts it (MERCHANT_AVAILABLE → PAYOUTS_IN_TRANSIT).
     *
     * @param id the payout id, or null for {@code po_<12-digit sequence>}
     * @return the payout id
     */
    String insertPayout(String id, String settlementId, String merchantId, Money amount, LocalDate date, String method,
                      String bank, String beneficiary, String account, String bic, String accountType, String reissueOf,
                      String actor) {
        Long seq = jdbc.queryForObject("SELECT nextval('payout_end_to_end_seq')", Long.class);
        String endToEnd = "STL" + String.format("%012d", seq);
        id = id == null ? "po_" + String.format("%012d", seq) : id;
        String reference = "payout:" + id;
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO payout (id, settlement_id, merchant_id, currency, amount_minor, business_date, method, bank,
                    beneficiary_name, account, bic, account_type, end_to_end_id, status, reissue_of, posting_reference,
                    created_by, created_at, status_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?)""",
                id, settlementId, merchantId, amount.currency().code(), amount.amountMinor(), date, method, bank, beneficiary,
                account, bic == null ? "" : bic, accountType, endToEnd, reissueOf, reference, actor, now, now);
        ledger.post(new PostingRequest(reference, "payout", date, "payout " + id, List.of(
                PostingLine.debit(AccountRef.merchant(merchantId, AccountKind.MERCHANT_AVAILABLE, amount.currency()), amount),
                PostingLine.credit(AccountRef.system(AccountKind.PAYOUTS_IN_TRANSIT, amount.currency()), amount))));
        return id;
    }

    /** Puts every CREATED payout into a file per bank and format; returns the ids of new files. */
    public List<String> writeFiles(LocalDate date, Path outboxCopy) {
        List<PayoutRow> pending = jdbc.query("SELECT * FROM payout WHERE status = 'CREATED' AND file_id IS NULL ORDER BY id",
                PayoutService::row);
        Map<String, List<PayoutRow>> groups = new LinkedHashMap<>();
        for (PayoutRow p : pending) {
            groups.computeIfAbsent(p.bank() + "\u0000" + p.method(), k -> new ArrayList<>()).add(p);
        }
        List<String> files = new ArrayList<>();
        for (List<PayoutRow> group : groups.values()) {
            files.add(tx.execute(status -> writeFile(date, group, outboxCopy)));
        }
        return files;
    }

    private String writeFile(LocalDate date, List<PayoutRow> group, Path outboxCopy) {
        jdbc.execute("LOCK TABLE payout_file IN SHARE ROW EXCLUSIVE MODE"); // file sequence numbers per date
        PayoutRow first = group.get(0);
        PayoutProperties.Bank bank = settings.bank(first.bank());
        long sequence = 1 + count("SELECT count(*) FROM payout_file WHERE business_date = ?", date);
        String fileId = "PF" + COMPACT.format(date) + "-" + String.format("%03d", sequence);
        String fileName = "payouts_" + bank.name() + "_" + COMPACT.format(date) + "_" + String.format("%03d", sequence)
                + "." + PayoutFiles.extension(first.method());
        int bankSequence = (int) (1 + count("SELECT count(*) FROM payout_file WHERE business_date = ? AND bank = ? AND format = ?",
                date, bank.name(), first.method()));
        PayoutFiles.Generated g = PayoutFiles.write(first.method(), bank, fileId, bankSequence, fileName, date, group);
        String sha = sha256(g.content());
        boolean fourEyes = settings.fourEyes();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO payout_file (id, bank, format, business_date, file_name, status, payout_count, control_totals,
                    size_bytes, sha256, content, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", fileId, bank.name(), first.method(), date, fileName,
                fourEyes ? "PENDING_APPROVAL" : "APPROVED", g.payoutCount(), g.controlTotalsText(), (long) g.content().length,
                sha, g.content(), settings.operator(), now);
        audit(fileId, "CREATED", settings.operator(), g.payoutCount() + " payouts " + g.controlTotalsText() + " sha256 " + sha);
        if (!fourEyes) {
            audit(fileId, "AUTO_APPROVED", settings.operator(), "four-eyes release is off");
        }
        for (PayoutRow p : group) {
            int n = jdbc.update("""
                    UPDATE payout SET status = 'IN_FILE', file_id = ?, trace_number = ?, status_changed_at = ?
                     WHERE id = ? AND status = 'CREATED' AND file_id IS NULL""", fileId, g.traceNumbers().get(p.endToEndId()),
                    now, p.id());
            if (n != 1) {
                throw new IllegalStateException("payout " + p.id() + " was put in a file concurrently");
            }
        }
        try {
            Files.createDirectories(outboxCopy);
            Files.write(outboxCopy.resolve(fileName), g.content());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        LOG.info("payout file {} ({}): {} payouts, {}", fileName, fileId, g.payoutCount(), g.controlTotalsText());
        return fileId;
    }

    /**
     * Uploads every APPROVED file to its bank's outbox and marks it UPLOADED and its payouts SENT.
     * A file already in the outbox with the recorded size is not sent again (a crash after the
     * rename and before the status update).
     */
    public int upload() {
        List<Map<String, Object>> files = jdbc.queryForList("SELECT id, bank, file_name, size_bytes, sha256, content "
                + "FROM payout_file WHERE status = 'APPROVED' ORDER BY id");
        int uploaded = 0;
        for (Map<String, Object> f : files) {
            byte[] content = (byte[]) f.get("content");
            if (!sha256(content).equals(f.get("sha256"))) {
                throw new IllegalStateException("payout file " + f.get("id") + " content does not match its recorded SHA-256");
            }
            PayoutProperties.Bank bank = settings.bank((String) f.get("bank"));
            String name = (String) f.get("file_name");
            try (SftpClient client = new SftpClient(bank.endpoint())) {
                if (client.sizeIfExists(bank.outboxDirectory(), name) != content.length) {
                    Path local = Files.createTempFile("payout-", ".upload");
                    try {
                        Files.write(local, content);
                        client.upload(local, bank.outboxDirectory(), name);
                    } finally {
                        Files.deleteIfExists(local);
                    }
                } else {
                    LOG.warn("payout file {} is already in {}; not sent again", name, bank.outboxDirectory());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            String fileId = (String) f.get("id");
            tx.executeWithoutResult(status -> {
                Timestamp now = Timestamp.from(clock.instant());
                jdbc.update("UPDATE payout_file SET status = 'UPLOADED', uploaded_at = ?, remote_path = ? WHERE id = ? AND status = 'APPROVED'",
                        now, bank.outboxDirectory() + "/" + name, fileId);
                jdbc.update("UPDATE payout SET status = 'SENT', status_changed_at = ? WHERE file_id = ? AND status = 'IN_FILE'", now, fileId);
                audit(fileId, "UPLOADED", settings.operator(), bank.name() + ":" + bank.outboxDirectory() + "/" + name);
            });
            uploaded++;
        }
        return uploaded;
    }

    void audit(String fileId, String action, String actor, String note) {
        jdbc.update("INSERT INTO payout_file_approval (file_id, action, actor, note, at) VALUES (?, ?, ?, ?, ?)",
                fileId, action, actor, note, Timestamp.from(clock.instant()));
    }

    static PayoutRow row(ResultSet rs, int n) throws SQLException {
        return new PayoutRow(rs.getString("id"), rs.getString("merchant_id"),
                Money.ofMinor(rs.getLong("amount_minor"), rs.getString("currency").trim()), rs.getString("method"),
                rs.getString("bank"), rs.getString("beneficiary_name"), rs.getString("account"), rs.getString("bic"),
                rs.getString("account_type"), rs.getString("end_to_end_id"), rs.getObject("business_date", LocalDate.class));
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
