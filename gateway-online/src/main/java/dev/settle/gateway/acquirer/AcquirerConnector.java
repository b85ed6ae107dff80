package dev.settle.gateway.acquirer;

import dev.settle.gateway.card.Card;
import dev.settle.money.Money;
import java.util.Optional;

/**
 * The gateway's view of an acquirer (the PSP that talks to the card schemes).
 *
 * <p>Contract for implementations: every call is idempotent by the reference it is given — a
 * repeated {@link #authorize} with the same {@code paymentReference} returns the first outcome and
 * never charges twice; a repeated capture/refund/cancel with the same {@code modificationReference}
 * is one modification. A call that cannot tell whether the acquirer acted throws
 * {@link AcquirerTimeoutException}; the caller must then treat the outcome as unknown and ask
 * {@link #findAuthorization} later, never authorize again. Thread-safe.
 */
public interface AcquirerConnector {

    /** Asks for an authorisation of {@code amount} on the card; {@code paymentReference} is our payment id. */
    AuthorizationResult authorize(String paymentReference, Money amount, Card card);

    /** What the acquirer knows of an earlier authorisation, by our payment id; empty if it never saw it. */
    Optional<AuthorizationResult> findAuthorization(String paymentReference);

    /** Captures {@code amount} (≤ authorised) of an authorisation; returns the acquirer's modification reference. */
    String capture(String pspReference, Money amount, String modificationReference);

    /** Refunds {@code amount} of a capture; returns the acquirer's modification reference. */
    String refund(String pspReference, Money amount, String modificationReference);

    /** Releases an authorisation that was not captured; returns the acquirer's modification reference. */
    String cancel(String pspReference, String modificationReference);
}
