package edu.campus.logistics.stocktake;

import edu.campus.logistics.identity.CampusGroup;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The stocktake report and the asset audits (JSON). Everyone signed in passes {@code ApiAuthenticationFilter};
 * who may read is decided here, so that a refusal tells people why in their language: the groups that start
 * stocktakes (logistics head, general affairs), finance and the principal. Counters (warehouse) are not
 * among them: the report holds the book quantities.
 */
@RestController
@RequestMapping("/api/stocktakes")
public class StocktakeController {

  /** Who reads stocktake reports and audit lists. */
  static final Set<String> READERS = Set.of(CampusGroup.LOGISTICS_HEAD.id(), CampusGroup.GENERAL_AFFAIRS.id(),
      CampusGroup.FINANCE.id(), CampusGroup.PRINCIPAL.id(), CampusGroup.CAMUNDA_ADMIN);

  private final StocktakeStore store;
  private final AssetAudits audits;
  private final IdentityService identityService;

  public StocktakeController(StocktakeStore store, AssetAudits audits, IdentityService identityService) {
    this.store = store;
    this.audits = audits;
    this.identityService = identityService;
  }

  /** The asset cards with their next audit date, soonest first. */
  @GetMapping("/audits")
  public ResponseEntity<?> audits() {
    return allowed() ? ResponseEntity.ok(audits.all()) : refused();
  }

  /** The cards whose audit is due (they are counted in the next stocktake that includes overdue assets). */
  @GetMapping("/audits/overdue")
  public ResponseEntity<?> overdue() {
    return allowed() ? ResponseEntity.ok(audits.overdueCards()) : refused();
  }

  /** One stocktake: scope, status, who decided, and (once decided) per item and per asset what was found. */
  @GetMapping("/{businessKey}")
  public ResponseEntity<?> report(@PathVariable String businessKey) {
    if (!allowed()) {
      return refused();
    }
    return store.header(businessKey).<ResponseEntity<?>>map(header -> {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("stocktake", header);
      report.put("counters", store.counters(header.processInstanceId()));
      report.put("items", store.reportItems(businessKey));
      report.put("assets", store.reportAssets(businessKey));
      return ResponseEntity.ok(report);
    }).orElseGet(() -> error(HttpStatus.NOT_FOUND, "没有编号为 " + businessKey + " 的清查 / no stocktake " + businessKey));
  }

  private boolean allowed() {
    Authentication caller = identityService.getCurrentAuthentication();
    List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return groups.stream().anyMatch(READERS::contains);
  }

  private static ResponseEntity<Map<String, Object>> refused() {
    return error(HttpStatus.FORBIDDEN, "无权查看清查结果：仅后勤负责人、总务主任、财务和校长可查看 / "
        + "only logistics-head, general-affairs, finance and principal may read stocktakes");
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", status.getReasonPhrase());
    body.put("message", message);
    return ResponseEntity.status(status).body(body);
  }
}
