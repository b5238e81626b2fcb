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
    // one authorization per resource: permissions for the same resource are merged first
    Map<Resource, Map<String, Set<Permission>>> grants = new LinkedHashMap<>();
    add(grants, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // members see their own group's name in Tasklist
    add(grants, Resources.GROUP, group, Permissions.READ);
    if (access.cockpit()) {
      add(grants, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      add(grants, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE);
      add(grants, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      add(grants, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
      add(grants, Resources.DEPLOYMENT, "*", Permissions.READ);
    }
    for (String key : access.worksOn()) {
      add(grants, Resources.PROCESS_DEFINITION, key, Permissions.READ);
    }
    for (String key : access.starts()) {
      add(grants, Resources.PROCESS_DEFINITION, key, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    if (!access.starts().isEmpty()) {
      add(grants, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
    int created = 0;
    for (Map.Entry<Resource, Map<String, Set<Permission>>> byResource : grants.entrySet()) {
      for (Map.Entry<String, Set<Permission>> byId : byResource.getValue().entrySet()) {
        created += grant(group, byResource.getKey(), byId.getKey(), byId.getValue()) ? 1 : 0;
      }
    }
    return created;
  }

  private static void add(Map<Resource, Map<String, Set<Permission>>> grants, Resource resource, String resourceId,
                          Permission... permissions) {
    grants.computeIfAbsent(resource, r -> new LinkedHashMap<>())
        .computeIfAbsent(resourceId, id -> new LinkedHashSet<>())
        .addAll(List.of(permissions));
  }

  /** Grants the permissions unless the group already has an authorization on that resource. */
  private boolean grant(String groupId, Resource resource, String resourceId, Set<Permission> permissions) {
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
