package edu.campus.logistics.input;

import edu.campus.logistics.identity.CampusGroup;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/deployments/log?firstResult=0&maxResults=50}: the {@link DeploymentLog}, newest
 * first, for process owners and administrators ({@code identity/ApiSecurityConfiguration.DEPLOYERS}).
 * Refused attempts are shown to administrators only.
 */
@RestController
@RequestMapping("/api/deployments")
class DeploymentLogController {

  static final int MAX_RESULTS = 200;

  static class BadPaging extends RuntimeException {
    BadPaging(String message) {
      super(message);
    }
  }

  private final DeploymentLog log;
  private final IdentityService identityService;

  DeploymentLogController(DeploymentLog log, IdentityService identityService) {
    this.log = log;
    this.identityService = identityService;
  }

  @GetMapping("/log")
  List<DeploymentLog.Entry> log(@RequestParam(required = false) String firstResult,
                                @RequestParam(required = false) String maxResults) {
    int first = number("firstResult", firstResult, 0, 0, Integer.MAX_VALUE);
    int max = number("maxResults", maxResults, 50, 1, MAX_RESULTS);
    return log.entries(first, max, CampusGroup.administrator(identityService.getCurrentAuthentication()));
  }

  private static int number(String name, String value, int absent, int min, int max) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new BadPaging(name + " 必须是 " + min + " 到 " + max + " 之间的整数（收到 "
        + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "）");
  }

  @ExceptionHandler(BadPaging.class)
  ResponseEntity<Map<String, String>> badPaging(BadPaging e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("type", "BadPaging", "message", e.getMessage()));
  }
}
