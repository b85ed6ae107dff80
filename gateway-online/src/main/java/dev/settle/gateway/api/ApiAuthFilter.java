package dev.settle.gateway.api;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.merchant.Merchants;
import dev.settle.gateway.risk.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of {@code /v1/*}, in this order: body size (413, read at most the limit plus one byte),
 * the secret key (401), the merchant's request budget (429). The merchant id is then a request
 * attribute for everything behind it.
 */
public final class ApiAuthFilter extends OncePerRequestFilter {

    public static final String MERCHANT_ATTRIBUTE = "settle.merchantId";

    private final Merchants merchants;
    private final RateLimiter rateLimiter;
    private final int bodyMaxBytes;

    public ApiAuthFilter(Merchants merchants, RateLimiter rateLimiter, int bodyMaxBytes) {
        this.merchants = merchants;
        this.rateLimiter = rateLimiter;
        this.bodyMaxBytes = bodyMaxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > bodyMaxBytes) {
            tooLarge(response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), bodyMaxBytes + 1);
        if (body.length > bodyMaxBytes) {
            tooLarge(response);
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            ErrorResponses.write(response, ErrorCode.AUTHENTICATION_REQUIRED,
                    "No API key provided: send 'Authorization: Bearer <secret key>'.");
            return;
        }
        Optional<String> merchantId = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? merchants.authenticate(header.substring(7).strip()) : Optional.empty();
        if (merchantId.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ErrorResponses.write(response, ErrorCode.API_KEY_INVALID, "Invalid, revoked or malformed API key.");
            return;
        }
        if (!rateLimiter.tryAcquire(merchantId.get())) {
            response.setHeader("Retry-After", "1");
            ErrorResponses.write(response, ErrorCode.RATE_LIMITED, "Too many requests; retry after a second.");
            return;
        }
        request.setAttribute(MERCHANT_ATTRIBUTE, merchantId.get());
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        // Tell the client we stop reading; otherwise it may keep sending a body nobody reads.
        response.setHeader("Connection", "close");
        ErrorResponses.write(response, ErrorCode.REQUEST_TOO_LARGE, "The request body is too large.");
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }
}
