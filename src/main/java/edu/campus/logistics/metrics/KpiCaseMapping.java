package edu.campus.logistics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.procurement.ProcurementActivities;
import edu.campus.logistics.procurement.ProcurementVariables;
import edu.campus.logistics.repair.CompensationVariables;
import edu.campus.logistics.repair.RepairVariables;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The one place that translates the engine's history into rows of the KPI read model ({@code kpi_case},
 * {@code kpi_case_step}, V6__kpi_read_model.sql): which processes, which variables and which activities
 * count, and what column each of them sets. Everything else only moves these columns around: the live
 * handler ({@link KpiHistoryEventHandler}, from the engine's history events), the start-up backfill and
 * the history-based computation ({@link HistoryCases}, from ACT_HI_* rows) both call these functions with
 * the same inputs, so a row looks the same whichever way it was written.
 *
 * <p>A change in what the processes record is a change here: a new column in {@link #instance} or
 * {@link #variable}, and the reader in {@link KpiCase}. A procurement's outcome is its end event
 * ({@link ProcurementActivities#endState}), set with the instance's columns.
 */
final class KpiCaseMapping {

  /** The processes that have rows. */
  static final Set<String> PROCESSES = Set.of(ProcessKeys.REPAIR, ProcessKeys.PROCUREMENT,
      ProcessKeys.DAMAGE_COMPENSATION);

  static final String WAIT_FOR_PARTS = "Task_WaitForParts";

  /** Activities whose instances a KPI needs (kpi_case_step), per process. */
  static final Map<String, Set<String>> STEPS = Map.of(
      ProcessKeys.REPAIR, Set.of(WAIT_FOR_PARTS),
      ProcessKeys.PROCUREMENT, Set.of(ProcurementActivities.STOCK_GOODS, ProcurementActivities.READ_REJECTION),
      ProcessKeys.DAMAGE_COMPENSATION, Set.of());

  /** Process variables that set columns, per process (instance scope only). */
  static final Map<String, Set<String>> VARIABLES = Map.of(
      ProcessKeys.REPAIR, Set.of(RepairVariables.CATEGORY, RepairVariables.URGENCY, RepairVariables.LOCATION,
          RepairVariables.ASSET_TAG, RepairVariables.FIRST_RESPONDER, RepairVariables.TECHNICIAN,
          RepairVariables.WORK_DONE, RepairVariables.REPORTED_AT, RepairVariables.RESPONDED_AT,
          RepairVariables.DISPATCHED_AT, RepairVariables.RESOLVED_AT, RepairVariables.RESPONSE_DUE_AT,
          RepairVariables.RESOLUTION_DUE_AT, RepairVariables.FIXED, RepairVariables.REOPEN_COUNT,
          RepairVariables.SATISFACTION, RepairVariables.ESCALATIONS),
      ProcessKeys.PROCUREMENT, Set.of(ProcurementVariables.DEPARTMENT, ProcurementVariables.SUPPLIER,
          ProcurementVariables.OVER_BUDGET, ProcurementVariables.QUOTES,
          ProcurementVariables.APPROVALS, ProcurementVariables.ESCALATIONS),
      ProcessKeys.DAMAGE_COMPENSATION, Set.of(CompensationVariables.ASSESSED_AMOUNT, CompensationVariables.PAID_AMOUNT,
          CompensationVariables.SETTLEMENT));

  /** Every column of kpi_case, in the table's order. */
  static final List<String> COLUMNS = List.of("process_instance_id", "process_key", "business_key", "started_at",
      "ended_at", "end_activity_id", "reported_at", "category", "urgency", "location", "asset_tag", "first_responder",
      "technician", "work_done", "responded_at", "dispatched_at", "resolved_at", "response_due_at", "resolution_due_at",
      "fixed", "reopen_count", "satisfaction", "escalations", "parts_wait_millis", "parts_wait_since", "department",
      "supplier", "outcome", "over_budget", "quote_count", "approvals", "revised", "stocked_at", "rejected",
      "assessed_amount", "paid_amount", "settlement", "updated_at");

  /** One activity instance of a tracked activity (a row of kpi_case_step). */
  record Step(String activityInstanceId, String processInstanceId, String activityId, Instant startedAt,
              Instant endedAt) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private KpiCaseMapping() {
  }

  static boolean concerns(String processKey) {
    return processKey != null && PROCESSES.contains(processKey);
  }

  static boolean tracksStep(String processKey, String activityId) {
    return concerns(processKey) && STEPS.get(processKey).contains(activityId);
  }

  static Set<String> variables(String processKey) {
    return VARIABLES.getOrDefault(processKey, Set.of());
  }

  /** The variable names of all processes (a backfill batch mixes processes). */
  static Set<String> allVariables() {
    return VARIABLES.values().stream().flatMap(Set::stream).collect(java.util.stream.Collectors.toSet());
  }

  /** Columns of the process instance itself: its start, and when it ended where it ended. */
  static Map<String, Object> instance(String id, String processKey, String businessKey, Instant startedAt,
                                      Instant endedAt, String endActivityId) {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("process_instance_id", id);
    columns.put("process_key", processKey);
    columns.put("business_key", businessKey);
    columns.put("started_at", timestamp(startedAt));
    columns.put("ended_at", timestamp(endedAt));
    columns.put("end_activity_id", endActivityId);
    if (ProcessKeys.PROCUREMENT.equals(processKey)) {
      // stocked, rejected or withdrawn: the end event the request reached (ProcurementActivities.endState)
      columns.put("outcome", ProcurementActivities.endState(endActivityId));
    }
    return columns;
  }

  /**
   * The columns a process variable's latest value sets; empty for variables no KPI reads. A deleted
   * variable ({@code value} null) clears its columns. Values are typed as {@link #value} gives them.
   */
  static Map<String, Object> variable(String processKey, String name, Object value) {
    Map<String, Object> columns = new LinkedHashMap<>();
    if (!variables(processKey).contains(name)) {
      return columns;
    }
    switch (processKey) {
      case ProcessKeys.REPAIR -> {
        switch (name) {
          case RepairVariables.CATEGORY -> columns.put("category", text(value));
          case RepairVariables.URGENCY -> columns.put("urgency", text(value));
          case RepairVariables.LOCATION -> columns.put("location", text(value));
          case RepairVariables.ASSET_TAG -> columns.put("asset_tag", blankToNull(text(value)));
          case RepairVariables.FIRST_RESPONDER -> columns.put("first_responder", text(value));
          case RepairVariables.TECHNICIAN -> columns.put("technician", text(value));
          case RepairVariables.WORK_DONE -> columns.put("work_done", value != null);
          case RepairVariables.REPORTED_AT -> columns.put("reported_at", instantValue(value));
          case RepairVariables.RESPONDED_AT -> columns.put("responded_at", instantValue(value));
          case RepairVariables.DISPATCHED_AT -> columns.put("dispatched_at", instantValue(value));
          case RepairVariables.RESOLVED_AT -> columns.put("resolved_at", instantValue(value));
          case RepairVariables.RESPONSE_DUE_AT -> columns.put("response_due_at", instantValue(value));
          case RepairVariables.RESOLUTION_DUE_AT -> columns.put("resolution_due_at", instantValue(value));
          case RepairVariables.FIXED -> columns.put("fixed", value instanceof Boolean flag ? flag : null);
          case RepairVariables.REOPEN_COUNT -> columns.put("reopen_count", number(value));
          case RepairVariables.SATISFACTION -> columns.put("satisfaction", number(value));
          case RepairVariables.ESCALATIONS -> columns.put("escalations", escalations(value, "response", "1"));
          default -> { }
        }
      }
      case ProcessKeys.PROCUREMENT -> {
        switch (name) {
          case ProcurementVariables.DEPARTMENT -> columns.put("department", text(value));
          case ProcurementVariables.SUPPLIER -> columns.put("supplier", text(value));
          case ProcurementVariables.OVER_BUDGET -> columns.put("over_budget", value instanceof Boolean flag ? flag : null);
          case ProcurementVariables.QUOTES -> columns.put("quote_count", value instanceof JsonNode node && node.isArray()
              ? node.size() : 0);
          case ProcurementVariables.APPROVALS -> {
            StringJoiner decided = new StringJoiner(";");
            boolean revised = false;
            for (JsonNode approval : list(value)) {
              Instant created = jsonInstant(approval, "createdAt");
              Instant decidedAt = jsonInstant(approval, "decidedAt");
              if (created != null && decidedAt != null) {
                decided.add(approval.path("level").asText("?") + "/" + Duration.between(created, decidedAt).toMillis());
              }
              revised |= "revise".equals(approval.path("decision").asText());
            }
            columns.put("approvals", decided.length() == 0 ? null : decided.toString());
            columns.put("revised", revised);
          }
          case ProcurementVariables.ESCALATIONS -> columns.put("escalations", escalations(value, "", "?"));
          default -> { }
        }
      }
      case ProcessKeys.DAMAGE_COMPENSATION -> {
        switch (name) {
          case CompensationVariables.ASSESSED_AMOUNT -> columns.put("assessed_amount", amount(value));
          case CompensationVariables.PAID_AMOUNT -> columns.put("paid_amount", amount(value));
          case CompensationVariables.SETTLEMENT -> columns.put("settlement", text(value));
          default -> { }
        }
      }
      default -> { }
    }
    return columns;
  }

  /** Columns derived from all tracked activity instances of a case (kpi_case_step). */
  static Map<String, Object> steps(String processKey, Collection<Step> steps) {
    Map<String, Object> columns = new LinkedHashMap<>();
    if (ProcessKeys.REPAIR.equals(processKey)) {
      long waited = 0;
      Instant since = null;
      for (Step step : steps) {
        if (!WAIT_FOR_PARTS.equals(step.activityId())) {
          continue;
        }
        if (step.endedAt() != null) {
          waited += Duration.between(step.startedAt(), step.endedAt()).toMillis();
        } else if (since == null || step.startedAt().isBefore(since)) {
          since = step.startedAt();
        }
      }
      columns.put("parts_wait_millis", waited);
      columns.put("parts_wait_since", timestamp(since));
    } else if (ProcessKeys.PROCUREMENT.equals(processKey)) {
      Instant stocked = null;
      boolean rejected = false;
      for (Step step : steps) {
        if (ProcurementActivities.STOCK_GOODS.equals(step.activityId()) && step.endedAt() != null
            && (stocked == null || step.endedAt().isAfter(stocked))) {
          stocked = step.endedAt();
        }
        rejected |= ProcurementActivities.READ_REJECTION.equals(step.activityId());
      }
      columns.put("stocked_at", timestamp(stocked));
      columns.put("rejected", rejected);
    }
    return columns;
  }

  /**
   * A variable value as the history stores it (ACT_HI_VARINST or a variable update event): the serializer
   * name and the text, long, double and byte fields. Dates become {@link Instant}, JSON a {@link JsonNode};
   * other serialized types are not read (null).
   */
  static Object value(String type, String text, Long number, Double decimal, byte[] bytes) {
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "string" -> text;
      case "integer", "long", "short" -> number;
      case "double" -> decimal;
      case "boolean" -> number == null ? null : number == 1;
      case "date" -> number == null ? null : Instant.ofEpochMilli(number);
      case "json" -> json(bytes);
      default -> null;
    };
  }

  /** Escalation entries as "stage/level;stage/level". */
  private static String escalations(Object value, String defaultStage, String defaultLevel) {
    StringJoiner entries = new StringJoiner(";");
    for (JsonNode entry : list(value)) {
      entries.add(entry.path("stage").asText(defaultStage) + "/" + entry.path("level").asText(defaultLevel));
    }
    return entries.length() == 0 ? null : entries.toString();
  }

  private static Iterable<JsonNode> list(Object value) {
    return value instanceof JsonNode node && node.isArray() ? node : List.of();
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

  private static Instant jsonInstant(JsonNode node, String field) {
    String text = node.path(field).asText(null);
    try {
      return text == null ? null : Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static Long number(Object value) {
    return value instanceof Number number ? number.longValue() : null;
  }

  private static BigDecimal amount(Object value) {
    // as kpi_case stores it: decimal(19, 2)
    return value instanceof Number number
        ? BigDecimal.valueOf(number.doubleValue()).setScale(2, java.math.RoundingMode.HALF_UP) : null;
  }

  private static Timestamp instantValue(Object value) {
    return value instanceof Instant instant ? Timestamp.from(instant) : null;
  }

  static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
