package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The form support itself, on a test-only start form with item lines (form-js {@code dynamiclist}),
 * the shape planned for the procurement and requisition start forms: lines are added and each line is
 * validated on its own in the browser.
 */
@BrowserTest
class CamundaFormBrowserIT {

  /** Deployed by this test only, never by the application (see ProcessDiagramsBrowserIT). */
  static final String FIXTURE_KEY = "browser-item-lines";
  private static final String FIXTURE_NAME = "浏览器测试：物品明细";
  private static final String TITLE = "标题";
  private static final String ITEMS = "物品明细";
  private static final String NAME = "名称";
  private static final String QUANTITY = "数量";
  /** form-js "Field must have minimum value of 1.", in Chinese through scripts/form-js-chinese.js. */
  private static final String MINIMUM_ONE = "数值不能小于 1。";

  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private HistoryService historyService;

  /**
   * Deployed once per application context. Not redeployed per test: a second deployment with the same
   * form content leaves {@code formRefBinding="deployment"} without a form definition (REST answers
   * 404 "No Camunda Form Definition was found" and Tasklist shows "Form failure").
   */
  @BeforeEach
  void deployFixture() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(FIXTURE_KEY).count() > 0) {
      return;
    }
    BpmnModelInstance model = Bpmn.createExecutableProcess(FIXTURE_KEY).name(FIXTURE_NAME)
        .camundaHistoryTimeToLive(1).camundaStartableInTasklist(true)
        .startEvent("StartEvent_ItemsEntered").camundaFormRef(FIXTURE_KEY).camundaFormRefBinding("deployment")
        .userTask("Task_CheckItems").name("核对物品明细").camundaCandidateGroups("camunda-admin")
        .endEvent("EndEvent_ItemsChecked").done();
    repositoryService.createDeployment().name("browser-test-fixture")
        .addModelInstance(FIXTURE_KEY + ".bpmn", model)
        .addClasspathResource("browser/" + FIXTURE_KEY + ".form").deploy();
  }

  @Test
  void itemLinesAreValidatedLineByLine(Browser browser) {
    String title = "两行物品 " + UUID.randomUUID().toString().substring(0, 8);
    StartProcessDialog dialog = TasklistPage.login(browser, "admin", "admin").startProcess(FIXTURE_NAME);
    CamundaForm form = dialog.form();
    assertThat(form.itemCount(ITEMS)).isEqualTo(1);

    form.fill(TITLE, title);
    form.item(ITEMS, 1).fill(NAME, "复印纸").fill(QUANTITY, "-2");
    assertThat(form.item(ITEMS, 1).awaitErrors(QUANTITY)).containsExactly(MINIMUM_ONE);
    browser.step("negative-quantity-refused");
    dialog.awaitStartDisabled();

    form.item(ITEMS, 1).fill(QUANTITY, "2");
    assertThat(form.item(ITEMS, 1).errors(QUANTITY)).isEmpty();
    form.addItem(ITEMS).fill(QUANTITY, "3");
    assertThat(form.itemCount(ITEMS)).isEqualTo(2);
    form.item(ITEMS, 2).fill(NAME, "");
    assertThat(form.item(ITEMS, 2).awaitErrors(NAME)).containsExactly(ProcurementSteps.REQUIRED);
    browser.step("empty-name-refused");
    assertThat(form.item(ITEMS, 1).errors(NAME)).isEmpty();
    assertThat(form.item(ITEMS, 2).errors(QUANTITY)).isEmpty();
    dialog.startRefused();
    assertThat(startedWithTitle(title)).as("nothing started while the form refuses").isNull();
  }

  /**
   * Item lines can be submitted: once a refused line is corrected, "Start" is enabled again and the
   * lines arrive as one JSON list. Camunda 7.24.0's Tasklist alone keeps "Start" disabled for good
   * once a field inside a {@code dynamiclist} was edited; scripts/dynamic-list-validation.js (a Tasklist
   * customScript) fixes that, and this test fails when it is missing or stops working.
   */
  @Test
  void itemLinesAreSubmittedOnceEveryLineIsValid(Browser browser) {
    String title = "两行物品提交 " + UUID.randomUUID().toString().substring(0, 8);
    StartProcessDialog dialog = TasklistPage.login(browser, "admin", "admin").startProcess(FIXTURE_NAME);
    CamundaForm form = dialog.form();
    form.fill(TITLE, title);
    form.item(ITEMS, 1).fill(NAME, "复印纸").fill(QUANTITY, "0");
    assertThat(form.item(ITEMS, 1).awaitErrors(QUANTITY)).containsExactly(MINIMUM_ONE);
    dialog.awaitStartDisabled();

    form.item(ITEMS, 1).fill(QUANTITY, "5");
    form.addItem(ITEMS).fill(NAME, "投影仪").fill(QUANTITY, "2");
    form.awaitValid();
    dialog.awaitStartEnabled();
    browser.step("valid-item-lines-start-enabled");
    dialog.start();

    HistoricVariableInstance started = startedWithTitle(title);
    assertThat(started).as("started with title " + title).isNotNull();
    HistoricVariableInstance items = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(started.getProcessInstanceId()).variableName("items").singleResult();
    assertThat(items.getTypeName()).isEqualTo("json");
    assertThat(items.getValue().toString()).isEqualToIgnoringWhitespace(
        "[{\"name\":\"复印纸\",\"quantity\":5},{\"name\":\"投影仪\",\"quantity\":2}]");
  }

  private HistoricVariableInstance startedWithTitle(String title) {
    return historyService.createHistoricVariableInstanceQuery().variableValueEquals("title", title).singleResult();
  }
}
