package edu.campus.logistics.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
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
    List<Boolean> created = new ArrayList<>();
    created.add(grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
    // members see their own group's name in Tasklist
    created.add(grant(group, Resources.GROUP, group, Permissions.READ));
    if (access.cockpit()) {
      created.add(grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
      created.add(grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE));
      created.add(grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ));
      created.add(grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY));
      created.add(grant(group, Resources.DEPLOYMENT, "*", Permissions.READ));
    }
    for (String key : access.worksOn()) {
      created.add(grant(group, Resources.PROCESS_DEFINITION, key, Permissions.READ));
    }
    for (String key : access.starts()) {
      created.add(grant(group, Resources.PROCESS_DEFINITION, key, Permissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE));
    }
    if (!access.starts().isEmpty()) {
      created.add(grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE));
    }
    return (int) created.stream().filter(Boolean::booleanValue).count();
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
