package edu.campus.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default keeps everything in an H2 file: stop, start, and it is all still there. */
class RestartIT {

  @TempDir
  Path dataDirectory;

  @Test
  void instancesTasksUsersAndLedgerSurviveARestartAndNothingIsDuplicated() {
    String url = "jdbc:h2:file:" + dataDirectory.resolve("campus-logistics") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    String instanceId;
    String caseNumber;
    String taskId;
    String deploymentId;
    Counts before;
    try (ConfigurableApplicationContext app = start(url)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      LedgerService ledger = app.getBean(LedgerService.class);
      ledger.registerItem(new NewItem("RESTART-1", "重启测试品", null, "个", ItemCategory.OTHER.id(), BigDecimal.ZERO));
      ledger.receive(Voucher.manual("RESTART-RECEIPT", "wuxiaohong"),
          List.of(StockLine.of("RESTART-1", new BigDecimal("7"), new BigDecimal("4.00"))));

      IdentityService identity = engine.getIdentityService();
      User user = identity.newUser("restartuser");
      user.setFirstName("重启");
      user.setPassword("Restart-Pass-1");
      identity.saveUser(user);

      identity.setAuthentication("zhangwei", List.of("staff"));
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("procurement", Map.of(
          "department", "语文组", "reason", "重启测试", "neededBy", LocalDate.now().plusDays(10).toString(),
          "items", "[{\"newItem\":true,\"name\":\"复印纸\",\"spec\":\"A4 70g 500张/包 5包/箱\",\"category\":\"office\",\"unit\":\"箱\",\"quantity\":1,\"unitPrice\":120}]"));
      identity.clearAuthentication();
      instanceId = instance.getId();
      caseNumber = instance.getBusinessKey();
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
      taskId = task.getId();
      engine.getTaskService().claim(taskId, "wangfang");
      deploymentId = engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId())
          .getDeploymentId();
      before = Counts.of(app);
    }

    try (ConfigurableApplicationContext app = start(url)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      LedgerService ledger = app.getBean(LedgerService.class);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
          .getBusinessKey()).as("the case number").startsWith("CG-").isEqualTo(caseNumber);
      assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("wangfang");
      assertThat(engine.getIdentityService().checkPassword("restartuser", "Restart-Pass-1")).isTrue();
      assertThat(ledger.findItem("RESTART-1").orElseThrow().quantity()).isEqualByComparingTo("7");
      assertThat(ledger.entries("RESTART-1")).hasSize(1);
      assertThat(ledger.reconcile().consistent()).isTrue();
      assertThat(Counts.of(app)).isEqualTo(before);
      // the case started before the restart runs in the application's context again (the start deployed nothing)
      assertThat(engine.getManagementService().getProcessApplicationForDeployment(deploymentId))
          .as("the process application of the deployment the open case runs on").isEqualTo("campus-logistics");
    }
  }

  private static ConfigurableApplicationContext start(String url) {
    // command-line arguments: they outrank application.yaml (default properties would not)
    return new SpringApplicationBuilder(CampusLogisticsApplication.class)
        .run("--spring.datasource.url=" + url, "--server.port=0", "--server.address=127.0.0.1",
            "--camunda.bpm.job-execution.enabled=false");
  }

  /** What a restart must not duplicate. */
  private record Counts(long users, long groups, long authorizations, long filters, long deployments,
                        long definitions, long openingEntries) {

    static Counts of(ConfigurableApplicationContext app) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      FilterService filters = engine.getFilterService();
      return new Counts(engine.getIdentityService().createUserQuery().count(),
          engine.getIdentityService().createGroupQuery().count(),
          engine.getAuthorizationService().createAuthorizationQuery().count(),
          filters.createFilterQuery().count(),
          engine.getRepositoryService().createDeploymentQuery().count(),
          engine.getRepositoryService().createProcessDefinitionQuery().count(),
          app.getBean(LedgerService.class).entries("OFF-A4").size());
    }
  }
}
