package edu.campus.logistics.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The procurement KPIs of /api/metrics/procurement (docs/metrics.md) over three requests of May 2042
 * with controlled clock times: one stocked, one rejected, one returned for revision.
 */
class ProcurementKpiTest extends ProcurementTestSupport {

  /** 2042-05-06 09:00 in Shanghai. */
  static final Instant T0 = Instant.parse("2042-05-06T01:00:00Z");

  @LocalServerPort
  int port;

  @Test
  void cycleTimeApprovalTimeRatesSpendAndQuotesOfAMonth() {
    at(Duration.ZERO);
    ProcessInstance markers = start("zhangwei", request(uniqueLine("测试白板笔", "office", "盒", "10", "20")));
    at(Duration.ofHours(1));
    ProcessInstance projector = start("zhangwei", request(uniqueLine("测试投影仪", "equipment", "台", "1", "3000")));
    at(Duration.ofHours(2));
    ProcessInstance paper = start("zhangwei", request(uniqueLine("测试复印纸", "office", "箱", "1", "100")));

    at(Duration.ofHours(2));
    approve(markers, "wangfang");
    at(Duration.ofHours(3));
    decide(paper, "wangfang", "revise", "请写明用途");
    at(Duration.ofHours(5));
    decide(projector, "wangfang", "reject", "本学期预算已用完");
    at(Duration.ofDays(1));
    purchase(markers, "zhaolei", "19");
    at(Duration.ofDays(2));
    inspect(markers, "sunli", "accepted", null);
    at(Duration.ofHours(49));
    store(markers, "总务仓库");
    at(Duration.ofHours(50));
    runStockingJob(markers);

    JsonNode figures = ok("/api/metrics/procurement?from=2042-05-01&to=2042-05-31");
    assertThat(figures.path("requests").asInt()).isEqualTo(3);
    assertThat(figures.path("byOutcome").toString()).isEqualTo("{\"open\":1,\"rejected\":1,\"stocked\":1}");
    assertThat(figures.path("cycleToStocked").toString())
        .isEqualTo("{\"count\":1,\"meanMinutes\":3000.0,\"medianMinutes\":3000.0,\"p90Minutes\":3000.0}");
    assertThat(figures.path("approvalByLevel").path("general-affairs").toString())
        .isEqualTo("{\"count\":3,\"meanMinutes\":140.0,\"medianMinutes\":120.0,\"p90Minutes\":240.0}");
    assertThat(figures.path("decidedRequests").asInt()).isEqualTo(2);
    assertThat(figures.path("rejectionRatePercent").asDouble()).isEqualTo(50.0);
    assertThat(figures.path("revisedRequests").asInt()).isEqualTo(1);
    assertThat(figures.path("revisionRatePercent").asDouble()).isEqualTo(33.3);
    assertThat(figures.path("spendCny").asDouble()).isEqualTo(190.0);
    assertThat(figures.path("spendByCategoryCny").toString()).isEqualTo("{\"office\":190.0}");
    assertThat(figures.path("spendByDepartmentCny").toString()).isEqualTo("{\"语文组\":190.0}");
    assertThat(figures.path("spendBySupplierCny").toString()).isEqualTo("{\"晨光文具公司\":190.0}");
    assertThat(figures.path("overBudgetPurchases").asInt()).isZero();
    assertThat(figures.path("purchasesWithThreeQuotes").asInt()).isEqualTo(1);
    assertThat(figures.path("threeQuoteSharePercent").asDouble()).isEqualTo(100.0);

    JsonNode summary = ok("/api/metrics/summary?from=2042-05-01&to=2042-05-31");
    assertThat(summary.path("procurementRequests").asInt()).isEqualTo(3);
    assertThat(summary.path("procurementSpendCny").asDouble()).isEqualTo(190.0);
    JsonNode stock = ok("/api/metrics/stock?from=2042-05-01&to=2042-05-31");
    assertThat(stock.path("stockValueCny").asDouble()).isPositive();
    assertThat(stock.path("consumption")).isEmpty();
  }

  private Map<String, Object> request(Map<String, Object> line) {
    Map<String, Object> variables = request(List.of(line));
    variables.put("neededBy", "2042-06-30");
    return variables;
  }

  private JsonNode ok(String path) {
    TestHttp.Answer answer = new TestHttp(port).get(path, "linna");
    assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static void at(Duration sinceT0) {
    ClockUtil.setCurrentTime(Date.from(T0.plus(sinceT0)));
  }
}
