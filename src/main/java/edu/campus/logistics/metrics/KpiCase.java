package edu.campus.logistics.metrics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

/**
 * One row of the KPI read model (kpi_case), as the reports read it; the columns are set by
 * {@link KpiCaseMapping}. Fields of another process than the row's are null.
 */
record KpiCase(String id, String processKey, String businessKey, Instant startedAt, Instant endedAt,
               String endActivityId, Instant reportedAt, String category, String urgency, String location,
               String assetTag, String firstResponder, String technician, boolean workDone, Instant respondedAt,
               Instant dispatchedAt, Instant resolvedAt, Instant responseDueAt, Instant resolutionDueAt, Boolean fixed,
               Long reopenCount, Long satisfaction, String escalations, long partsWaitMillis, Instant partsWaitSince,
               String department, String supplier, String outcome, Boolean overBudget, int quoteCount,
               String approvals, boolean revised, Instant stockedAt, boolean rejected, BigDecimal assessedAmount,
               BigDecimal paidAmount, String settlement) {

  /** One entry of an encoded list column ("a/b;a/b"): escalations (stage, level), approvals (level, millis). */
  record Pair(String first, String second) {
  }

  /** Reads a row through a column-name accessor (a result set, or the columns a mapping produced). */
  static KpiCase of(Function<String, Object> column) {
    return new KpiCase(text(column, "process_instance_id"), text(column, "process_key"), text(column, "business_key"),
        instant(column, "started_at"), instant(column, "ended_at"), text(column, "end_activity_id"),
        instant(column, "reported_at"), text(column, "category"), text(column, "urgency"), text(column, "location"),
        text(column, "asset_tag"), text(column, "first_responder"), text(column, "technician"),
        Boolean.TRUE.equals(column.apply("work_done")), instant(column, "responded_at"),
        instant(column, "dispatched_at"), instant(column, "resolved_at"), instant(column, "response_due_at"),
        instant(column, "resolution_due_at"), (Boolean) column.apply("fixed"), number(column, "reopen_count"),
        number(column, "satisfaction"), text(column, "escalations"), orZero(number(column, "parts_wait_millis")),
        instant(column, "parts_wait_since"), text(column, "department"), text(column, "supplier"),
        text(column, "outcome"), (Boolean) column.apply("over_budget"), (int) orZero(number(column, "quote_count")),
        text(column, "approvals"), Boolean.TRUE.equals(column.apply("revised")), instant(column, "stocked_at"),
        Boolean.TRUE.equals(column.apply("rejected")), decimal(column, "assessed_amount"),
        decimal(column, "paid_amount"), text(column, "settlement"));
  }

  /** The columns {@link #of(ResultSet)} reads, in this order. */
  static final List<String> READ_COLUMNS = KpiCaseMapping.COLUMNS.stream().filter(c -> !"updated_at".equals(c)).toList();
  private static final java.util.Map<String, Integer> INDEX = new java.util.HashMap<>();

  static {
    for (int i = 0; i < READ_COLUMNS.size(); i++) {
      INDEX.put(READ_COLUMNS.get(i), i);
    }
  }

  /** A row selected with {@link #READ_COLUMNS}, read by position with typed getters. */
  static KpiCase of(ResultSet rs) throws SQLException {
    Object[] values = new Object[READ_COLUMNS.size()];
    for (int i = 0; i < values.length; i++) {
      String name = READ_COLUMNS.get(i);
      int column = i + 1;
      Object value;
      if (name.endsWith("_at") || name.endsWith("_since")) {
        value = rs.getTimestamp(column);
      } else if (name.equals("work_done") || name.equals("fixed") || name.equals("over_budget")
          || name.equals("revised") || name.equals("rejected")) {
        boolean flag = rs.getBoolean(column);
        value = rs.wasNull() ? null : flag;
      } else if (name.equals("reopen_count") || name.equals("satisfaction") || name.equals("parts_wait_millis")
          || name.equals("quote_count")) {
        long number = rs.getLong(column);
        value = rs.wasNull() ? null : number;
      } else if (name.endsWith("_amount")) {
        value = rs.getBigDecimal(column);
      } else {
        value = rs.getString(column);
      }
      values[i] = value;
    }
    return of(name -> values[INDEX.get(name)]);
  }

  static List<Pair> pairs(String encoded) {
    List<Pair> pairs = new ArrayList<>();
    if (encoded == null || encoded.isEmpty()) {
      return pairs;
    }
    for (String entry : encoded.split(";")) {
      int slash = entry.lastIndexOf('/');
      pairs.add(slash < 0 ? new Pair(entry, "") : new Pair(entry.substring(0, slash), entry.substring(slash + 1)));
    }
    return pairs;
  }

  private static String text(Function<String, Object> column, String name) {
    Object value = column.apply(name);
    return value == null ? null : value.toString();
  }

  private static Long number(Function<String, Object> column, String name) {
    return column.apply(name) instanceof Number number ? number.longValue() : null;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static BigDecimal decimal(Function<String, Object> column, String name) {
    Object value = column.apply(name);
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    return value instanceof Number number ? BigDecimal.valueOf(number.doubleValue()) : null;
  }

  private static Instant instant(Function<String, Object> column, String name) {
    Object value = column.apply(name);
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof java.time.LocalDateTime local) {
      return Timestamp.valueOf(local).toInstant();
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return value instanceof Instant instant ? instant : null;
  }
}
