package edu.campus.logistics.notifications;

import edu.campus.logistics.cases.ParseListeners;
import edu.campus.logistics.notifications.NotificationHooks.TaskNudge;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Installs the notification hooks on every version of every process, whatever its model declares
 * (as {@code repair/CaseOwnership} installs first-response ownership): a few generic ones — every
 * user task's creation and assignment — and the named places of {@link NotificationHooks}. They run
 * in the engine's transaction and only write the outbox ({@link Notifications}); the task listeners
 * come after the model's own, so a step a guard refuses has written nothing when it is rolled back.
 */
@Component
public class NotificationPlugin extends AbstractProcessEnginePlugin {

  private final Notifications notifications;

  public NotificationPlugin(@Lazy Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.after(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String hook = hook(activity.getProcessDefinition(), activity.getId());
        if (hook == null || NotificationHooks.SILENT_TASKS.contains(hook)) {
          return;
        }
        NotificationEvent event = NotificationHooks.TASK_EVENTS.getOrDefault(hook, NotificationEvent.TASK_ARRIVED);
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, delegate -> notifications.taskCreated(delegate, event));
        boolean taking = hook.equals(NotificationHooks.REPAIR_TAKING);
        task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, delegate -> {
          if (taking) {
            notifications.repairTaken(delegate);
          }
          notifications.taskAssigned(delegate, event);
        });
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

  private static String hook(ProcessDefinitionImpl process, String elementId) {
    return process instanceof ProcessDefinitionEntity entity ? entity.getKey() + ":" + elementId : null;
  }
}
