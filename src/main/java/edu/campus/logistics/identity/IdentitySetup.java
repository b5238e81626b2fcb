package edu.campus.logistics.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of SPEC.md and their authorizations on every start. Idempotent: what exists is
 * left as it is (an administrator's later changes in Camunda Admin are never reset).
 */
@Component
@Order(10)
public class IdentitySetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = 0;
    for (CampusGroup campusGroup : CampusGroup.values()) {
      if (identityService.createGroupQuery().groupId(campusGroup.id()).count() == 0) {
        Group group = identityService.newGroup(campusGroup.id());
        group.setName(campusGroup.displayName());
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
        created++;
      }
      created += grantAccess(campusGroup);
    }
    if (created > 0) {
      LOG.info("Identity set up: {} groups or authorizations created", created);
    }
  }

  private int grantAccess(CampusGroup campusGroup) {
    String group = campusGroup.id();
    AccessPolicy.GroupAccess access = AccessPolicy.of(campusGroup);
    // collected per resource first: one authorization per resource and id carries all its permissions
    Map<ResourceId, Set<Permission>> grants = new LinkedHashMap<>();
    collect(grants, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // members see their own group's name in Tasklist
    collect(grants, Resources.GROUP, group, Permissions.READ);
    if (access.cockpit()) {
      collect(grants, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      collect(grants, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE);
      collect(grants, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      // Cockpit's Human Tasks page counts open tasks per group (task/report/candidate-group-count), which
      // the engine allows only with READ on every task; READ_TASK above already shows them the same tasks
      collect(grants, Resources.TASK, "*", Permissions.READ);
      collect(grants, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
      collect(grants, Resources.DEPLOYMENT, "*", Permissions.READ);
    }
    if (access.deploys()) {
      // a new deployment needs CREATE; Modeler's deploy and Cockpit's deployment view read them
      collect(grants, Resources.DEPLOYMENT, "*", Permissions.READ, Permissions.CREATE);
    }
    for (String key : access.worksOn()) {
      collect(grants, Resources.PROCESS_DEFINITION, key, Permissions.READ);
    }
    for (String key : access.starts()) {
      collect(grants, Resources.PROCESS_DEFINITION, key, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    if (!access.starts().isEmpty()) {
      collect(grants, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
    int created = 0;
    for (Map.Entry<ResourceId, Set<Permission>> grant : grants.entrySet()) {
      if (grant(group, grant.getKey().resource(), grant.getKey().id(), grant.getValue().toArray(Permission[]::new))) {
        created++;
      }
    }
    return created;
  }

  private record ResourceId(Resource resource, String id) {
  }

  private static void collect(Map<ResourceId, Set<Permission>> grants, Resource resource, String id,
                              Permission... permissions) {
    grants.computeIfAbsent(new ResourceId(resource, id), key -> new LinkedHashSet<>()).addAll(List.of(permissions));
  }

  /** Grants the permissions unless the group already has an authorization on that resource. */
  private boolean grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
    if (exists) {
      return false;
    }
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
    return true;
  }
}
