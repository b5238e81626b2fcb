package edu.campus.logistics.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Keeps the KPI read model in step with the engine: a {@link HistoryEventHandler} next to the engine's own
 * database handler (in its composite handler, {@link KpiReadModelPlugin}), so it sees every history event the
 * engine writes — from Tasklist, REST, delegates, timers, migrations and deletions alike, without a listener
 * in any BPMN model. The events of one engine command are collected in a command-scoped {@link Session} and
 * written when the command flushes its sessions, in the same transaction as the history rows: a rolled-back
 * command (an optimistic-locking retry, a failed job) leaves no trace in kpi_case either, and a retried
 * one writes its row again — every write is an idempotent upsert ({@link KpiCaseStore}).
 *
 * <p>A case the table does not know yet (it started before the read model existed and the backfill has not
 * reached it) gets its row from the history first ({@link HistoryCases#rows}), then this command's changes.
 */
class KpiHistoryEventHandler implements HistoryEventHandler {

  private final KpiCaseStore store;
  private final HistoryCases history;

  KpiHistoryEventHandler(KpiCaseStore store, HistoryCases history) {
    this.store = store;
    this.history = history;
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    String processKey = event.getProcessDefinitionKey();
    String caseId = event.getProcessInstanceId();
    if (!KpiCaseMapping.concerns(processKey) || caseId == null) {
      return;
    }
    if (event instanceof HistoricProcessInstanceEventEntity instance) {
      boolean ended = instance.getEndTime() != null;
      Map<String, Object> columns = KpiCaseMapping.instance(caseId, processKey, instance.getBusinessKey(),
          instance.getStartTime() == null ? null : instance.getStartTime().toInstant(),
          ended ? instance.getEndTime().toInstant() : null, ended ? instance.getEndActivityId() : null);
      if (!ended) {
        // only the end event says when and where a case ended
        columns.remove("ended_at");
        columns.remove("end_activity_id");
      }
      // an end or update event of an instance started in an earlier command carries only what changed
      columns.values().removeIf(java.util.Objects::isNull);
      changes().of(caseId, processKey).set(columns,
          instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START));
    } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
      // process variables only: task-local and inner-scope variables of the same name are not the case's
      if (variable.getTaskId() != null || !caseId.equals(variable.getExecutionId())) {
        return;
      }
      if (!KpiCaseMapping.variables(processKey).contains(variable.getVariableName())) {
        return;
      }
      Object value = variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE) ? null
          : KpiCaseMapping.value(variable.getSerializerName(), variable.getTextValue(), variable.getLongValue(),
              variable.getDoubleValue(), variable.getByteValue());
      changes().of(caseId, processKey).set(KpiCaseMapping.variable(processKey, variable.getVariableName(), value),
          false);
    } else if (event instanceof HistoricActivityInstanceEventEntity activity
        && KpiCaseMapping.tracksStep(processKey, activity.getActivityId())) {
      // the end event of an activity started in an earlier command has no start time: the step row has it
      changes().of(caseId, processKey).step(new KpiCaseMapping.Step(activity.getActivityInstanceId(), caseId,
          activity.getActivityId(), activity.getStartTime() == null ? null : activity.getStartTime().toInstant(),
          activity.getEndTime() == null ? null : activity.getEndTime().toInstant()));
    }
  }

  private Changes changes() {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      throw new IllegalStateException("history event outside an engine command");
    }
    return context.getSession(Changes.class);
  }

  /** Opens one {@link Changes} per engine command. */
  SessionFactory sessionFactory() {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return Changes.class;
      }

      @Override
      public Session openSession() {
        return new Changes(store, history);
      }
    };
  }

  /** What one engine command changed, per case; written when the command flushes (before its commit). */
  static final class Changes implements Session {

    private final KpiCaseStore store;
    private final HistoryCases history;
    private final Map<String, PendingCase> cases = new LinkedHashMap<>();

    Changes(KpiCaseStore store, HistoryCases history) {
      this.store = store;
      this.history = history;
    }

    PendingCase of(String caseId, String processKey) {
      return cases.computeIfAbsent(caseId, id -> new PendingCase(id, processKey));
    }

    @Override
    public void flush() {
      List<PendingCase> pending = new ArrayList<>(cases.values());
      cases.clear();
      for (PendingCase c : pending) {
        write(c);
      }
    }

    private void write(PendingCase c) {
      if (!c.startedHere && !store.exists(c.id)) {
        // a case older than the read model: its row from the history first (the backfill may be doing the same)
        HistoryCases.Rows rows = history.rows(List.of(c.id));
        store.insertAbsent(rows.cases());
        store.upsertSteps(rows.steps());
      }
      if (c.startedHere) {
        Map<String, Object> row = new LinkedHashMap<>(c.columns);
        store.insertAbsent(List.of(row));
      }
      Map<String, Object> columns = new LinkedHashMap<>(c.columns);
      if (!c.steps.isEmpty()) {
        store.upsertSteps(c.steps);
        columns.putAll(KpiCaseMapping.steps(c.processKey, store.steps(c.id)));
      }
      store.update(c.id, columns);
    }

    @Override
    public void close() {
      cases.clear();
    }
  }

  /** The columns and steps one command changed for one case; later events of the command win. */
  static final class PendingCase {
    final String id;
    final String processKey;
    final Map<String, Object> columns = new LinkedHashMap<>();
    final List<KpiCaseMapping.Step> steps = new ArrayList<>();
    boolean startedHere;

    PendingCase(String id, String processKey) {
      this.id = id;
      this.processKey = processKey;
      columns.put("process_key", processKey);
    }

    void set(Map<String, Object> changed, boolean start) {
      columns.putAll(changed);
      startedHere |= start;
    }

    void step(KpiCaseMapping.Step step) {
      KpiCaseMapping.Step merged = step;
      for (KpiCaseMapping.Step earlier : steps) {
        if (earlier.activityInstanceId().equals(step.activityInstanceId()) && step.startedAt() == null) {
          merged = new KpiCaseMapping.Step(step.activityInstanceId(), step.processInstanceId(), step.activityId(),
              earlier.startedAt(), step.endedAt() != null ? step.endedAt() : earlier.endedAt());
        }
      }
      String id = step.activityInstanceId();
      steps.removeIf(s -> s.activityInstanceId().equals(id));
      steps.add(merged);
    }
  }
}
