package edu.campus.logistics.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

  /** The instances with these ids (any process), with the named variables. */
  Map<String, CaseFacts> casesWithIds(Collection<String> ids, Collection<String> variableNames) {
    if (ids.isEmpty()) {
      return new LinkedHashMap<>();
    }
    return cases("p.ID_ in (" + ids.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")",
        List.copyOf(ids), variableNames);
  }

  /** The instances of the listed activities, of the instances of {@code processKey} started in [start, end). */
  List<KpiCaseMapping.Step> steps(String processKey, Instant start, Instant end, Collection<String> activityIds) {
    return steps("p.PROC_DEF_KEY_ = ? and p.START_TIME_ >= ? and p.START_TIME_ < ?",
        List.of(processKey, Timestamp.from(start), Timestamp.from(end)), activityIds);
  }

  /** The instances of the listed activities, of the running instances of {@code processKey}. */
  List<KpiCaseMapping.Step> openSteps(String processKey, Collection<String> activityIds) {
    return steps("p.END_TIME_ is null and p.PROC_DEF_KEY_ = ?", List.of(processKey), activityIds);
  }

  /** The instances of the listed activities, of the process instances with these ids. */
  List<KpiCaseMapping.Step> stepsWithIds(Collection<String> ids, Collection<String> activityIds) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return steps("p.ID_ in (" + ids.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")",
        List.copyOf(ids), activityIds);
  }

  private List<KpiCaseMapping.Step> steps(String where, List<Object> whereArguments, Collection<String> activityIds) {
    if (activityIds.isEmpty()) {
      return List.of();
    }
    List<Object> arguments = new ArrayList<>(whereArguments);
    arguments.addAll(activityIds);
    return jdbc.query("select a.ID_, a.PROC_INST_ID_, a.ACT_ID_, a.START_TIME_, a.END_TIME_ from ACT_HI_PROCINST p"
            + " join ACT_HI_ACTINST a on a.PROC_INST_ID_ = p.ID_ where " + where + " and a.ACT_ID_ in ("
            + activityIds.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")",
        (rs, row) -> new KpiCaseMapping.Step(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
            instant(rs, 5)), arguments.toArray());
  }

  private Map<String, CaseFacts> cases(String where, List<Object> whereArguments, Collection<String> variableNames) {
    Map<String, CaseFacts> cases = new LinkedHashMap<>();
    jdbc.query("select p.ID_, p.BUSINESS_KEY_, p.START_TIME_, p.END_TIME_, p.PROC_DEF_KEY_, p.END_ACT_ID_"
            + " from ACT_HI_PROCINST p where " + where + " order by p.START_TIME_, p.ID_",
        rs -> {
          String id = rs.getString(1);
          cases.put(id, new CaseFacts(id, rs.getString(5), rs.getString(2), instant(rs, 3), instant(rs, 4),
              rs.getString(6), new HashMap<>()));
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
    return KpiCaseMapping.value(type, rs.getString(5), rs.getObject(6) == null ? null : rs.getLong(6),
        rs.getObject(7) == null ? null : rs.getDouble(7), "json".equals(type) ? rs.getBytes(8) : null);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
