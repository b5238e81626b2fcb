package edu.campus.logistics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads Camunda's history tables (ACT_HI_*) with a few set-based SQL queries per report: all
 * instances of one process started in a time window, with the variables asked for, in one join;
 * never one query per instance. The engine's query API would need a query per instance and is
 * capped by {@code query-max-results-limit}. The tables and columns used are Camunda 7's
 * documented history schema (docs/metrics.md).
 */
@Component
class ProcessHistory {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;

  ProcessHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Instances of {@code processKey} started in [start, end), with the named variables. */
  Map<String, CaseFacts> cases(String processKey, Instant start, Instant end, Collection<String> variableNames) {
    return cases("p.PROC_DEF_KEY_ = ? and p.START_TIME_ >= ? and p.START_TIME_ < ?",
        List.of(processKey, Timestamp.from(start), Timestamp.from(end)), variableNames);
  }

  /** Instances of {@code processKey} still running, with the named variables. */
  Map<String, CaseFacts> openCases(String processKey, Collection<String> variableNames) {
    return cases("p.END_TIME_ is null and p.PROC_DEF_KEY_ = ?", List.of(processKey), variableNames);
  }

  private Map<String, CaseFacts> cases(String where, List<Object> whereArguments, Collection<String> variableNames) {
    Map<String, CaseFacts> cases = new LinkedHashMap<>();
    jdbc.query("select p.ID_, p.BUSINESS_KEY_, p.START_TIME_, p.END_TIME_, p.END_ACT_ID_ from ACT_HI_PROCINST p where "
            + where
            + " order by p.START_TIME_, p.ID_",
        rs -> {
          String id = rs.getString(1);
          cases.put(id, new CaseFacts(id, rs.getString(2), instant(rs, 3), instant(rs, 4), rs.getString(5),
              new HashMap<>()));
        }, whereArguments.toArray());
    if (cases.isEmpty() || variableNames.isEmpty()) {
      return cases;
    }
    String names = variableNames.stream().map(name -> "?").collect(Collectors.joining(", "));
    List<Object> arguments = new ArrayList<>(variableNames);
    arguments.addAll(whereArguments);
    Set<String> wanted = Set.copyOf(variableNames);
    Set<String> processScoped = new HashSet<>();
    // The variable names are filtered here, not in the WHERE clause: with a name condition H2 starts from
    // ACT_HI_VARINST's name index and reads the variables of every year (docs/performance.md); this way
    // the period's instances drive the join through the (PROC_INST_ID_, NAME_, VAR_TYPE_) index.
    jdbc.query("select v.PROC_INST_ID_, v.EXECUTION_ID_, v.NAME_, v.VAR_TYPE_, v.TEXT_, v.LONG_, v.DOUBLE_, b.BYTES_"
            + " from ACT_HI_PROCINST p join ACT_HI_VARINST v on v.PROC_INST_ID_ = p.ID_"
            + " left join ACT_GE_BYTEARRAY b on b.ID_ = v.BYTEARRAY_ID_ and v.NAME_ in (" + names + ")"
            + " where " + where,
        rs -> {
          CaseFacts facts = cases.get(rs.getString(1));
          String name = rs.getString(3);
          if (facts == null || !wanted.contains(name)) {
            return;
          }
          boolean instanceScope = rs.getString(1).equals(rs.getString(2));
          String key = facts.id() + "/" + name;
          // a variable of the instance itself wins over a same-named one of an inner scope
          if (instanceScope || !processScoped.contains(key)) {
            Object value = value(rs);
            if (value != null) {
              facts.variables().put(name, value);
            }
            if (instanceScope) {
              processScoped.add(key);
            }
          }
        }, arguments.toArray());
    return cases;
  }

  /** Total time each instance (of those started in the window) spent in an activity; open ones until {@code now}. */
  Map<String, Duration> timeInActivity(String processKey, Instant start, Instant end, String activityId, Instant now) {
    Map<String, Duration> total = new HashMap<>();
    jdbc.query("select a.PROC_INST_ID_, a.START_TIME_, a.END_TIME_ from ACT_HI_PROCINST p"
            + " join ACT_HI_ACTINST a on a.PROC_INST_ID_ = p.ID_"
            + " where p.PROC_DEF_KEY_ = ? and p.START_TIME_ >= ? and p.START_TIME_ < ? and a.ACT_ID_ = ?",
        rs -> {
          Instant from = instant(rs, 2);
          Instant to = instant(rs, 3);
          Duration spent = Duration.between(from, to == null ? now : to);
          total.merge(rs.getString(1), spent, Duration::plus);
        }, processKey, Timestamp.from(start), Timestamp.from(end), activityId);
    return total;
  }

  /** When each instance (of those started in the window) last completed an activity. */
  Map<String, Instant> lastCompletion(String processKey, Instant start, Instant end, String activityId) {
    Map<String, Instant> last = new HashMap<>();
    jdbc.query("select a.PROC_INST_ID_, max(a.END_TIME_) from ACT_HI_PROCINST p"
            + " join ACT_HI_ACTINST a on a.PROC_INST_ID_ = p.ID_"
            + " where p.PROC_DEF_KEY_ = ? and p.START_TIME_ >= ? and p.START_TIME_ < ? and a.ACT_ID_ = ?"
            + " and a.END_TIME_ is not null group by a.PROC_INST_ID_",
        rs -> {
          last.put(rs.getString(1), instant(rs, 2));
        }, processKey, Timestamp.from(start), Timestamp.from(end), activityId);
    return last;
  }

  /** Which instances (of those started in the window) have reached an activity, finished or not. */
  Set<String> reached(String processKey, Instant start, Instant end, String activityId) {
    return new HashSet<>(jdbc.queryForList("select distinct a.PROC_INST_ID_ from ACT_HI_PROCINST p"
            + " join ACT_HI_ACTINST a on a.PROC_INST_ID_ = p.ID_"
            + " where p.PROC_DEF_KEY_ = ? and p.START_TIME_ >= ? and p.START_TIME_ < ? and a.ACT_ID_ = ?",
        String.class, processKey, Timestamp.from(start), Timestamp.from(end), activityId));
  }

  /** Display names (family name + given name) of the users; the id where a user has no name. */
  Map<String, String> userNames() {
    Map<String, String> names = new HashMap<>();
    jdbc.query("select ID_, FIRST_, LAST_ from ACT_ID_USER", rs -> {
      String name = (nullToEmpty(rs.getString(2)) + nullToEmpty(rs.getString(3))).trim();
      names.put(rs.getString(1), name.isEmpty() ? rs.getString(1) : name);
    });
    return names;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static Object value(ResultSet rs) throws SQLException {
    String type = rs.getString(4);
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "string" -> rs.getString(5);
      case "integer", "long", "short" -> rs.getObject(6) == null ? null : rs.getLong(6);
      case "double" -> rs.getObject(7) == null ? null : rs.getDouble(7);
      case "boolean" -> rs.getObject(6) == null ? null : rs.getLong(6) == 1;
      case "date" -> rs.getObject(6) == null ? null : Instant.ofEpochMilli(rs.getLong(6));
      case "json" -> json(rs.getBytes(8));
      default -> null;
    };
  }

  private static JsonNode json(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
