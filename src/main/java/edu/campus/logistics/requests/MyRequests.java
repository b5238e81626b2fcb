package edu.campus.logistics.requests;

import edu.campus.logistics.cases.SchoolTime;
import edu.campus.logistics.feedback.FeedbackReporters;
import edu.campus.logistics.identity.ApplicationReads;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.repair.RepairVariables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;

/**
 * 我的申请: the cases a person started (or, for a repair, was named the reporter of by the logistics
 * staff who filed it for them; a feedback they filed, also an anonymous one), newest first, with where each one stands in words — the step it
 * waits at and who holds it, or how it ended (the name of the end event it reached in the model, so a
 * new end event in Modeler needs no Java). Read from the engine's history without the caller's
 * authorizations (a teacher may not read history) but limited to the caller's own cases; call
 * activities' sub-cases (damage compensation) belong to the case that started them and are not listed.
 */
@Service
public class MyRequests {

  /** Activities a case can wait at, shown as its current step. */
  private static final Set<String> WAIT_STATES = Set.of("userTask", "callActivity", "intermediateTimer",
      "receiveTask", "serviceTask", "intermediateMessageCatch", "eventBasedGateway");

  /** One case as its starter sees it. */
  public record MyCase(String id, String process, String businessKey, String startedAt, String state,
                       List<Step> steps, String result, String endedAt) {
  }

  /** A step the case waits at and who holds it (a person's name, or the group whose members may take it). */
  public record Step(String name, String holder) {
  }

  /** What a task card says about its case: the case number, who it is for, whether someone took the task. */
  public record TaskCase(String businessKey, String process, String requester, boolean claimed) {
  }

  private final HistoryService historyService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl configuration;
  private final SchoolTime schoolTime;
  private final FeedbackReporters feedbackReporters;

  public MyRequests(HistoryService historyService, TaskService taskService, RepositoryService repositoryService,
                    IdentityService identityService, ProcessEngineConfigurationImpl configuration,
                    SchoolTime schoolTime, FeedbackReporters feedbackReporters) {
    this.historyService = historyService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.configuration = configuration;
    this.schoolTime = schoolTime;
    this.feedbackReporters = feedbackReporters;
  }

  /** The newest {@code limit} cases of this person, open ones and finished ones. */
  public List<MyCase> of(String userId, int limit) {
    Objects.requireNonNull(userId, "userId");
    // as the application: the caller's own cases only, whatever history they may read in Cockpit
    return ApplicationReads.withoutAuthorization(configuration, () -> {
      Map<String, HistoricProcessInstance> own = new LinkedHashMap<>();
      Stream.of(
          historyService.createHistoricProcessInstanceQuery().startedBy(userId).rootProcessInstances()
              .orderByProcessInstanceStartTime().desc().listPage(0, limit).stream(),
          historyService.createHistoricProcessInstanceQuery().rootProcessInstances()
              .variableValueEquals(RepairVariables.REPORTER_ID, userId)
              .orderByProcessInstanceStartTime().desc().listPage(0, limit).stream(),
          feedbackFiledBy(userId, limit).stream())
          .flatMap(cases -> cases)
          .forEach(instance -> own.putIfAbsent(instance.getId(), instance));
      return own.values().stream().sorted(Comparator.comparing(HistoricProcessInstance::getStartTime).reversed())
          .limit(limit).map(this::describe).toList();
    });
  }

  /** Feedback is found by its reporter: history records no starter for it ({@code feedback/AnonymousReporterHistory}). */
  private List<HistoricProcessInstance> feedbackFiledBy(String userId, int limit) {
    Set<String> filed = new HashSet<>(feedbackReporters.filedBy(userId));
    return filed.isEmpty() ? List.of() : historyService.createHistoricProcessInstanceQuery().processInstanceIds(filed)
        .orderByProcessInstanceStartTime().desc().listPage(0, limit);
  }

  /**
   * The case of a task this person may see (empty when the task does not exist for them): read with
   * their own authorizations first, then the case's number and requester — the reporter a repair was
   * filed for, else who started it — as the application.
   */
  public Optional<TaskCase> caseOfTask(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return Optional.empty();
    }
    boolean claimed = task.getAssignee() != null;
    if (task.getProcessInstanceId() == null) {
      return Optional.of(new TaskCase(null, null, null, claimed));
    }
    return Optional.of(ApplicationReads.withoutAuthorization(configuration, () -> {
      HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).singleResult();
      String requester = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
          .variableName(RepairVariables.REPORTER_ID).list().stream().map(variable -> (String) variable.getValue())
          .filter(Objects::nonNull).findFirst().orElse(instance.getStartUserId());
      ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
      return new TaskCase(instance.getBusinessKey(), definition.getName(),
          requester == null ? null : personName(requester), claimed);
    }));
  }

  private MyCase describe(HistoricProcessInstance instance) {
    ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
    String process = definition.getName() != null ? definition.getName() : definition.getKey();
    if (instance.getEndTime() == null) {
      return new MyCase(instance.getId(), process, instance.getBusinessKey(), time(instance.getStartTime()),
          "办理中", currentSteps(instance.getId()), null, null);
    }
    String state = HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState()) ? "已办结" : "已终止";
    return new MyCase(instance.getId(), process, instance.getBusinessKey(), time(instance.getStartTime()), state,
        List.of(), endName(instance), time(instance.getEndTime()));
  }

  private List<Step> currentSteps(String processInstanceId) {
    List<Step> steps = new ArrayList<>();
    Map<String, Task> tasks = new LinkedHashMap<>();
    taskService.createTaskQuery().processInstanceId(processInstanceId).list()
        .forEach(task -> tasks.put(task.getId(), task));
    for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).unfinished().orderByHistoricActivityInstanceStartTime().asc().list()) {
      if (!WAIT_STATES.contains(activity.getActivityType())) {
        continue;
      }
      String name = activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId();
      Task task = activity.getTaskId() == null ? null : tasks.get(activity.getTaskId());
      steps.add(new Step(name, task == null ? "系统处理中" : holder(task)));
    }
    return steps;
  }

  private String holder(Task task) {
    if (task.getAssignee() != null) {
      return personName(task.getAssignee());
    }
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).map(id -> CampusGroup.byId(id).map(CampusGroup::displayName).orElse(id))
        .toList();
    return groups.isEmpty() ? "待分配" : String.join("、", groups) + "（待认领）";
  }

  private String personName(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : ApplicationReads.displayName(user);
  }

  /** The name of the end event the case reached, as the model calls it. */
  private String endName(HistoricProcessInstance instance) {
    String endActivity = instance.getEndActivityId();
    if (endActivity == null) {
      return null;
    }
    FlowElement end = repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId())
        .getModelElementById(endActivity);
    return end != null && end.getName() != null ? end.getName() : endActivity;
  }

  private String time(Date date) {
    return schoolTime.minutes(date);
  }

}
