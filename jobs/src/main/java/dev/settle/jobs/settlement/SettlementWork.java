package dev.settle.jobs.settlement;

import java.util.List;

/** One merchant and currency to settle, with its reconciled gateway items in statement order. */
public record SettlementWork(SettlementService.Key key, List<SettlementItem> gatewayItems) {

    public SettlementWork {
        gatewayItems = List.copyOf(gatewayItems);
    }
}
