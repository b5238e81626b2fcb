package edu.campus.logistics.identity;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusLogisticsApplication;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code prod} profile, started as operators start it: a separate JVM with the administrator in
 * the environment. A missing or weak password stops the start with a clear message; a strong one
 * starts an application without demo users, with Camunda's password policy on.
 */
class ProdProfileTest {

  private static final String STRONG = "Campus#Logistics2024";

  @TempDir
  Path workDir;

  @Test
  void refusesAWeakAdministratorPassword() throws Exception {
    Started app = start(Map.of("CAMUNDA_ADMIN_ID", "director", "CAMUNDA_ADMIN_PASSWORD", "admin"));
    assertThat(app.process().waitFor(120, TimeUnit.SECONDS)).as("the application stops by itself").isTrue();
    assertThat(app.process().exitValue()).isNotZero();
    assertThat(app.output()).contains("APPLICATION FAILED TO START")
        .contains("CAMUNDA_ADMIN_PASSWORD is too weak for the prod profile: at least 10 characters; "
            + "at least 1 upper-case letter(s); at least 1 digit(s); at least 1 special character(s).")
        .contains("Set CAMUNDA_ADMIN_ID and a strong CAMUNDA_ADMIN_PASSWORD");
  }

  @Test
  void refusesAPasswordContainingTheUserId() throws Exception {
    Started app = start(Map.of("CAMUNDA_ADMIN_ID", "director", "CAMUNDA_ADMIN_PASSWORD", "Xdirector#2024"));
    assertThat(app.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(app.output()).contains("CAMUNDA_ADMIN_PASSWORD is too weak for the prod profile: "
        + "must not contain the user id, first name, last name or e-mail.");
  }

  @Test
  void refusesAMissingAdministratorPassword() throws Exception {
    Started app = start(Map.of("CAMUNDA_ADMIN_ID", "director"));
    assertThat(app.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(app.process().exitValue()).isNotZero();
    assertThat(app.output()).contains("APPLICATION FAILED TO START")
        .contains("CAMUNDA_ADMIN_PASSWORD is not set: the prod profile takes the administrator's password from the environment.");
  }

  @Test
  void startsWithAStrongPasswordWithoutDemoUsersAndWithPasswordPolicyAndHttpsSettings() throws Exception {
    Started app = start(Map.of("CAMUNDA_ADMIN_ID", "director", "CAMUNDA_ADMIN_PASSWORD", STRONG,
        "CAMPUS_SECURE_COOKIES", "true", "CAMPUS_HSTS_DISABLED", "false"));
    try {
      TestHttp http = new TestHttp(app.port());
      Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
      while (!app.output().contains("Started CampusLogisticsApplication")) {
        assertThat(app.process().isAlive()).as(app.output()).isTrue();
        assertThat(Instant.now()).as("started in time").isBefore(deadline);
        Thread.sleep(500);
      }
      assertThat(http.send("GET", "/engine-rest/user?maxResults=50", "director", STRONG, null, null).status()).isEqualTo(200);
      assertThat(http.get("/engine-rest/user?maxResults=50", "zhangwei").status()).as("no demo users").isEqualTo(401);
      Answer users = http.send("GET", "/engine-rest/user?maxResults=50", "director", STRONG, null, null);
      assertThat(users.json().findValuesAsText("id")).containsExactly("director");
      Answer items = http.send("GET", "/api/ledger/items", "director", STRONG, null, null);
      assertThat(items.body()).as("no demo catalogue").isEqualTo("[]");

      Answer weakUser = http.send("POST", "/engine-rest/user/create", "director", STRONG, "application/json",
          TestHttp.json(Map.of("profile", Map.of("id", "teacher1", "firstName", "张", "lastName", "三"),
              "credentials", Map.of("password", "teacher1"))));
      // Camunda answers a policy violation of /user/create with 500; the Admin webapp shows the message
      assertThat(weakUser.status()).isEqualTo(500);
      assertThat(weakUser.message()).contains("Password does not match policy");
      assertThat(http.send("GET", "/engine-rest/user?id=teacher1&maxResults=10", "director", STRONG, null, null).body()).isEqualTo("[]");

      Answer page = http.get("/camunda/app/tasklist/default/", null);
      assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
          assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("SameSite=Lax"));
      assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
          assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure"));
      assertThat(page.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    } finally {
      app.process().destroy();
      if (!app.process().waitFor(30, TimeUnit.SECONDS)) {
        app.process().destroyForcibly();
      }
    }
  }

  private record Started(Process process, Path log, int port) {

    String output() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }
  }

  /** The application in its own JVM with profile prod, an in-memory database and the given environment. */
  private Started start(Map<String, String> environment) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", classpath,
        CampusLogisticsApplication.class.getName(), "--spring.profiles.active=prod", "--server.port=" + port,
        "--spring.datasource.url=jdbc:h2:mem:prod-check;DB_CLOSE_DELAY=-1", "--camunda.bpm.job-execution.enabled=false"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    Path log = workDir.resolve("app.log");
    builder.redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("CAMUNDA_") || name.startsWith("CAMPUS_"));
    builder.environment().putAll(environment);
    return new Started(builder.start(), log, port);
  }
}
