package edu.campus.logistics.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.CampusLogisticsApplication;
import edu.campus.logistics.TestHttp;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Blob;
import java.sql.Clob;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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

  /** Written by the engine on every start or stop, not by anybody's work. */
  private static final Set<String> WRITTEN_BY_START_OR_STOP = Set.of("ACT_RU_METER_LOG");

  @Test
  void aBackupOfARunningApplicationRestoresEveryCaseTaskTimerUserAndLedgerRow() throws Exception {
    Path root = Path.of("target", "backup-restore-it").toAbsolutePath();
    FileSystemUtils.deleteRecursively(root);
    Path source = root.resolve("data");
    Path backups = root.resolve("backups");
    Path restored = root.resolve("restored-data");

    Map<String, List<String>> atBackup;
    Path backupFile;
    String procurementId;
    String repairId;
    try (ConfigurableApplicationContext app = start(source, backups)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      LedgerService ledger = app.getBean(LedgerService.class);
      IdentityService identity = engine.getIdentityService();

      ledger.registerItem(new NewItem("BACKUP-1", "备份测试品", "规格甲", "个", ItemCategory.OTHER.id(), BigDecimal.ZERO));
      ledger.receive(Voucher.manual("BACKUP-RECEIPT", "wuxiaohong"),
          List.of(StockLine.of("BACKUP-1", new BigDecimal("9"), new BigDecimal("4.20"))));
      ledger.issue(Voucher.manual("BACKUP-ISSUE", "wuxiaohong"), List.of(StockLine.of("BACKUP-1", new BigDecimal("2"), null)));

      User user = identity.newUser("backupuser");
      user.setFirstName("备份");
      user.setLastName("用户");
      user.setPassword("Backup-Pass-1");
      identity.saveUser(user);

      procurementId = as(identity, "zhangwei", () -> engine.getRuntimeService().startProcessInstanceByKey(
          ProcessKeys.PROCUREMENT, "CG-BACKUP-1", Map.of("department", "语文组", "reason", "备份测试",
              "neededBy", LocalDate.now().plusDays(10).toString(),
              "items", "[{\"name\":\"复印纸\",\"spec\":\"A4 70g 500张/包 5包/箱\",\"category\":\"office\",\"unit\":\"箱\","
                  + "\"quantity\":1,\"unitPrice\":120}]"))).getId();
      Task approval = engine.getTaskService().createTaskQuery().processInstanceId(procurementId).singleResult();
      engine.getTaskService().claim(approval.getId(), "wangfang");

      repairId = as(identity, "liuyang", () -> engine.getRuntimeService().createProcessInstanceByKey(ProcessKeys.REPAIR)
          .businessKey("BX-BACKUP-1").setVariables(Map.of("location", "教学楼 / 101", "category", "electrical",
              "description", "灯不亮", "urgency", "urgent")).execute()).getId();
      Task report = engine.getTaskService().createTaskQuery().processInstanceId(repairId).singleResult();
      as(identity, "zhengkai", () -> {
        engine.getTaskService().claim(report.getId(), "zhengkai");
        return null;
      });
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(procurementId).timers().count()).isPositive();
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(repairId).timers().count()).isPositive();

      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      atBackup = tables(jdbc);
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

      // written after the backup: must not come back
      ledger.receive(Voucher.manual("AFTER-BACKUP", "wuxiaohong"),
          List.of(StockLine.of("BACKUP-1", new BigDecimal("1"), new BigDecimal("4.20"))));
    }

    unzip(backupFile, restored);
    try (ConfigurableApplicationContext app = start(restored, backups)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      LedgerService ledger = app.getBean(LedgerService.class);
      Map<String, List<String>> after = tables(app.getBean(JdbcTemplate.class));

      assertThat(after.keySet()).isEqualTo(atBackup.keySet());
      assertThat(atBackup.keySet()).contains("LEDGER_ENTRY", "LEDGER_BALANCE", "ASSET", "ACT_RU_TASK", "ACT_RU_JOB",
          "ACT_ID_USER", "ACT_HI_PROCINST", "FLYWAY_SCHEMA_HISTORY");
      List<String> differing = new ArrayList<>();
      for (String table : atBackup.keySet()) {
        if (!WRITTEN_BY_START_OR_STOP.contains(table) && !atBackup.get(table).equals(after.get(table))) {
          differing.add(table + ": " + atBackup.get(table).size() + " rows at backup, " + after.get(table).size() + " restored");
        }
      }
      assertThat(differing).as("tables whose rows differ").isEmpty();
      long rows = atBackup.values().stream().mapToLong(List::size).sum();
      System.out.printf("BackupRestoreIT: %d tables, %d rows compared, backup %d bytes%n", atBackup.size(), rows, Files.size(backupFile));

      // what people see: the cases, their tasks and timers, the user, the ledger
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(procurementId).singleResult()
          .getBusinessKey()).isEqualTo("CG-BACKUP-1");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(procurementId).singleResult().getAssignee())
          .isEqualTo("wangfang");
      assertThat(engine.getRuntimeService().getVariable(repairId, "firstResponder")).isEqualTo("zhengkai");
      assertThat(engine.getIdentityService().checkPassword("backupuser", "Backup-Pass-1")).isTrue();
      assertThat(ledger.entries("BACKUP-1")).extracting(entry -> entry.voucherKey()).containsExactly("BACKUP-RECEIPT", "BACKUP-ISSUE");
      assertThat(ledger.findItem("BACKUP-1").orElseThrow().quantity()).isEqualByComparingTo("7");
      assertThat(ledger.reconcile().consistent()).isTrue();

      // a restored timer still fires: the repair's response deadline escalates to the head of logistics
      List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(repairId).timers().list();
      int tasksBefore = engine.getTaskService().createTaskQuery().processInstanceId(repairId).list().size();
      engine.getManagementService().executeJob(timers.get(0).getId());
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(repairId).list()).hasSizeGreaterThan(tasksBefore);
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

  private static <T> T as(IdentityService identity, String userId, java.util.function.Supplier<T> action) {
    identity.setAuthentication(userId, identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Every row of every table, as text (binary columns as their SHA-256, CLOBs as text), sorted per table. */
  private static Map<String, List<String>> tables(JdbcTemplate jdbc) {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : jdbc.queryForList("select table_name from information_schema.tables"
        + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class)) {
      List<String> rows = jdbc.query("select * from \"" + table + "\"", (rs, n) -> {
        StringBuilder row = new StringBuilder();
        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
          Object value = rs.getObject(column);
          if (value instanceof Blob blob) {
            value = blob.getBytes(1, (int) blob.length());
          } else if (value instanceof Clob clob) {
            value = clob.getSubString(1, (int) clob.length());
          }
          row.append(rs.getMetaData().getColumnName(column)).append('=')
              .append(value instanceof byte[] bytes ? sha256(bytes) : value).append(';');
        }
        return row.toString();
      });
      tables.put(table.toUpperCase(), rows.stream().sorted().collect(Collectors.toList()));
    }
    return tables;
  }

  private static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      return Arrays.toString(bytes);
    }
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
