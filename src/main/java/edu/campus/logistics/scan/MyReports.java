package edu.campus.logistics.scan;

import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;
import static edu.campus.logistics.repair.RepairVariables.LOCATION;
import static edu.campus.logistics.repair.RepairVariables.REPORTER_ID;

import edu.campus.logistics.identity.ApplicationReads;
import edu.campus.logistics.identity.ProcessKeys;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What the phone page shows a reporter about their own repair reports: the case number, the place,
 * the first responder (首问负责人) once someone took it, whether the case has ended, and the open
 * 回访确认 task assigned to them, which the page completes through Tasklist's own API. Read without the
 * reporter's engine authorizations (a teacher may not read a repair's variables), limited to the
 * repairs whose {@code reporterId} is the caller.
 */
@Service
public class MyReports {

  /** The follow-up task the reporter completes from the phone. */
  public static final String CONFIRM_TASK = "Task_ConfirmRepair";
  static final int MAX_LISTED = 20;

  /** One report as its reporter sees it; {@code confirmTaskId} is set while the repair waits for their confirmation. */
  public record MyReport(String id, String businessKey, String location, String firstResponder, boolean ended,
                         String confirmTaskId) {
  }

  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl configuration;

  MyReports(HistoryService history, TaskService tasks, IdentityService identity, ProcessEngineConfigurationImpl configuration) {
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
    this.configuration = configuration;
  }

  /** The caller's report {@code processInstanceId}, empty when there is no such repair or someone else reported it. */
  public Optional<MyReport> of(String reporter, String processInstanceId) {
    return ApplicationReads.withoutAuthorization(configuration, () -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).processDefinitionKey(ProcessKeys.REPAIR).list().stream().findFirst()
        .map(instance -> report(instance, reporter)).filter(report -> report != null));
  }

  /** The caller's repair reports: first those waiting for their confirmation, then the latest others, newest first. */
  public List<MyReport> latest(String reporter) {
    return ApplicationReads.withoutAuthorization(configuration, () -> {
      Set<String> ids = new LinkedHashSet<>();
      tasks.createTaskQuery().processDefinitionKey(ProcessKeys.REPAIR).taskDefinitionKey(CONFIRM_TASK)
          .taskAssignee(reporter).orderByTaskCreateTime().desc().listPage(0, MAX_LISTED).stream()
          .map(Task::getProcessInstanceId).forEach(ids::add);
      history.createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR)
          .variableValueEquals(REPORTER_ID, reporter).orderByProcessInstanceStartTime().desc()
          .listPage(0, MAX_LISTED).forEach(instance -> ids.add(instance.getId()));
      return ids.stream().limit(MAX_LISTED).map(id -> history.createHistoricProcessInstanceQuery().processInstanceId(id)
              .singleResult()).map(instance -> report(instance, reporter)).filter(report -> report != null).toList();
    });
  }

  private MyReport report(HistoricProcessInstance instance, String reporter) {
    if (!reporter.equals(variable(instance, REPORTER_ID))) {
      return null;
    }
    String firstResponder = variable(instance, FIRST_RESPONDER);
    String confirmTaskId = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(CONFIRM_TASK)
        .taskAssignee(reporter).active().list().stream().map(Task::getId).findFirst().orElse(null);
    return new MyReport(instance.getId(), instance.getBusinessKey(), variable(instance, LOCATION),
        firstResponder == null ? null : name(firstResponder), instance.getEndTime() != null, confirmTaskId);
  }

  private String variable(HistoricProcessInstance instance, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
        .executionIdIn(instance.getId()).disableCustomObjectDeserialization().list().stream()
        .map(HistoricVariableInstance::getValue).filter(String.class::isInstance).map(String.class::cast)
        .findFirst().orElse(null);
  }

  private String name(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : ApplicationReads.displayName(user);
  }
}
