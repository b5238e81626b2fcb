package edu.campus.logistics.repair;

import edu.campus.logistics.cases.ParseListeners;
import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;

import edu.campus.logistics.identity.ProcessKeys;
import java.util.Set;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * First-responder ownership (首问负责制) of every task of a repair case and of its damage
 * compensation, installed once for those processes — every version, whatever its model declares —
 * the way {@code input/InputGuardPlugin} installs the form guard:
 * <ul>
 *   <li>each user task, when created, gets the case's {@code firstResponder} as owner, so "我首问的报修"
 *   in Tasklist lists all open work of the cases they are accountable for, whoever the assignee is;</li>
 *   <li>the engine's default authorization of that owner on the task carries TASK_ASSIGN too: the
 *   first responder may hand the task to someone else; reassigning never moves the ownership.</li>
 * </ul>
 * {@link RecordFirstResponder} sets the owner of the task on which the first responder is recorded.
 */
@Component("caseOwnership")
public class CaseOwnership extends AbstractProcessEnginePlugin {

  /** The processes whose tasks the first responder owns. */
  static final Set<String> OWNED_PROCESSES = Set.of(ProcessKeys.REPAIR, ProcessKeys.DAMAGE_COMPENSATION, ProcessKeys.FEEDBACK);
  /**
   * Tasks of those processes the first responder does not own: a feedback's rating is the reporter's
   * own task, and its assignee (maybe an anonymous reporter) must stay hidden from the handler.
   */
  static final Set<String> NOT_OWNED_TASKS = Set.of(ProcessKeys.FEEDBACK + ":Task_RateReply");

  private static final TaskListener OWN = task -> {
    if (task.getVariable(FIRST_RESPONDER) instanceof String firstResponder) {
      task.setOwner(firstResponder);
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.before(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity process
            && OWNED_PROCESSES.contains(process.getKey())
            && !NOT_OWNED_TASKS.contains(process.getKey() + ":" + activity.getId())) {
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
              .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, OWN);
        }
      }
    });
    configuration.setResourceAuthorizationProvider(new FirstResponderMayAssign());
  }

  /** The engine's default task authorizations, plus TASK_ASSIGN for the first responder as owner of a case task. */
  static class FirstResponderMayAssign extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
      AuthorizationEntity[] authorizations = super.newTaskOwner(task, oldOwner, newOwner);
      if (authorizations != null && newOwner != null && isFirstResponder(task, newOwner)) {
        for (AuthorizationEntity authorization : authorizations) {
          authorization.addPermission(TaskPermissions.TASK_ASSIGN);
        }
      }
      return authorizations;
    }

    private static boolean isFirstResponder(Task task, String userId) {
      return task.getProcessDefinitionId() != null
          && OWNED_PROCESSES.contains(task.getProcessDefinitionId().split(":")[0])
          && task instanceof VariableScope scope
          && userId.equals(scope.getVariable(FIRST_RESPONDER));
    }
  }
}
