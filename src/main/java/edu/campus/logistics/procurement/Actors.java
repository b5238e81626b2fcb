package edu.campus.logistics.procurement;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting on a task: the logged-in user, or else its assignee. */
final class Actors {

  private Actors() {
  }

  static String completing(DelegateTask task, IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    throw Refusal.of("请先认领任务再办理", "claim the task before completing it");
  }
}
