package edu.campus.logistics.operations;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerEntry;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History cleanup as configured in application.yaml: a finished case whose time to live has passed
 * leaves the history tables, a younger one and a running one stay, and the ledger keeps every entry.
 * A probe model with a time to live of one day keeps the test to its own cases: the other tests'
 * cases in the shared database live five years, and the clock is moved back (never forward) only
 * while the old case runs.
 */
@CampusTest
class HistoryCleanupTest {

  private static final String PROBE = "ops-cleanup-probe";
  private static final String ITEM = "OPS-CLEAN-1";

  @Autowired ProcessEngine engine;
  @Autowired LedgerService ledger;

  private RuntimeService runtime;
  private TaskService tasks;
  private HistoryService history;
  private ManagementService management;
  private RepositoryService repository;
  private Deployment deployment;

  @BeforeEach
  void deployProbe() {
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    history = engine.getHistoryService();
    management = engine.getManagementService();
    repository = engine.getRepositoryService();
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROBE).name("清理测试").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Probe").userTask("Task_Probe").name("测试任务").endEvent("EndEvent_Probe").done();
    deployment = repository.createDeployment().name(PROBE).addModelInstance(PROBE + ".bpmn", model).deploy();
    if (ledger.findItem(ITEM).isEmpty()) {
      ledger.registerItem(new NewItem(ITEM, "清理测试品", null, "个", ItemCategory.OTHER.id(), BigDecimal.ZERO));
    }
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repository.deleteDeployment(deployment.getId(), true);
  }

  @Test
  void configuredForTheNightWindowInSmallBatches() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getHistoryCleanupBatchSize()).isEqualTo(100);
    assertThat(configuration.getHistoryCleanupDegreeOfParallelism()).isEqualTo(1);
    // the engine schedules the cleanup job by itself at start, due at the next window
    assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
  }

  @Test
  void aCaseOlderThanItsTimeToLiveIsRemovedAYoungOneKeptAndItsLedgerEntriesStay() {
    long otherCases = history.createHistoricProcessInstanceQuery().count();
    Instant now = Instant.now();

    // the old case: ran two days ago, posted a receipt and an issue, and ended then
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(2))));
    ProcessInstance old = runtime.startProcessInstanceByKey(PROBE, "OPS-CLEAN-OLD");
    runtime.setVariable(old.getId(), "note", "旧案件");
    ledger.receive(new Voucher("ops-clean:" + old.getId() + ":receipt", old.getId(), "OPS-CLEAN-OLD", "Task_Probe", "wuxiaohong"),
        List.of(StockLine.of(ITEM, new BigDecimal("10"), new BigDecimal("3.50"))));
    ledger.issue(new Voucher("ops-clean:" + old.getId() + ":issue", old.getId(), "OPS-CLEAN-OLD", "Task_Probe", "wuxiaohong"),
        List.of(StockLine.of(ITEM, new BigDecimal("4"), null)));
    tasks.complete(tasks.createTaskQuery().processInstanceId(old.getId()).singleResult().getId());
    ClockUtil.reset();

    // the young case ended just now, the running one has not ended
    ProcessInstance young = runtime.startProcessInstanceByKey(PROBE, "OPS-CLEAN-YOUNG");
    runtime.setVariable(young.getId(), "note", "新案件");
    tasks.complete(tasks.createTaskQuery().processInstanceId(young.getId()).singleResult().getId());
    ProcessInstance running = runtime.startProcessInstanceByKey(PROBE, "OPS-CLEAN-RUNNING");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(PROBE).count()).isEqualTo(3);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old.getId()).singleResult().getRemovalTime())
        .isBefore(new Date());
    List<LedgerEntry> entriesBefore = entriesOf(old.getId());
    assertThat(entriesBefore).hasSize(2);

    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old.getId()).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(old.getId()).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(old.getId()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(old.getId()).count()).isZero();

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(young.getId()).singleResult().getBusinessKey())
        .isEqualTo("OPS-CLEAN-YOUNG");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(young.getId()).variableName("note")
        .singleResult().getValue()).isEqualTo("新案件");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running.getId()).count()).isOne();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(running.getId()).count()).isOne();
    // nothing of the other tests' cases (five years to live) was touched
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(otherCases + 2);

    // the ledger is never cleaned: the removed case's vouchers and business key are still there
    assertThat(entriesOf(old.getId())).isEqualTo(entriesBefore);
    assertThat(entriesBefore).extracting(LedgerEntry::businessKey).containsOnly("OPS-CLEAN-OLD");
    assertThat(ledger.findItem(ITEM).orElseThrow().quantity()).isEqualByComparingTo(
        ledger.entries(ITEM).stream().map(LedgerEntry::quantity).reduce(BigDecimal.ZERO, BigDecimal::add));
    assertThat(ledger.reconcile().consistent()).isTrue();
  }

  private List<LedgerEntry> entriesOf(String processInstanceId) {
    return ledger.entries(ITEM).stream().filter(entry -> processInstanceId.equals(entry.processInstanceId())).toList();
  }
}
