package edu.campus.logistics.patrol;

import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.identity.CampusGroup;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/patrols/{date}[?area=…]}: the day's patrol report (日巡日报, {@link PatrolReport}) for
 * the head of logistics, logistics staff and the principal; everyone else signed in is refused with
 * the reason.
 */
@RestController
@RequestMapping("/api/patrols")
class PatrolReportController {

  /** Who reads the patrol reports. */
  static final Set<String> READERS = Set.of(CampusGroup.LOGISTICS_HEAD.id(), CampusGroup.LOGISTICS_STAFF.id(),
      CampusGroup.PRINCIPAL.id(), CampusGroup.CAMUNDA_ADMIN);

  private final PatrolReport report;
  private final IdentityService identityService;

  PatrolReportController(PatrolReport report, IdentityService identityService) {
    this.report = report;
    this.identityService = identityService;
  }

  @GetMapping("/{date}")
  ResponseEntity<?> day(@PathVariable String date, @RequestParam(required = false) String area) {
    Authentication caller = identityService.getCurrentAuthentication();
    List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.stream().noneMatch(READERS::contains)) {
      return refusal(HttpStatus.FORBIDDEN, "Forbidden", "只有后勤负责人、后勤人员和校长可以查看巡查日报 / only logistics-head, "
          + "logistics-staff and principal may read patrol reports");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(date.trim());
    } catch (DateTimeParseException malformed) {
      return refusal(HttpStatus.BAD_REQUEST, "BadDate", "日期格式应为 YYYY-MM-DD，例如 2026-12-01 / date must be yyyy-MM-dd, not "
          + date);
    }
    try {
      return ResponseEntity.ok(report.of(day, area == null || area.isBlank() ? null : area.trim()));
    } catch (Refusal refused) {
      return refusal(HttpStatus.BAD_REQUEST, "UnknownArea", refused.getMessage());
    }
  }

  private static ResponseEntity<?> refusal(HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).body(Map.of("type", type, "message", message));
  }
}
