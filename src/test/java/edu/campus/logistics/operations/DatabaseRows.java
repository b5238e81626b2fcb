package edu.campus.logistics.operations;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Blob;
import java.sql.Clob;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every row of every table of the application's schema, as text (binary columns as their SHA-256,
 * CLOBs as text), sorted per table and keyed by the upper-case table name: what a backup must bring back.
 */
final class DatabaseRows {

  /** Written by the engine on every start or stop, not by anybody's work. */
  static final Set<String> WRITTEN_BY_START_OR_STOP = Set.of("ACT_RU_METER_LOG");

  private DatabaseRows() {
  }

  /** The base tables of the connection's current schema (PUBLIC on H2, public on PostgreSQL). */
  static Map<String, List<String>> of(JdbcTemplate jdbc) {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : jdbc.queryForList("select table_name from information_schema.tables"
        + " where table_schema = current_schema and table_type = 'BASE TABLE'", String.class)) {
      List<String> rows = new ArrayList<>(jdbc.query("select * from \"" + table + "\"", (rs, n) -> {
        StringBuilder row = new StringBuilder();
        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
          Object value = rs.getObject(column);
          if (value instanceof Blob blob) {
            value = blob.getBytes(1, (int) blob.length());
          } else if (value instanceof Clob clob) {
            value = clob.getSubString(1, (int) clob.length());
          }
          row.append(rs.getMetaData().getColumnName(column).toUpperCase()).append('=')
              .append(value instanceof byte[] bytes ? sha256(bytes) : value).append(';');
        }
        return row.toString();
      }));
      rows.sort(null);
      tables.put(table.toUpperCase(), rows);
    }
    return tables;
  }

  /** Tables whose rows differ between the two pictures (the engine's start/stop metrics left out). */
  static List<String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
    List<String> differing = new ArrayList<>();
    for (String table : expected.keySet()) {
      List<String> found = actual.getOrDefault(table, List.of());
      if (!WRITTEN_BY_START_OR_STOP.contains(table) && !expected.get(table).equals(found)) {
        differing.add(table + ": " + expected.get(table).size() + " rows at backup, " + found.size() + " restored");
      }
    }
    return differing;
  }

  static long count(Map<String, List<String>> tables) {
    return tables.values().stream().mapToLong(List::size).sum();
  }

  private static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
