package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairDriver.faucetLeak;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.ProcessKeys;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What people meet in Tasklist ("我首问的报修") and what the REST API answers when the repair process refuses input. */
class RepairTasklistAndRestTest extends RepairScenario {

  @Autowired
  FilterService filters;
  @Autowired
  TestRestTemplate rest;

  @Test
  void myFirstResponseCasesFilterListsTheCaseTasksOfTheFirstResponderOnly() {
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    driver.claimReport(repair, FIRST_RESPONDER);
    driver.dispatchToTechnician(repair, FIRST_RESPONDER, "majian");
    Task work = driver.task(repair, "Task_RepairWork");

    Filter filter = filters.createFilterQuery().filterName(RepairTasklist.MY_FIRST_RESPONSE_CASES).singleResult();
    assertThat(filter).as("filter 我首问的报修").isNotNull();
    List<Task> mine = driver.as(FIRST_RESPONDER, () -> filters.<Task>listPage(filter.getId(), 0, 500));
    assertThat(mine).extracting(Task::getId).contains(work.getId());
    assertThat(mine).allSatisfy(task -> assertThat(task.getOwner()).isEqualTo(FIRST_RESPONDER));
    List<Task> colleagues = driver.as("fengxue", () -> filters.<Task>listPage(filter.getId(), 0, 500));
    assertThat(colleagues).extracting(Task::getId).doesNotContain(work.getId());
  }

  @Test
  void tasklistFindsTheCamundaFormsOfTheRepairSteps() {
    ResponseEntity<Map> startForm = rest.withBasicAuth(REPORTER, REPORTER)
        .getForEntity("/engine-rest/process-definition/key/repair/deployed-start-form", Map.class);
    assertThat(startForm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(startForm.getBody()).containsEntry("id", "repair-start");

    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    String dispatch = driver.task(repair, "Task_DispatchRepair").getId();
    ResponseEntity<Map> dispatchForm = rest.withBasicAuth(FIRST_RESPONDER, FIRST_RESPONDER)
        .getForEntity("/engine-rest/task/" + dispatch + "/deployed-form", Map.class);
    assertThat(dispatchForm.getBody()).containsEntry("id", "repair-dispatch");
    ResponseEntity<Map> formVariables = rest.withBasicAuth(FIRST_RESPONDER, FIRST_RESPONDER)
        .getForEntity("/engine-rest/task/" + dispatch + "/form-variables", Map.class);
    assertThat(formVariables.getBody()).containsKeys("technicianOptions", "location", "suggestedTrade");
  }

  @Test
  void restStartWithAnUnknownAssetTagAnswers400WithTheReasonAndCreatesNothing() {
    long before = driver.runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR).count();
    Map<String, Object> body = Map.of("variables", Map.of(
        "location", Map.of("value", "教学楼三楼卫生间", "type", "String"),
        "category", Map.of("value", "plumbing", "type", "String"),
        "description", Map.of("value", "三楼卫生间水龙头漏水", "type", "String"),
        "urgency", Map.of("value", "normal", "type", "String"),
        "reporterId", Map.of("value", REPORTER, "type", "String"),
        "assetTag", Map.of("value", "ZC2099-999999", "type", "String")));

    ResponseEntity<Map> response = rest.withBasicAuth(REPORTER, REPORTER)
        .postForEntity("/engine-rest/process-definition/key/repair/start", body, Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("type", "BadUserRequestException");
    assertThat((String) response.getBody().get("message")).contains("资产编号 ZC2099-999999").contains("unknown asset tag");
    assertThat(driver.runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR).count()).isEqualTo(before);
  }

  @Test
  void restAnswers400WhenTheFollowUpIsHandedToTheTechnicianOrConfirmedWithAnInvalidRating() {
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    driver.claimReport(repair, FIRST_RESPONDER);
    driver.dispatchToTechnician(repair, FIRST_RESPONDER, "majian");
    driver.recordWork(repair, "majian", "wear", List.of(), 0);
    driver.executeJobs(repair);
    String followUp = driver.task(repair, "Task_ConfirmRepair").getId();

    ResponseEntity<Map> handOver = rest.withBasicAuth(FIRST_RESPONDER, FIRST_RESPONDER)
        .postForEntity("/engine-rest/task/" + followUp + "/assignee", Map.of("userId", "majian"), Map.class);
    assertThat(handOver.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) handOver.getBody().get("message")).contains("回访确认只能由报修人 zhangwei 本人完成");

    ResponseEntity<Map> badRating = rest.withBasicAuth(REPORTER, REPORTER)
        .postForEntity("/engine-rest/task/" + followUp + "/complete", Map.of("variables", Map.of(
            "fixed", Map.of("value", true, "type", "Boolean"),
            "satisfaction", Map.of("value", 9, "type", "Integer"))), Map.class);
    assertThat(badRating.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) badRating.getBody().get("message")).contains("满意度取值无效：9");
    assertThat(driver.task(repair, "Task_ConfirmRepair").getAssignee()).isEqualTo(REPORTER);
  }
}
