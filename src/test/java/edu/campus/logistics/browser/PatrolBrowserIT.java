package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.TasklistFilters;
import edu.campus.logistics.patrol.PatrolTasklist;
import edu.campus.logistics.patrol.PatrolVariables;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A patroller works through the 实验楼 morning checklist in Tasklist, marks the doors and windows as a
 * defect with a note, and the repair report it starts appears in the 后勤人员 queue.
 */
@BrowserTest
class PatrolBrowserIT {

  private static final String NOTE = "问题说明";
  private static final String ROUND = "巡查：实验楼 · 晨巡";
  private static final String DISPATCH = "受理派工";

  @Autowired
  private ProcessEngine processEngine;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private TaskService taskService;

  @Test
  void aPatrollerReportsADefectFromTheChecklistAndTheRepairReachesTheLogisticsQueue(Browser browser) {
    ProcessInstance day = patrolDay(LocalDate.of(2031, 3, 17));
    Task lab = taskService.createTaskQuery().processInstanceId(day.getId()).taskAssignee("zhengkai")
        .taskName(ROUND).singleResult();
    assertThat(lab).isNotNull();

    TasklistPage patroller = TasklistPage.login(browser, "zhengkai").awaitTaskWithId(PatrolTasklist.MY_ROUNDS, ROUND,
        lab.getId());
    browser.step("patrol-round-in-my-rounds");
    TaskPane pane = patroller.openTaskWithId(ROUND, lab.getId());
    CamundaForm form = pane.form();
    assertThat(form.text()).contains("实验楼", "晨巡");
    // a fixed list (no add/remove): one line per item of the round, in the table's order
    int items = 6;
    for (int line = 1; line <= items; line++) {
      // form-js names a fixed list's radio options <field>_<line>-<option>: 0 = 正常, 1 = 有问题
      By option = By.cssSelector("input[id$='-Field_Result_" + (line - 1) + "-" + (line == 1 ? 1 : 0) + "']");
      browser.until(driver -> !driver.findElements(option).isEmpty(), "checklist line " + line + " shown");
      browser.reveal(browser.driver().findElement(option)).click();
    }
    // the defect's 问题说明 appears under its line once 有问题 is chosen; a fixed list's fields carry the line
    // in their ids (<field>_<line>), as the radio options above
    String defect = "二楼化学实验室窗户玻璃破裂";
    By note = By.cssSelector("textarea[id$='-Field_Note_0']");
    browser.until(driver -> !driver.findElements(note).isEmpty(), NOTE + " shown for the defect");
    for (int attempt = 0; attempt < 3 && !defect.equals(browser.driver().findElement(note).getAttribute("value"));
         attempt++) {
      WebElement input = browser.reveal(browser.driver().findElement(note));
      input.clear();
      input.sendKeys(defect);
      browser.script("arguments[0].blur();", input);
      browser.pause(java.time.Duration.ofMillis(400));
    }
    assertThat(browser.driver().findElement(note).getAttribute("value")).as(NOTE + " kept").isEqualTo(defect);
    form.awaitValid();
    browser.step("patrol-checklist-filled");
    pane.complete();
    browser.step("patrol-round-done");
    patroller.logout();

    List<ProcessInstance> repairs = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR)
        .variableValueEquals(PatrolVariables.SOURCE_CASE, day.getBusinessKey()).list();
    assertThat(repairs).hasSize(1);
    String repair = repairs.get(0).getId();
    assertThat(runtimeService.getVariable(repair, "location")).isEqualTo("实验楼");
    assertThat(runtimeService.getVariable(repair, "category")).isEqualTo("carpentry");
    assertThat(runtimeService.getVariable(repair, "reporterId")).isEqualTo("zhengkai");
    String dispatch = taskService.createTaskQuery().processInstanceId(repair).taskDefinitionKey("Task_DispatchRepair")
        .singleResult().getId();

    TasklistPage staff = TasklistPage.login(browser, "fengxue")
        .awaitTaskWithId(TasklistFilters.queueName(CampusGroup.LOGISTICS_STAFF), DISPATCH, dispatch);
    browser.step("patrol-repair-in-logistics-queue");
    assertThat(staff.openTaskWithId(DISPATCH, dispatch).form().text()).contains("二楼化学实验室窗户玻璃破裂");
  }

  /**
   * The morning of a school day far ahead (its due times never pass during the test): the timer start
   * job, executed by the test. The job executor (on in this profile, and on the same clock) pauses
   * meanwhile, so it does not take the job the moved clock makes due.
   */
  private ProcessInstance patrolDay(LocalDate day) {
    Job start = managementService.createJobQuery().processDefinitionKey(ProcessKeys.DAILY_PATROL).timers()
        .activityId("StartEvent_PatrolDay").singleResult();
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getJobExecutor();
    jobExecutor.shutdown();
    ClockUtil.setCurrentTime(Date.from(day.atTime(6, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    try {
      managementService.executeJob(start.getId());
    } finally {
      ClockUtil.reset();
      jobExecutor.start();
    }
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.DAILY_PATROL)
        .variableValueEquals(PatrolVariables.PATROL_DATE, day.toString()).singleResult();
  }
}
