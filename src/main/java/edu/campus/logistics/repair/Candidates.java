package edu.campus.logistics.repair;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** Changing a task's candidates in its create listener. */
final class Candidates {

  private Candidates() {
  }

  /**
   * Takes a candidate group the model gave the task off it. That link was inserted by the same
   * command and is not in the database yet, where {@code DelegateTask.deleteCandidateGroup} looks:
   * it is removed from the command's entity cache instead.
   */
  static void removeGroup(DelegateTask task, String groupId) {
    for (IdentityLinkEntity link : Context.getCommandContext().getDbEntityManager()
        .getCachedEntitiesByType(IdentityLinkEntity.class)) {
      if (task.getId().equals(link.getTaskId()) && IdentityLinkType.CANDIDATE.equals(link.getType())
          && groupId.equals(link.getGroupId())) {
        link.delete();
      }
    }
  }
}
