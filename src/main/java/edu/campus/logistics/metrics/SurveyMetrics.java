package edu.campus.logistics.metrics;

import edu.campus.logistics.survey.SurveyReport;
import edu.campus.logistics.survey.SurveyReport.TermReport;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Satisfaction per service area and term (满意度调查), {@code GET /api/metrics/survey} (every term surveyed,
 * newest first) or {@code ?term=2026-2027学年第一学期} (METRICS_READERS). Aggregates only, read from the
 * survey's own tables ({@code survey/SurveyResults}): no person's answers exist to be read.
 */
@RestController
class SurveyMetrics {

  private final SurveyReport reports;

  SurveyMetrics(SurveyReport reports) {
    this.reports = reports;
  }

  @GetMapping("/api/metrics/survey")
  ResponseEntity<?> survey(@RequestParam(required = false) String term) {
    if (term == null || term.isBlank()) {
      List<TermReport> all = reports.all();
      return ResponseEntity.ok(Map.of("terms", all));
    }
    return reports.of(term.trim()).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("type", "UnknownTerm",
            "message", "没有该学期的满意度调查：" + term.trim() + " / no survey for that term")));
  }
}
