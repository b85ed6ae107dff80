package dev.settle.app.server;

import dev.settle.jobs.ingest.FileReview;
import dev.settle.jobs.ingest.FileReview.Listed;
import dev.settle.jobs.ingest.FileReview.ReviewException;
import dev.settle.jobs.ingest.FileStatus;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finance's decisions on inbound files over HTTP ({@code /admin/v1/inbound-files}); the same rules
 * and audit as {@code ./settle inbound}, recorded under the admin token's user.
 */
@RestController
@RequestMapping("/admin/v1/inbound-files")
public class AdminInboundFilesController {

    public record DecisionRequest(String note) {
    }

    private final FileReview review;

    public AdminInboundFilesController(FileReview review) {
        this.review = review;
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) String source, @RequestParam(required = false) FileStatus status,
                                    @RequestParam(required = false) LocalDate date, @RequestParam(defaultValue = "100") int limit) {
        return Map.of("object", "list", "data", review.list(source, status, date, Math.min(limit, 1000)));
    }

    @PostMapping("/{id}/release")
    public Listed release(@PathVariable long id, @RequestBody DecisionRequest body,
                          @RequestAttribute(AdminAuthFilter.USER_ATTRIBUTE) AdminUsers.AdminUser user) {
        return review.release(id, user.name(), body.note());
    }

    @PostMapping("/{id}/reject")
    public Listed reject(@PathVariable long id, @RequestBody DecisionRequest body,
                         @RequestAttribute(AdminAuthFilter.USER_ATTRIBUTE) AdminUsers.AdminUser user) {
        return review.reject(id, user.name(), body.note());
    }

    @ExceptionHandler(ReviewException.class)
    public ResponseEntity<Map<String, Object>> refused(ReviewException e) {
        return AdminErrors.refused(e.code(), e.getMessage(), Set.of("WRONG_STATUS", "BEING_LOADED"));
    }
}
