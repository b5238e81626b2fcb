package edu.campus.logistics.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The KPI read model's table access (kpi_case, kpi_case_step; V6__kpi_read_model.sql): the reports read it,
 * the history event handler and the backfill write it. Every write is idempotent and safe when several
 * nodes (or a node's backfill and its live handler) write the same case at once: a row or step is inserted
 * only when absent (PostgreSQL {@code on conflict do nothing}, elsewhere a standard {@code merge ... when
 * not matched}), columns are then set to their latest value; no write adds to what is there.
 */
@Component
@Primary
class KpiCaseStore implements KpiCases {

  private static final Set<String> COLUMNS = Set.copyOf(KpiCaseMapping.COLUMNS);
  private static final String SELECT = String.join(", ", KpiCase.READ_COLUMNS);
  private static final String STEP_COLUMNS = "activity_instance_id, process_instance_id, activity_id, started_at, ended_at";

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  KpiCaseStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<KpiCase> started(String processKey, Instant start, Instant end) {
    return jdbc.query("select " + SELECT + " from kpi_case where process_key = ? and started_at >= ? and started_at < ?"
            + " order by started_at, process_instance_id",
        (rs, row) -> KpiCase.of(rs), processKey, Timestamp.from(start), Timestamp.from(end));
  }

  @Override
  public List<KpiCase> open(String processKey) {
    return jdbc.query("select " + SELECT + " from kpi_case where process_key = ? and ended_at is null order by started_at,"
        + " process_instance_id", (rs, row) -> KpiCase.of(rs), processKey);
  }

  /** The encoded escalations of all cases of a process (for the all-time gauge). */
  List<String> allEscalations(String processKey) {
    return jdbc.queryForList("select escalations from kpi_case where process_key = ? and escalations is not null",
        String.class, processKey);
  }

  boolean exists(String processInstanceId) {
    return !jdbc.queryForList("select 1 from kpi_case where process_instance_id = ?", Integer.class, processInstanceId)
        .isEmpty();
  }

  /** Inserts the rows that are not there yet (all columns; missing ones null); returns how many were inserted. */
  int insertAbsent(Collection<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> arguments = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      List<Object> values = new ArrayList<>();
      if (!isPostgres()) {
        values.add(row.get("process_instance_id"));
      }
      for (String column : KpiCaseMapping.COLUMNS) {
        values.add("updated_at".equals(column) ? now : row.get(column));
      }
      arguments.add(values.toArray());
    }
    String columns = String.join(", ", KpiCaseMapping.COLUMNS);
    String marks = KpiCaseMapping.COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", "));
    String sql = isPostgres()
        ? "insert into kpi_case (" + columns + ") values (" + marks + ") on conflict (process_instance_id) do nothing"
        : "merge into kpi_case k using (values (cast(? as varchar(64)))) s(id) on k.process_instance_id = s.id"
            + " when not matched then insert (" + columns + ") values (" + marks + ")";
    return insertAbsent(sql, arguments);
  }

  /** Runs an insert-when-absent statement for each argument row; returns how many rows it inserted. */
  private int insertAbsent(String sql, List<Object[]> arguments) {
    int inserted = 0;
    try {
      for (int count : jdbc.batchUpdate(sql, arguments)) {
        inserted += Math.max(count, 0);
      }
    } catch (DuplicateKeyException e) {
      // not PostgreSQL: another transaction inserted one of the rows between the merge's check and its insert
      // (H2 keeps the transaction usable); the rest one by one, a row that is there already is left alone
      inserted = 0;
      for (Object[] row : arguments) {
        try {
          inserted += jdbc.update(sql, row);
        } catch (DuplicateKeyException there) {
          // written by the other transaction
        }
      }
    }
    return inserted;
  }

  /** Sets columns of an existing row. */
  void update(String processInstanceId, Map<String, Object> columns) {
    Map<String, Object> set = new HashMap<>(columns);
    set.remove("process_instance_id");
    if (set.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>(set.keySet());
    List<Object> values = new ArrayList<>();
    StringBuilder sql = new StringBuilder("update kpi_case set ");
    for (String name : names) {
      if (!COLUMNS.contains(name)) {
        throw new IllegalArgumentException("not a kpi_case column: " + name);
      }
      sql.append(name).append(" = ?, ");
      values.add(set.get(name));
    }
    sql.append("updated_at = ? where process_instance_id = ?");
    values.add(Timestamp.from(Instant.now()));
    values.add(processInstanceId);
    jdbc.update(sql.toString(), values.toArray());
  }

  /** Inserts steps not there yet, then records the end of those that ended. */
  void upsertSteps(Collection<KpiCaseMapping.Step> steps) {
    if (steps.isEmpty()) {
      return;
    }
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> ends = new ArrayList<>();
    for (KpiCaseMapping.Step step : steps) {
      if (step.endedAt() != null) {
        ends.add(new Object[] {Timestamp.from(step.endedAt()), step.activityInstanceId()});
      }
      if (step.startedAt() == null) {
        // the end of a step whose start an earlier command wrote
        continue;
      }
      List<Object> values = new ArrayList<>();
      if (!isPostgres()) {
        values.add(step.activityInstanceId());
      }
      values.addAll(List.of(step.activityInstanceId(), step.processInstanceId(), step.activityId(),
          Timestamp.from(step.startedAt())));
      values.add(KpiCaseMapping.timestamp(step.endedAt()));
      inserts.add(values.toArray());
    }
    if (!inserts.isEmpty()) {
      insertAbsent(isPostgres()
          ? "insert into kpi_case_step (" + STEP_COLUMNS + ") values (?, ?, ?, ?, ?)"
              + " on conflict (activity_instance_id) do nothing"
          : "merge into kpi_case_step k using (values (cast(? as varchar(64)))) s(id) on k.activity_instance_id = s.id"
              + " when not matched then insert (" + STEP_COLUMNS + ") values (?, ?, ?, ?, ?)", inserts);
    }
    if (!ends.isEmpty()) {
      jdbc.batchUpdate("update kpi_case_step set ended_at = ? where activity_instance_id = ?", ends);
    }
  }

  List<KpiCaseMapping.Step> steps(String processInstanceId) {
    return jdbc.query("select " + STEP_COLUMNS + " from kpi_case_step where process_instance_id = ?",
        (rs, row) -> new KpiCaseMapping.Step(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()),
        processInstanceId);
  }

  private boolean isPostgres() {
    if (postgres == null) {
      postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
          connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres"));
    }
    return postgres;
  }
}
