package dev.settle.app.server;

import dev.settle.jobs.reconcile.ExceptionsWorkflow;
import dev.settle.jobs.reconcile.ExceptionsWorkflow.Filter;
import dev.settle.jobs.reconcile.ExceptionsWorkflow.Resolution;
import dev.settle.jobs.reconcile.ExceptionsWorkflow.WorkflowException;
import dev.settle.jobs.reconcile.ReconException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
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

/** Finance's exceptions workflow over HTTP ({@code /admin/v1/exceptions}); same rules and audit as the CLI. */
@RestController
@RequestMapping("/admin/v1/exceptions")
public class AdminExceptionsController {

    public record ResolveRequest(String kind, String note, String with) {
    }

    public record ReopenRequest(String note) {
    }

    private final ExceptionsWorkflow workflow;

    public AdminExceptionsController(ExceptionsWorkflow workflow) {
        this.workflow = workflow;
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) LocalDate date, @RequestParam(required = false) String type,
                                    @RequestParam(required = false) String merchant, @RequestParam(required = false) String status,
                                    @RequestParam(name = "min_age_days", required = false) Integer minAgeDays,
                                    @RequestParam(defaultValue = "100") int limit) {
        List<ReconException> data = workflow.list(new Filter(date, type, merchant, status, minAgeDays, null, Math.min(limit, 1000)));
        return Map.of("object", "list", "data", data);
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> show(@PathVariable long id) {
        return workflow.show(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> AdminErrors.error(HttpStatus.NOT_FOUND, "invalid_request_error", "resource_missing", "no exception " + id, "id"));
    }

    @PostMapping("/{id}/resolve")
    public ReconException resolve(@PathVariable long id, @RequestBody ResolveRequest body,
                                  @RequestAttribute(AdminAuthFilter.USER_ATTRIBUTE) AdminUsers.AdminUser user) {
        Resolution kind;
        try {
            kind = Resolution.valueOf(String.valueOf(body.kind()));
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("INVALID_KIND", "kind must be one of MANUAL_MATCH, WRITE_OFF, ACCEPTED");
        }
        return workflow.resolve(id, kind, body.note(), user.name(), body.with());
    }

    @PostMapping("/{id}/reopen")
    public ReconException reopen(@PathVariable long id, @RequestBody ReopenRequest body,
                                 @RequestAttribute(AdminAuthFilter.USER_ATTRIBUTE) AdminUsers.AdminUser user) {
        return workflow.reopen(id, body.note(), user.name());
    }

    @ExceptionHandler(WorkflowException.class)
    public ResponseEntity<Map<String, Object>> refused(WorkflowException e) {
        return AdminErrors.refused(e.code(), e.getMessage(), Set.of("NOT_OPEN", "NOT_RESOLVED"));
    }
}
