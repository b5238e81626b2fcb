package edu.campus.logistics.feedback;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import edu.campus.logistics.identity.AccessPolicy;
import edu.campus.logistics.identity.ApiSecurityConfiguration;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The open rating task (评价答复) of an anonymous feedback is assigned to its reporter, so it would name
 * him to everyone who reads tasks in Cockpit. The Cockpit groups that may not know the reporter
 * ({@link #KEPT_OUT}: every Cockpit group but {@code ApiSecurityConfiguration.FEEDBACK_REPORTER_READERS})
 * read every task through two grants: READ on all tasks and READ_TASK on all definitions. So:
 * <ul>
 *   <li>at start-up, READ_TASK on {@code feedback} is revoked for them (they keep seeing the other
 *   feedback tasks through READ on all tasks) and granted by id to the head and the principal, whose
 *   grant wins should a person be in both;</li>
 *   <li>on creation of an anonymous case's rating task, READ on that task is revoked for them and
 *   granted to the head and the principal; the engine deletes a task's authorizations with the task.</li>
 * </ul>
 * The reporter keeps his own grant as the task's assignee (a user grant precedes group revokes).
 */
@Component
@Order(20)
public class AnonymousRatingTasks implements ApplicationRunner {

  /** Cockpit groups that read every task and must not see an anonymous reporter. */
  static final List<String> KEPT_OUT = Stream.of(CampusGroup.values())
      .filter(group -> AccessPolicy.of(group) != null && AccessPolicy.of(group).cockpit())
      .map(CampusGroup::id)
      .filter(id -> !ApiSecurityConfiguration.FEEDBACK_REPORTER_READERS.contains(id))
      .toList();

  private final AuthorizationService authorizations;

  public AnonymousRatingTasks(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String group : KEPT_OUT) {
      authorize(authorizations, AUTH_TYPE_REVOKE, group, Resources.PROCESS_DEFINITION, ProcessKeys.FEEDBACK,
          ProcessDefinitionPermissions.READ_TASK);
    }
    for (String group : ApiSecurityConfiguration.FEEDBACK_REPORTER_READERS) {
      authorize(authorizations, AUTH_TYPE_GRANT, group, Resources.PROCESS_DEFINITION, ProcessKeys.FEEDBACK,
          ProcessDefinitionPermissions.READ_TASK);
    }
  }

  /** Hides the rating task {@code taskId} from {@link #KEPT_OUT}; called inside the engine's command that creates it. */
  static void hide(String taskId) {
    AuthorizationService service = Context.getProcessEngineConfiguration().getAuthorizationService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (String group : KEPT_OUT) {
        authorize(service, AUTH_TYPE_REVOKE, group, Resources.TASK, taskId, Permissions.READ);
      }
      for (String group : ApiSecurityConfiguration.FEEDBACK_REPORTER_READERS) {
        authorize(service, AUTH_TYPE_GRANT, group, Resources.TASK, taskId, Permissions.READ);
      }
      return null;
    });
  }

  /**
   * The group's authorization of this type on the resource, created or extended (a group has at most one
   * per type and resource); idempotent.
   */
  private static void authorize(AuthorizationService service, int type, String group, Resource resource, String id,
                                Permission permission) {
    Authorization authorization = service.createAuthorizationQuery().authorizationType(type).groupIdIn(group)
        .resourceType(resource).resourceId(id).list().stream().findFirst().orElse(null);
    if (authorization == null) {
      authorization = service.createNewAuthorization(type);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(id);
    } else if (type == AUTH_TYPE_REVOKE ? authorization.isPermissionRevoked(permission)
        : authorization.isPermissionGranted(permission)) {
      return;
    }
    if (type == AUTH_TYPE_REVOKE) {
      authorization.removePermission(permission);
    } else {
      authorization.addPermission(permission);
    }
    service.saveAuthorization(authorization);
  }
}
