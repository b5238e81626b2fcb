package edu.campus.logistics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.cases.LedgerVouchers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A delegate's postings commit or roll back together with the engine step that made them. */
@CampusTest
class LedgerTransactionTest {

  static final String PROCESS = "test-ledger-transaction";
  static LedgerService sharedLedger;
  static String itemCode;

  /** Posts one receipt for the step, then fails when the process says so. */
  public static class PostThenMaybeFail implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      sharedLedger.receive(LedgerVouchers.forStep(execution, "wuxiaohong"),
          List.of(StockLine.of(itemCode, new BigDecimal("5"), new BigDecimal("3.00"))));
      if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
        throw new IllegalStateException("simulated failure after posting");
      }
    }
  }

  @Autowired
  LedgerService ledger;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;

  @BeforeAll
  static void deploy(@Autowired RepositoryService repositoryService, @Autowired LedgerService ledger) {
    sharedLedger = ledger;
    repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn",
        Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("Task_Post").camundaAsyncBefore().camundaClass(PostThenMaybeFail.class)
            .userTask("Task_AfterPosting")
            .endEvent()
            .done()).deploy();
  }

  @AfterAll
  static void forgetLedger() {
    sharedLedger = null;
  }

  @Test
  void failingStepRollsBackItsPostingAndRetriesPostOnce() {
    itemCode = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ledger.registerItem(new NewItem(itemCode, "事务测试", null, "个", ItemCategory.OTHER.id(), BigDecimal.ZERO));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, Map.of("fail", true));
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();

    assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("simulated failure");

    assertThat(ledger.entries(itemCode)).isEmpty();
    assertThat(ledger.findItem(itemCode).orElseThrow().quantity()).isEqualByComparingTo("0");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    Job failed = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(failed.getRetries()).isLessThan(3);
    assertThat(failed.getExceptionMessage()).contains("simulated failure");

    runtimeService.setVariable(instance.getId(), "fail", false);
    managementService.executeJob(failed.getId());

    assertThat(ledger.entries(itemCode)).singleElement().satisfies(entry -> {
      assertThat(entry.processInstanceId()).isEqualTo(instance.getId());
      assertThat(entry.activityId()).isEqualTo("Task_Post");
      assertThat(entry.quantity()).isEqualByComparingTo("5");
    });
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_AfterPosting");
    assertThat(ledger.reconcile().consistent()).isTrue();
  }
}
