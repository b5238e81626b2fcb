package edu.campus.logistics.metrics;

import edu.campus.logistics.metrics.ProcurementMetrics.ProcurementReport;
import edu.campus.logistics.metrics.RepairMetrics.RepairReport;
import edu.campus.logistics.metrics.RepairMetrics.StaffReport;
import edu.campus.logistics.metrics.StockMetrics.StockReport;
import edu.campus.logistics.metrics.SummaryMetrics.Summary;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * KPIs as JSON for managers (docs/metrics.md): {@code GET /api/metrics/{repairs|staff|procurement|stock|summary}
 * ?from=YYYY-MM-DD&to=YYYY-MM-DD}, both days included, in the school's time zone. Who may call them is
 * decided by ApiSecurityConfiguration (METRICS_READERS).
 */
@RestController
@RequestMapping("/api/metrics")
class MetricsController {

  private final RepairMetrics repairs;
  private final ProcurementMetrics procurement;
  private final StockMetrics stock;
  private final SummaryMetrics summary;
  private final ZoneId zone;

  MetricsController(RepairMetrics repairs, ProcurementMetrics procurement, StockMetrics stock, SummaryMetrics summary,
                    @Value("${campus.metrics.zone:Asia/Shanghai}") ZoneId zone) {
    this.repairs = repairs;
    this.procurement = procurement;
    this.stock = stock;
    this.summary = summary;
    this.zone = zone;
  }

  @GetMapping("/repairs")
  RepairReport repairs(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return repairs.repairs(period(from, to));
  }

  @GetMapping("/staff")
  StaffReport staff(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return repairs.staff(period(from, to));
  }

  @GetMapping("/procurement")
  ProcurementReport procurement(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return procurement.procurement(period(from, to));
  }

  @GetMapping("/stock")
  StockReport stock(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return stock.stock(period(from, to));
  }

  @GetMapping("/summary")
  Summary summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return summary.summary(period(from, to));
  }

  @ExceptionHandler(BadPeriodException.class)
  ResponseEntity<Map<String, String>> badPeriod(BadPeriodException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("type", "BadPeriod", "message", e.getMessage()));
  }

  private Period period(String from, String to) {
    return Period.parse(from, to, zone, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone));
  }
}
