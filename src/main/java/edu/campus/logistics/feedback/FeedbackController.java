package edu.campus.logistics.feedback;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who filed a feedback, also an anonymous one: {@code GET /api/feedback/{processInstanceId}/reporter},
 * for the logistics head and the principal only (identity/ApiSecurityConfiguration).
 */
@RestController
public class FeedbackController {

  private final FeedbackReporters reporters;

  public FeedbackController(FeedbackReporters reporters) {
    this.reporters = reporters;
  }

  @GetMapping("/api/feedback/{processInstanceId}/reporter")
  public ResponseEntity<Map<String, Object>> reporter(@PathVariable String processInstanceId) {
    return reporters.of(processInstanceId)
        .map(r -> ResponseEntity.ok(Map.<String, Object>of("processInstanceId", r.processInstanceId(),
            "reporterId", r.reporterId(), "anonymous", r.anonymous())))
        .orElseGet(() -> ResponseEntity.status(404).body(Map.of("message", "没有这条意见反馈 / no such feedback: " + processInstanceId)));
  }
}
