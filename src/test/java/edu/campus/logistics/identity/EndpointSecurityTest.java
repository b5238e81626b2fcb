package edu.campus.logistics.identity;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.TestHttp.WebappSession;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 401 for anonymous callers and wrong credentials, 403 for the wrong group, on every endpoint
 * family; Camunda Modeler's deployment through the authenticated REST API; the webapps' own API and
 * CSRF protection untouched by the REST authentication.
 */
@CampusTest
class EndpointSecurityTest {

  private static final String UNKNOWN_USER = "no-such-user";

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  TaskService taskService;

  TestHttp http;

  @BeforeEach
  void users() {
    SingleGroupUsers.ensure(identityService);
    http = new TestHttp(port);
  }

  @Test
  void engineRestWantsHttpBasic() {
    for (String path : new String[] {"/engine-rest/task?maxResults=10", "/engine-rest/process-definition?maxResults=10",
        "/engine-rest/deployment?maxResults=10", "/engine-rest/user?maxResults=10"}) {
      Answer anonymous = http.get(path, null);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"default\"");
      // an unknown user: no failed-login counter of a real user is touched
      Answer wrong = http.send("GET", path, UNKNOWN_USER, "guess", null, null);
      assertThat(wrong.status()).as(path).isEqualTo(401);
    }
    for (String header : new String[] {"Basic !!not-base64!!", "Basic " + java.util.Base64.getEncoder()
        .encodeToString("sec-staff".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "Bearer sec-staff"}) {
      assertThat(http.sendWithAuthorization("GET", "/engine-rest/task?maxResults=10", header, null, null).status())
          .as(header).isEqualTo(401);
      assertThat(http.sendWithAuthorization("GET", "/api/assets", header, null, null).status()).as(header).isEqualTo(401);
    }
    assertThat(http.get("/engine-rest/task?maxResults=10", "sec-staff").status()).isEqualTo(200);
  }

  @Test
  void engineRestRefusesTheWrongGroupWithTheMissingPermission() {
    Answer authorization = http.postJson("/engine-rest/authorization/create", "sec-general-affairs",
        TestHttp.json(Map.of("type", 1, "permissions", new String[] {"ALL"}, "userId", "sec-general-affairs",
            "resourceType", 0, "resourceId", "*")));
    assertThat(authorization.status()).isEqualTo(403);
    assertThat(authorization.message()).contains("sec-general-affairs").contains("'CREATE' permission")
        .contains("Authorization");

    Answer user = http.postJson("/engine-rest/user/create", "sec-logistics-head", TestHttp.json(Map.of(
        "profile", Map.of("id", "intruder", "firstName", "x", "lastName", "y"), "credentials", Map.of("password", "x"))));
    assertThat(user.status()).isEqualTo(403);
    assertThat(user.message()).contains("'CREATE' permission").contains("User");
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();

    // only administrators create Tasklist filters: stored filter queries may carry expressions
    Answer filter = http.postJson("/engine-rest/filter/create", "sec-staff", TestHttp.json(Map.of(
        "resourceType", "Task", "name", "mine", "query", Map.of())));
    assertThat(filter.status()).isEqualTo(403);
    assertThat(filter.message()).contains("'CREATE' permission").contains("Filter");
  }

  @Test
  void modelerDeploysWithAdministratorCredentialsOnly() {
    String name = "modeler-check-" + UUID.randomUUID();
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_ModelerCheck"
            targetNamespace="http://campus.edu/logistics">
          <bpmn:process id="securityModelerCheck" name="部署检查" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Checked" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    String boundary = "----campus" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"security-check.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    String contentType = "multipart/form-data; boundary=" + boundary;

    assertThat(http.send("POST", "/engine-rest/deployment/create", null, null, contentType, body).status()).isEqualTo(401);
    Answer refused = http.send("POST", "/engine-rest/deployment/create", "sec-general-affairs", "sec-general-affairs",
        contentType, body);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.message()).contains("'CREATE' permission").contains("Deployment");
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();

    Answer deployed = http.send("POST", "/engine-rest/deployment/create", SingleGroupUsers.ADMIN, SingleGroupUsers.ADMIN,
        contentType, body);
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    String deploymentId = deployed.json().path("id").asText();
    assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
        .processDefinitionKey("securityModelerCheck").count()).isEqualTo(1);
    Answer removed = http.send("DELETE", "/engine-rest/deployment/" + deploymentId + "?cascade=true",
        SingleGroupUsers.ADMIN, SingleGroupUsers.ADMIN, null, null);
    assertThat(removed.status()).isEqualTo(204);
  }

  @Test
  void apiFamiliesWantAUserOfTheRightGroup() {
    for (String path : new String[] {"/api/ledger/items", "/api/ledger/reconciliation", "/api/assets",
        "/api/assets/ZC1999-000000", "/actuator", "/actuator/info"}) {
      Answer anonymous = http.get(path, null);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic realm=\"campus-logistics\"");
      assertThat(anonymous.message()).startsWith("authentication required");
      Answer wrong = http.send("GET", path, UNKNOWN_USER, "guess", null, null);
      assertThat(wrong.status()).as(path).isEqualTo(401);
      Answer wrongGroup = http.get(path, "sec-school-committee");
      assertThat(wrongGroup.status()).as(path).isEqualTo(403);
      assertThat(wrongGroup.message()).startsWith("user sec-school-committee is not in any group allowed here: ");
    }
    assertThat(http.get("/api/ledger/items", "sec-technicians").message())
        .isEqualTo("user sec-technicians is not in any group allowed here: camunda-admin, finance, general-affairs, "
            + "inspectors, logistics-head, principal, purchasing, warehouse");
    assertThat(http.get("/actuator/info", "sec-finance").message())
        .isEqualTo("user sec-finance is not in any group allowed here: camunda-admin, logistics-head");
    assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    assertThat(http.get("/actuator/healthdump", null).status()).as("only the health path itself is open").isEqualTo(401);
  }

  @Test
  void webappSessionsStillWorkAndServeTheApiFamilies() {
    WebappSession browser = http.webapp();
    assertThat(browser.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);
    Answer login = browser.login("tasklist", "wuxiaohong", "wuxiaohong");
    assertThat(login.status()).isEqualTo(200);
    Answer count = browser.get("/camunda/api/engine/engine/default/task/count");
    assertThat(count.status()).as(count.body()).isEqualTo(200);
    assertThat(count.json().has("count")).isTrue();
    // the webapp login also opens /api for a storekeeper, without HTTP Basic
    assertThat(browser.get("/api/ledger/items/OFF-A4").json().path("code").asText()).isEqualTo("OFF-A4");
  }

  @Test
  void webappApiRefusesStateChangesWithoutTheCsrfToken() {
    // the administrator may create tasks: any refusal below is the CSRF filter's, not an authorization
    WebappSession browser = http.webapp();
    browser.login("tasklist", SingleGroupUsers.ADMIN, SingleGroupUsers.ADMIN);
    String task = TestHttp.json(Map.of("name", "CSRF 探测"));
    Answer withoutToken = browser.post("/camunda/api/engine/engine/default/task/create", "application/json", task, false);
    assertThat(withoutToken.status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskName("CSRF 探测").count()).as("no task was created").isZero();
    assertThat(withoutToken.header("X-XSRF-TOKEN")).isEqualTo("Required");
    // the refused request also ended the session
    assertThat(browser.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);

    WebappSession forged = http.webapp();
    forged.login("tasklist", SingleGroupUsers.ADMIN, SingleGroupUsers.ADMIN);
    Answer wrongToken = forged.postWithToken("/camunda/api/engine/engine/default/task/create", "application/json", task,
        "0123456789ABCDEF0123456789ABCDEF");
    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskName("CSRF 探测").count()).as("no task was created").isZero();

    // the same request with the session's token goes through (the refusals above ended their sessions)
    WebappSession honest = http.webapp();
    honest.login("tasklist", SingleGroupUsers.ADMIN, SingleGroupUsers.ADMIN);
    Answer withToken = honest.post("/camunda/api/engine/engine/default/task/create", "application/json", task, true);
    assertThat(withToken.status()).as(withToken.body()).isIn(200, 204);
    assertThat(taskService.createTaskQuery().taskName("CSRF 探测").count()).isEqualTo(1);
    taskService.createTaskQuery().taskName("CSRF 探测").list().forEach(created -> taskService.deleteTask(created.getId(), true));

    WebappSession noLoginToken = http.webapp();
    Answer loginWithoutToken = noLoginToken.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("username", "zhangwei", "password", "zhangwei"), false);
    assertThat(loginWithoutToken.status()).isEqualTo(403);
  }

  @Test
  void webappCookiesAndHeaders() {
    WebappSession browser = http.webapp();
    Answer page = browser.open();
    assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
        assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"));
    assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
        assertThat(cookie).startsWith("XSRF-TOKEN=").contains("SameSite=Lax"));
    assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    // HSTS is off unless CAMPUS_HSTS_DISABLED=false (checked in ProdProfileTest)
    assertThat(page.header("Strict-Transport-Security")).isNull();
  }
}
