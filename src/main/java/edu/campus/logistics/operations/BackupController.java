package edu.campus.logistics.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/backup}: an administrator backs up the running application's H2 database
 * (e.g. from a nightly cron job with curl). Only {@code camunda-admin} members ({@code ADMINISTRATORS}
 * in identity/ApiSecurityConfiguration).
 */
@RestController
@RequestMapping("/api/admin")
public class BackupController {

  private final DatabaseBackup backup;

  BackupController(DatabaseBackup backup) {
    this.backup = backup;
  }

  @PostMapping("/backup")
  public ResponseEntity<Map<String, Object>> backUp() {
    DatabaseBackup.Backup written = backup.backUp();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("file", written.file().toString());
    body.put("bytes", written.bytes());
    body.put("createdAt", written.createdAt().toString());
    body.put("database", written.database());
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  @ExceptionHandler(DatabaseBackup.NotSupported.class)
  ResponseEntity<Map<String, Object>> notSupported(DatabaseBackup.NotSupported refusal) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "error", "backup-not-supported",
        "message", refusal.getMessage()));
  }
}
