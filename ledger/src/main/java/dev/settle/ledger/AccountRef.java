package dev.settle.ledger;

import dev.settle.money.CurrencyUnit;
import java.util.Objects;

/**
 * Names a ledger account without its database id: owner, kind and currency. Accounts are created
 * on first use.
 *
 * @param merchantId the owning merchant for merchant kinds; empty for system kinds
 */
public record AccountRef(AccountKind kind, String merchantId, CurrencyUnit currency) {

    public AccountRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(currency, "currency");
        boolean merchantKind = kind.ownerType() == AccountKind.OwnerType.MERCHANT;
        if (merchantKind == merchantId.isEmpty()) {
            throw new IllegalArgumentException(kind + (merchantKind ? " needs a merchant id" : " is a system account"));
        }
    }

    public static AccountRef merchant(String merchantId, AccountKind kind, CurrencyUnit currency) {
        return new AccountRef(kind, merchantId, currency);
    }

    public static AccountRef system(AccountKind kind, CurrencyUnit currency) {
        return new AccountRef(kind, "", currency);
    }

    String ownerTypeColumn() {
        return kind.ownerType() == AccountKind.OwnerType.MERCHANT ? "merchant" : "system";
    }

    @Override
    public String toString() {
        return (merchantId.isEmpty() ? "system" : merchantId) + ":" + kind + ":" + currency;
    }
}
