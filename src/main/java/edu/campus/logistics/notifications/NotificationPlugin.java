package edu.campus.logistics.notifications;

import edu.campus.logistics.cases.ParseListeners;
import edu.campus.logistics.notifications.NotificationHooks.TaskNudge;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Installs the notification hooks on every version of every process, whatever its model declares
 * (as {@code repair/CaseOwnership} installs first-response ownership): a few generic ones — every
 * user task's creation and assignment — and the named places of {@link NotificationHooks}, and
 * the failed-job incident handler ({@link StockIncidents}). They run
 * in the engine's transaction and only write the outbox ({@link Notifications}); the task listeners
 * come after the model's own, so a step a guard refuses has written nothing when it is rolled back.
 */
@Component
public class NotificationPlugin extends AbstractProcessEnginePlugin {

  private final Notifications notifications;
  private final PlatformTransactionManager transactions;

  public NotificationPlugin(@Lazy Notifications notifications, @Lazy PlatformTransactionManager transactions) {
    this.notifications = notifications;
    this.transactions = transactions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // a failed message's incident (NotificationIncidents): created, resolved and deleted as the engine's own are
    List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomIncidentHandlers());
    handlers.add(new DefaultIncidentHandler(NotificationIncidents.TYPE));
    configuration.setCustomIncidentHandlers(handlers);
    ParseListeners.after(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String hook = hook(activity.getProcessDefinition(), activity.getId());
        if (hook == null || NotificationHooks.SILENT_TASKS.contains(hook)) {
          return;
        }
        NotificationEvent event = NotificationHooks.TASK_EVENTS.getOrDefault(hook, NotificationEvent.TASK_ARRIVED);
        boolean issue = hook.equals(NotificationHooks.REQUISITION_ISSUE);
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE,
            delegate -> notifications.taskCreated(delegate, issue ? Notifications.issueEvent(delegate) : event));
        boolean taking = hook.equals(NotificationHooks.REPAIR_TAKING);
        task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, delegate -> {
          if (taking) {
            notifications.repairTaken(delegate);
          }
          notifications.taskAssigned(delegate, issue ? Notifications.issueEvent(delegate) : event);
        });
        if (hook.equals(NotificationHooks.REPAIR_DISPATCH)) {
          // after the model's own complete listener (dispatchRepair), which names the technician
          task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, notifications::repairDispatched);
        }
      }

      @Override
      public void parseBoundaryEvent(Element boundaryEventElement, ScopeImpl scopeElement, ActivityImpl activity) {
        if (NotificationHooks.REPAIR_SHORTAGE.equals(hook(activity.getProcessDefinition(), activity.getId()))) {
          ExecutionListener shortage = notifications::repairShortage;
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, shortage);
        }
      }

      @Override
      public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskNudge nudge = NotificationHooks.NUDGES.get(hook(activity.getProcessDefinition(), activity.getId()));
        if (nudge != null) {
          ExecutionListener nudged = execution -> notifications.nudged(execution, nudge.event(), nudge.taskKey());
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, nudged);
        }
      }

      @Override
      public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scope, TransitionImpl transition) {
        NotificationEvent event = NotificationHooks.FLOW_EVENTS.get(hook((ProcessDefinitionImpl) transition.getProcessDefinition(), transition.getId()));
        if (event != null) {
          ExecutionListener news = execution -> notifications.requesterNews(execution, event);
          transition.addBuiltInListener(ExecutionListener.EVENTNAME_TAKE, news);
        }
      }
    });
  }

  /**
   * Wraps the engine's failed-job incident handler (whatever it is: the default one, or a composite):
   * it creates the incident as before, then {@link StockIncidents} writes the message in the same
   * transaction. Done after the engine's own setup, so the handler it wraps is the one in place.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    IncidentHandler failedJobs = configuration.getIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE);
    configuration.getIncidentHandlers().put(Incident.FAILED_JOB_HANDLER_TYPE, new StockIncidents(failedJobs, notifications, transactions));
  }

  private static String hook(ProcessDefinitionImpl process, String elementId) {
    return process instanceof ProcessDefinitionEntity entity ? entity.getKey() + ":" + elementId : null;
  }
}
