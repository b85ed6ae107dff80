package dev.settle.app.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /admin/**} with admin tokens ({@code Authorization: Bearer adm_…}); merchant keys
 * do not open it. The authenticated user's name is the actor in every audit record.
 */
public final class AdminAuthFilter extends OncePerRequestFilter {

    public static final String USER_ATTRIBUTE = "settle.admin.user";

    private final AdminUsers users;

    public AdminAuthFilter(AdminUsers users) {
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        var user = users.authenticate(token);
        if (user.isEmpty()) {
            response.setStatus(401);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":{\"type\":\"authentication_error\",\"code\":\"invalid_admin_token\","
                    + "\"message\":\"a valid admin token is required: Authorization: Bearer adm_...\",\"param\":null}}");
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, user.get());
        chain.doFilter(request, response);
    }
}
