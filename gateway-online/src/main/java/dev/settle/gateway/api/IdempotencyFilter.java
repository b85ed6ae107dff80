package dev.settle.gateway.api;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.idempotency.IdempotencyStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every POST, scoped per merchant. The first request claims the key
 * (committed before it runs), its final response is stored, and retries get it back byte for byte
 * with {@code Idempotent-Replayed: true}. Same key, other request → 422; same key while the first
 * is running → 409. Only responses that record something done are stored: a success, or a decline
 * (402 carrying the declined payment). Every other response (validation errors, invalid card data,
 * a refused state change, 5xx) releases the key, so the merchant can fix the request and retry
 * with the same key.
 *
 * <p>A claim left in flight by a crashed process is taken over by a retry after
 * {@code settle.gateway.idempotency-in-flight-timeout}; the key travels to the service as the
 * request attribute {@link #KEY_ATTRIBUTE}, which stores it on the payment or refund it creates,
 * so the retry finds that object instead of charging or refunding a second time.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String KEY_ATTRIBUTE = "settle.idempotencyKey";
    static final int KEY_LENGTH_MAX = 255;

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final IdempotencyStore store;

    public IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        if (key.isEmpty() || key.length() > KEY_LENGTH_MAX || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            ErrorResponses.write(response, ErrorCode.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be 1 to " + KEY_LENGTH_MAX + " printable ASCII characters.");
            return;
        }
        String merchantId = (String) request.getAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE);
        byte[] body = request instanceof CachedBodyRequest cached ? cached.body() : request.getInputStream().readAllBytes();
        String fingerprint = IdempotencyStore.fingerprint(request.getMethod(), request.getRequestURI(), body);
        IdempotencyStore.Claim claim = store.claim(merchantId, key, fingerprint);
        switch (claim.outcome()) {
            case REUSED -> ErrorResponses.write(response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request; use a new key for a new request.");
            case IN_USE -> {
                response.setHeader("Retry-After", "1");
                ErrorResponses.write(response, ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                        "A request with this Idempotency-Key is still being processed; retry shortly.");
            }
            case REPLAY -> {
                response.setStatus(claim.responseStatus());
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setHeader(REPLAYED_HEADER, "true");
                response.getOutputStream().write(claim.responseBody());
            }
            case CLAIMED -> {
                request.setAttribute(KEY_ATTRIBUTE, key);
                runAndStore(request, response, chain, merchantId, key);
            }
        }
    }

    private void runAndStore(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String merchantId, String key) throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, wrapper);
            int status = wrapper.getStatus();
            if (isFinal(status, wrapper.getContentAsByteArray())) {
                store.complete(merchantId, key, status, wrapper.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(merchantId, key);
            }
            wrapper.setHeader(REPLAYED_HEADER, "false");
            wrapper.copyBodyToResponse();
        }
    }

    /** Whether a response records something that happened (so a retry must see it again). */
    static boolean isFinal(int status, byte[] body) {
        if (status >= 200 && status < 300) {
            return true;
        }
        return status == 402 && JSON.readTree(body).path("error").path("payment").isObject();
    }

}
