package edu.campus.logistics.notifications;

/**
 * What a message tells its recipient, with its Chinese wording (glossary "Notifications"). Every
 * text names only what the recipient may see in Tasklist anyway: the process, the case number, the
 * task, and for a repair the first responder; never a reporter, never what a form holds.
 */
public enum NotificationEvent {

  /** A user task arrived for the recipient or one of their groups (approval, dispatch, work order, follow-up). */
  TASK_ARRIVED("待办"),
  /** 催办: an approval has waited long; the approvers are reminded. */
  REMINDER("催办"),
  /** 升级: an overdue approval went up a level; everyone who may decide it now hears. */
  ESCALATION("升级"),
  /** 督办: an overdue case needs a supervisor (the supervision task arrived). */
  SUPERVISION("督办"),
  /** The requester's purchase request passed every approval level. */
  REQUEST_APPROVED("已批准"),
  REQUEST_REJECTED("已驳回"),
  REQUEST_RETURNED("退回修改"),
  REQUEST_STOCKED("已入库"),
  /** The reporter's repair was taken by a first responder (首问负责人), named in the message. */
  REPAIR_TAKEN("已受理"),
  /** The reporter's repair was dispatched (派工) to a technician or a contractor, named with the due time. */
  REPAIR_DISPATCHED("已派工"),
  /** The reporter's repair is done: please confirm (the follow-up task arrived). */
  REPAIR_DONE("请确认"),
  /**
   * 缺货, to the storekeepers: a repair's parts cannot be issued (it waits for parts), or a
   * requisition's issue task arrives with lines short of stock (in place of its 待办).
   */
  STOCK_SHORTAGE("缺货"),
  /** 库存出错, to the storekeepers and the head of logistics: a ledger step failed for good (an incident in Cockpit). */
  STOCK_INCIDENT("库存出错");

  private final String tag;

  NotificationEvent(String tag) {
    this.tag = tag;
  }

  /** The bracketed word a subject starts with: 【待办】, 【已批准】, … */
  public String tag() {
    return tag;
  }

  /** Subject and body of this event, for a case and maybe a task. */
  Texts texts(Facts facts) {
    String theCase = facts.processName() + " " + facts.caseNumber();
    String task = "「" + facts.taskName() + "」";
    String yours = facts.group() == null ? "您" : facts.group();
    return switch (this) {
      case TASK_ARRIVED -> new Texts(task + "（" + theCase + "）",
          yours + "有一项新的待办：" + theCase + " 的" + task + "。请在任务列表中办理。");
      case REMINDER -> new Texts(task + "待处理（" + theCase + "）",
          theCase + " 的" + task + "已等待较久，请尽快办理。");
      case ESCALATION -> new Texts(task + "已逾期（" + theCase + "）",
          theCase + " 的" + task + "已逾期，已升级到上一级，" + yours + "现在也可以办理。");
      case SUPERVISION -> new Texts(theCase + " 超时待督办",
          theCase + " 已超过时限，请" + yours + "督办：" + task + "。");
      case REQUEST_APPROVED -> new Texts("您的采购申请 " + facts.caseNumber() + " 已批准",
          "您的采购申请 " + facts.caseNumber() + " 已审批通过，转入采购。");
      case REQUEST_REJECTED -> new Texts("您的采购申请 " + facts.caseNumber() + " 已驳回",
          "您的采购申请 " + facts.caseNumber() + " 已驳回，驳回理由请在任务列表中查看。");
      case REQUEST_RETURNED -> new Texts("您的采购申请 " + facts.caseNumber() + " 被退回修改",
          "您的采购申请 " + facts.caseNumber() + " 被退回修改：请在任务列表中查看意见，修改后重新提交或撤回。");
      case REQUEST_STOCKED -> new Texts("您申请的物品已入库（" + facts.caseNumber() + "）",
          "您的采购申请 " + facts.caseNumber() + " 的物品已验收入库，可以到仓库领取。");
      case REPAIR_TAKEN -> new Texts("您的报修 " + facts.caseNumber() + " 已受理",
          "已受理，首问负责人：" + facts.responder() + "。您的报修 " + facts.caseNumber() + " 由其负责到底。");
      case REPAIR_DISPATCHED -> new Texts("您的报修 " + facts.caseNumber() + " 已派工",
          "已派工：" + facts.responder() + (facts.detail() == null ? "" : "，预计 " + facts.detail() + " 前修好")
              + "。您的报修 " + facts.caseNumber() + " 正在处理。");
      case STOCK_SHORTAGE -> new Texts((facts.taskName() == null ? "" : task) + "库存不足（" + theCase + "）",
          theCase + " 库存不足，需要仓库处理" + (facts.detail() == null ? "" : "：" + facts.detail()) + "。"
              + (facts.taskName() == null ? "首问负责人正在等待配件，请安排领用或采购。" : "请在任务列表中办理" + task + "。"));
      case STOCK_INCIDENT -> new Texts("库存操作出错：" + facts.caseNumber() + " " + facts.taskName(),
          "库存操作出错，需要处理：" + facts.caseNumber() + " " + facts.taskName() + "（" + facts.processName()
              + "）。请在 Cockpit 中查看这个故障，排除原因后重试。");
      case REPAIR_DONE -> new Texts("您的报修 " + facts.caseNumber() + " 已修好，请确认",
          "您的报修 " + facts.caseNumber() + " 已维修完成，请在任务列表中确认是否修好并评价。");
    };
  }

  /**
   * What the texts may name. {@code responder}: the person a repair is with (first responder,
   * technician or contractor); {@code group}: the group's name when the message goes to a group's
   * robot; {@code detail}: the due time of a dispatch, the lines short of stock.
   */
  record Facts(String processName, String caseNumber, String taskName, String responder, String group, String detail) {

    Facts(String processName, String caseNumber, String taskName, String responder, String group) {
      this(processName, caseNumber, taskName, responder, group, null);
    }

    Facts forGroup(String groupName) {
      return new Facts(processName, caseNumber, taskName, responder, groupName, detail);
    }
  }

  record Texts(String subject, String body) {
  }
}
