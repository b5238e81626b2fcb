package edu.campus.logistics.requisition;

import static edu.campus.logistics.ValidStarts.typed;
import static edu.campus.logistics.requisition.RequisitionActivities.ISSUE_GOODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.TestHttp.WebappSession;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.SingleGroupUsers;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requisitions through the doors people and clients use: REST starts with bad lines are refused in
 * Chinese and start nothing; the storekeeper who is the requester cannot issue (REST, Tasklist's own
 * API, Java); the catalogue the start form offers.
 */
class RequisitionRestTest extends RequisitionTestSupport {

  @LocalServerPort
  private int port;

  private TestHttp http;

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
    SingleGroupUsers.ensure(identityService);
  }

  private Answer startThroughRest(String user, String lines) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("lines", typed(lines, "Json"));
    return http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.REQUISITION + "/start", user,
        TestHttp.json(Map.of("variables", variables)));
  }

  private long requisitions() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REQUISITION).count();
  }

  @Test
  void badLinesAreRefusedInChineseAndStartNothing() {
    String chalk = stockedItem("测试粉笔盒", "盒", "6.50", "20");
    String cable = stockedItem("测试电线", "米", "3", "100");
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put("[{\"itemCode\":\"NO-SUCH-ITEM\",\"quantity\":1,\"purpose\":\"上课\"}]",
        "领用明细第1行：物品目录中没有编码为“NO-SUCH-ITEM”的物品");
    refusals.put("[{\"itemCode\":\"" + chalk + "\",\"quantity\":0,\"purpose\":\"上课\"}]", "数量");
    refusals.put("[{\"itemCode\":\"" + chalk + "\",\"quantity\":-2,\"purpose\":\"上课\"}]", "数量");
    refusals.put("[{\"itemCode\":\"" + chalk + "\",\"quantity\":1.5,\"purpose\":\"上课\"}]",
        "领用明细第1行：数量必须是整数（单位：盒）");
    refusals.put("[{\"itemCode\":\"" + chalk + "\",\"quantity\":1,\"purpose\":\"上课\"},"
        + "{\"itemCode\":\"" + chalk + "\",\"quantity\":2,\"purpose\":\"考试\"}]", "领用明细第2行：测试粉笔盒与第1行重复，请合并为一行");
    refusals.put("[]", "领用明细");
    long before = requisitions();
    BigDecimal reservedBefore = reservations.reserved(chalk);
    refusals.forEach((lines, message) -> {
      Answer answer = startThroughRest(REQUESTER, lines);
      assertThat(answer.status()).as(lines + " → " + answer.body()).isEqualTo(400);
      assertThat(answer.message()).as(lines).contains(message);
    });
    assertThat(requisitions()).as("nothing started").isEqualTo(before);
    assertThat(reservations.reserved(chalk)).isEqualByComparingTo(reservedBefore);

    // metres may be fractional
    Answer metres = startThroughRest(REQUESTER, "[{\"itemCode\":\"" + cable + "\",\"quantity\":2.5,\"purpose\":\"布线\"}]");
    assertThat(metres.status()).as(metres.body()).isEqualTo(200);
    runtimeService.deleteProcessInstance(metres.json().path("id").asText(), "test over");
  }

  @Test
  void theStorekeeperCannotIssueTheirOwnRequisition() {
    String toner = stockedItem("测试碳粉", "个", "100", "10");
    ProcessInstance own = start(STOREKEEPER, toner, 6);
    approve(own, GENERAL_AFFAIRS);
    Task issue = task(own, ISSUE_GOODS);
    String message = "四眼原则：申请人不能发放自己的领用申请（wuxiaohong）";

    Answer rest = http.postJson("/engine-rest/task/" + issue.getId() + "/claim", STOREKEEPER,
        TestHttp.json(Map.of("userId", STOREKEEPER)));
    assertThat(rest.status()).as(rest.body()).isEqualTo(400);
    assertThat(rest.message()).contains(message);

    WebappSession tasklist = http.webapp();
    assertThat(tasklist.login("tasklist", STOREKEEPER, STOREKEEPER).status()).isEqualTo(200);
    String path = "/camunda/api/engine/engine/default/task/" + issue.getId();
    Answer claimed = tasklist.post(path + "/claim", "application/json", TestHttp.json(Map.of("userId", STOREKEEPER)), true);
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(400);
    assertThat(claimed.message()).contains(message);
    Answer submitted = tasklist.post(path + "/submit-form", "application/json", TestHttp.json(Map.of("variables", Map.of())), true);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
    assertThat(submitted.message()).contains(message);

    assertThatThrownBy(() -> cases.as(STOREKEEPER, () -> taskService.complete(issue.getId())))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining(message);
    assertThat(task(own, ISSUE_GOODS).getAssignee()).as("nothing changed").isNull();
    assertThat(onHand(toner)).isEqualByComparingTo("10");

    // another storekeeper issues
    issue(own, SingleGroupUsers.of("warehouse"), null, null);
    runIssueJob(own);
    assertThat(onHand(toner)).isEqualByComparingTo("4");
    assertThat(variable(own, "storekeeperId")).isEqualTo(SingleGroupUsers.of("warehouse"));
  }

  @Test
  void theRequesterCannotApproveTheirOwnRequisition() {
    String broom = stockedItem("测试笤帚", "把", "12", "10");
    ProcessInstance own = start(STOREKEEPER, broom, 1);
    Task approval = task(own, RequisitionActivities.APPROVE_REQUISITION);
    assertThat(candidateGroups(approval)).containsExactly("warehouse");
    Answer rest = http.postJson("/engine-rest/task/" + approval.getId() + "/claim", STOREKEEPER,
        TestHttp.json(Map.of("userId", STOREKEEPER)));
    assertThat(rest.status()).as(rest.body()).isEqualTo(400);
    assertThat(rest.message()).contains("四眼原则：申请人不能审批自己的领用申请");
    runtimeService.deleteProcessInstance(own.getId(), "test over");
  }

  @Test
  void theCatalogueShowsWhatIsAvailableToEveryoneSignedIn() {
    String pen = stockedItem("测试白板笔", "支", "3", "30");
    ProcessInstance requisition = start(REQUESTER, pen, 12);
    approve(requisition, STOREKEEPER);

    Answer answer = http.get("/api/catalogue?q=" + pen, "liuyang");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode items = answer.json().path("items");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).path("name").asText()).isEqualTo("测试白板笔");
    assertThat(items.get(0).path("unit").asText()).isEqualTo("支");
    assertThat(items.get(0).path("spec").asText()).isEqualTo("测试规格");
    assertThat(items.get(0).path("available").decimalValue()).as("30 on hand − 12 reserved").isEqualByComparingTo("18");

    assertThat(http.get("/api/catalogue?q=白板笔", "liuyang").json().path("items").findValuesAsText("code")).contains(pen);
    assertThat(http.get("/api/catalogue", null).status()).isEqualTo(401);
    assertThat(http.get("/api/catalogue?q=" + "x".repeat(51), "liuyang").status()).isEqualTo(400);
    runtimeService.deleteProcessInstance(requisition.getId(), "test over");
    assertThat(List.of(http.get("/api/catalogue?q=" + pen, "liuyang").json().path("items").get(0).path("available")
        .decimalValue())).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("30"));
  }
}
