package edu.campus.logistics.scan;

import static edu.campus.logistics.repair.RepairVariables.PHOTO_URL;
import static edu.campus.logistics.repair.RepairVariables.REPORTER_ID;

import edu.campus.logistics.identity.ApplicationReads;
import edu.campus.logistics.identity.ProcessKeys;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photo of a repair report (table {@code repair_photo}): added by the reporter while the case is
 * open, at most {@link #MAX_BYTES}, only JPEG, PNG or WebP — the declared type must match the image's
 * own first bytes. Shown to the reporter and to whoever the engine, with their own authorizations,
 * lets see the case or one of its tasks (the first responder, the technician, the Cockpit groups).
 */
@Service
public class ReportPhotos {

  public static final int MAX_BYTES = 2 * 1024 * 1024;

  /** The image types accepted and the first bytes each begins with. */
  private static final Map<String, byte[]> SIGNATURES = Map.of(
      "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
      "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
      "image/webp", new byte[] {'R', 'I', 'F', 'F'});

  /** A stored photo. */
  public record Photo(String mediaType, byte[] content) {
  }

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ProcessEngineConfigurationImpl configuration;

  ReportPhotos(JdbcTemplate jdbc, HistoryService history, RuntimeService runtime, TaskService tasks,
               ProcessEngineConfigurationImpl configuration) {
    this.jdbc = jdbc;
    this.history = history;
    this.runtime = runtime;
    this.tasks = tasks;
    this.configuration = configuration;
  }

  /** Stores (or replaces) the photo of the caller's open report; refuses anything else before writing. */
  @Transactional
  public void save(String reporter, String processInstanceId, String declaredType, byte[] content) {
    if (!isOpenReportOf(reporter, processInstanceId)) {
      throw new UnknownReport();
    }
    String type = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase();
    byte[] signature = SIGNATURES.get(type);
    if (signature == null) {
      throw new ScanRefusal("照片只能是 JPEG、PNG 或 WebP 图片 / the photo must be a JPEG, PNG or WebP image");
    }
    if (content.length == 0 || content.length > MAX_BYTES) {
      throw new ScanRefusal("照片不能为空，也不能超过 2 MB / the photo must be 1 byte to 2 MB");
    }
    if (content.length < signature.length || !Arrays.equals(content, 0, signature.length, signature, 0, signature.length)
        || type.equals("image/webp") && (content.length < 12 || !new String(content, 8, 4).equals("WEBP"))) {
      throw new ScanRefusal("文件内容不是所声明的图片格式 / the file is not the image type it claims to be");
    }
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    jdbc.update("delete from repair_photo where process_instance_id = ?", processInstanceId);
    jdbc.update("insert into repair_photo (process_instance_id, media_type, size_bytes, content, uploaded_by, uploaded_at)"
        + " values (?, ?, ?, ?, ?, ?)", processInstanceId, type, content.length, content, reporter, now);
    // the case's forms link to it (the reporter may not update the case through the engine's own doors)
    ApplicationReads.withoutAuthorization(configuration, () -> {
      runtime.setVariable(processInstanceId, PHOTO_URL, "/api/scan/reports/" + processInstanceId + "/photo");
      return null;
    });
  }

  /** The photo, if there is one and {@code user} may see the case; empty otherwise (the caller cannot tell which). */
  @Transactional(readOnly = true)
  public Optional<Photo> photo(String user, String processInstanceId) {
    if (!mayView(user, processInstanceId)) {
      return Optional.empty();
    }
    return jdbc.query("select media_type, content from repair_photo where process_instance_id = ?",
        (rs, n) -> new Photo(rs.getString("media_type"), rs.getBytes("content")), processInstanceId).stream().findFirst();
  }

  private boolean isOpenReportOf(String reporter, String processInstanceId) {
    return ApplicationReads.withoutAuthorization(configuration, () -> runtime.createProcessInstanceQuery()
        .processInstanceId(processInstanceId).processDefinitionKey(ProcessKeys.REPAIR).count() > 0
        && reporter.equals(runtime.getVariable(processInstanceId, REPORTER_ID)));
  }

  /** The reporter, or anyone whose own authorizations show the case, its history or one of its tasks. */
  private boolean mayView(String user, String processInstanceId) {
    boolean reporter = ApplicationReads.withoutAuthorization(configuration, () -> history
        .createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(REPORTER_ID)
        .list().stream().anyMatch(variable -> user.equals(variable.getValue())));
    return reporter
        || runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
        || tasks.createTaskQuery().processInstanceId(processInstanceId).count() > 0
        || history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  /** Not the caller's open report: answered like an unknown one. */
  static class UnknownReport extends RuntimeException {
    UnknownReport() {
      super("没有这条进行中的报修，或您不是报修人 / no open repair report of this user");
    }
  }
}
