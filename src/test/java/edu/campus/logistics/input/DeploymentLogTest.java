package edu.campus.logistics.input;

import static edu.campus.logistics.identity.ProcessKeys.PROCUREMENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.identity.SingleGroupUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every deployment is recorded — who, when, which files, previous → new version of each process and
 * decision — and readable by process owners and administrators at {@code GET /api/deployments/log};
 * refused attempts are recorded too and shown to administrators.
 */
class DeploymentLogTest extends ModelerDeployments {

  /** The demo head of general affairs, a process owner. */
  static final String WANGFANG = "wangfang";

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void eachChangeOfTheApprovalThresholdIsRecorded() throws IOException {
    int process = latestProcessVersion();
    int approval = latestDecisionVersion("procurement-approval");
    int quotes = latestDecisionVersion("procurement-quotes");
    int purchaseRules = latestDecisionVersion("procurement-purchase-rules");
    int escalation = latestDecisionVersion("procurement-escalation");
    Instant before = Instant.now().minusSeconds(1);

    Map<String, String> files = procurementWithThreshold(3000);
    String name = "threshold-3000-" + UUID.randomUUID().toString().substring(0, 8);
    Answer first = modeler.deploy(WANGFANG, name, files);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    Answer second = modeler.deploy(WANGFANG, "threshold-3500", procurementWithThreshold(3500));
    assertThat(second.status()).as(second.body()).isEqualTo(200);

    Answer log = http.get("/api/deployments/log?maxResults=20", WANGFANG);
    assertThat(log.status()).as(log.body()).isEqualTo(200);
    JsonNode older = entry(log, first.json().path("id").asText());
    JsonNode newer = entry(log, second.json().path("id").asText());
    assertThat(indexOf(log, newer)).as("newest first").isLessThan(indexOf(log, older));

    assertThat(older.path("outcome").asText()).isEqualTo("DEPLOYED");
    assertThat(older.path("deployedBy").asText()).isEqualTo(WANGFANG);
    assertThat(older.path("name").asText()).isEqualTo(name);
    assertThat(older.path("source").asText()).isEqualTo("Camunda Modeler");
    Instant at = Instant.parse(older.path("deployedAt").asText());
    assertThat(at).isBetween(before, Instant.now().plusSeconds(1));
    assertThat(texts(older.path("files"))).containsExactlyInAnyOrderElementsOf(files.keySet());
    assertThat(versions(older)).containsExactlyInAnyOrder(
        "process procurement " + process + " → " + (process + 1),
        "decision procurement-approval " + approval + " → " + (approval + 1),
        "decision procurement-quotes " + quotes + " → " + (quotes + 1),
        "decision procurement-purchase-rules " + purchaseRules + " → " + (purchaseRules + 1),
        "decision procurement-escalation " + escalation + " → " + (escalation + 1));
    assertThat(versions(newer)).containsExactlyInAnyOrder(
        "process procurement " + (process + 1) + " → " + (process + 2),
        "decision procurement-approval " + (approval + 1) + " → " + (approval + 2),
        "decision procurement-quotes " + (quotes + 1) + " → " + (quotes + 2),
        "decision procurement-purchase-rules " + (purchaseRules + 1) + " → " + (purchaseRules + 2),
        "decision procurement-escalation " + (escalation + 1) + " → " + (escalation + 2));
    assertThat(newer.path("definitions").findValuesAsText("id")).contains(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(PROCUREMENT).latestVersion().singleResult().getId());

    Answer asOwner = http.get("/api/deployments/log", OWNER);
    assertThat(asOwner.status()).as("every process owner reads the log").isEqualTo(200);
    Answer asAdmin = http.get("/api/deployments/log", SingleGroupUsers.ADMIN);
    assertThat(asAdmin.status()).isEqualTo(200);
    entry(asAdmin, second.json().path("id").asText());
  }

  @Test
  void aNewDefinitionHasNoPreviousVersion() {
    String key = "owner-allowed-log-" + UUID.randomUUID().toString().substring(0, 8);
    Answer answer = modeler.deploy(WANGFANG, key, Map.of(key + ".bpmn", ProcessOwnersDeployTest.model(key,
        "<bpmn:userTask id=\"Task_Check\" />")));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode definition = entry(http.get("/api/deployments/log", WANGFANG), answer.json().path("id").asText())
        .path("definitions").get(0);
    assertThat(definition.path("key").asText()).isEqualTo(key);
    assertThat(definition.path("file").asText()).isEqualTo(key + ".bpmn");
    assertThat(definition.path("version").asInt()).isEqualTo(1);
    assertThat(definition.has("previousVersion")).isFalse();
  }

  @Test
  void staffMayNotReadTheLog() {
    Answer staff = http.get("/api/deployments/log", STAFF);
    assertThat(staff.status()).isEqualTo(403);
    assertThat(staff.message()).contains(STAFF, "is not in any group allowed here");
    Answer anonymous = http.get("/api/deployments/log", null);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  /** A refused attempt is recorded with its problems: administrators see it, process owners see deployments only. */
  @Test
  void aRefusedAttemptIsShownToAdministrators() {
    String key = "owner-refused-log-" + UUID.randomUUID().toString().substring(0, 8);
    Answer refused = modeler.deploy(WANGFANG, key, Map.of(key + ".bpmn", ProcessOwnersDeployTest.model(key,
        "<bpmn:serviceTask id=\"Task_Class\" camunda:class=\"java.lang.Runtime\" />")));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(key).count()).isZero();

    Answer admin = http.get("/api/deployments/log", SingleGroupUsers.ADMIN);
    JsonNode attempt = null;
    for (JsonNode entry : admin.json()) {
      if (entry.path("name").asText().equals(key)) {
        attempt = entry;
      }
    }
    assertThat(attempt).as(admin.body()).isNotNull();
    assertThat(attempt.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(attempt.path("deployedBy").asText()).isEqualTo(WANGFANG);
    assertThat(attempt.has("deploymentId")).isFalse();
    assertThat(texts(attempt.path("files"))).containsExactly(key + ".bpmn");
    assertThat(texts(attempt.path("problems"))).anySatisfy(problem -> assertThat(problem)
        .contains(key + ".bpmn › Task_Class：不允许调用 Java 类"));

    Answer owner = http.get("/api/deployments/log", WANGFANG);
    assertThat(owner.json().findValuesAsText("name")).doesNotContain(key);
    assertThat(owner.json().findValuesAsText("outcome")).containsOnly("DEPLOYED");
  }

  /** The entry is written in the deployment's transaction: rolled back together, kept when the deployment is deleted. */
  @Test
  void theEntryIsPartOfTheDeployment() {
    String rolledBack = "log-rolled-back-" + UUID.randomUUID();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      // no model: the engine's definition cache would keep a rolled-back definition
      repositoryService.createDeployment().name(rolledBack).addString(rolledBack + ".txt", "回滚").deploy();
      assertThat(logRows(rolledBack)).as("written with the deployment").isEqualTo(1);
      status.setRollbackOnly();
    });
    assertThat(repositoryService.createDeploymentQuery().deploymentName(rolledBack).count()).isZero();
    assertThat(logRows(rolledBack)).isZero();

    String deleted = "log-deleted-" + UUID.randomUUID();
    String id = repositoryService.createDeployment().name(deleted).addString(deleted + ".bpmn",
        ProcessOwnersDeployTest.model("log-deleted", "<bpmn:userTask id=\"Task_Check\" />")).deploy().getId();
    repositoryService.deleteDeployment(id, true);
    assertThat(logRows(deleted)).as("the record outlives the deployment").isEqualTo(1);
  }

  @Test
  void pagingIsChecked() {
    Answer zero = http.get("/api/deployments/log?maxResults=0", WANGFANG);
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.message()).isEqualTo("maxResults 必须是 1 到 200 之间的整数（收到 0）");
    Answer word = http.get("/api/deployments/log?firstResult=abc", WANGFANG);
    assertThat(word.status()).isEqualTo(400);
    assertThat(word.message()).contains("firstResult 必须是 0 到");
    Answer one = http.get("/api/deployments/log?maxResults=1", WANGFANG);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().size()).isEqualTo(1);
  }

  private int logRows(String name) {
    return jdbc.queryForObject("select count(*) from deployment_log where deployment_name = ?", Integer.class, name);
  }

  private static Map<String, String> procurementWithThreshold(int threshold) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> forms = Files.list(Path.of("forms", "procurement"))) {
      for (Path form : forms.sorted().toList()) {
        files.put(form.getFileName().toString(), Files.readString(form));
      }
    }
    files.put("procurement.bpmn", Files.readString(Path.of("processes/procurement/procurement.bpmn")));
    String table = Files.readString(Path.of("processes/procurement/procurement-approval.dmn"));
    String changed = table.replace("<text>&gt; 2000</text>", "<text>&gt; " + threshold + "</text>");
    assertThat(changed).isNotEqualTo(table);
    files.put("procurement-approval.dmn", changed);
    return files;
  }

  private int latestProcessVersion() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCUREMENT).latestVersion()
        .singleResult().getVersion();
  }

  private int latestDecisionVersion(String key) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
        .singleResult().getVersion();
  }

  private static JsonNode entry(Answer log, String deploymentId) {
    for (JsonNode entry : log.json()) {
      if (entry.path("deploymentId").asText().equals(deploymentId)) {
        return entry;
      }
    }
    throw new AssertionError("deployment " + deploymentId + " is not in the log: " + log.body());
  }

  private static int indexOf(Answer log, JsonNode entry) {
    for (int i = 0; i < log.json().size(); i++) {
      if (log.json().get(i).equals(entry)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> versions(JsonNode entry) {
    List<String> versions = new ArrayList<>();
    entry.path("definitions").forEach(definition -> versions.add(definition.path("type").asText() + " "
        + definition.path("key").asText() + " " + definition.path("previousVersion").asText() + " → "
        + definition.path("version").asText()));
    return versions;
  }
}
