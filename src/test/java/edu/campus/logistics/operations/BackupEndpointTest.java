package edu.campus.logistics.operations;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may ask for a backup, and what a database without a file answers (the round trip on a file
 * database is BackupRestoreIT).
 */
@CampusTest
class BackupEndpointTest {

  @LocalServerPort int port;

  @Test
  void onlyAdministratorsMayBackUpAndAnInMemoryDatabaseIsRefusedWithAReason() {
    TestHttp http = new TestHttp(port);
    assertThat(http.send("POST", "/api/admin/backup", null, null, null, null).status()).isEqualTo(401);
    for (String user : new String[] {"zhangwei", "linna", "gaoming", "lijianguo", "wuxiaohong"}) {
      assertThat(http.send("POST", "/api/admin/backup", user, user, null, null).status()).as(user).isEqualTo(403);
    }
    TestHttp.Answer answer = http.send("POST", "/api/admin/backup", "admin", "admin", null, null);
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.message()).isEqualTo("an in-memory H2 database has no file to back up");
  }
}
