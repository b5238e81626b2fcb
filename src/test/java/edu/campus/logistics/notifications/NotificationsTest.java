package edu.campus.logistics.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.notifications.Outbox.Message;
import edu.campus.logistics.notifications.Outbox.Status;
import edu.campus.logistics.repair.RepairVariables;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Who hears what, in which words: the events of procurement, repair and feedback reach their people
 * by e-mail (GreenMail on loopback) with a link to the task in Tasklist.
 */
class NotificationsTest extends NotificationScenario {

  @Autowired
  LedgerService ledger;
  @Value("${campus.time-zone}")
  ZoneId schoolZone;

  @Test
  void theReporterHearsToWhomTheRepairWasDispatchedAndUntilWhenOnceARefusedDispatchSentNothing() throws Exception {
    ProcessInstance repair = reportRepair("zhangwei");
    Task dispatch = driver.task(repair, "Task_DispatchRepair");
    driver.claim("zhengkai", dispatch);

    assertThatThrownBy(() -> driver.complete("zhengkai", dispatch,
        Map.of(RepairVariables.DISPATCH_MODE, "technician", RepairVariables.TECHNICIAN, "wangfang")))
        .hasMessageContaining("维修工取值无效");
    assertThat(outbox.ofCase(repair.getId())).as("a refused dispatch is rolled back with its message")
        .noneMatch(m -> m.event() == NotificationEvent.REPAIR_DISPATCHED);

    driver.complete("zhengkai", dispatch,
        Map.of(RepairVariables.DISPATCH_MODE, "technician", RepairVariables.TECHNICIAN, "majian"));
    drain();

    Date due = (Date) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(repair.getId())
        .variableName(RepairVariables.RESOLUTION_DUE_AT).singleResult().getValue();
    String dueText = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(due.toInstant().atZone(schoolZone));
    List<MimeMessage> toReporter = mailsTo("zhangwei@school.example", repair.getBusinessKey() + " 已派工");
    assertThat(toReporter).hasSize(1);
    assertThat(toReporter.get(0).getSubject()).isEqualTo("【已派工】您的报修 " + repair.getBusinessKey() + " 已派工");
    assertThat(body(toReporter.get(0))).contains("已派工：维修工 马建，预计 " + dueText + " 前修好",
            "http://localhost:8080/camunda/app/tasklist/default/")
        .doesNotContain("majian", "水龙头漏水");
    assertThat(outbox.ofCase(repair.getId())).filteredOn(m -> m.event() == NotificationEvent.REPAIR_DISPATCHED)
        .as("one message, to the reporter only").extracting(Message::recipient).containsExactly("zhangwei");
  }

  @Test
  void aRepairShortOfPartsTellsTheStorekeeperWhichItemAndNothingWhenThePartsAreThere() throws Exception {
    String valve = stockedItem("角阀", "个", "1");
    ProcessInstance repair = repairWorkedOn(List.of(Map.of("itemCode", valve, "quantity", 3)));
    driver.executeJobs(repair);
    assertThat(driver.waitsAt(repair, "Task_WaitForParts")).isTrue();

    drain();

    List<MimeMessage> toStorekeeper = mailsTo("wuxiaohong@school.example", repair.getBusinessKey());
    assertThat(toStorekeeper).hasSize(1);
    assertThat(toStorekeeper.get(0).getSubject()).isEqualTo("【缺货】库存不足（维修申报 " + repair.getBusinessKey() + "）");
    assertThat(body(toStorekeeper.get(0))).contains("库存不足，需要仓库处理：物品 " + valve + "（角阀）库存 1，需要 3",
        "首问负责人正在等待配件");
    assertThat(outbox.ofCase(repair.getId())).filteredOn(m -> m.event() == NotificationEvent.STOCK_SHORTAGE)
        .as("the warehouse only: not the reporter").extracting(Message::recipient).containsExactly("wuxiaohong");

    receive(valve, "5");
    driver.complete("zhengkai", driver.task(repair, "Task_WaitForParts"), Map.of(RepairVariables.PARTS_NOTE, "已到货"));
    recordWork(repair, List.of(Map.of("itemCode", valve, "quantity", 3)));
    driver.executeJobs(repair);
    assertThat(driver.waitsAt(repair, "Task_ConfirmRepair")).isTrue();
    assertThat(outbox.ofCase(repair.getId())).as("parts in stock: no second shortage")
        .filteredOn(m -> m.event() == NotificationEvent.STOCK_SHORTAGE).hasSize(1);
  }

  @Test
  void aRequisitionShortOfStockReachesTheWarehouseAsAShortageInsteadOfANewTask() throws Exception {
    String tube = stockedItem("测试灯管", "支", "2");
    String webhook = "http://127.0.0.1:" + robot.getAddress().getPort() + "/robot/send?access_token=secret";
    preferences.set(Preferences.Kind.GROUP, "warehouse", new Preferences.Preference(true, webhook), "admin");
    try {
      String lines = JsonVariable.MAPPER.writeValueAsString(List.of(Map.of("itemCode", tube, "quantity", 5, "purpose", "教学使用")));
      ProcessInstance requisition = driver.as("zhangwei", () -> engine.getRuntimeService().startProcessInstanceByKey(
          ProcessKeys.REQUISITION, Map.of("lines", SpinValues.jsonValue(lines).create())));
      driver.claimAndComplete("wuxiaohong", driver.task(requisition, "Task_ApproveRequisition"),
          Map.of("decision", "approve", "comment", "同意"));
      Task issue = driver.task(requisition, "Task_IssueGoods");

      List<Message> toWarehouse = outbox.ofCase(requisition.getId()).stream()
          .filter(m -> m.taskId() != null && m.taskId().equals(issue.getId())).toList();
      assertThat(toWarehouse).as("the group's robot hears it; the storekeeper who approved needs no mail")
          .singleElement().satisfies(message -> {
            assertThat(message.event()).isEqualTo(NotificationEvent.STOCK_SHORTAGE);
            assertThat(message.recipient()).isEqualTo("group:warehouse");
            assertThat(message.subject()).isEqualTo("【缺货】「发放物品」库存不足（物品领用 " + requisition.getBusinessKey() + "）");
            assertThat(message.body()).contains("库存不足，需要仓库处理：测试灯管 缺3支", "请在任务列表中办理「发放物品」");
            assertThat(message.link()).endsWith("#/?task=" + issue.getId());
          });
      drain();
      assertThat(robotCalls).anyMatch(call -> call.contains("测试灯管 缺3支"));
    } finally {
      preferences.reset(Preferences.Kind.GROUP, "warehouse");
    }
  }

  @Test
  void aRepairPartsPostingThatFailsForGoodTellsTheStorekeeperAndTheHeadOnceAndTheIncidentStays() throws Exception {
    ProcessInstance repair = repairWithBrokenPartsPosting();

    exhaustRetries(repair);

    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(repair.getId()).singleResult();
    assertThat(incident).as("the incident Cockpit shows").isNotNull();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo("Task_PostPartsUsed");
    List<Message> news = outbox.ofCase(repair.getId()).stream()
        .filter(m -> m.event() == NotificationEvent.STOCK_INCIDENT).toList();
    assertThat(news).as("exactly one message to the warehouse (its one member) and to the head of logistics")
        .extracting(Message::recipient).containsExactlyInAnyOrder("wuxiaohong", "gaoming");
    drain();
    List<MimeMessage> toStorekeeper = mailsTo("wuxiaohong@school.example", repair.getBusinessKey());
    assertThat(toStorekeeper).hasSize(1);
    assertThat(toStorekeeper.get(0).getSubject()).isEqualTo("【库存出错】库存操作出错：" + repair.getBusinessKey() + " 配件出库");
    assertThat(body(toStorekeeper.get(0))).contains("库存操作出错，需要处理：" + repair.getBusinessKey() + " 配件出库（维修申报）",
        "http://localhost:8080/camunda/app/cockpit/default/#/process-instance/" + repair.getId() + "/runtime");
  }

  @Test
  void anIncidentWhoseMessageCannotBeWrittenIsStillRecorded() throws Exception {
    ProcessInstance repair = repairWithBrokenPartsPosting();
    // the outbox refuses this case's 库存出错 row (other cases' rows stand, whatever the shared database holds)
    jdbc.execute("alter table notification_outbox add constraint ck_test_no_incident_news check (event <> 'STOCK_INCIDENT'"
        + " or process_instance_id <> '" + repair.getId() + "')");
    try {
      exhaustRetries(repair);
    } finally {
      jdbc.execute("alter table notification_outbox drop constraint ck_test_no_incident_news");
    }

    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(repair.getId())
        .incidentType(Incident.FAILED_JOB_HANDLER_TYPE).count()).as("the outbox refused the message; the incident stands")
        .isEqualTo(1);
    assertThat(outbox.ofCase(repair.getId())).noneMatch(m -> m.event() == NotificationEvent.STOCK_INCIDENT);
  }

  /** zhangwei's repair, dispatched by zhengkai to majian, who recorded his work with these parts. */
  private ProcessInstance repairWorkedOn(List<Map<String, Object>> parts) {
    ProcessInstance repair = reportRepair("zhangwei");
    driver.claim("zhengkai", driver.task(repair, "Task_DispatchRepair"));
    driver.complete("zhengkai", driver.task(repair, "Task_DispatchRepair"),
        Map.of(RepairVariables.DISPATCH_MODE, "technician", RepairVariables.TECHNICIAN, "majian"));
    recordWork(repair, parts);
    return repair;
  }

  private void recordWork(ProcessInstance repair, List<Map<String, Object>> parts) {
    driver.complete("majian", driver.task(repair, "Task_RepairWork"), Map.of(RepairVariables.WORK_DONE, "更换配件",
        RepairVariables.CAUSE, "wear", RepairVariables.PARTS_USED, parts, RepairVariables.REPAIR_COST, 0));
  }

  /** A catalogue item of its own with {@code onHand} units in stock; its code. */
  private String stockedItem(String name, String unit, String onHand) {
    String code = "NT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ledger.registerItem(new NewItem(code, name, "通知测试", unit, ItemCategory.OFFICE.id(), BigDecimal.ZERO));
    receive(code, onHand);
    return code;
  }

  private void receive(String code, String quantity) {
    ledger.receive(Voucher.manual("NT-" + UUID.randomUUID(), "wuxiaohong"),
        List.of(StockLine.of(code, new BigDecimal(quantity), new BigDecimal("20"))));
  }

  /** A repair whose parts posting (Task_PostPartsUsed, R3/PT5M) will fail: its parts are not a list any more. */
  private ProcessInstance repairWithBrokenPartsPosting() {
    ProcessInstance repair = repairWorkedOn(List.of());
    engine.getRuntimeService().setVariable(repair.getId(), RepairVariables.PARTS_USED,
        SpinValues.jsonValue("{\"broken\":true}").create());
    return repair;
  }

  /** Runs the posting job as the job executor would, at each due time, until its retries are gone. */
  private void exhaustRetries(ProcessInstance repair) {
    ClockUtil.setCurrentTime(new Date());
    for (int attempt = 1; attempt <= 3; attempt++) {
      Job job = engine.getManagementService().createJobQuery().processInstanceId(repair.getId())
          .activityId("Task_PostPartsUsed").singleResult();
      ClockUtil.setCurrentTime(job.getDuedate() == null ? ClockUtil.getCurrentTime() : job.getDuedate());
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).hasMessageContaining("所用配件必须是列表");
      if (attempt < 3) {
        assertThat(outbox.ofCase(repair.getId())).as("a failure with retries left is no incident and no message")
            .noneMatch(m -> m.event() == NotificationEvent.STOCK_INCIDENT);
      }
    }
  }

  @Test
  void aNewApprovalTaskMailsTheApproversWithALinkToTheTask() throws Exception {
    ProcessInstance request = startProcurement("zhangwei", "2", "50");
    Task approval = driver.task(request, "Task_ApproveRequest");

    drain();

    List<MimeMessage> mails = mailsTo("wangfang@school.example", approval.getId());
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).isEqualTo("【待办】「审批采购申请（总务主任）」（物品采购 " + request.getBusinessKey() + "）");
    assertThat(GreenMailUtil.getBody(mail)).isNotEmpty();
    assertThat(body(mail)).contains("您有一项新的待办", request.getBusinessKey(),
        "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + approval.getId());
    assertThat(outbox.ofCase(request.getId())).filteredOn(m -> m.recipient().equals("wangfang"))
        .extracting(Message::status).containsExactly(Status.SENT);
    assertThat(outbox.ofCase(request.getId())).as("the requester is not told of their own start")
        .noneMatch(m -> m.recipient().equals("zhangwei"));
  }

  @Test
  void aDispatchTaskMailsEveryMemberOfTheGroupAndTheReporterHearsWhoTookTheRepair() throws Exception {
    ProcessInstance repair = reportRepair("zhangwei");
    Task dispatch = driver.task(repair, "Task_DispatchRepair");

    driver.claim("zhengkai", dispatch);
    drain();

    assertThat(mailsTo("zhengkai@school.example", dispatch.getId())).hasSize(1);
    assertThat(mailsTo("fengxue@school.example", dispatch.getId())).hasSize(1);
    List<MimeMessage> toReporter = mailsTo("zhangwei@school.example", repair.getBusinessKey());
    assertThat(toReporter).hasSize(1);
    assertThat(toReporter.get(0).getSubject()).isEqualTo("【已受理】您的报修 " + repair.getBusinessKey() + " 已受理");
    assertThat(body(toReporter.get(0))).contains("已受理，首问负责人：郑凯");
    assertThat(outbox.ofCase(repair.getId())).as("one message per event and person: the claim adds none for zhengkai")
        .filteredOn(m -> m.recipient().equals("zhengkai")).hasSize(1);
  }

  @Test
  void theRequesterHearsApprovedAndRejected() throws Exception {
    ProcessInstance approved = startProcurement("zhangwei", "2", "50");
    decide(approved, "wangfang", "approve", "同意");
    ProcessInstance rejected = startProcurement("zhangwei", "3", "40");
    decide(rejected, "wangfang", "reject", "预算已用完");

    drain();

    assertThat(mailsTo("zhangwei@school.example", approved.getBusinessKey())).extracting(MimeMessage::getSubject)
        .containsExactly("【已批准】您的采购申请 " + approved.getBusinessKey() + " 已批准");
    assertThat(mailsTo("zhangwei@school.example", rejected.getBusinessKey())).extracting(MimeMessage::getSubject)
        .containsExactly("【已驳回】您的采购申请 " + rejected.getBusinessKey() + " 已驳回");
  }

  @Test
  void usersChooseTheirChannelsAndBadChoicesAreRefused() {
    Answer mine = http.get("/api/notifications/preferences", "zhangwei");
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    assertThat(mine.json().path("email").asText()).isEqualTo("zhangwei@school.example");
    assertThat(mine.json().path("emailEnabled").asBoolean()).isTrue();

    Answer unknownHost = put("/api/notifications/preferences", "zhangwei",
        Map.of("emailEnabled", true, "webhookUrl", "https://attacker.example/hook"));
    assertThat(unknownHost.status()).isEqualTo(400);
    assertThat(unknownHost.message()).contains("不在允许的列表中");
    Answer unknownField = put("/api/notifications/preferences", "zhangwei", Map.of("emailEnabled", true, "email", "x@y.z"));
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.message()).contains("未知字段 email");
    assertThat(http.send("PUT", "/api/notifications/groups/logistics-staff", "zhangwei", "zhangwei",
        "application/json", TestHttp.json(Map.of("emailEnabled", false))).status()).as("only administrators").isEqualTo(403);
    assertThat(preferences.of(Preferences.Kind.USER, "zhangwei").emailEnabled()).isTrue();

    Answer off = put("/api/notifications/preferences", "zhangwei", Map.of("emailEnabled", false));
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    ProcessInstance request = startProcurement("zhangwei", "2", "50");
    decide(request, "wangfang", "approve", "同意");
    assertThat(outbox.ofCase(request.getId())).as("e-mail off: nothing for zhangwei")
        .noneMatch(m -> m.recipient().equals("zhangwei"));

    // a group's members and their choices are read together: the buyer who turned e-mail off hears nothing
    // of the new purchase task, the other buyer still does
    assertThat(put("/api/notifications/preferences", "zhouqiang", Map.of("emailEnabled", false)).status())
        .isEqualTo(200);
    ProcessInstance second = startProcurement("liuyang", "2", "50");
    decide(second, "wangfang", "approve", "同意");
    String purchase = driver.task(second, "Task_PurchaseGoods").getId();
    assertThat(outbox.ofCase(second.getId())).filteredOn(m -> purchase.equals(m.taskId()))
        .extracting(Message::recipient).contains("zhaolei").doesNotContain("zhouqiang");
  }

  @Test
  void theApproversHearTheReminderAndTheEscalationReachesTheNextLevel() throws Exception {
    ProcessInstance request = startProcurement("zhangwei", "2", "50");
    String approval = driver.task(request, "Task_ApproveRequest").getId();

    driver.fire(request, "Timer_RemindApprover");
    driver.fire(request, "Timer_EscalateApproval");
    drain();

    assertThat(mailsTo("wangfang@school.example", approval)).extracting(MimeMessage::getSubject)
        .anyMatch(subject -> subject.startsWith("【催办】「审批采购申请"))
        .anyMatch(subject -> subject.startsWith("【升级】「审批采购申请"));
    assertThat(mailsTo("lijianguo@school.example", approval)).as("the principal may decide it now")
        .extracting(MimeMessage::getSubject).singleElement().asString().startsWith("【升级】");
  }

  @Test
  void anOverdueRepairBringsTheSupervisionToTheLogisticsHead() throws Exception {
    ProcessInstance repair = reportRepair("zhangwei");

    driver.fire(repair, "Timer_ResponseOverdue");
    drain();

    String supervision = driver.task(repair, "Task_SuperviseRepair").getId();
    assertThat(mailsTo("gaoming@school.example", supervision)).extracting(MimeMessage::getSubject)
        .containsExactly("【督办】维修申报 " + repair.getBusinessKey() + " 超时待督办");
  }

  @Test
  void theReporterIsAskedToConfirmAndTheRequesterHearsOfARevision() throws Exception {
    ProcessInstance repair = repairWorkedOn(List.of());
    driver.executeJobs(repair);
    ProcessInstance request = startProcurement("zhangwei", "2", "50");
    decide(request, "wangfang", "revise", "请说明用途");

    drain();

    String confirm = driver.task(repair, "Task_ConfirmRepair").getId();
    assertThat(mailsTo("zhangwei@school.example", confirm)).extracting(MimeMessage::getSubject)
        .containsExactly("【请确认】您的报修 " + repair.getBusinessKey() + " 已修好，请确认");
    assertThat(mailsTo("majian@school.example", repair.getBusinessKey())).as("the technician's work order")
        .extracting(MimeMessage::getSubject).containsExactly("【待办】「维修作业」（维修申报 " + repair.getBusinessKey() + "）");
    assertThat(mailsTo("zhangwei@school.example", request.getBusinessKey())).extracting(MimeMessage::getSubject)
        .containsExactly("【退回修改】您的采购申请 " + request.getBusinessKey() + " 被退回修改");
  }

  @Test
  void anAnonymousFeedbacksReporterIsNeverNamedAndHearsNothing() {
    ProcessInstance feedback = driver.as("liuyang", () -> engine.getRuntimeService()
        .createProcessInstanceByKey(ProcessKeys.FEEDBACK).setVariables(Map.of("feedbackType", "complaint", "area", "gate",
            "content", "门卫态度生硬", "anonymous", true)).execute());

    List<Message> messages = outbox.ofCase(feedback.getId());
    assertThat(messages).as("the handlers hear of the new feedback").extracting(Message::recipient)
        .contains("zhengkai", "fengxue");
    assertThat(messages).noneMatch(m -> m.recipient().equals("liuyang"));
    assertThat(messages).allSatisfy(m -> assertThat(m.subject() + m.body() + m.link())
        .doesNotContain("liuyang", "刘洋", "门卫态度生硬"));
  }
}
