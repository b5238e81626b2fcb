package edu.campus.logistics;

import static edu.campus.logistics.CaseDriver.as;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.campus.logistics.identity.ProcessKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starting the application on PostgreSQL: after a stop, due timers fire on the next start and no
 * task is lost; connections with another isolation level than READ COMMITTED stop the start with a
 * message that says what to change.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresStartupIT {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void dueTimersFireAfterARestartAndNoTaskIsLost() throws Exception {
    TestPostgres.Database database = TestPostgres.database("campus_restart");
    Instant t0;
    String repair;
    String request;
    List<String> openTasks;
    try (ConfigurableApplicationContext app = start(database, false)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      // a working morning at the school: outside working hours the duty roster sends the first 督办 of an urgent
      // report to the duty leader in person (DutyRosterTest); here it goes to the head of logistics
      t0 = workingMorning(engine);
      ClockUtil.setCurrentTime(Date.from(t0));
      repair = as(engine.getIdentityService(), "liuyang", () -> engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.REPAIR,
          "RS-BX-1", Map.of("location", "实验楼二层", "category", "electrical", "description", "配电箱跳闸，整层停电",
              "urgency", "urgent"))).getId();
      request = as(engine.getIdentityService(), "zhangwei", () -> engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.PROCUREMENT,
          "RS-CG-1", Map.of("department", "语文组", "reason", "重启测试", "neededBy", java.time.LocalDate.now().plusDays(14).toString(),
              "items", org.camunda.spin.plugin.variable.SpinValues.jsonValue(OpenTasks.SMALL_ORDER).create()))).getId();
      openTasks = taskIds(engine);
      assertThat(openTasks).hasSize(2);
    }

    // the application was down while the urgent report's 30-minute response deadline passed
    ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofMinutes(40))));
    try (ConfigurableApplicationContext app = start(database, true)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      Instant deadline = Instant.now().plusSeconds(60);
      List<Task> supervision;
      do {
        Thread.sleep(500);
        supervision = engine.getTaskService().createTaskQuery().processInstanceId(repair)
            .taskDefinitionKey("Task_SuperviseRepair").list();
      } while (supervision.isEmpty() && Instant.now().isBefore(deadline));
      assertThat(supervision).as("the overdue response escalated by the job executor after the restart").hasSize(1);
      assertThat(engine.getTaskService().getIdentityLinksForTask(supervision.get(0).getId()))
          .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("logistics-head"));
      assertThat(taskIds(engine)).as("every task from before the stop is still open").containsAll(openTasks);
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(request).timers().count())
          .as("the approval's reminder and escalation timers, not due yet").isEqualTo(2);
      assertThat(engine.getManagementService().createJobQuery().withException().count()).isZero();
    }
  }

  @Test
  @Order(2)
  void anIsolationLevelOtherThanReadCommittedStopsTheStartWithAClearMessage(CapturedOutput output) {
    TestPostgres.Database database = TestPostgres.database("campus_isolation");
    assertThatThrownBy(() -> start(database, false,
        "--spring.datasource.hikari.transaction-isolation=TRANSACTION_REPEATABLE_READ").close())
        .hasStackTraceContaining("ENGINE-12019");
    assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
        .contains("the database connections do not use the transaction isolation level READ COMMITTED")
        .contains("'REPEATABLE_READ'")
        .contains("set CAMPUS_DB_ISOLATION=TRANSACTION_READ_COMMITTED");
  }

  private static ConfigurableApplicationContext start(TestPostgres.Database database, boolean jobExecutor, String... more) {
    List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres",
        "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
        "--spring.datasource.password=" + database.password(), "--server.port=0", "--server.address=127.0.0.1",
        "--spring.jmx.enabled=false", "--camunda.bpm.job-execution.enabled=" + jobExecutor,
        "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000"));
    arguments.addAll(List.of(more));
    return new SpringApplicationBuilder(CampusLogisticsApplication.class).run(arguments.toArray(String[]::new));
  }

  /** 10:00 at the school on the next day the deployed duty roster (decision working-day) calls a working day. */
  private static Instant workingMorning(ProcessEngine engine) {
    java.time.ZoneId school = java.time.ZoneId.of("Asia/Shanghai");
    java.time.LocalDate day = java.time.LocalDate.now(school).plusDays(1);
    for (int tried = 0; tried < 60; tried++, day = day.plusDays(1)) {
      Object working = engine.getDecisionService().evaluateDecisionByKey("working-day")
          .variables(Map.of("date", day.toString(), "dayOfWeek", day.getDayOfWeek().getValue()))
          .evaluate().getFirstResult().getEntryMap().get("workingDay");
      if (Boolean.TRUE.equals(working)) {
        return day.atTime(10, 0).atZone(school).toInstant();
      }
    }
    throw new AssertionError("the duty roster names no working day in the next 60 days");
  }

  private static List<String> taskIds(ProcessEngine engine) {
    return engine.getTaskService().createTaskQuery().list().stream().map(Task::getId).toList();
  }

}
