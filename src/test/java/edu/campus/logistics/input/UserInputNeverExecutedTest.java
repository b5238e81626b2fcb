package edu.campus.logistics.input;

import static edu.campus.logistics.ValidStarts.typed;
import static edu.campus.logistics.identity.ProcessKeys.PROCUREMENT;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.ValidStarts;
import edu.campus.logistics.identity.SingleGroupUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** docs/security.md "User-entered text is never executed", checked in the code and at run time. */
@CampusTest
class UserInputNeverExecutedTest {

  /** APIs that turn text into running code; the project's own code uses none of them. */
  private static final List<String> EVALUATING_APIS = List.of("ExpressionManager", "createExpression",
      "ExpressionFactory", "ScriptEngine", "javax.script", "ScriptFactory", "SpelExpressionParser",
      "StandardEvaluationContext", "GroovyShell", "Runtime.getRuntime().exec", "ProcessBuilder");

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;

  @BeforeEach
  void users() {
    SingleGroupUsers.ensure(identityService);
  }

  @Test
  void noProjectCodeEvaluatesText() throws IOException {
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      List<String> offenders = sources.filter(path -> path.toString().endsWith(".java")).flatMap(path -> {
        String code = read(path);
        return EVALUATING_APIS.stream().filter(code::contains).map(api -> path + " uses " + api);
      }).toList();
      assertThat(offenders).isEmpty();
    }
  }

  @Test
  void expressionsTypedIntoAFormAreStoredAsText() {
    String businessKey = "EL-" + UUID.randomUUID();
    Map<String, Object> variables = new LinkedHashMap<>(ValidStarts.variables(PROCUREMENT));
    variables.put("reason", typed("${execution.setVariable('pwned', true)}", "String"));
    variables.put("department", typed("#{identityService.deleteUser('admin')}", "String"));
    Answer started = new TestHttp(port).postJson("/engine-rest/process-definition/key/" + PROCUREMENT + "/start",
        SingleGroupUsers.of("staff"), TestHttp.json(Map.of("businessKey", businessKey, "variables", variables)));

    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().path("id").asText();
    assertThat(runtimeService.getVariable(instanceId, "reason")).isEqualTo("${execution.setVariable('pwned', true)}");
    assertThat(runtimeService.getVariable(instanceId, "department")).isEqualTo("#{identityService.deleteUser('admin')}");
    assertThat(runtimeService.getVariable(instanceId, "pwned")).isNull();
    assertThat(identityService.createUserQuery().userId("admin").count()).isEqualTo(1);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
