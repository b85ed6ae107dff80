package dev.settle.jobs.settlement;

import dev.settle.money.Money;
import dev.settle.money.RoundingRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Computes one merchant's settlement in one currency from its inputs. Pure and deterministic: no
 * clock, no database; every sum is overflow-checked ({@link Money#plus}).
 *
 * <p>Statement order: balance brought forward, then per item its line and its fee line, then
 * reserve releases, the reserve held, and returned payouts. A negative net, or one below the
 * payout minimum, is carried forward whole; otherwise the whole net is paid.
 */
public final class SettlementCalculator {

    /** The reserve is a percentage of the cycle's gross captures, rounded half-even (rounding.md). */
    public static final RoundingRule RESERVE_ROUNDING = RoundingRule.HALF_EVEN;

    private SettlementCalculator() {
    }

    public static SettlementResult calculate(SettlementInput in) {
        SettlementTerms terms = in.terms();
        Money zero = Money.zero(terms.currency());
        List<StatementLine> lines = new ArrayList<>();
        List<Money> itemFees = new ArrayList<>();
        if (!in.carriedIn().isZero()) {
            lines.add(new StatementLine(StatementLine.Type.BALANCE_BROUGHT_FORWARD, "", "balance brought forward",
                    null, in.carriedIn(), null));
        }
        Money captures = zero;
        Money refunds = zero;
        Money disputes = zero;
        Money fees = zero;
        // one description per kind, shared by all its fee lines (a big day has a million of them)
        Map<SettlementItem.Kind, String> feeDescriptions = new EnumMap<>(SettlementItem.Kind.class);
        for (SettlementItem item : in.items()) {
            switch (item.kind()) {
                case CAPTURE -> captures = captures.plus(item.amount());
                case REFUND -> refunds = refunds.plus(item.amount());
                default -> disputes = disputes.plus(item.amount());
            }
            lines.add(new StatementLine(item.kind().lineType(), item.id(), item.reference(), null, item.amount(),
                    item.businessDate()));
            Money fee = FeeSchedule.fee(terms, item);
            itemFees.add(fee);
            if (!fee.isZero()) {
                fees = fees.plus(fee);
                lines.add(new StatementLine(StatementLine.Type.FEE, item.id(),
                        feeDescriptions.computeIfAbsent(item.kind(), kind -> feeDescription(terms, kind)),
                        item.amount().abs(), fee.negate(), item.businessDate()));
            }
        }
        Money released = zero;
        for (SettlementInput.ReserveRelease r : in.releases()) {
            released = released.plus(r.amount());
            lines.add(new StatementLine(StatementLine.Type.RESERVE_RELEASED, r.heldInSettlementId(),
                    "reserve held on " + r.heldDate() + " released", null, r.amount(), in.businessDate()));
        }
        Money held = captures.basisPoints(terms.reserveBp(), RESERVE_ROUNDING);
        if (held.isPositive()) {
            lines.add(new StatementLine(StatementLine.Type.RESERVE_HELD, "",
                    "rolling reserve " + terms.reserveBp() + " bp of gross captures " + captures.toDecimalString()
                            + ", until " + in.businessDate().plusDays(terms.reserveDays()),
                    captures, held.negate(), in.businessDate()));
        }
        Money returned = zero;
        for (SettlementInput.ReturnedPayout r : in.returns()) {
            returned = returned.plus(r.amount());
            lines.add(new StatementLine(StatementLine.Type.RETURNED_PAYOUT, r.payoutId(),
                    "payout returned by the bank (" + r.reasonCode() + "), paid again", null, r.amount(), in.businessDate()));
        }
        Money net = in.carriedIn().plus(captures).plus(refunds).plus(disputes).minus(fees).minus(held)
                .plus(released).plus(returned);
        Money linesTotal = zero;
        for (StatementLine l : lines) {
            linesTotal = linesTotal.plus(l.amount());
        }
        if (!linesTotal.equals(net)) {
            throw new IllegalStateException("statement lines sum to " + linesTotal + " but the net is " + net);
        }
        boolean pay = net.isPositive() && net.compareTo(terms.payoutMinimum()) >= 0;
        Money payout = pay ? net : zero;
        Money carriedOut = net.minus(payout);
        return new SettlementResult(in.carriedIn(), captures, refunds, disputes, fees, held,
                held.isPositive() ? in.businessDate().plusDays(terms.reserveDays()) : null, released, returned, net,
                payout, carriedOut, List.copyOf(itemFees), List.copyOf(lines));
    }

    private static String feeDescription(SettlementTerms t, SettlementItem.Kind kind) {
        return switch (kind) {
            case CAPTURE -> "fee " + t.captureFeeBp() + " bp + " + t.captureFeeFixed().toDecimalString()
                    + (t.minimumFee().isZero() ? "" : ", minimum " + t.minimumFee().toDecimalString())
                    + ", rounded " + t.feeRounding();
            case REFUND -> "refund fee";
            default -> "chargeback fee";
        };
    }
}
