package edu.campus.logistics.input;

import edu.campus.logistics.input.Doors.Door;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who may work a task, checked in the engine for every person but {@code camunda-admin}, whatever
 * authorization they hold: owning a case (the repair first responder is owner of its tasks) gives
 * reading and handing over, never another group's step.
 * <ul>
 *   <li>{@link #COMPLETION}: a task is completed by its assignee, or — while nobody has claimed it —
 *   by one of its candidates (a candidate user or a member of a candidate group).</li>
 *   <li>{@link #ASSIGNMENT} (claim, set assignee, task update): a person claims a task for
 *   themselves only if they are a candidate; naming someone else is a reassignment, which only the
 *   task's owner may do, and only to a candidate of the task; handing a task back to its queue is
 *   for its assignee or owner, and only where the task has a queue (candidates).</li>
 *   <li>{@link #OWNERSHIP}: the owner of a task (who is accountable for the case) never changes
 *   through a person's action.</li>
 * </ul>
 * Installed by {@link InputGuardPlugin} on every user task; the assignment and completion checks run
 * after the model's own listeners, so their more specific refusals (four-eyes, "only the reporter")
 * speak first.
 */
public final class TaskWorkers {

  public static final TaskListener COMPLETION = TaskWorkers::checkCompletion;
  public static final TaskListener ASSIGNMENT = TaskWorkers::checkAssignment;
  public static final TaskListener OWNERSHIP = TaskWorkers::checkOwnership;

  private TaskWorkers() {
  }

  private static void checkCompletion(DelegateTask task) {
    Door door = Doors.current().orElse(null);
    if (door == null || !door.byNonAdministrator()) {
      return;
    }
    String caller = door.userId();
    if (task.getAssignee() != null) {
      if (!caller.equals(task.getAssignee())) {
        throw refusal("任务「%s」已由 %s 认领，只有其本人能办理".formatted(task.getName(), task.getAssignee()),
            "task %s is assigned to %s; only they may complete it, not %s".formatted(task.getTaskDefinitionKey(),
                task.getAssignee(), caller));
      }
    } else if (!isCandidate(task, caller, door.groupIds())) {
      throw refusal("只有任务「%s」的候选人能办理".formatted(task.getName()),
          "only a candidate of task %s may complete it, not %s".formatted(task.getTaskDefinitionKey(), caller));
    }
  }

  private static void checkAssignment(DelegateTask task) {
    Door door = Doors.current().orElse(null);
    if (door == null || !door.byNonAdministrator() || !door.opened(ClaimTaskCmd.class, AssignTaskCmd.class, SaveTaskCmd.class)) {
      return;
    }
    PropertyChange change = ((TaskEntity) task).getPropertyChanges().get(TaskEntity.ASSIGNEE);
    if (change == null) {
      return;
    }
    String caller = door.userId();
    String previous = change.getOrgValueString();
    String assignee = task.getAssignee();
    if (assignee == null) {
      if (!caller.equals(previous) && !caller.equals(task.getOwner())) {
        throw refusal("只有认领人或本案负责人能把任务「%s」退回队列".formatted(task.getName()),
            "only the assignee or the owner may hand task %s back to its queue".formatted(task.getTaskDefinitionKey()));
      }
      if (task.getCandidates().isEmpty()) {
        throw refusal("任务「%s」没有候选组，不能退回队列".formatted(task.getName()),
            "task %s has no candidates to hand it back to".formatted(task.getTaskDefinitionKey()));
      }
    } else if (assignee.equals(caller)) {
      if (!isCandidate(task, caller, door.groupIds())) {
        throw refusal("只有任务「%s」的候选人能认领".formatted(task.getName()),
            "only a candidate of task %s may claim it, not %s".formatted(task.getTaskDefinitionKey(), caller));
      }
    } else {
      if (!caller.equals(task.getOwner())) {
        throw refusal("把任务转给他人只限系统管理员和本案负责人（%s 无权把「%s」转给 %s）".formatted(caller, task.getName(), assignee),
            "reassigning task %s to %s is reserved to administrators and the task's owner, not %s".formatted(
                task.getTaskDefinitionKey(), assignee, caller));
      }
      if (!isCandidate(task, assignee, groupsOf(assignee))) {
        throw refusal("任务「%s」只能转给它的候选人，%s 不是".formatted(task.getName(), assignee),
            "task %s may be handed only to one of its candidates; %s is not one".formatted(task.getTaskDefinitionKey(), assignee));
      }
    }
  }

  private static void checkOwnership(DelegateTask task) {
    Door door = Doors.current().orElse(null);
    if (door != null && door.byNonAdministrator()
        && ((TaskEntity) task).getPropertyChanges().containsKey(TaskEntity.OWNER)) {
      throw refusal("任务「%s」的负责人不能更改".formatted(task.getName()),
          "the owner of task %s does not change".formatted(task.getTaskDefinitionKey()));
    }
  }

  /** A candidate user of the task, or a member of one of its candidate groups. */
  static boolean isCandidate(DelegateTask task, String userId, List<String> groupIds) {
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (Objects.equals(userId, link.getUserId()) || link.getGroupId() != null && groupIds.contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> groupsOf(String userId) {
    return Context.getCommandContext().runWithoutAuthorization(() -> Context.getProcessEngineConfiguration()
        .getIdentityService().createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
  }

  private static AuthorizationException refusal(String chinese, String english) {
    return new AuthorizationException(chinese + " / " + english);
  }
}
