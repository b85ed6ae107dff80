package dev.settle.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.gateway.merchant.ApiKey;
import dev.settle.gateway.merchant.IssuedKey;
import dev.settle.gateway.merchant.Merchant;
import dev.settle.gateway.merchant.MerchantException;
import dev.settle.gateway.merchant.Merchants;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./settle merchants ...}: create merchants and manage their secret keys. A secret key is
 * printed exactly once, when it is issued; only its hash is stored. Refusals (unknown merchant or
 * key, bad currency) exit 1.
 */
@Command(name = "merchants", description = "Create merchants and manage their API keys.",
        subcommands = {SettlementCommands.Merchants.Pricing.class, MerchantsCommand.Create.class, MerchantsCommand.ListMerchants.class, MerchantsCommand.Keys.class,
                MerchantsCommand.RotateKey.class, MerchantsCommand.RevokeKey.class})
final class MerchantsCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public Integer call() {
        System.err.println("Use a subcommand: create, list, keys, rotate-key, revoke-key (see --help).");
        return SettleMain.EXIT_USAGE;
    }

    static int withMerchants(Function<Merchants, Integer> action) {
        try (HikariDataSource ds = LocalServicesBootstrap.migratedDataSource(LocalServicesBootstrap.databaseName())) {
            Merchants merchants = new Merchants(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)),
                    Clock.systemUTC());
            return action.apply(merchants);
        } catch (MerchantException e) {
            System.err.println("refused: " + e.getMessage());
            return SettleMain.EXIT_BUSINESS;
        }
    }

    static Map<String, Object> keyJson(ApiKey key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key_id", key.id());
        m.put("merchant_id", key.merchantId());
        m.put("prefix", key.prefix());
        m.put("created_at", key.createdAt().toString());
        m.put("revoked_at", key.revokedAt() == null ? null : key.revokedAt().toString());
        return m;
    }

    static void printIssued(IssuedKey issued, boolean json, String what) {
        if (json) {
            Map<String, Object> m = keyJson(issued.key());
            m.put("secret_key", issued.secret());
            System.out.println(JSON.writeValueAsString(m));
        } else {
            System.out.printf("%s for merchant %s%nkey id:     %s%nsecret key: %s%n(shown once: store it now; only a hash is kept)%n",
                    what, issued.key().merchantId(), issued.key().id(), issued.secret());
        }
    }

    @Command(name = "create", description = "Create a merchant and print its first secret key (once).")
    static final class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "Merchant name")
        String name;
        @Option(names = "--currency", required = true, description = "Default ISO 4217 currency, e.g. EUR")
        String currency;
        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Override
        public Integer call() {
            return withMerchants(merchants -> {
                IssuedKey issued = merchants.create(name, currency);
                printIssued(issued, json, "Created merchant " + issued.key().merchantId() + " (" + name + ", " + currency + ")\nKey");
                return SettleMain.EXIT_OK;
            });
        }
    }

    @Command(name = "list", description = "List merchants.")
    static final class ListMerchants implements Callable<Integer> {
        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Override
        public Integer call() {
            return withMerchants(merchants -> {
                List<Merchant> all = merchants.list();
                if (json) {
                    System.out.println(JSON.writeValueAsString(all.stream().map(m -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", m.id());
                        row.put("name", m.name());
                        row.put("default_currency", m.defaultCurrency().code());
                        row.put("status", m.status());
                        row.put("created_at", m.createdAt().toString());
                        return row;
                    }).toList()));
                } else {
                    all.forEach(m -> System.out.printf("%s  %-3s  %-9s  %s%n", m.id(), m.defaultCurrency(), m.status(), m.name()));
                }
                return SettleMain.EXIT_OK;
            });
        }
    }

    @Command(name = "keys", description = "List a merchant's keys (ids and prefixes, never secrets).")
    static final class Keys implements Callable<Integer> {
        @Parameters(index = "0", description = "Merchant id (mer_...)")
        String merchantId;
        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Override
        public Integer call() {
            return withMerchants(merchants -> {
                List<ApiKey> keys = merchants.keys(merchantId);
                if (json) {
                    System.out.println(JSON.writeValueAsString(keys.stream().map(MerchantsCommand::keyJson).toList()));
                } else {
                    keys.forEach(k -> System.out.printf("%s  %s...  created %s  %s%n", k.id(), k.prefix(), k.createdAt(),
                            k.revokedAt() == null ? "live" : "revoked " + k.revokedAt()));
                }
                return SettleMain.EXIT_OK;
            });
        }
    }

    @Command(name = "rotate-key", description = "Issue a new secret key; the old ones keep working until revoked.")
    static final class RotateKey implements Callable<Integer> {
        @Parameters(index = "0", description = "Merchant id (mer_...)")
        String merchantId;
        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Override
        public Integer call() {
            return withMerchants(merchants -> {
                printIssued(merchants.rotateKey(merchantId), json, "New key");
                return SettleMain.EXIT_OK;
            });
        }
    }

    @Command(name = "revoke-key", description = "Revoke one key of a merchant (it stops working at once).")
    static final class RevokeKey implements Callable<Integer> {
        @Parameters(index = "0", description = "Merchant id (mer_...)")
        String merchantId;
        @Parameters(index = "1", description = "Key id (key_...)")
        String keyId;
        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Override
        public Integer call() {
            return withMerchants(merchants -> {
                ApiKey key = merchants.revokeKey(merchantId, keyId);
                System.out.println(json ? JSON.writeValueAsString(keyJson(key)) : "Revoked " + key.id() + " at " + key.revokedAt());
                return SettleMain.EXIT_OK;
            });
        }
    }
}
