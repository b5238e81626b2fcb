package edu.campus.logistics.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.CampusLogisticsApplication;
import edu.campus.logistics.TestHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Back up a running application with open cases, tasks, timers, a new user and ledger rows through
 * {@code POST /api/admin/backup}, restore the zip into a fresh data directory, start a fresh
 * application on it, and find every row of every table again (and nothing written after the backup).
 */
class BackupRestoreIT {

  @Test
  void aBackupOfARunningApplicationRestoresEveryCaseTaskTimerUserAndLedgerRow() throws Exception {
    Path root = Path.of("target", "backup-restore-it").toAbsolutePath();
    FileSystemUtils.deleteRecursively(root);
    Path source = root.resolve("data");
    Path backups = root.resolve("backups");
    Path restored = root.resolve("restored-data");

    Map<String, List<String>> atBackup;
    Path backupFile;
    OpenCasesAtBackup cases;
    try (ConfigurableApplicationContext app = start(source, backups)) {
      cases = OpenCasesAtBackup.create(app);
      atBackup = DatabaseRows.of(app.getBean(JdbcTemplate.class));
      TestHttp http = new TestHttp(port(app));
      TestHttp.Answer answer = http.send("POST", "/api/admin/backup", "admin", "admin", null, null);
      assertThat(answer.status()).as(answer.body()).isEqualTo(201);
      JsonNode written = answer.json();
      backupFile = Path.of(written.path("file").asText());
      assertThat(backupFile).startsWith(backups).exists();
      assertThat(written.path("bytes").asLong()).isEqualTo(Files.size(backupFile));
      assertThat(written.path("database").asText()).isEqualTo("H2");

      // only administrators
      assertThat(http.send("POST", "/api/admin/backup", "linna", "linna", null, null).status()).isEqualTo(403);
      assertThat(http.send("POST", "/api/admin/backup", "gaoming", "gaoming", null, null).status()).isEqualTo(403);
      assertThat(http.send("POST", "/api/admin/backup", null, null, null, null).status()).isEqualTo(401);

      OpenCasesAtBackup.postAfterBackup(app);
    }

    unzip(backupFile, restored);
    try (ConfigurableApplicationContext app = start(restored, backups)) {
      Map<String, List<String>> after = DatabaseRows.of(app.getBean(JdbcTemplate.class));

      assertThat(after.keySet()).isEqualTo(atBackup.keySet());
      assertThat(atBackup.keySet()).contains("LEDGER_ENTRY", "LEDGER_BALANCE", "ASSET", "ACT_RU_TASK", "ACT_RU_JOB",
          "ACT_ID_USER", "ACT_HI_PROCINST", "FLYWAY_SCHEMA_HISTORY");
      assertThat(DatabaseRows.differences(atBackup, after)).as("tables whose rows differ").isEmpty();
      System.out.printf("BackupRestoreIT: %d tables, %d rows compared, backup %d bytes%n", atBackup.size(),
          DatabaseRows.count(atBackup), Files.size(backupFile));

      cases.assertFoundIn(app);
      cases.assertARestoredTimerFires(app);
    }
  }

  private static ConfigurableApplicationContext start(Path data, Path backups) {
    String url = "jdbc:h2:file:" + data.resolve("campus-logistics") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    return new SpringApplicationBuilder(CampusLogisticsApplication.class)
        .run("--spring.datasource.url=" + url, "--server.port=0", "--server.address=127.0.0.1",
            "--camunda.bpm.job-execution.enabled=false", "--campus.backup.directory=" + backups);
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  /** The documented restore: unzip the backup into a fresh, empty data directory. */
  private static void unzip(Path backup, Path directory) throws IOException {
    Files.createDirectories(directory);
    try (ZipFile zip = new ZipFile(backup.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path target = directory.resolve(entry.getName()).normalize();
        assertThat(target).startsWithRaw(directory);
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, target);
        }
      }
    }
    assertThat(directory.resolve("campus-logistics.mv.db")).exists();
  }
}
