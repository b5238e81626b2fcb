package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * Create listener of every task of a repair case (and of its damage compensation): the first
 * responder is the task's owner, so "我首问的报修" in Tasklist lists all open work of the cases they
 * are accountable for, whoever the assignee is. As owner they may also hand the task to someone
 * else (TASK_ASSIGN on that task): reassigning never moves the ownership itself.
 */
@Component("caseOwnership")
public class CaseOwnership implements TaskListener {

  private final AuthorizationService authorizations;

  public CaseOwnership(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(FIRST_RESPONDER) instanceof String firstResponder) {
      own(task, firstResponder);
    }
  }

  void own(DelegateTask task, String firstResponder) {
    task.setOwner(firstResponder);
    CommandContext commandContext = Context.getCommandContext();
    // the engine may have queued the owner's default task authorization in this transaction: extend it
    AuthorizationEntity pending = commandContext.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)
        .stream().filter(authorization -> firstResponder.equals(authorization.getUserId())
            && authorization.getResourceType() == Resources.TASK.resourceType()
            && task.getId().equals(authorization.getResourceId()))
        .findFirst().orElse(null);
    if (pending != null) {
      pending.addPermission(TaskPermissions.TASK_ASSIGN);
      return;
    }
    commandContext.runWithoutAuthorization(() -> {
      Authorization grant = authorizations.createAuthorizationQuery().userIdIn(firstResponder)
          .resourceType(Resources.TASK).resourceId(task.getId()).list().stream().findFirst()
          .orElseGet(() -> {
            Authorization created = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            created.setUserId(firstResponder);
            created.setResource(Resources.TASK);
            created.setResourceId(task.getId());
            return created;
          });
      grant.addPermission(TaskPermissions.TASK_ASSIGN);
      return authorizations.saveAuthorization(grant);
    });
  }
}
