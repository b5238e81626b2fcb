package edu.campus.logistics.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * An online backup of the embedded H2 database: {@code BACKUP TO} writes a transactionally
 * consistent zip of the database file while the application keeps running (MVStore's multi-version
 * concurrency). Restoring is unzipping it into a fresh data directory (docs/operations.md).
 * PostgreSQL is backed up with {@code pg_dump} outside the application.
 */
@Service
public class DatabaseBackup {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackup.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final Path directory;

  public DatabaseBackup(DataSource dataSource, JdbcTemplate jdbc, @Value("${campus.backup.directory:./backups}") String directory) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.directory = Path.of(directory).toAbsolutePath().normalize();
  }

  /** The backup just written. */
  public record Backup(Path file, long bytes, Instant createdAt, String database) {
  }

  /** Refused when the database cannot be backed up from inside (PostgreSQL, an in-memory H2). */
  public static class NotSupported extends RuntimeException {
    NotSupported(String message) {
      super(message);
    }
  }

  public Backup backUp() {
    String[] database = productAndUrl();
    String product = database[0];
    if (!"H2".equals(product)) {
      throw new NotSupported("the application backs up only its embedded H2 database; back up " + product
          + " with its own tools (PostgreSQL: pg_dump, see docs/operations.md)");
    }
    if (database[1].startsWith("jdbc:h2:mem:")) {
      throw new NotSupported("an in-memory H2 database has no file to back up");
    }
    Instant now = Instant.now();
    Path file = directory.resolve("campus-logistics-" + STAMP.format(now) + ".zip");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the backup directory " + directory, e);
    }
    jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
    try {
      long bytes = Files.size(file);
      LOG.info("H2 backup written to {} ({} bytes)", file, bytes);
      return new Backup(file, bytes, now, product);
    } catch (IOException e) {
      throw new IllegalStateException("backup " + file + " was not written", e);
    }
  }

  private String[] productAndUrl() {
    try (Connection connection = dataSource.getConnection()) {
      return new String[] {connection.getMetaData().getDatabaseProductName(), connection.getMetaData().getURL()};
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database", e);
    }
  }
}
