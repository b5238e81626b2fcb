package edu.campus.logistics.identity;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusLogisticsApplication;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.TestHttp.WebappSession;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Wrong passwords through every login door, with the real limits (an application in a JVM of its
 * own, run by failsafe: the shared test application allows many failures): after five failures from one client that client
 * waits before it may try that user again (429 with Retry-After, the password not even checked),
 * while Camunda never locks the account itself — so nobody can lock the administrator out by
 * guessing, and the right password works again once the short wait is over. Bounded: at most a few
 * dozen attempts and a wait of about two seconds.
 */
@SpringBootTest(classes = CampusLogisticsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"campus.security.login-throttle.free-attempts=5", "campus.security.login-throttle.first-delay=PT2S",
        "campus.security.login-throttle.max-delay=PT4S"})
@ActiveProfiles("test")
class LoginThrottleIT {

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;

  TestHttp http;

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
    for (String id : new String[] {"throttle-rest", "throttle-webapp", "throttle-admin"}) {
      if (identityService.createUserQuery().userId(id).count() == 0) {
        User user = identityService.newUser(id);
        user.setFirstName("测试");
        user.setLastName("限速");
        user.setPassword(id);
        identityService.saveUser(user);
        identityService.createMembership(id, "throttle-admin".equals(id) ? CampusGroup.CAMUNDA_ADMIN : "staff");
      }
    }
  }

  @Test
  void guessingAPasswordThroughRestSlowsDownThatClientButLocksNobody() throws InterruptedException {
    String user = "throttle-rest";
    for (int attempt = 1; attempt <= 5; attempt++) {
      Answer wrong = http.send("GET", "/engine-rest/task/count", user, "guess-" + attempt, null, null);
      assertThat(wrong.status()).as("attempt " + attempt).isEqualTo(401);
    }
    Answer throttled = http.send("GET", "/engine-rest/task/count", user, user, null, null);
    assertThat(throttled.status()).as("even the right password waits").isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isNotNull();
    assertThat(throttled.message()).contains("登录失败次数过多").contains("too many failed logins for throttle-rest");
    assertThat(http.send("GET", "/api/assets", user, user, null, null).status()).as("every door counts alike").isEqualTo(429);
    assertThat(identityService.checkPassword(user, user)).as("Camunda itself never locked the account").isTrue();

    Thread.sleep(Duration.ofSeconds(Long.parseLong(throttled.header("Retry-After"))).toMillis() + 200);
    Answer after = http.send("GET", "/engine-rest/task/count", user, user, null, null);
    assertThat(after.status()).as(after.body()).isEqualTo(200);
  }

  @Test
  void theAdministratorIsNeverLockedOutForGood() throws InterruptedException {
    String admin = "throttle-admin";
    int refused = 0;
    // an attacker keeps guessing: every failure beyond the fifth makes this client wait longer, up to the maximum
    for (int attempt = 1; attempt <= 12; attempt++) {
      int status = http.send("GET", "/engine-rest/user/count", admin, "guess-" + attempt, null, null).status();
      assertThat(status).isIn(401, 429);
      refused += status == 429 ? 1 : 0;
    }
    assertThat(refused).as("throttled after five failures").isEqualTo(7);
    assertThat(identityService.createUserQuery().userId(admin).singleResult()).isNotNull();
    assertThat(identityService.checkPassword(admin, admin)).as("the account itself is not locked").isTrue();
    Thread.sleep(4_300);
    assertThat(http.send("GET", "/engine-rest/user/count", admin, admin, null, null).status()).isEqualTo(200);
  }

  @Test
  void theWebappLoginCountsToo() {
    String user = "throttle-webapp";
    for (int attempt = 1; attempt <= 5; attempt++) {
      // a fresh browser each time, as a guesser would: the count is per computer and user, not per session
      assertThat(http.webapp().login("tasklist", user, "guess-" + attempt).status()).as("attempt " + attempt).isEqualTo(401);
    }
    WebappSession browser = http.webapp();
    Answer throttled = browser.login("tasklist", user, user);
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.body()).contains("登录失败次数过多");
    assertThat(http.webapp().login("tasklist", "wangfang", "wangfang").status())
        .as("another user at the same computer is not affected").isEqualTo(200);
  }
}
