package edu.campus.logistics.notifications;

import static edu.campus.logistics.notifications.NotificationEvent.ESCALATION;
import static edu.campus.logistics.notifications.NotificationEvent.REMINDER;
import static edu.campus.logistics.notifications.NotificationEvent.REPAIR_DONE;
import static edu.campus.logistics.notifications.NotificationEvent.REQUEST_APPROVED;
import static edu.campus.logistics.notifications.NotificationEvent.REQUEST_REJECTED;
import static edu.campus.logistics.notifications.NotificationEvent.REQUEST_RETURNED;
import static edu.campus.logistics.notifications.NotificationEvent.REQUEST_STOCKED;
import static edu.campus.logistics.notifications.NotificationEvent.SUPERVISION;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where in the models the messages come from, by {@code <process key>:<element id>} — the few
 * places a generic hook cannot tell apart. Every other user task of every process sends
 * {@link NotificationEvent#TASK_ARRIVED} to whom it is for. The ids are the models' (Modeler ids the
 * process owners keep); the variable names are the processes' vocabularies' ({@code requesterId},
 * {@code reporterId}, {@code firstResponder}, …), named here because this shared package knows no process.
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

  /** The repair's dispatch (its completion): the reporter hears to whom, and until when. */
  static final String REPAIR_DISPATCH = REPAIR_TAKING;

  /** The boundary event on which a repair's parts are short (Task_PostPartsUsed's STOCK_SHORTAGE): the storekeepers hear. */
  static final String REPAIR_SHORTAGE = ProcessKeys.REPAIR + ":Event_StockShortage";

  /**
   * A requisition's issue task: when it arrives with lines short of stock ({@link #SHORTAGE} true),
   * its candidates hear 缺货 with the lines ({@link #SHORTAGE_TEXT}) instead of 待办.
   */
  static final String REQUISITION_ISSUE = ProcessKeys.REQUISITION + ":Task_IssueGoods";

  /**
   * Steps that post to the stock ledger (asynchronous, retried): when one fails for good, the
   * incident is news for {@link #STOCK_KEEPERS} (库存出错). A stock-reorder proposal is a user task
   * of the warehouse already and arrives as 待办.
   */
  static final Set<String> LEDGER_STEPS = Set.of(
      ProcessKeys.PROCUREMENT + ":Task_StockGoods",
      ProcessKeys.REQUISITION + ":Task_PostIssue",
      ProcessKeys.REQUISITION + ":Task_ReserveBackorder",
      ProcessKeys.STOCKTAKE + ":Task_PostAdjustments",
      ProcessKeys.REPAIR + ":Task_PostPartsUsed");

  /** Who hears of a shortage. */
  static final List<String> STOREKEEPERS = List.of(CampusGroup.WAREHOUSE.id());
  /** Who hears of a ledger step's incident. */
  static final List<String> STOCK_KEEPERS = List.of(CampusGroup.WAREHOUSE.id(), CampusGroup.LOGISTICS_HEAD.id());

  static final String REQUESTER = "requesterId";
  static final String REPORTER = "reporterId";
  static final String FIRST_RESPONDER = "firstResponder";
  static final String DISPATCH_MODE = "dispatchMode";
  static final String TECHNICIAN = "technician";
  static final String CONTRACTOR = "contractor";
  static final String RESOLUTION_DUE_AT = "resolutionDueAt";
  static final String SHORTAGE_MESSAGE = "shortageMessage";
  static final String SHORTAGE = "shortage";
  static final String SHORTAGE_TEXT = "shortageText";

  private NotificationHooks() {
  }
}
