package edu.campus.logistics.notifications;

import static edu.campus.logistics.notifications.NotificationEvent.ESCALATION;
import static edu.campus.logistics.notifications.NotificationEvent.REMINDER;
import static edu.campus.logistics.notifications.NotificationEvent.REPAIR_DONE;
import static edu.campus.logistics.notifications.NotificationEvent.REQUEST_APPROVED;
import static edu.campus.logistics.notifications.NotificationEvent.REQUEST_REJECTED;
import static edu.campus.logistics.notifications.NotificationEvent.REQUEST_RETURNED;
import static edu.campus.logistics.notifications.NotificationEvent.REQUEST_STOCKED;
import static edu.campus.logistics.notifications.NotificationEvent.SUPERVISION;

import edu.campus.logistics.identity.ProcessKeys;
import java.util.Map;
import java.util.Set;

/**
 * Where in the models the messages come from, by {@code <process key>:<element id>} — the few
 * places a generic hook cannot tell apart. Every other user task of every process sends
 * {@link NotificationEvent#TASK_ARRIVED} to whom it is for. The ids are the models' (Modeler ids the
 * process owners keep); the variable names are the processes' vocabularies' ({@code requesterId},
 * {@code reporterId}, {@code firstResponder}), named here because this shared package knows no process.
 */
final class NotificationHooks {

  /** User tasks whose arrival means more than "a new task": the requester's and reporter's news, supervision. */
  static final Map<String, NotificationEvent> TASK_EVENTS = Map.of(
      ProcessKeys.PROCUREMENT + ":Task_ReadRejection", REQUEST_REJECTED,
      ProcessKeys.PROCUREMENT + ":Task_ReviseRequest", REQUEST_RETURNED,
      ProcessKeys.PROCUREMENT + ":Task_ReadStockNotice", REQUEST_STOCKED,
      ProcessKeys.REPAIR + ":Task_ConfirmRepair", REPAIR_DONE,
      ProcessKeys.REPAIR + ":Task_SuperviseRepair", SUPERVISION,
      ProcessKeys.FEEDBACK + ":Task_SuperviseFeedback", SUPERVISION);

  /**
   * User tasks that send nothing: a feedback's rating is the reporter's own task, and the reporter
   * may be anonymous — no message may carry, or depend on, who they are.
   */
  static final Set<String> SILENT_TASKS = Set.of(ProcessKeys.FEEDBACK + ":Task_RateReply");

  /** Sequence flows whose taking is news for the case's requester. */
  static final Map<String, NotificationEvent> FLOW_EVENTS = Map.of(
      ProcessKeys.PROCUREMENT + ":Flow_Approved", REQUEST_APPROVED);

  /** Service tasks that act on an open user task (its key): when they end, that task's people hear. */
  record TaskNudge(NotificationEvent event, String taskKey) {
  }

  static final Map<String, TaskNudge> NUDGES = Map.of(
      ProcessKeys.PROCUREMENT + ":Task_RemindApprover", new TaskNudge(REMINDER, "Task_ApproveRequest"),
      ProcessKeys.PROCUREMENT + ":Task_EscalateApproval", new TaskNudge(ESCALATION, "Task_ApproveRequest"));

  /** The task on which a repair's first responder takes it (首问负责): its first assignment tells the reporter. */
  static final String REPAIR_TAKING = ProcessKeys.REPAIR + ":Task_DispatchRepair";

  static final String REQUESTER = "requesterId";
  static final String REPORTER = "reporterId";
  static final String FIRST_RESPONDER = "firstResponder";

  private NotificationHooks() {
  }
}
