package edu.campus.logistics.duty;

import java.util.function.IntFunction;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Supervision (督办) of an urgent case the duty officer was offered outside working hours: when it
 * is not answered in time, the first 督办 goes to the roster's duty leader in person, and the
 * process's own supervision table follows one level higher (duty leader, then logistics-head).
 */
public final class DutySupervision {

  /**
   * The {@code group} of an escalation to the duty leader: a person ({@code supervisionUser}), not a
   * Camunda group; {@link #offerToDutyLeader} makes them the 督办 task's candidate.
   */
  public static final String DUTY_LEADER_GROUP = "duty-leader";

  /** One step of supervision: its level (一级, 二级 …) and the supervising group. */
  public record Step(int level, String group) {
  }

  private DutySupervision() {
  }

  /**
   * The step for the {@code overdueCount}-th missed deadline: the process's table ({@code table}),
   * or, when the case went to a duty leader, first the duty leader and then the table one level higher.
   */
  public static Step next(boolean toDutyLeader, int overdueCount, IntFunction<Step> table) {
    if (!toDutyLeader) {
      return table.apply(overdueCount);
    }
    if (overdueCount == 1) {
      return new Step(1, DUTY_LEADER_GROUP);
    }
    Step step = table.apply(overdueCount - 1);
    return new Step(step.level() + 1, step.group());
  }

  /**
   * Create listener part of a 督办 task whose candidate group is {@code group}: an escalation to the
   * duty leader goes to that person ({@code dutyLeader}) instead of the pseudo group.
   */
  public static void offerToDutyLeader(DelegateTask task, String group, Object dutyLeader) {
    if (DUTY_LEADER_GROUP.equals(group) && dutyLeader instanceof String leader) {
      removeCandidateGroup(task, DUTY_LEADER_GROUP);
      task.addCandidateUser(leader);
    }
  }

  /**
   * Takes a candidate group the model gave the task off it. That link was inserted by the same
   * command and is not in the database yet, where {@code DelegateTask.deleteCandidateGroup} looks:
   * it is removed from the command's entity cache instead.
   */
  private static void removeCandidateGroup(DelegateTask task, String groupId) {
    for (IdentityLinkEntity link : Context.getCommandContext().getDbEntityManager()
        .getCachedEntitiesByType(IdentityLinkEntity.class)) {
      if (task.getId().equals(link.getTaskId()) && IdentityLinkType.CANDIDATE.equals(link.getType())
          && groupId.equals(link.getGroupId())) {
        link.delete();
      }
    }
  }
}
