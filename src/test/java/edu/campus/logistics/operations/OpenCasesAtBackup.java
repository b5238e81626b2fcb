package edu.campus.logistics.operations;

import static edu.campus.logistics.CaseDriver.as;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerEntry;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a backup of a running application must keep, made through the engine and the ledger as people
 * would: ledger rows (a receipt and an issue), a new user, a purchase request waiting at its claimed
 * approval (with its reminder timers) and an urgent repair taken by its first responder (with its SLA
 * timers). {@link #assertFoundIn} checks what people see of it in a restored application.
 */
record OpenCasesAtBackup(String procurementId, String procurementNumber, String repairId, String repairNumber,
                         Map<String, String> jobDueDates) {

  static final String ITEM = "BACKUP-1";
  static final String USER = "backupuser";
  static final String PASSWORD = "Backup-Pass-1";

  static OpenCasesAtBackup create(ConfigurableApplicationContext app) {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    LedgerService ledger = app.getBean(LedgerService.class);
    IdentityService identity = engine.getIdentityService();

    ledger.registerItem(new NewItem(ITEM, "备份测试品", "规格甲", "个", ItemCategory.OTHER.id(), BigDecimal.ZERO));
    ledger.receive(Voucher.manual("BACKUP-RECEIPT", "wuxiaohong"),
        List.of(StockLine.of(ITEM, new BigDecimal("9"), new BigDecimal("4.20"))));
    ledger.issue(Voucher.manual("BACKUP-ISSUE", "wuxiaohong"), List.of(StockLine.of(ITEM, new BigDecimal("2"), null)));

    User user = identity.newUser(USER);
    user.setFirstName("备份");
    user.setLastName("用户");
    user.setPassword(PASSWORD);
    identity.saveUser(user);

    ProcessInstance procurement = as(identity, "zhangwei", () -> engine.getRuntimeService().startProcessInstanceByKey(
        ProcessKeys.PROCUREMENT, Map.of("department", "语文组", "reason", "备份测试",
            "neededBy", LocalDate.now().plusDays(10).toString(),
            "items", "[{\"newItem\":true,\"name\":\"复印纸\",\"spec\":\"A4 70g 500张/包 5包/箱\",\"category\":\"office\",\"unit\":\"箱\","
                + "\"quantity\":1,\"unitPrice\":120}]")));
    String procurementId = procurement.getId();
    Task approval = engine.getTaskService().createTaskQuery().processInstanceId(procurementId).singleResult();
    engine.getTaskService().claim(approval.getId(), "wangfang");

    ProcessInstance repair = as(identity, "liuyang", () -> engine.getRuntimeService().createProcessInstanceByKey(
        ProcessKeys.REPAIR).setVariables(Map.of("location", "教学楼 / 101", "category", "electrical",
            "description", "灯不亮", "urgency", "urgent")).execute());
    String repairId = repair.getId();
    Task report = engine.getTaskService().createTaskQuery().processInstanceId(repairId).singleResult();
    as(identity, "zhengkai", () -> {
      engine.getTaskService().claim(report.getId(), "zhengkai");
      return null;
    });
    Map<String, String> dueDates = timerDueDates(engine, procurementId, repairId);
    assertThat(dueDates).as("the cases' timers").hasSizeGreaterThanOrEqualTo(2);
    return new OpenCasesAtBackup(procurementId, procurement.getBusinessKey(), repairId, repair.getBusinessKey(), dueDates);
  }

  /** The cases, their tasks and timers, the user and the ledger rows, as a restored application shows them. */
  void assertFoundIn(ConfigurableApplicationContext app) {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    LedgerService ledger = app.getBean(LedgerService.class);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(procurementId).singleResult()
        .getBusinessKey()).as("the case number").startsWith("CG-").isEqualTo(procurementNumber);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(procurementId).singleResult().getAssignee())
        .isEqualTo("wangfang");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(repairId).singleResult()
        .getBusinessKey()).as("the case number").startsWith("BX-").isEqualTo(repairNumber);
    assertThat(engine.getRuntimeService().getVariable(repairId, "firstResponder")).isEqualTo("zhengkai");
    assertThat(timerDueDates(engine, procurementId, repairId)).as("every timer, due when it was").isEqualTo(jobDueDates);
    assertThat(engine.getIdentityService().checkPassword(USER, PASSWORD)).isTrue();
    assertThat(ledger.entries(ITEM)).extracting(LedgerEntry::voucherKey).containsExactly("BACKUP-RECEIPT", "BACKUP-ISSUE");
    assertThat(ledger.findItem(ITEM).orElseThrow().quantity()).isEqualByComparingTo("7");
    assertThat(ledger.reconcile().consistent()).isTrue();
  }

  /** Written after the backup, so it must not come back with a restore. */
  static void postAfterBackup(ConfigurableApplicationContext app) {
    app.getBean(LedgerService.class).receive(Voucher.manual("AFTER-BACKUP", "wuxiaohong"),
        List.of(StockLine.of(ITEM, new BigDecimal("1"), new BigDecimal("4.20"))));
  }

  /** A restored timer still fires: the repair's response deadline escalates (a new task for the head of logistics). */
  void assertARestoredTimerFires(ConfigurableApplicationContext app) {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(repairId).timers().list();
    int tasksBefore = engine.getTaskService().createTaskQuery().processInstanceId(repairId).list().size();
    engine.getManagementService().executeJob(timers.get(0).getId());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(repairId).list()).hasSizeGreaterThan(tasksBefore);
  }

  private static Map<String, String> timerDueDates(ProcessEngine engine, String... processInstanceIds) {
    Map<String, String> dueDates = new TreeMap<>();
    for (String id : processInstanceIds) {
      for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(id).timers().list()) {
        dueDates.put(timer.getId(), timer.getDuedate().toInstant().toString());
      }
    }
    return dueDates;
  }

}
