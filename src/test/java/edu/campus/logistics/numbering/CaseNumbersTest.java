package edu.campus.logistics.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.ValidStarts;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.repair.RepairVariables;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Case numbers people can say: CG-<year>-<sequence> for purchase requests, BX-… for repairs, set as
 * business key when the case starts — through REST as a teacher (the caller's own key replaced), in
 * order, per year of the school's time zone, distinct under concurrent starts, not used up by a start
 * that is refused, and carried by the damage compensation a repair starts.
 */
@CampusTest
class CaseNumbersTest {

  private static final String TEACHER = "zhangwei";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;

  private OpenTasks cases;
  private TestHttp http;

  @BeforeEach
  void setUp() {
    SingleGroupUsers.ensure(identityService);
    cases = new OpenTasks(engine);
    http = new TestHttp(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aTeachersRequestThroughRestGetsTheNextNumberAndNotTheKeyHeSent() {
    int previous = sequence(cases.fileRequest(TEACHER, OpenTasks.SMALL_ORDER).getBusinessKey(), "CG");
    Answer answer = http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.PROCUREMENT + "/start", TEACHER,
        ValidStarts.body(ProcessKeys.PROCUREMENT, "CG-2026-0001"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    String number = answer.json().path("businessKey").asText();
    assertThat(sequence(number, "CG")).isEqualTo(previous + 1);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(answer.json().path("id").asText()).singleResult().getBusinessKey())
        .as("history and Cockpit show the number").isEqualTo(number);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("CG-2026-0001")
        .processDefinitionKey(ProcessKeys.PROCUREMENT).list()).extracting(ProcessInstance::getId)
        .doesNotContain(answer.json().path("id").asText());
  }

  @Test
  void theYearIsTheSchoolsAndEachYearCountsFromOne() {
    // 2025-01-01 00:30 in Shanghai is still 2024 in UTC: the numbers are 2025's
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2025-01-01T00:30:00+08:00[Asia/Shanghai]").toInstant()));
    String first = cases.fileRequest(TEACHER, OpenTasks.SMALL_ORDER).getBusinessKey();
    assertThat(first).startsWith("CG-2025-");
    assertThat(cases.fileRequest(TEACHER, OpenTasks.SMALL_ORDER).getBusinessKey())
        .isEqualTo("CG-2025-%04d".formatted(sequence(first, "CG") + 1));
    assertThat(report("liuyang").getBusinessKey()).as("repairs count on their own").startsWith("BX-2025-");
    ClockUtil.reset();
    assertThat(cases.fileRequest(TEACHER, OpenTasks.SMALL_ORDER).getBusinessKey()).as("back in this year")
        .startsWith("CG-" + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "-");
  }

  @Test
  void aRefusedStartUsesUpNoNumber() {
    int before = sequence(cases.fileRequest(TEACHER, OpenTasks.SMALL_ORDER).getBusinessKey(), "CG");
    Map<String, Object> noLocation = repairReport();
    noLocation.put(RepairVariables.LOCATION, " ");
    int repairBefore = sequence(report("liuyang").getBusinessKey(), "BX");
    assertThatThrownBy(() -> cases.as("liuyang", () -> engine.getRuntimeService()
        .startProcessInstanceByKey(ProcessKeys.REPAIR, noLocation)));
    assertThat(sequence(report("liuyang").getBusinessKey(), "BX")).isEqualTo(repairBefore + 1);
    assertThat(sequence(cases.fileRequest(TEACHER, OpenTasks.SMALL_ORDER).getBusinessKey(), "CG")).isEqualTo(before + 1);
  }

  @Test
  void concurrentStartsGetDistinctConsecutiveNumbers() throws Exception {
    int first = sequence(cases.fileRequest(TEACHER, OpenTasks.SMALL_ORDER).getBusinessKey(), "CG");
    int threads = 4;
    int each = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<String>>> results = new ArrayList<>();
    try {
      for (int thread = 0; thread < threads; thread++) {
        results.add(pool.submit(() -> {
          List<String> numbers = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            numbers.add(cases.fileRequest(TEACHER, OpenTasks.SMALL_ORDER).getBusinessKey());
          }
          return numbers;
        }));
      }
      List<Integer> sequences = new ArrayList<>();
      for (Future<List<String>> result : results) {
        result.get(120, TimeUnit.SECONDS).forEach(number -> sequences.add(sequence(number, "CG")));
      }
      List<Integer> expected = new ArrayList<>();
      for (int n = first + 1; n <= first + threads * each; n++) {
        expected.add(n);
      }
      assertThat(sequences).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDamageCompensationCarriesItsRepairsNumber() {
    Task assess = cases.compensationAt("Task_AssessDamage", null);
    ProcessInstance compensation = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(assess.getProcessInstanceId()).singleResult();
    ProcessInstance repair = engine.getRuntimeService().createProcessInstanceQuery()
        .subProcessInstanceId(compensation.getId()).singleResult();
    assertThat(repair.getBusinessKey()).startsWith("BX-");
    assertThat(compensation.getBusinessKey()).isEqualTo(repair.getBusinessKey());
  }

  private ProcessInstance report(String reporter) {
    return cases.as(reporter, () -> engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.REPAIR, repairReport()));
  }

  private static Map<String, Object> repairReport() {
    Map<String, Object> report = new HashMap<>();
    report.put(RepairVariables.LOCATION, "教学楼 / 204");
    report.put(RepairVariables.CATEGORY, "electrical");
    report.put(RepairVariables.DESCRIPTION, "日光灯闪烁");
    report.put(RepairVariables.URGENCY, "normal");
    return report;
  }

  /** The sequence of a number of this prefix, PREFIX-YYYY-NNNN. */
  private static int sequence(String number, String prefix) {
    assertThat(number).matches(prefix + "-\\d{4}-\\d{4,}");
    return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
  }
}
