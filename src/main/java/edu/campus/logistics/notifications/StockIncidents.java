package edu.campus.logistics.notifications;

import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's failed-job incident handler, wrapped ({@link NotificationPlugin}): the wrapped
 * handler records the incident, then a ledger step's incident ({@link NotificationHooks#LEDGER_STEPS})
 * becomes a 库存出错 message in the outbox — in the transaction that records the incident, so a
 * message exists only for an incident that does. Writing the message never stops the incident: a
 * failure there is logged and the incident stands: the message is written in a savepoint (a nested
 * transaction), so a failed insert is rolled back alone and does not spoil the engine's transaction
 * (PostgreSQL refuses every further statement of a transaction after a failed one).
 */
final class StockIncidents implements IncidentHandler {

  private static final Logger LOG = LoggerFactory.getLogger(StockIncidents.class);

  private final IncidentHandler wrapped;
  private final Notifications notifications;
  private final TransactionTemplate savepoint;

  StockIncidents(IncidentHandler wrapped, Notifications notifications, PlatformTransactionManager transactions) {
    this.wrapped = wrapped;
    this.notifications = notifications;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @Override
  public String getIncidentHandlerType() {
    return wrapped.getIncidentHandlerType();
  }

  @Override
  public Incident handleIncident(IncidentContext context, String message) {
    Incident incident = wrapped.handleIncident(context, message);
    if (incident != null) {
      try {
        savepoint.executeWithoutResult(status -> notifications.stockIncident(context, incident));
      } catch (RuntimeException e) {
        LOG.warn("Incident {} ({} in {}): the message to the storekeepers could not be written: {}", incident.getId(),
            context.getActivityId(), context.getExecutionId(), e.toString());
      }
    }
    return incident;
  }

  @Override
  public void resolveIncident(IncidentContext context) {
    wrapped.resolveIncident(context);
  }

  @Override
  public void deleteIncident(IncidentContext context) {
    wrapped.deleteIncident(context);
  }
}
