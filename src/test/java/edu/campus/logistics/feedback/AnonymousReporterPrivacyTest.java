package edu.campus.logistics.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.CaseDriver;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.TestHttp.WebappSession;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.SingleGroupUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 20's privacy rule, through the doors a curious colleague uses: an anonymous feedback's reporter
 * is named to nobody but the logistics head and the principal. Every REST read of the case that the
 * Cockpit groups (general-affairs, finance, process-owners) and the handlers (logistics-staff) have —
 * history of the instance, its tasks, activities, identity links, variables, details and user operations,
 * the runtime variables, the tasks and their identity links, Cockpit's own instance list — is read as
 * each of them while the reporter's rating task is open and again after he rated: neither his id nor his
 * name appears. The head and the principal read him through {@code /api/feedback/{id}/reporter} and still
 * see his open rating task; the reporter finds the case in 我的申请 and rates it through REST.
 */
@CampusTest
class AnonymousReporterPrivacyTest {

  static final String REPORTER = "liuyang";
  static final String REPORTER_NAME = "刘洋";
  static final String HANDLER = "zhengkai";

  @Autowired
  ProcessEngine engine;
  @LocalServerPort
  int port;

  @Test
  void anAnonymousReporterIsNamedNowhereButToTheHeadAndThePrincipal() {
    TestHttp http = new TestHttp(port);
    SingleGroupUsers.ensure(engine.getIdentityService());
    Answer filed = http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.FEEDBACK + "/submit-form", REPORTER,
        TestHttp.json(Map.of("variables", Map.of(
            "feedbackType", Map.of("value", "complaint", "type", "String"),
            "area", Map.of("value", "gate", "type", "String"),
            "content", Map.of("value", "门卫态度生硬，门难进、脸难看", "type", "String"),
            "anonymous", Map.of("value", true, "type", "Boolean")))));
    assertThat(filed.status()).as(filed.body()).isEqualTo(200);
    String id = filed.json().path("id").asText();
    String handle = task(id, "Task_HandleFeedback").getId();
    assertThat(http.postJson("/engine-rest/task/" + handle + "/claim", HANDLER,
        TestHttp.json(Map.of("userId", HANDLER))).status()).isEqualTo(204);
    Answer replied = http.postJson("/engine-rest/task/" + handle + "/submit-form", HANDLER, TestHttp.json(Map.of(
        "variables", Map.of("outcome", Map.of("value", "explained", "type", "String"),
            "reply", Map.of("value", "已对门卫进行服务规范培训。", "type", "String")))));
    assertThat(replied.status()).as(replied.body()).isEqualTo(204);
    Task rating = task(id, "Task_RateReply");
    assertThat(rating.getAssignee()).as("the reporter rates the reply himself").isEqualTo(REPORTER);

    List<String> curious = List.of("wangfang", "linna", HANDLER, SingleGroupUsers.of("general-affairs"),
        SingleGroupUsers.of("finance"), SingleGroupUsers.of("process-owners"));
    assertNamedNowhere(http, curious, id, rating.getId());

    for (String reader : List.of("gaoming", "lijianguo")) {
      Answer reporter = http.get("/api/feedback/" + id + "/reporter", reader);
      assertThat(reporter.status()).as(reader).isEqualTo(200);
      assertThat(reporter.json().path("reporterId").asText()).isEqualTo(REPORTER);
      Answer task = http.get("/engine-rest/task/" + rating.getId(), reader);
      assertThat(task.status()).as(reader + " still sees the open rating task: " + task.body()).isEqualTo(200);
      assertThat(task.json().path("assignee").asText()).isEqualTo(REPORTER);
    }
    for (String user : curious) {
      assertThat(http.get("/api/feedback/" + id + "/reporter", user).status()).as(user).isEqualTo(403);
    }

    Answer mine = http.get("/api/my/cases", REPORTER);
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    assertThat(mine.body()).as("我的申请 lists his anonymous feedback").contains(id, "评价答复");
    // a note on his own task (Tasklist's 添加备注 is refused to staff without READ_HISTORY; the engine's API is not)
    CaseDriver.as(engine.getIdentityService(), REPORTER,
        () -> engine.getTaskService().createComment(rating.getId(), id, "已看到答复，谢谢"));
    assertThat(engine.getTaskService().getTaskComments(rating.getId())).singleElement().satisfies(comment -> {
      assertThat(comment.getFullMessage()).isEqualTo("已看到答复，谢谢");
      assertThat(comment.getUserId()).as("his own note on Tasklist does not name him").isNull();
    });
    assertNamedNowhere(http, curious, id, rating.getId());
    Answer rated = http.postJson("/engine-rest/task/" + rating.getId() + "/submit-form", REPORTER, TestHttp.json(Map.of(
        "variables", Map.of("satisfaction", Map.of("value", 4, "type", "Long"),
            "ratingComment", Map.of("value", "态度有改善", "type", "String")))));
    assertThat(rated.status()).as(rated.body()).isEqualTo(204);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count()).isZero();
    assertThat(http.get("/api/my/cases", REPORTER).body()).contains(id, "已办结");

    assertNamedNowhere(http, curious, id, rating.getId());
    assertThat(http.get("/engine-rest/history/user-operation?processInstanceId=" + id + "&maxResults=100", "gaoming").body())
        .as("his rating is in the log, without his name").contains("\"operationType\":\"Complete\"")
        .doesNotContain(REPORTER);
  }

  private void assertNamedNowhere(TestHttp http, List<String> users, String id, String ratingTaskId) {
    String page = "maxResults=200&firstResult=0";
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ProcessKeys.FEEDBACK).latestVersion().singleResult().getId();
    List<String> reads = new ArrayList<>(List.of(
        "/engine-rest/history/process-instance?processInstanceId=" + id + "&" + page,
        "/engine-rest/history/process-instance?startedBy=" + REPORTER + "&" + page,
        "/engine-rest/history/task?processInstanceId=" + id + "&" + page,
        "/engine-rest/history/activity-instance?processInstanceId=" + id + "&" + page,
        "/engine-rest/history/identity-link-log?processDefinitionKey=" + ProcessKeys.FEEDBACK + "&" + page,
        "/engine-rest/history/variable-instance?processInstanceId=" + id + "&" + page,
        "/engine-rest/history/detail?processInstanceId=" + id + "&" + page,
        "/engine-rest/history/user-operation?processInstanceId=" + id + "&" + page,
        "/engine-rest/task?processInstanceId=" + id + "&" + page,
        "/engine-rest/task/" + ratingTaskId,
        "/engine-rest/task/" + ratingTaskId + "/identity-links",
        "/engine-rest/task/" + ratingTaskId + "/comment"));
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
      reads.add("/engine-rest/process-instance/" + id + "/variables");
    }
    List<String> opened = new ArrayList<>();
    for (String user : users) {
      for (String read : reads) {
        Answer answer = http.get(read, user);
        String cell = user + " " + read + " → " + answer.status() + " " + answer.body();
        assertThat(answer.status()).as(cell).isIn(200, 403, 404);
        assertThat(answer.body()).as(cell).doesNotContain(REPORTER).doesNotContain(REPORTER_NAME);
        if (answer.status() == 200) {
          opened.add(cell);
        }
      }
      if (!user.equals(HANDLER)) {
        WebappSession cockpit = http.webapp();
        assertThat(cockpit.login("cockpit", user, user).status()).as(user).isEqualTo(200);
        Answer instances = cockpit.post("/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=0&maxResults=50", "application/json",
            TestHttp.json(Map.of("processDefinitionId", definition)), true);
        assertThat(instances.status()).as(instances.body()).isEqualTo(200);
        assertThat(instances.body()).as(user + " Cockpit's instance list").doesNotContain(REPORTER);
      }
    }
    assertThat(opened).as("the Cockpit groups do read the case's history; it just does not name him")
        .anyMatch(cell -> cell.startsWith("linna /engine-rest/history/process-instance?processInstanceId"));
  }

  private Task task(String processInstanceId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .singleResult();
  }
}
