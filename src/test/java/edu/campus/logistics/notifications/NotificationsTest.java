package edu.campus.logistics.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import edu.campus.logistics.CampusTest;
import edu.campus.logistics.CaseDriver;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.notifications.Outbox.Message;
import edu.campus.logistics.notifications.Outbox.Status;
import edu.campus.logistics.repair.RepairVariables;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications against real servers on loopback: GreenMail as the school's SMTP server, the JDK's
 * HTTP server as a group's chat robot. The processes run in the shared application; the deliverer is
 * called by the test (its schedule is off in the test profile), and the channels are pointed at the
 * test servers through their settings, reset afterwards.
 */
@CampusTest
class NotificationsTest {

  private static final int SMTP_PORT = freePort();

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @Autowired
  ProcessEngine engine;
  @Autowired
  NotificationSettings settings;
  @Autowired
  OutboxDeliverer deliverer;
  @Autowired
  Outbox outbox;
  @Autowired
  Preferences preferences;
  @Autowired
  PlatformTransactionManager transactions;
  @LocalServerPort
  int port;

  CaseDriver driver;
  TestHttp http;
  HttpServer robot;
  final List<String> robotCalls = new CopyOnWriteArrayList<>();
  volatile int robotStatus = 200;

  private String mailHost;
  private int mailPort;
  private List<String> allowedHosts;
  private int maxAttempts;

  @BeforeEach
  void pointChannelsAtTheTestServers() throws IOException {
    driver = new CaseDriver(engine);
    http = new TestHttp(port);
    mailHost = settings.getMail().getHost();
    mailPort = settings.getMail().getPort();
    allowedHosts = settings.getRobot().getAllowedHosts();
    maxAttempts = settings.getDelivery().getMaxAttempts();
    settings.getMail().setHost("127.0.0.1");
    settings.getMail().setPort(SMTP_PORT);
    settings.getRobot().setAllowedHosts(List.of("127.0.0.1"));
    robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    robot.createContext("/robot/send", exchange -> {
      robotCalls.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] answer = (robotStatus == 200 ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"error\":\"down\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(robotStatus, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    robot.start();
    // what other tests of the shared context left in the outbox goes out first
    drain();
    SMTP.reset();
  }

  @AfterEach
  void resetChannels() {
    robot.stop(0);
    settings.getMail().setHost(mailHost);
    settings.getMail().setPort(mailPort);
    settings.getRobot().setAllowedHosts(allowedHosts);
    settings.getDelivery().setMaxAttempts(maxAttempts);
    preferences.reset(Preferences.Kind.GROUP, "logistics-staff");
    preferences.reset(Preferences.Kind.USER, "zhangwei");
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
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
  void aRefusedCompletionWritesNothingToTheOutbox() {
    ProcessInstance request = startProcurement("zhangwei", "2", "50");
    Task approval = driver.task(request, "Task_ApproveRequest");
    driver.claim("wangfang", approval);
    List<Message> before = outbox.ofCase(request.getId());

    Answer refused = http.postJson("/engine-rest/task/" + approval.getId() + "/complete", "wangfang",
        TestHttp.json(Map.of("variables", Map.of("decision", Map.of("value", "reject"), "comment", Map.of("value", "")))));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(outbox.ofCase(request.getId())).isEqualTo(before);
  }

  @Test
  void aStepRolledBackAfterItWroteItsMessagesLeavesNone() {
    String businessKey = "NT-" + UUID.randomUUID();
    List<String> started = new ArrayList<>();
    try {
      new TransactionTemplate(transactions).executeWithoutResult(status -> {
        ProcessInstance instance = driver.as("zhangwei", () -> engine.getRuntimeService()
            .createProcessInstanceByKey(ProcessKeys.REPAIR).businessKey(businessKey).setVariables(repairReport()).execute());
        started.add(instance.getId());
        assertThat(outbox.ofCase(instance.getId())).as("written in the step's transaction").isNotEmpty();
        throw new IllegalStateException("the step fails after the task was created");
      });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    assertThat(started).hasSize(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.get(0)).count()).isZero();
    assertThat(outbox.ofCase(started.get(0))).isEmpty();
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
  void aFailingRobotIsRetriedWithBackoffThenReportedFailed() throws Exception {
    robotStatus = 500;
    settings.getDelivery().setMaxAttempts(3);
    String webhook = "http://127.0.0.1:" + robot.getAddress().getPort() + "/robot/send?access_token=secret";
    Answer set = http.send("PUT", "/api/notifications/groups/logistics-staff", "admin", "admin", "application/json",
        TestHttp.json(Map.of("emailEnabled", true, "webhookUrl", webhook)));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    Date start = new Date();
    ClockUtil.setCurrentTime(start);
    ProcessInstance repair = reportRepair("liuyang");
    Message robotMessage = robotMessage(repair);

    drain();
    assertThat(robotCalls).hasSize(1);
    assertThat(outbox.get(robotMessage.id()).status()).isEqualTo(Status.PENDING);
    assertThat(outbox.get(robotMessage.id()).nextAttemptAt()).isEqualTo(start.toInstant().plus(Duration.ofMinutes(1)));
    drain();
    assertThat(robotCalls).as("not before the backoff").hasSize(1);

    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofMinutes(1))));
    drain();
    assertThat(robotCalls).hasSize(2);
    assertThat(outbox.get(robotMessage.id()).nextAttemptAt()).as("the wait doubles")
        .isEqualTo(start.toInstant().plus(Duration.ofMinutes(3)));
    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofMinutes(3))));
    drain();

    assertThat(robotCalls).hasSize(3);
    Message failed = outbox.get(robotMessage.id());
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.lastError()).isEqualTo("机器人返回 HTTP 500");
    ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofHours(2))));
    drain();
    assertThat(robotCalls).as("never tried again").hasSize(3);
    assertThat(robotCalls.get(0)).startsWith("{\"msgtype\":\"text\",\"text\":{\"content\":\"【待办】「受理派工」")
        .contains("后勤人员有一项新的待办");

    Answer report = http.get("/api/notifications/failed", "gaoming");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.json().findValues("id")).extracting(node -> node.asLong()).contains(failed.id());
    assertThat(report.body()).contains("机器人返回 HTTP 500").doesNotContain("access_token");
    assertThat(http.get("/api/notifications/failed", "zhangwei").status()).isEqualTo(403);
  }

  @Test
  void twoDeliverersAtOnceSendEachMessageOnce() throws Exception {
    List<ProcessInstance> repairs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      repairs.add(reportRepair("liuyang"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> {
          go.await();
          return deliverer.deliverDue();
        }));
      }
      go.countDown();
      int claimed = 0;
      for (Future<Integer> run : runs) {
        claimed += run.get(60, TimeUnit.SECONDS);
      }
      assertThat(claimed).as("each message claimed by one of them").isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
    drain();
    assertThat(deliverer.deliverDue()).as("a further run finds nothing to send").isZero();

    for (ProcessInstance repair : repairs) {
      String taskId = driver.task(repair, "Task_DispatchRepair").getId();
      assertThat(mailsTo("zhengkai@school.example", taskId)).hasSize(1);
      assertThat(mailsTo("fengxue@school.example", taskId)).hasSize(1);
    }
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
  }

  @Test
  void withoutSmtpTheMessageIsLoggedNotSent() throws Exception {
    settings.getMail().setHost("");
    ProcessInstance request = startProcurement("zhangwei", "2", "50");

    drain();

    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(outbox.ofCase(request.getId())).filteredOn(m -> m.recipient().equals("wangfang"))
        .extracting(Message::status).containsExactly(Status.LOGGED);
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
    ProcessInstance repair = reportRepair("zhangwei");
    driver.claim("zhengkai", driver.task(repair, "Task_DispatchRepair"));
    driver.complete("zhengkai", driver.task(repair, "Task_DispatchRepair"),
        Map.of(RepairVariables.DISPATCH_MODE, "technician", RepairVariables.TECHNICIAN, "majian"));
    driver.complete("majian", driver.task(repair, "Task_RepairWork"), Map.of(RepairVariables.WORK_DONE, "更换水龙头",
        RepairVariables.CAUSE, "wear", RepairVariables.PARTS_USED, List.of(), RepairVariables.REPAIR_COST, 0));
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

  // --- helpers

  private Answer put(String path, String user, Map<String, Object> body) {
    return http.send("PUT", path, user, user, "application/json", TestHttp.json(body));
  }

  private Message robotMessage(ProcessInstance repair) {
    return outbox.ofCase(repair.getId()).stream().filter(m -> m.channel().equals(RobotChannel.ID))
        .filter(m -> m.recipient().equals("group:logistics-staff")).findFirst().orElseThrow();
  }

  /** Runs the deliverer until nothing is due (bounded). */
  private void drain() {
    for (int round = 0; round < 200 && deliverer.deliverDue() > 0; round++) {
      // next batch
    }
  }

  /** The mails GreenMail received for an address that mention a text (a task id, a case number). */
  private List<MimeMessage> mailsTo(String address, String mentioning) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
      try {
        return Arrays.stream(mail.getAllRecipients()).anyMatch(r -> r.toString().equals(address))
            && (mail.getSubject().contains(mentioning) || body(mail).contains(mentioning));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String body(MimeMessage mail) {
    try {
      return mail.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ProcessInstance startProcurement(String requester, String quantity, String unitPrice) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("name", "白板笔");
    line.put("spec", "通知测试 " + UUID.randomUUID());
    line.put("category", "office");
    line.put("unit", "盒");
    line.put("quantity", new BigDecimal(quantity));
    line.put("unitPrice", new BigDecimal(unitPrice));
    Map<String, Object> variables = new HashMap<>();
    variables.put("department", "语文组");
    variables.put("reason", "新学期教学需要");
    variables.put("neededBy", LocalDate.now().plusDays(14).toString());
    try {
      variables.put("items", SpinValues.jsonValue(JsonVariable.MAPPER.writeValueAsString(List.of(line))).create());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return driver.as(requester, () -> engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.PROCUREMENT,
        "NT-" + UUID.randomUUID(), variables));
  }

  private void decide(ProcessInstance request, String approver, String decision, String comment) {
    driver.claimAndComplete(approver, driver.task(request, "Task_ApproveRequest"),
        Map.of("decision", decision, "comment", comment));
  }

  private static Map<String, Object> repairReport() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("location", "教学楼三楼卫生间");
    variables.put("category", "plumbing");
    variables.put("description", "三楼卫生间水龙头漏水");
    variables.put("urgency", "normal");
    return variables;
  }

  private ProcessInstance reportRepair(String reporter) {
    return driver.as(reporter, () -> engine.getRuntimeService().createProcessInstanceByKey(ProcessKeys.REPAIR)
        .businessKey("NT-" + UUID.randomUUID()).setVariables(repairReport()).execute());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
