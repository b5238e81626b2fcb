package edu.campus.logistics.operations;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.CampusLogisticsApplication;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The documented PostgreSQL backup (docs/operations.md): {@code pg_dump --format=custom} of a running
 * application's database with open cases, tasks, timers, a new user and ledger rows; {@code pg_restore}
 * into a fresh, empty database; a fresh application started on it finds every row of every table again
 * (and nothing written after the dump), the ledger reconciles, and a restored timer still fires. Runs on
 * the test PostgreSQL ({@link TestPostgres}) with the machine's pg_dump and pg_restore; fails, never
 * skips, when they are missing.
 */
class PostgresBackupRestoreIT {

  private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");

  @Test
  void aDumpOfARunningApplicationRestoresEveryCaseTaskTimerUserAndLedgerRowIntoAFreshDatabase() throws Exception {
    Path work = Path.of("target", "postgres-backup-it").toAbsolutePath();
    FileSystemUtils.deleteRecursively(work);
    Files.createDirectories(work);
    Path dump = work.resolve("campus.dump");
    TestPostgres.Database source = freshDatabase("campus_backup_source");
    TestPostgres.Database restored = freshDatabase("campus_backup_restored");
    System.out.println("PostgreSQL backup test on " + TestPostgres.origin());

    Map<String, List<String>> atBackup;
    OpenCasesAtBackup cases;
    long dumpMillis;
    try (ConfigurableApplicationContext app = start(source)) {
      cases = OpenCasesAtBackup.create(app);
      atBackup = DatabaseRows.of(app.getBean(JdbcTemplate.class));

      // the application does not run pg_dump itself: its endpoint says so and points to the command
      TestHttp.Answer refused = new TestHttp(port(app)).send("POST", "/api/admin/backup", "admin", "admin", null, null);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.message()).contains("pg_dump", "docs/operations.md");

      long started = System.nanoTime();
      run(source, "pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + name(source));
      dumpMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
      assertThat(dump).isNotEmptyFile();

      OpenCasesAtBackup.postAfterBackup(app);
    }

    long started = System.nanoTime();
    run(restored, "pg_restore", "--dbname=" + name(restored), "--no-owner", "--exit-on-error", dump.toString());
    long restoreMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

    started = System.nanoTime();
    try (ConfigurableApplicationContext app = start(restored)) {
      long startMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
      Map<String, List<String>> after = DatabaseRows.of(app.getBean(JdbcTemplate.class));

      assertThat(after.keySet()).isEqualTo(atBackup.keySet());
      assertThat(atBackup.keySet()).contains("LEDGER_ENTRY", "LEDGER_BALANCE", "LEDGER_ITEM", "ASSET", "ACT_RU_EXECUTION",
          "ACT_RU_TASK", "ACT_RU_JOB", "ACT_RU_VARIABLE", "ACT_ID_USER", "ACT_HI_PROCINST", "ACT_GE_BYTEARRAY",
          "FLYWAY_SCHEMA_HISTORY");
      assertThat(DatabaseRows.differences(atBackup, after)).as("tables whose rows differ").isEmpty();
      System.out.printf("PostgresBackupRestoreIT: %d tables, %d rows compared; dump %d bytes in %d ms, "
              + "pg_restore %d ms, fresh application up in %d ms%n", atBackup.size(), DatabaseRows.count(atBackup),
          Files.size(dump), dumpMillis, restoreMillis, startMillis);

      cases.assertFoundIn(app);
      TestHttp.Answer books = new TestHttp(port(app)).get("/api/ledger/reconciliation", "linna");
      assertThat(books.status()).isEqualTo(200);
      assertThat(books.json().path("consistent").asBoolean()).as(books.body()).isTrue();
      cases.assertARestoredTimerFires(app);
    }
  }

  /** An empty database of this name (dropped first when a server given by CAMPUS_TEST_PG_URL still has it). */
  private static TestPostgres.Database freshDatabase(String name) throws Exception {
    try (Connection admin = TestPostgres.database("postgres").connect()) {
      admin.createStatement().execute("drop database if exists " + name);
    }
    return TestPostgres.database(name);
  }

  private static ConfigurableApplicationContext start(TestPostgres.Database database) {
    return new SpringApplicationBuilder(CampusLogisticsApplication.class).run("--spring.profiles.active=postgres",
        "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
        "--spring.datasource.password=" + database.password(), "--server.port=0", "--server.address=127.0.0.1",
        "--spring.jmx.enabled=false", "--camunda.bpm.job-execution.enabled=false");
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  private static String name(TestPostgres.Database database) {
    return url(database).group(3);
  }

  private static Matcher url(TestPostgres.Database database) {
    Matcher matcher = JDBC_URL.matcher(database.url());
    assertThat(matcher.matches()).as("a PostgreSQL JDBC URL: " + database.url()).isTrue();
    return matcher;
  }

  /** Runs a PostgreSQL client program against the database's server, as the documented command does. */
  private static void run(TestPostgres.Database database, String program, String... arguments) throws Exception {
    Matcher url = url(database);
    List<String> command = new ArrayList<>(List.of(TestPostgres.clientProgram(program).toString(),
        "--host=" + url.group(1), "--port=" + (url.group(2) == null ? "5432" : url.group(2)),
        "--username=" + database.user(), "--no-password"));
    command.addAll(List.of(arguments));
    Path log = Files.createTempFile(Path.of("target"), program, ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PGPASSWORD", database.password());
    Process process = builder.start();
    boolean finished = process.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertThat(finished && process.exitValue() == 0).as(String.join(" ", command) + " failed:\n" + output).isTrue();
  }
}
