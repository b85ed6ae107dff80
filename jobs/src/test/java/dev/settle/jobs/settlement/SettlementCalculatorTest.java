package dev.settle.jobs.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import dev.settle.money.RoundingRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settlement maths as tables: no database, no Spring. */
class SettlementCalculatorTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    static SettlementTerms terms(String ccy, long bp, long fixed, long refundFee, long cbFee, long minFee, String rounding,
                                 long reserveBp, int reserveDays, long minimum) {
        CurrencyUnit c = CurrencyUnit.of(ccy);
        return new SettlementTerms(c, bp, Money.ofMinor(fixed, c), Money.ofMinor(refundFee, c), Money.ofMinor(cbFee, c),
                Money.ofMinor(minFee, c), RoundingRule.valueOf(rounding), reserveBp, reserveDays, Money.ofMinor(minimum, c));
    }

    static SettlementItem item(String id, SettlementItem.Kind kind, long minor, String ccy) {
        return new SettlementItem(id, kind, Money.ofMinor(minor, ccy), DAY, "ref-" + id);
    }

    @ParameterizedTest(name = "{0}: {1} {2} at {3} bp + {4}, min {5}, {6} → fee {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # model                          | ccy | amount     | bp  | fixed | min | rounding  | fee
            percentage only, exact           | EUR | 10000      | 290 | 0     | 0   | HALF_EVEN | 290
            percentage + fixed               | EUR | 10000      | 290 | 30    | 0   | HALF_EVEN | 320
            half-even tie rounds to even 2   | EUR | 50         | 500 | 0     | 0   | HALF_EVEN | 2
            half-even tie rounds to even 4   | EUR | 70         | 500 | 0     | 0   | HALF_EVEN | 4
            half-up tie rounds away          | EUR | 50         | 500 | 0     | 0   | HALF_UP   | 3
            down truncates                   | EUR | 1999       | 150 | 0     | 0   | DOWN      | 29
            up rounds away                   | EUR | 1999       | 150 | 0     | 0   | UP        | 30
            minimum fee applies              | EUR | 100        | 290 | 0     | 25  | HALF_EVEN | 25
            minimum fee below the fee        | EUR | 100000     | 290 | 0     | 25  | HALF_EVEN | 2900
            minimum includes the fixed part  | EUR | 100        | 290 | 20    | 25  | HALF_EVEN | 25
            zero-decimal JPY                 | JPY | 1234       | 360 | 10    | 0   | HALF_EVEN | 54
            zero-decimal JPY tie             | JPY | 25         | 200 | 0     | 0   | HALF_EVEN | 0
            three-decimal KWD                | KWD | 12345      | 250 | 100   | 0   | HALF_EVEN | 409
            three-decimal KWD tie            | KWD | 1500       | 10  | 0     | 0   | HALF_EVEN | 2
            huge amount, no overflow         | USD | 900000000000000000 | 10000 | 0 | 0 | HALF_EVEN | 900000000000000000
            """)
    void capture_fee_per_model(String model, String ccy, long amount, long bp, long fixed, long min, String rounding, long fee) {
        SettlementTerms t = terms(ccy, bp, fixed, 0, 0, min, rounding, 0, 0, 0);
        assertThat(FeeSchedule.fee(t, item("txn_1", SettlementItem.Kind.CAPTURE, amount, ccy)))
                .isEqualTo(Money.ofMinor(fee, ccy));
    }

    @ParameterizedTest(name = "{0} → fee {1}")
    @CsvSource(delimiter = '|', textBlock = """
            REFUND              | 15
            CHARGEBACK          | 1500
            SECOND_CHARGEBACK   | 1500
            CHARGEBACK_REVERSAL | 0
            """)
    void flat_fees_for_refunds_and_disputes(SettlementItem.Kind kind, long fee) {
        SettlementTerms t = terms("EUR", 290, 30, 15, 1500, 50, "HALF_EVEN", 0, 0, 0);
        assertThat(FeeSchedule.fee(t, item("x", kind, kind.sign() * 5000L, "EUR"))).isEqualTo(Money.ofMinor(fee, "EUR"));
    }

    @Test
    void a_cycle_with_every_kind_of_line_sums_to_the_net_and_is_paid_out() {
        SettlementTerms t = terms("EUR", 200, 25, 10, 1500, 0, "HALF_EVEN", 1000, 7, 1000);
        List<SettlementItem> items = List.of(
                item("txn_a", SettlementItem.Kind.CAPTURE, 10_000, "EUR"),
                item("txn_b", SettlementItem.Kind.CAPTURE, 5_055, "EUR"),
                item("txn_c", SettlementItem.Kind.REFUND, -2_000, "EUR"),
                item("dispute_event:1:2", SettlementItem.Kind.CHARGEBACK, -3_000, "EUR"),
                item("dispute_event:1:3", SettlementItem.Kind.CHARGEBACK_REVERSAL, 3_000, "EUR"));
        SettlementInput in = new SettlementInput("mer_1", DAY, t, Money.ofMinor(-700, "EUR"), items,
                List.of(new SettlementInput.ReserveRelease("stl_old", Money.ofMinor(400, "EUR"), DAY.minusDays(7))),
                List.of(new SettlementInput.ReturnedPayout("po_old", Money.ofMinor(1_200, "EUR"), "R03")));
        SettlementResult r = SettlementCalculator.calculate(in);
        // fees: 200+25, round(101.1)=101+25, refund 10, chargeback 1500
        assertThat(r.itemFees()).extracting(Money::amountMinor).containsExactly(225L, 126L, 10L, 1500L, 0L);
        assertThat(r.fees().amountMinor()).isEqualTo(1861);
        assertThat(r.grossCaptures().amountMinor()).isEqualTo(15_055);
        assertThat(r.reserveHeld().amountMinor()).isEqualTo(1506); // 1505.5 half-even → 1506
        assertThat(r.reserveReleaseDate()).isEqualTo(DAY.plusDays(7));
        long expected = -700 + 15_055 - 2_000 - 3_000 + 3_000 - 1861 - 1506 + 400 + 1_200;
        assertThat(r.net().amountMinor()).isEqualTo(expected);
        assertThat(r.payout()).isEqualTo(r.net());
        assertThat(r.carriedOut().isZero()).isTrue();
        assertThat(sum(r.lines())).isEqualTo(r.payout());
        assertThat(r.lines().get(0).type()).isEqualTo(StatementLine.Type.BALANCE_BROUGHT_FORWARD);
    }

    @ParameterizedTest(name = "net {0} with minimum {1} → payout {2}, carried {3}")
    @CsvSource(textBlock = """
            1000, 1000, 1000, 0
            999,  1000, 0,    999
            1,    0,    1,    0
            0,    0,    0,    0
            -500, 0,    0,    -500
            """)
    void payout_minimum_and_negative_nets_are_carried_forward(long capture, long minimum, long payout, long carried) {
        SettlementTerms t = terms("USD", 0, 0, 0, 0, 0, "HALF_EVEN", 0, 0, minimum);
        List<SettlementItem> items = capture > 0 ? List.of(item("t", SettlementItem.Kind.CAPTURE, capture, "USD"))
                : capture < 0 ? List.of(item("t", SettlementItem.Kind.REFUND, capture, "USD")) : List.of();
        SettlementResult r = SettlementCalculator.calculate(new SettlementInput("m", DAY, t, Money.zero(CurrencyUnit.USD),
                items, List.of(), List.of()));
        assertThat(r.payout().amountMinor()).isEqualTo(payout);
        assertThat(r.carriedOut().amountMinor()).isEqualTo(carried);
    }

    /** Three days: -5.00, then +3.00, then +4.00: carried, carried, and 2.00 paid on day three. */
    @Test
    void a_negative_balance_is_carried_forward_over_three_days_until_covered() {
        SettlementTerms t = terms("EUR", 0, 0, 0, 0, 0, "HALF_EVEN", 0, 0, 100);
        long[] dayNet = {-500, 300, 400};
        long[] payouts = new long[3];
        long[] carried = new long[3];
        Money carry = Money.zero(CurrencyUnit.EUR);
        for (int d = 0; d < 3; d++) {
            SettlementItem.Kind kind = dayNet[d] < 0 ? SettlementItem.Kind.REFUND : SettlementItem.Kind.CAPTURE;
            SettlementResult r = SettlementCalculator.calculate(new SettlementInput("m", DAY.plusDays(d), t, carry,
                    List.of(item("t" + d, kind, dayNet[d], "EUR")), List.of(), List.of()));
            assertThat(sum(r.lines())).isEqualTo(r.net());
            payouts[d] = r.payout().amountMinor();
            carried[d] = r.carriedOut().amountMinor();
            carry = r.carriedOut();
        }
        assertThat(payouts).containsExactly(0, 0, 200);
        assertThat(carried).containsExactly(-500, -200, 0);
    }

    /** A 10 % reserve held 3 days: held on day 0, still held on days 1–2, released on day 3. */
    @Test
    void reserve_is_released_on_day_n() {
        SettlementTerms t = terms("GBP", 0, 0, 0, 0, 0, "HALF_EVEN", 1000, 3, 0);
        SettlementResult day0 = SettlementCalculator.calculate(new SettlementInput("m", DAY, t, Money.zero(CurrencyUnit.GBP),
                List.of(item("t", SettlementItem.Kind.CAPTURE, 10_000, "GBP")), List.of(), List.of()));
        assertThat(day0.reserveHeld().amountMinor()).isEqualTo(1000);
        assertThat(day0.payout().amountMinor()).isEqualTo(9000);
        assertThat(day0.reserveReleaseDate()).isEqualTo(DAY.plusDays(3));
        List<Long> paid = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            LocalDate date = DAY.plusDays(d);
            List<SettlementInput.ReserveRelease> due = date.isBefore(day0.reserveReleaseDate()) ? List.of()
                    : List.of(new SettlementInput.ReserveRelease("stl_0", day0.reserveHeld(), DAY));
            SettlementResult r = SettlementCalculator.calculate(new SettlementInput("m", date, t,
                    Money.zero(CurrencyUnit.GBP), List.of(), due, List.of()));
            paid.add(r.payout().amountMinor());
        }
        assertThat(paid).containsExactly(0L, 0L, 1000L);
    }

    @ParameterizedTest(name = "{0}: reserve {2} bp of {1} = {3}")
    @CsvSource(textBlock = """
            JPY, 1005, 500, 50
            JPY, 1015, 500, 51
            EUR, 12345, 250, 309
            KWD, 1000001, 1, 100
            """)
    void reserve_rounding_in_zero_two_and_three_decimal_currencies(String ccy, long gross, long bp, long held) {
        SettlementTerms t = terms(ccy, 0, 0, 0, 0, 0, "HALF_EVEN", bp, 1, 0);
        SettlementResult r = SettlementCalculator.calculate(new SettlementInput("m", DAY, t, Money.zero(CurrencyUnit.of(ccy)),
                List.of(item("t", SettlementItem.Kind.CAPTURE, gross, ccy)), List.of(), List.of()));
        assertThat(r.reserveHeld().amountMinor()).isEqualTo(held);
        assertThat(sum(r.lines())).isEqualTo(r.net());
    }

    @Test
    void a_returned_payout_is_paid_again_in_the_next_cycle() {
        SettlementTerms t = terms("USD", 0, 0, 0, 0, 0, "HALF_EVEN", 0, 0, 0);
        SettlementResult r = SettlementCalculator.calculate(new SettlementInput("m", DAY, t, Money.zero(CurrencyUnit.USD),
                List.of(), List.of(), List.of(new SettlementInput.ReturnedPayout("po_1", Money.ofMinor(12_345, "USD"), "R01"))));
        assertThat(r.payout().amountMinor()).isEqualTo(12_345);
        assertThat(r.lines()).singleElement().extracting(StatementLine::type).isEqualTo(StatementLine.Type.RETURNED_PAYOUT);
    }

    @Test
    void totals_that_overflow_are_refused_not_wrapped() {
        SettlementTerms t = SettlementTerms.free(CurrencyUnit.USD);
        List<SettlementItem> items = List.of(item("a", SettlementItem.Kind.CAPTURE, Long.MAX_VALUE - 1, "USD"),
                item("b", SettlementItem.Kind.CAPTURE, 2, "USD"));
        assertThatThrownBy(() -> SettlementCalculator.calculate(new SettlementInput("m", DAY, t,
                Money.zero(CurrencyUnit.USD), items, List.of(), List.of())))
                .isInstanceOfSatisfying(MoneyException.class, e -> assertThat(e.code()).isEqualTo(MoneyException.Code.OVERFLOW));
    }

    @Test
    void an_item_with_the_wrong_sign_is_refused() {
        assertThatThrownBy(() -> item("r", SettlementItem.Kind.REFUND, 100, "EUR")).isInstanceOf(IllegalArgumentException.class);
    }

    static Money sum(List<StatementLine> lines) {
        Money total = Money.zero(lines.get(0).amount().currency());
        for (StatementLine l : lines) {
            total = total.plus(l.amount());
        }
        return total;
    }
}
