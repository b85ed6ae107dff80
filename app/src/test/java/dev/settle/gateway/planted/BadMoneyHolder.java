package dev.settle.gateway.planted;

/** Planted on purpose: money in a double. ArchitectureRulesBiteTest proves the rule rejects it. */
public class BadMoneyHolder {
    public double amount;

    public void charge(double amount) {
        this.amount += amount;
    }
}
