package edu.campus.logistics.notifications;

import static edu.campus.logistics.notifications.NotificationHooks.CONTRACTOR;
import static edu.campus.logistics.notifications.NotificationHooks.DISPATCH_MODE;
import static edu.campus.logistics.notifications.NotificationHooks.FIRST_RESPONDER;
import static edu.campus.logistics.notifications.NotificationHooks.REPORTER;
import static edu.campus.logistics.notifications.NotificationHooks.REQUESTER;
import static edu.campus.logistics.notifications.NotificationHooks.RESOLUTION_DUE_AT;
import static edu.campus.logistics.notifications.NotificationHooks.SHORTAGE;
import static edu.campus.logistics.notifications.NotificationHooks.SHORTAGE_MESSAGE;
import static edu.campus.logistics.notifications.NotificationHooks.SHORTAGE_TEXT;
import static edu.campus.logistics.notifications.NotificationHooks.TECHNICIAN;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.SchoolTime;
import edu.campus.logistics.identity.ApplicationReads;
import edu.campus.logistics.notifications.NotificationEvent.Facts;
import edu.campus.logistics.notifications.NotificationEvent.Texts;
import edu.campus.logistics.notifications.Preferences.Kind;
import edu.campus.logistics.notifications.Preferences.Preference;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Turns engine events into outbox messages, inside the engine command that causes them
 * ({@link NotificationPlugin} calls it from the models' listeners): who hears, on which channels,
 * in which words. Nothing here sends; a step that is rolled back leaves no message.
 */
@Service
public class Notifications {

  /** Tasklist's task page; the task id follows. */
  static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";
  static final String TASKLIST = "/camunda/app/tasklist/default/";
  /** Cockpit's page of a case (its incidents show there); the process instance id goes in between. */
  static final String COCKPIT_CASE = "/camunda/app/cockpit/default/#/process-instance/";
  /** The ledger's shortage message ("库存不足 / insufficient stock for CODE (name): available 1, requested 2"). */
  private static final Pattern LEDGER_SHORTAGE = Pattern.compile("for (\\S+) \\((.*)\\): available (\\S+), requested (\\S+)");
  /** At most this many members of one group are mailed about one task. */
  static final int MAX_GROUP_MEMBERS = 200;

  private final Outbox outbox;
  private final Preferences preferences;
  private final NotificationSettings settings;
  private final SchoolTime time;

  public Notifications(Outbox outbox, Preferences preferences, NotificationSettings settings, SchoolTime time) {
    this.outbox = outbox;
    this.preferences = preferences;
    this.settings = settings;
    this.time = time;
  }

  /** A user task was created: its assignee hears, or else its candidate users and the members of its candidate groups. */
  void taskCreated(DelegateTask task, NotificationEvent event) {
    toTaskPeople(task, event, List.copyOf(task.getCandidates()), task.getAssignee());
  }

  /** A user task got an assignee after it was created (claim, delegation, reassignment): the new assignee hears, unless they did it. */
  void taskAssigned(DelegateTask task, NotificationEvent event) {
    if (task.getAssignee() != null) {
      toTaskPeople(task, event, List.of(), task.getAssignee());
    }
  }

  /** The first responder took the reporter's repair: the reporter hears who it is. */
  void repairTaken(DelegateTask task) {
    Object responder = task.getVariable(FIRST_RESPONDER);
    Object reporter = task.getVariable(REPORTER);
    if (!(responder instanceof String responderId) || !responderId.equals(task.getAssignee())
        || !(reporter instanceof String reporterId)) {
      return;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    User responderUser = privileged(() -> identity.createUserQuery().userId(responderId).singleResult());
    String name = responderUser == null ? responderId : ApplicationReads.displayName(responderUser);
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    Facts facts = new Facts(processName(execution), caseNumber(execution), task.getName(), name, null);
    toUser(identity, reporterId, NotificationEvent.REPAIR_TAKEN, execution.getProcessInstanceId(), facts,
        link(null), execution.getProcessInstanceId(), null);
  }

  /**
   * The repair was dispatched (Task_DispatchRepair completed): the reporter hears to whom —
   * the technician's name, or the contractor — and the case's due time (办结时限).
   */
  void repairDispatched(DelegateTask task) {
    if (!(task.getVariable(REPORTER) instanceof String reporterId)) {
      return;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    String to;
    if ("technician".equals(task.getVariable(DISPATCH_MODE)) && task.getVariable(TECHNICIAN) instanceof String technicianId) {
      User technician = privileged(() -> identity.createUserQuery().userId(technicianId).singleResult());
      to = "维修工 " + (technician == null ? technicianId : ApplicationReads.displayName(technician));
    } else if (task.getVariable(CONTRACTOR) instanceof String contractor && !contractor.isBlank()) {
      to = "外包维修单位 " + contractor;
    } else {
      return;
    }
    String due = task.getVariable(RESOLUTION_DUE_AT) instanceof Date at ? time.minutes(at) : null;
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    Facts facts = new Facts(processName(execution), caseNumber(execution), task.getName(), to, null, due);
    toUser(identity, reporterId, NotificationEvent.REPAIR_DISPATCHED, task.getId(), facts, link(null),
        execution.getProcessInstanceId(), null);
  }

  /** The event a requisition's issue task arrives with: 缺货 when lines are short of stock, else 待办. */
  static NotificationEvent issueEvent(DelegateTask task) {
    return Boolean.TRUE.equals(task.getVariable(SHORTAGE)) ? NotificationEvent.STOCK_SHORTAGE : NotificationEvent.TASK_ARRIVED;
  }

  /** A repair's parts are short (the STOCK_SHORTAGE boundary event): the storekeepers hear which, and that it waits. */
  void repairShortage(DelegateExecution execution) {
    ExecutionEntity entity = (ExecutionEntity) execution;
    String detail = execution.getVariable(SHORTAGE_MESSAGE) instanceof String message ? shortageText(message) : null;
    Facts facts = new Facts(processName(entity), caseNumber(entity), null, null, null, detail);
    // one message per shortage: the boundary event's activity instance is each shortage's own
    toGroups(execution.getProcessEngineServices().getIdentityService(), NotificationEvent.STOCK_SHORTAGE,
        execution.getActivityInstanceId(), facts, NotificationHooks.STOREKEEPERS,
        link(null), execution.getProcessInstanceId(), null);
  }

  /**
   * A ledger step's job failed for good and its incident was just created (the engine's incident
   * handler, in the transaction that records it): the storekeepers and the head of logistics hear
   * the case and the step, with a link to the case in Cockpit.
   */
  void stockIncident(IncidentContext context, Incident incident) {
    CommandContext command = Context.getCommandContext();
    if (command == null || context.getExecutionId() == null) {
      return;
    }
    ExecutionEntity execution = command.getExecutionManager().findExecutionById(context.getExecutionId());
    ProcessDefinitionEntity definition = execution == null ? null : execution.getProcessDefinition();
    if (definition == null || !NotificationHooks.LEDGER_STEPS.contains(definition.getKey() + ":" + context.getActivityId())) {
      return;
    }
    ActivityImpl activity = definition.findActivity(context.getActivityId());
    String step = activity == null || activity.getName() == null ? context.getActivityId() : activity.getName();
    Facts facts = new Facts(processName(execution), caseNumber(execution), step, null, null);
    String cockpit = base() + COCKPIT_CASE + execution.getProcessInstanceId() + "/runtime";
    toGroups(command.getProcessEngineConfiguration().getIdentityService(), NotificationEvent.STOCK_INCIDENT,
        incident.getId(), facts, NotificationHooks.STOCK_KEEPERS, cockpit, execution.getProcessInstanceId(), null);
  }

  /** A flow of {@link NotificationHooks#FLOW_EVENTS} was taken: the case's requester hears. */
  void requesterNews(DelegateExecution execution, NotificationEvent event) {
    if (!(execution.getVariable(REQUESTER) instanceof String requesterId)) {
      return;
    }
    ExecutionEntity entity = (ExecutionEntity) execution;
    Facts facts = new Facts(processName(entity), caseNumber(entity), null, null, null);
    toUser(execution.getProcessEngineServices().getIdentityService(), requesterId, event,
        execution.getProcessInstanceId(), facts, link(null), execution.getProcessInstanceId(), null);
  }

  /** A reminder or an escalation acted on the case's open tasks of a key: their people hear. */
  void nudged(DelegateExecution execution, NotificationEvent event, String taskKey) {
    var taskService = execution.getProcessEngineServices().getTaskService();
    ExecutionEntity entity = (ExecutionEntity) execution;
    for (Task task : privileged(() -> taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskKey).list())) {
      Facts facts = new Facts(processName(entity), caseNumber(entity), task.getName(), null, null);
      toPeople(execution.getProcessEngineServices().getIdentityService(), event, task.getId(), facts,
          privileged(() -> taskService.getIdentityLinksForTask(task.getId())), task.getAssignee(),
          execution.getProcessInstanceId());
    }
  }

  private void toTaskPeople(DelegateTask task, NotificationEvent event, List<IdentityLink> links, String assignee) {
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    if (execution == null) {
      return;
    }
    String detail = event == NotificationEvent.STOCK_SHORTAGE && task.getVariable(SHORTAGE_TEXT) instanceof String text
        ? text : null;
    Facts facts = new Facts(processName(execution), caseNumber(execution), task.getName(), null, null, detail);
    toPeople(task.getProcessEngineServices().getIdentityService(), event, task.getId(), facts, links, assignee,
        execution.getProcessInstanceId());
  }

  private void toPeople(IdentityService identity, NotificationEvent event, String taskId, Facts facts,
                        List<IdentityLink> links, String assignee, String processInstanceId) {
    String link = link(taskId);
    if (assignee != null) {
      toUser(identity, assignee, event, taskId, facts, link, processInstanceId, taskId);
      return;
    }
    Set<String> users = new LinkedHashSet<>();
    for (IdentityLink candidate : links) {
      if (!IdentityLinkType.CANDIDATE.equals(candidate.getType())) {
        continue;
      }
      if (candidate.getUserId() != null) {
        users.add(candidate.getUserId());
      } else if (candidate.getGroupId() != null) {
        toGroup(identity, event, taskId, facts, candidate.getGroupId(), link, processInstanceId, taskId, users);
      }
    }
    toUsers(identity, users, event, taskId, facts, link, processInstanceId, taskId);
  }

  /** Groups hear of something that is no task of theirs: each group's robot, and its members by e-mail (each once). */
  private void toGroups(IdentityService identity, NotificationEvent event, String subjectId, Facts facts,
                        List<String> groupIds, String link, String processInstanceId, String taskId) {
    Set<String> users = new LinkedHashSet<>();
    groupIds.forEach(groupId -> toGroup(identity, event, subjectId, facts, groupId, link, processInstanceId, taskId, users));
    toUsers(identity, users, event, subjectId, facts, link, processInstanceId, taskId);
  }

  /** A group's robot hears now; its members, if it mails them, are added to {@code users}. */
  private void toGroup(IdentityService identity, NotificationEvent event, String subjectId, Facts facts, String groupId,
                       String link, String processInstanceId, String taskId, Set<String> users) {
    Preference groupPreference = preferences.of(Kind.GROUP, groupId);
    if (groupPreference.webhookUrl() != null) {
      Group group = privileged(() -> identity.createGroupQuery().groupId(groupId).singleResult());
      Facts forGroup = facts.forGroup(group == null || group.getName() == null ? groupId : group.getName());
      write(event, subjectId, forGroup, link, processInstanceId, taskId,
          Recipient.group(groupId, groupPreference.webhookUrl()));
    }
    if (groupPreference.emailEnabled()) {
      privileged(() -> identity.createUserQuery().memberOfGroup(groupId).listPage(0, MAX_GROUP_MEMBERS))
          .forEach(member -> users.add(member.getId()));
    }
  }

  private void toUser(IdentityService identity, String userId, NotificationEvent event, String subjectId, Facts facts,
                      String link, String processInstanceId, String taskId) {
    toUsers(identity, List.of(userId), event, subjectId, facts, link, processInstanceId, taskId);
  }

  /**
   * Each user hears by the channels he chose, in the order given; their accounts and choices are read with one
   * query each for all of them (a group's members would otherwise cost two queries a person).
   */
  private void toUsers(IdentityService identity, Collection<String> userIds, NotificationEvent event, String subjectId,
                       Facts facts, String link, String processInstanceId, String taskId) {
    // who causes an event needs no message about it
    List<String> recipients = userIds.stream().filter(userId -> !userId.equals(Actor.current())).distinct().toList();
    if (recipients.isEmpty()) {
      return;
    }
    Map<String, User> accounts = privileged(() -> identity.createUserQuery()
        .userIdIn(recipients.toArray(String[]::new)).list()).stream()
        .collect(Collectors.toMap(User::getId, user -> user));
    Map<String, Preference> chosen = preferences.of(Kind.USER, recipients);
    for (String userId : recipients) {
      User user = accounts.get(userId);
      if (user == null) {
        continue;
      }
      Preference preference = chosen.getOrDefault(userId, Preference.DEFAULT);
      String email = preference.emailEnabled() && user.getEmail() != null && !user.getEmail().isBlank()
          ? user.getEmail() : null;
      write(event, subjectId, facts, link, processInstanceId, taskId,
          new Recipient(userId, email, preference.webhookUrl()));
    }
  }

  private void write(NotificationEvent event, String subjectId, Facts facts, String link, String processInstanceId,
                     String taskId, Recipient recipient) {
    Texts texts = event.texts(facts);
    Notice notice = new Notice(event, subjectId, "【" + event.tag() + "】" + texts.subject(), texts.body(), link,
        processInstanceId, taskId);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (recipient.email() != null) {
      outbox.add(notice, recipient, MailChannel.ID, recipient.email(), now);
    }
    if (recipient.webhook() != null) {
      outbox.add(notice, recipient, RobotChannel.ID, recipient.webhook(), now);
    }
  }

  private String link(String taskId) {
    return taskId == null ? base() + TASKLIST : base() + TASKLIST_TASK + taskId;
  }

  private String base() {
    return settings.getBaseUrl().replaceAll("/+$", "");
  }

  /** The ledger's shortage in Chinese: "物品 <编码>（<名称>）库存 1，需要 2"; the message as it is if it reads otherwise. */
  static String shortageText(String ledgerMessage) {
    Matcher m = LEDGER_SHORTAGE.matcher(ledgerMessage);
    return m.find() ? "物品 " + m.group(1) + "（" + m.group(2) + "）库存 " + m.group(3) + "，需要 " + m.group(4) : ledgerMessage;
  }

  private static String processName(ExecutionEntity execution) {
    String name = execution.getProcessDefinition().getName();
    return name == null ? execution.getProcessDefinition().getKey() : name;
  }

  private static String caseNumber(ExecutionEntity execution) {
    String key = execution.getProcessBusinessKey();
    return key == null ? "" : key;
  }

  /** Identity lookups for the engine itself: the acting user may not be allowed to read other users. */
  private static <T> T privileged(Supplier<T> lookup) {
    CommandContext context = Context.getCommandContext();
    return context == null ? lookup.get() : context.runWithoutAuthorization(lookup::get);
  }
}
