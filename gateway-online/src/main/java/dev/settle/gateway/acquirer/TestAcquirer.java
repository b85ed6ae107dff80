package dev.settle.gateway.acquirer;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.Ids;
import dev.settle.gateway.card.Card;
import dev.settle.money.Money;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deterministic in-process acquirer for tests, the demo and the benchmark. The outcome depends
 * only on the card number (see {@link TestCards}); every other valid card is approved.
 *
 * <p>The timeout card records the authorisation and then throws {@link AcquirerTimeoutException},
 * as a real acquirer that approved but whose answer was lost would: {@link #findAuthorization} then
 * reports it approved, which is what the resolver must discover. State is in memory, so it is lost
 * when the process stops (a resolver after a restart finds nothing and declines the payment).
 */
public final class TestAcquirer implements AcquirerConnector {

    private final Map<String, AuthorizationResult> authorizations = new ConcurrentHashMap<>();
    private final Map<String, String> modifications = new ConcurrentHashMap<>();

    @Override
    public AuthorizationResult authorize(String paymentReference, Money amount, Card card) {
        TestCards.Behaviour behaviour = TestCards.behaviourOf(card.pan());
        AuthorizationResult result = authorizations.computeIfAbsent(paymentReference,
                ref -> new AuthorizationResult(Ids.random(16), behaviour.declineCode())); // 16 characters, like Adyen's PSP references
        if (behaviour == TestCards.Behaviour.TIMEOUT) {
            throw new AcquirerTimeoutException("test acquirer: no answer for " + paymentReference);
        }
        return result;
    }

    @Override
    public Optional<AuthorizationResult> findAuthorization(String paymentReference) {
        return Optional.ofNullable(authorizations.get(paymentReference));
    }

    @Override
    public String capture(String pspReference, Money amount, String modificationReference) {
        return modifications.computeIfAbsent(modificationReference, ref -> "mod_" + Ids.random(16));
    }

    @Override
    public String refund(String pspReference, Money amount, String modificationReference) {
        return modifications.computeIfAbsent(modificationReference, ref -> "mod_" + Ids.random(16));
    }

    @Override
    public String cancel(String pspReference, String modificationReference) {
        return modifications.computeIfAbsent(modificationReference, ref -> "mod_" + Ids.random(16));
    }

    /** The documented test cards of the test acquirer (all pass the Luhn check). */
    public static final class TestCards {
        public static final String VISA_APPROVE = "4242424242424242";
        public static final String MASTERCARD_APPROVE = "5555555555554444";
        public static final String AMEX_APPROVE = "378282246310005";
        public static final String DECLINE_CARD_DECLINED = "4000000000000002";
        public static final String DECLINE_INSUFFICIENT_FUNDS = "4000000000009995";
        public static final String DECLINE_EXPIRED_CARD = "4000000000000069";
        public static final String DECLINE_INCORRECT_CVC = "4000000000000127";
        public static final String DECLINE_LOST_CARD = "4000000000009987";
        public static final String DECLINE_STOLEN_CARD = "4000000000009979";
        public static final String DECLINE_PROCESSING_ERROR = "4000000000000119";
        /** Authorised at the acquirer, but the answer never arrives: the payment becomes unknown. */
        public static final String TIMEOUT = "4000000000000101";

        enum Behaviour {
            APPROVE(null), CARD_DECLINED(ErrorCode.CARD_DECLINED), INSUFFICIENT_FUNDS(ErrorCode.INSUFFICIENT_FUNDS),
            EXPIRED_CARD(ErrorCode.EXPIRED_CARD), INCORRECT_CVC(ErrorCode.INCORRECT_CVC), LOST_CARD(ErrorCode.LOST_CARD),
            STOLEN_CARD(ErrorCode.STOLEN_CARD), PROCESSING_ERROR(ErrorCode.PROCESSING_ERROR), TIMEOUT(null);

            private final ErrorCode declineCode;

            Behaviour(ErrorCode declineCode) {
                this.declineCode = declineCode;
            }

            ErrorCode declineCode() {
                return declineCode;
            }
        }

        private static final Map<String, Behaviour> BY_NUMBER = Map.of(
                DECLINE_CARD_DECLINED, Behaviour.CARD_DECLINED,
                DECLINE_INSUFFICIENT_FUNDS, Behaviour.INSUFFICIENT_FUNDS,
                DECLINE_EXPIRED_CARD, Behaviour.EXPIRED_CARD,
                DECLINE_INCORRECT_CVC, Behaviour.INCORRECT_CVC,
                DECLINE_LOST_CARD, Behaviour.LOST_CARD,
                DECLINE_STOLEN_CARD, Behaviour.STOLEN_CARD,
                DECLINE_PROCESSING_ERROR, Behaviour.PROCESSING_ERROR,
                TIMEOUT, Behaviour.TIMEOUT);

        private TestCards() {
        }

        static Behaviour behaviourOf(String pan) {
            return BY_NUMBER.getOrDefault(pan, Behaviour.APPROVE);
        }
    }
}
