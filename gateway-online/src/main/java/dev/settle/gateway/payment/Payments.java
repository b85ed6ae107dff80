package dev.settle.gateway.payment;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.GatewayException;
import dev.settle.gateway.GatewayProperties;
import dev.settle.gateway.Ids;
import dev.settle.gateway.acquirer.AcquirerConnector;
import dev.settle.gateway.acquirer.AuthorizationResult;
import dev.settle.gateway.card.Card;
import dev.settle.gateway.card.CardValidator;
import dev.settle.gateway.risk.VelocityRules;
import dev.settle.ledger.AccountKind;
import dev.settle.ledger.AccountRef;
import dev.settle.ledger.Ledger;
import dev.settle.ledger.PostingLine;
import dev.settle.ledger.PostingRequest;
import dev.settle.money.Money;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment operations behind the API. Every method takes the calling merchant's id and answers
 * {@code RESOURCE_MISSING} for another merchant's objects, exactly as for ids that do not exist.
 *
 * <p>Money-moving modifications (capture, refund, void) lock the payment row, call the acquirer with
 * a modification reference derived from the payment (so a retried call is the same modification
 * at the acquirer), then write the state change, a {@code gateway_transaction} row and the balanced
 * ledger posting in one database transaction: all of it commits, or none. Thread-safe.
 */
public final class Payments {

    private static final Logger LOG = LoggerFactory.getLogger(Payments.class);

    private final PaymentRepository repository;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final AcquirerConnector acquirer;
    private final CardValidator cardValidator;
    private final VelocityRules velocity;
    private final GatewayProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    public Payments(JdbcTemplate jdbc, JsonMapper json, TransactionTemplate tx, Ledger ledger, AcquirerConnector acquirer,
            CardValidator cardValidator, VelocityRules velocity, GatewayProperties properties, MeterRegistry meters,
            Clock clock) {
        this.repository = new PaymentRepository(jdbc, json);
        this.tx = tx;
        this.ledger = ledger;
        this.acquirer = acquirer;
        this.cardValidator = cardValidator;
        this.velocity = velocity;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Authorises (and with {@code capture}, captures) a payment. The payment row is committed as
     * pending before the acquirer is called, so a crash or timeout leaves a record the resolver
     * finishes; the acquirer is never asked to authorise the same payment twice.
     *
     * @param idempotencyKey the request's Idempotency-Key or null; when a payment was already created
     *     under it (a retry taking over the key of a request that crashed), that payment is returned
     *     as it is now and nothing is authorised again
     * @return the payment: authorized/captured, declined (with its code) or unknown (acquirer timed out)
     * @throws GatewayException card validation errors, before anything is stored
     */
    public Payment create(String merchantId, NewPayment request, String idempotencyKey) {
        Card card = cardValidator.validate(request.card());
        Instant now = clock.instant();
        Payment pending = new Payment(Ids.next("pay"), merchantId, PaymentStatus.PENDING, request.amount().amountMinor(),
                0, 0, request.amount().currency(), request.capture(), request.reference(), request.description(),
                request.metadata(), card.stored(), null, null, now);
        if (!velocity.allowAttempt(card.stored().fingerprint()) || !velocity.reserveAmount(merchantId, request.amount())) {
            Payment declined = withDecline(pending, ErrorCode.RISK_DECLINED);
            if (!repository.insert(declined, idempotencyKey, now)) {
                return repository.findByIdempotencyKey(merchantId, idempotencyKey).orElseThrow();
            }
            countAuthorization(declined);
            return declined;
        }
        if (!repository.insert(pending, idempotencyKey, now)) {
            // A payment was already created under this key by a request that died before its
            // response was stored: answer with that payment; never authorise a second time.
            return repository.findByIdempotencyKey(merchantId, idempotencyKey).orElseThrow();
        }
        AuthorizationResult result;
        io.micrometer.core.instrument.Timer.Sample acquirerCall = io.micrometer.core.instrument.Timer.start(meters);
        try {
            result = acquirer.authorize(pending.id(), request.amount(), card);
            acquirerCall.stop(acquirerTimer("answered"));
        } catch (RuntimeException e) { // AcquirerTimeoutException, or the connection failed mid-call
            // The acquirer may have approved: never retry the authorisation; the resolver asks later.
            acquirerCall.stop(acquirerTimer("no_answer"));
            LOG.warn("authorisation of {} has no answer ({}); left unknown for the resolver", pending.id(), e.getClass().getSimpleName());
            repository.markUnknown(pending.id(), clock.instant());
            Payment unknown = repository.find(merchantId, pending.id()).orElseThrow();
            countAuthorization(unknown);
            return unknown;
        }
        Payment decided = applyAuthorization(pending, result);
        countAuthorization(decided);
        return decided;
    }

    /**
     * Captures {@code amountMinor} (null: the whole authorised amount) of an authorised payment, once;
     * the remainder of the authorisation is released.
     */
    public Payment capture(String merchantId, String paymentId, Long amountMinor) {
        return tx.execute(status -> {
            Payment p = lockOrMissing(merchantId, paymentId);
            if (p.status() != PaymentStatus.AUTHORIZED) {
                throw unexpectedState(p, "captured", "authorized");
            }
            long captureMinor = amountMinor == null ? p.amountMinor() : amountMinor;
            if (captureMinor > p.amountMinor()) {
                throw new GatewayException(ErrorCode.CAPTURE_EXCEEDS_AUTHORIZED, "The capture amount " + captureMinor
                        + " exceeds the authorised amount " + p.amountMinor() + ".", "amount");
            }
            return captureLocked(p, captureMinor);
        });
    }

    /** Releases an authorisation that was not captured. */
    public Payment voidPayment(String merchantId, String paymentId) {
        return tx.execute(status -> {
            Payment p = lockOrMissing(merchantId, paymentId);
            if (p.status() != PaymentStatus.AUTHORIZED) {
                throw unexpectedState(p, "voided", "authorized");
            }
            String modification = acquirer.cancel(p.pspReference(), "void:" + p.id());
            Instant now = clock.instant();
            repository.updateAmounts(p.id(), PaymentStatus.VOIDED, 0, 0, now);
            // A void moves no money (nothing was posted at authorisation), so it has a journal row for
            // reconciliation but no ledger posting.
            repository.insertTransaction(new PaymentRepository.TransactionRow(Ids.next("txn"), p.merchantId(), p.id(),
                    "void", null, p.pspReference(), modification, p.amountMinor(), p.currency(), businessDate(now), now));
            velocity.releaseAmount(p.merchantId(), Money.ofMinor(p.amountMinor(), p.currency()));
            return repository.find(merchantId, paymentId).orElseThrow();
        });
    }

    /**
     * Refunds {@code amountMinor} (null: everything not yet refunded) of a captured payment. Refunds
     * of one payment are serialised by the row lock, so their sum never exceeds the captured amount
     * (the database checks it again).
     *
     * @param idempotencyKey the request's Idempotency-Key or null; a refund already made under it
     *     (a retry taking over a crashed request's key) is returned instead of refunding again
     */
    public Refund refund(String merchantId, String paymentId, Long amountMinor, String reason, String idempotencyKey) {
        return tx.execute(status -> {
            Payment p = lockOrMissing(merchantId, paymentId);
            if (idempotencyKey != null) {
                var earlier = repository.findRefundByIdempotencyKey(merchantId, paymentId, idempotencyKey);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            if (!p.status().refundable()) {
                throw unexpectedState(p, "refunded", "captured or partially_refunded");
            }
            long remainingMinor = p.amountCapturedMinor() - p.amountRefundedMinor();
            long refundMinor = amountMinor == null ? remainingMinor : amountMinor;
            if (refundMinor > remainingMinor) {
                throw new GatewayException(ErrorCode.REFUND_EXCEEDS_CAPTURED, "The refund amount " + refundMinor
                        + " exceeds what is left to refund (" + remainingMinor + " of " + p.amountCapturedMinor()
                        + " captured).", "amount");
            }
            int sequence = repository.refundCount(p.id()) + 1;
            Money amount = Money.ofMinor(refundMinor, p.currency());
            String modification = acquirer.refund(p.pspReference(), amount, "refund:" + p.id() + ":" + sequence);
            Instant now = clock.instant();
            Refund refund = new Refund(Ids.next("re"), p.id(), p.merchantId(), refundMinor, p.currency(), reason,
                    "succeeded", now);
            repository.insertRefund(refund, modification, idempotencyKey);
            long refundedMinor = Math.addExact(p.amountRefundedMinor(), refundMinor);
            PaymentStatus next = refundedMinor == p.amountCapturedMinor() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
            repository.updateAmounts(p.id(), next, p.amountCapturedMinor(), refundedMinor, now);
            String txnId = Ids.next("txn");
            repository.insertTransaction(new PaymentRepository.TransactionRow(txnId, p.merchantId(), p.id(), "refund",
                    refund.id(), p.pspReference(), modification, refundMinor, p.currency(), businessDate(now), now));
            ledger.post(new PostingRequest("refund:" + txnId, "gateway_refund", businessDate(now),
                    "refund " + refund.id() + " of " + p.id(), List.of(
                    PostingLine.debit(AccountRef.merchant(p.merchantId(), AccountKind.MERCHANT_PENDING, p.currency()), amount),
                    PostingLine.credit(AccountRef.system(AccountKind.GATEWAY_RECEIVABLE, p.currency()), amount))));
            return refund;
        });
    }

    public Payment get(String merchantId, String paymentId) {
        return repository.find(merchantId, paymentId).orElseThrow(() -> missing("payment", paymentId, "id"));
    }

    public Refund getRefund(String merchantId, String refundId) {
        return repository.findRefund(merchantId, refundId).orElseThrow(() -> missing("refund", refundId, "id"));
    }

    public PaymentPage list(String merchantId, PaymentFilter filter) {
        if (filter.startingAfter() != null && !repository.exists(merchantId, filter.startingAfter())) {
            throw missing("payment", filter.startingAfter(), "starting_after");
        }
        return repository.list(merchantId, filter);
    }

    /**
     * Resolves payments left pending or unknown for longer than the configured delay by asking the
     * acquirer what it did with them: never by authorising again. Approved ones become authorized
     * (and are captured if the merchant asked for capture); ones the acquirer never saw are
     * declined with {@code processing_error}. Safe to run on several nodes at once: the state change
     * is conditional on the payment still being undecided.
     *
     * @return how many payments were decided
     */
    public int resolveUndecided(int batchSizeMax) {
        Instant before = clock.instant().minus(properties.getResolveAfter());
        int decided = 0;
        for (Payment p : repository.undecided(before, batchSizeMax)) {
            try {
                AuthorizationResult result = acquirer.findAuthorization(p.id())
                        .orElse(new AuthorizationResult(null, ErrorCode.PROCESSING_ERROR));
                Payment after = applyAuthorization(p, result);
                if (after.status() != PaymentStatus.PENDING && after.status() != PaymentStatus.UNKNOWN) {
                    decided++;
                    LOG.info("resolved payment {} as {}", p.id(), after.status().wireName());
                }
            } catch (RuntimeException e) {
                LOG.warn("could not resolve payment {} yet: {}", p.id(), e.getClass().getSimpleName());
            }
        }
        return decided;
    }

    private Payment applyAuthorization(Payment p, AuthorizationResult result) {
        Instant now = clock.instant();
        Money amount = Money.ofMinor(p.amountMinor(), p.currency());
        if (!result.approved()) {
            if (repository.decide(p.id(), PaymentStatus.DECLINED, result.pspReference(), result.declineCode(), now)) {
                velocity.releaseAmount(p.merchantId(), amount);
                return decided(p, PaymentStatus.DECLINED, result);
            }
            return repository.find(p.merchantId(), p.id()).orElseThrow();
        }
        if (!p.captureRequested()) {
            if (repository.decide(p.id(), PaymentStatus.AUTHORIZED, result.pspReference(), null, now)) {
                return decided(p, PaymentStatus.AUTHORIZED, result);
            }
            return repository.find(p.merchantId(), p.id()).orElseThrow();
        }
        // Authorise and capture in one transaction with one conditional UPDATE: the payment is never
        // visible as authorized-but-about-to-be-captured. The acquirer capture comes first and is
        // idempotent by its reference, so if another node decided the payment meanwhile (the update
        // finds nothing to change) the second capture call was the same modification.
        Money captured = Money.ofMinor(p.amountMinor(), p.currency());
        String modification = acquirer.capture(result.pspReference(), captured, "capture:" + p.id());
        Payment after = tx.execute(status -> {
            String txnId = Ids.next("txn");
            if (!repository.decideCapturedAndJournal(p, result.pspReference(), new PaymentRepository.TransactionRow(txnId,
                    p.merchantId(), p.id(), "capture", null, result.pspReference(), modification, p.amountMinor(),
                    p.currency(), businessDate(now), now))) {
                return null;
            }
            postCapture(p, txnId, p.amountMinor(), now);
            return new Payment(p.id(), p.merchantId(), PaymentStatus.CAPTURED, p.amountMinor(), p.amountMinor(), 0,
                    p.currency(), true, p.reference(), p.description(), p.metadata(), p.card(), result.pspReference(),
                    null, p.createdAt());
        });
        return after != null ? after : repository.find(p.merchantId(), p.id()).orElseThrow();
    }

    private Payment captureLocked(Payment p, long captureMinor) {
        Money amount = Money.ofMinor(captureMinor, p.currency());
        String modification = acquirer.capture(p.pspReference(), amount, "capture:" + p.id());
        Instant now = clock.instant();
        repository.updateAmounts(p.id(), PaymentStatus.CAPTURED, captureMinor, 0, now);
        journalCapture(p, p.pspReference(), modification, captureMinor, now);
        if (captureMinor < p.amountMinor()) {
            velocity.releaseAmount(p.merchantId(), Money.ofMinor(p.amountMinor() - captureMinor, p.currency()));
        }
        return repository.find(p.merchantId(), p.id()).orElseThrow();
    }

    /** The journal row and the ledger posting of a capture; in the caller's transaction. */
    private void journalCapture(Payment p, String pspReference, String modification, long captureMinor, Instant now) {
        String txnId = Ids.next("txn");
        repository.insertTransaction(new PaymentRepository.TransactionRow(txnId, p.merchantId(), p.id(), "capture", null,
                pspReference, modification, captureMinor, p.currency(), businessDate(now), now));
        postCapture(p, txnId, captureMinor, now);
    }

    /** The balanced ledger posting of a capture journaled as {@code txnId}: gateway receivable ↔ merchant pending. */
    private void postCapture(Payment p, String txnId, long captureMinor, Instant now) {
        Money amount = Money.ofMinor(captureMinor, p.currency());
        ledger.post(new PostingRequest("capture:" + txnId, "gateway_capture", businessDate(now),
                "capture of " + p.id(), List.of(
                PostingLine.debit(AccountRef.system(AccountKind.GATEWAY_RECEIVABLE, p.currency()), amount),
                PostingLine.credit(AccountRef.merchant(p.merchantId(), AccountKind.MERCHANT_PENDING, p.currency()), amount))));
    }

    private Payment lockOrMissing(String merchantId, String paymentId) {
        return repository.lock(merchantId, paymentId).orElseThrow(() -> missing("payment", paymentId, "id"));
    }

    private LocalDate businessDate(Instant at) {
        return LocalDate.ofInstant(at, properties.getBusinessZone());
    }

    private io.micrometer.core.instrument.Timer acquirerTimer(String outcome) {
        return io.micrometer.core.instrument.Timer.builder("settle.gateway.acquirer.authorize")
                .description("Latency of authorisation calls to the acquirer").tag("outcome", outcome)
                .publishPercentileHistogram().register(meters);
    }

    private void countAuthorization(Payment p) {
        String outcome = switch (p.status()) {
            case DECLINED -> "declined";
            case PENDING, UNKNOWN -> "unknown";
            default -> "approved";
        };
        meters.counter("settle.gateway.authorizations", "outcome", outcome,
                "code", p.declineCode() == null ? "none" : p.declineCode().wireName()).increment();
    }

    private static Payment decided(Payment p, PaymentStatus status, AuthorizationResult result) {
        return new Payment(p.id(), p.merchantId(), status, p.amountMinor(), 0, 0, p.currency(), p.captureRequested(),
                p.reference(), p.description(), p.metadata(), p.card(), result.pspReference(), result.declineCode(),
                p.createdAt());
    }

    private static Payment withDecline(Payment p, ErrorCode code) {
        return new Payment(p.id(), p.merchantId(), PaymentStatus.DECLINED, p.amountMinor(), 0, 0, p.currency(),
                p.captureRequested(), p.reference(), p.description(), p.metadata(), p.card(), null, code, p.createdAt());
    }

    private static GatewayException unexpectedState(Payment p, String action, String required) {
        return new GatewayException(ErrorCode.PAYMENT_UNEXPECTED_STATE, "Payment " + p.id() + " is "
                + p.status().wireName() + "; it can be " + action + " only when " + required + ".");
    }

    private static GatewayException missing(String kind, String id, String param) {
        // echo the id only when it has the shape of one of ours: never repeat arbitrary client input
        String shown = id != null && id.matches("[a-z]{2,4}_[0-9A-Za-z]{1,40}") ? ": '" + id + "'" : "";
        return new GatewayException(ErrorCode.RESOURCE_MISSING, "No such " + kind + shown + ".", param);
    }
}
