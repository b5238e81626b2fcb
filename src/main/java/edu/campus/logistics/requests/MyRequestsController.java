package edu.campus.logistics.requests;

import edu.campus.logistics.requests.MyRequests.MyCase;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/my/cases?limit=50}: 我的申请, the signed-in person's own requests and reports with
 * their current step and holder or their result (docs/processes/my-requests.md). Everyone signed in
 * may call it; it answers nobody else's cases.
 */
@RestController
@RequestMapping("/api/my")
class MyRequestsController {

  static final int MAX_LIMIT = 200;

  private final MyRequests myRequests;
  private final IdentityService identityService;

  MyRequestsController(MyRequests myRequests, IdentityService identityService) {
    this.myRequests = myRequests;
    this.identityService = identityService;
  }

  @GetMapping("/cases")
  ResponseEntity<?> cases(@RequestParam(defaultValue = "50") String limit) {
    int count;
    try {
      count = Integer.parseInt(limit.trim());
    } catch (NumberFormatException notANumber) {
      count = -1;
    }
    if (count < 1 || count > MAX_LIMIT) {
      return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("type", "BadLimit", "message",
          "条数须为 1 到 %d 之间的整数 / limit must be a whole number from 1 to %d".formatted(MAX_LIMIT, MAX_LIMIT)));
    }
    List<MyCase> cases = myRequests.of(identityService.getCurrentAuthentication().getUserId(), count);
    return ResponseEntity.ok(Map.of("cases", cases));
  }
}
