package edu.campus.logistics.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import edu.campus.logistics.CampusTest;
import edu.campus.logistics.CaseDriver;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.notifications.Outbox.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Common ground of the notification tests, against real servers on loopback: GreenMail as the
 * school's SMTP server, the JDK's HTTP server as a group's chat robot. The processes run in the
 * shared application; the deliverer is called by the test (its schedule is off in the test profile),
 * and the channels are pointed at the test servers through their settings, reset afterwards.
 */
@CampusTest
abstract class NotificationScenario {

  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @Autowired
  JdbcTemplate jdbc;
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
    // what other tests of the shared context left in the outbox is set aside, unsent
    jdbc.update("update notification_outbox set status = 'LOGGED' where status in ('PENDING', 'SENDING')");
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

  Answer put(String path, String user, Map<String, Object> body) {
    return http.send("PUT", path, user, user, "application/json", TestHttp.json(body));
  }

  Message robotMessage(ProcessInstance repair) {
    return outbox.ofCase(repair.getId()).stream().filter(m -> m.channel().equals(RobotChannel.ID))
        .filter(m -> m.recipient().equals("group:logistics-staff")).findFirst().orElseThrow();
  }

  /** Runs the deliverer until nothing is due (bounded). */
  void drain() {
    for (int round = 0; round < 200 && deliverer.deliverDue() > 0; round++) {
      // next batch
    }
  }

  /** The mails GreenMail received for an address that mention a text (a task id, a case number). */
  List<MimeMessage> mailsTo(String address, String mentioning) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
      try {
        return Arrays.stream(mail.getAllRecipients()).anyMatch(r -> r.toString().equals(address))
            && (mail.getSubject().contains(mentioning) || body(mail).contains(mentioning));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  static String body(MimeMessage mail) {
    try {
      return mail.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  ProcessInstance startProcurement(String requester, String quantity, String unitPrice) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("newItem", true);
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

  void decide(ProcessInstance request, String approver, String decision, String comment) {
    driver.claimAndComplete(approver, driver.task(request, "Task_ApproveRequest"),
        Map.of("decision", decision, "comment", comment));
  }

  static Map<String, Object> repairReport() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("location", "教学楼三楼卫生间");
    variables.put("category", "plumbing");
    variables.put("description", "三楼卫生间水龙头漏水");
    variables.put("urgency", "normal");
    return variables;
  }

  ProcessInstance reportRepair(String reporter) {
    return driver.as(reporter, () -> engine.getRuntimeService().createProcessInstanceByKey(ProcessKeys.REPAIR)
        .businessKey("NT-" + UUID.randomUUID()).setVariables(repairReport()).execute());
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
