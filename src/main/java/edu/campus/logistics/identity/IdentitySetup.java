package edu.campus.logistics.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
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
    String[] groupIds = Stream.of(CampusGroup.values()).map(CampusGroup::id).toArray(String[]::new);
    Set<String> existingGroups = identityService.createGroupQuery().groupIdIn(groupIds).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    int created = 0;
    for (CampusGroup campusGroup : CampusGroup.values()) {
      if (!existingGroups.contains(campusGroup.id())) {
        Group group = identityService.newGroup(campusGroup.id());
        group.setName(campusGroup.displayName());
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
        created++;
      }
    }
    Map<String, Map<ResourceId, Set<Permission>>> grantsByGroup = new LinkedHashMap<>();
    for (CampusGroup campusGroup : CampusGroup.values()) {
      grantsByGroup.put(campusGroup.id(), grants(campusGroup));
    }
    // read after the groups are made: the engine grants a new group READ on itself
    Set<GroupGrant> existingGrants = existingGrants(groupIds, grantsByGroup.values());
    for (Map.Entry<String, Map<ResourceId, Set<Permission>>> group : grantsByGroup.entrySet()) {
      for (Map.Entry<ResourceId, Set<Permission>> grant : group.getValue().entrySet()) {
        // a group keeps whatever authorization it has on a resource (an administrator may have changed it)
        if (existingGrants.add(new GroupGrant(group.getKey(), grant.getKey()))) {
          grant(group.getKey(), grant.getKey().resource(), grant.getKey().id(),
              grant.getValue().toArray(Permission[]::new));
          created++;
        }
      }
    }
    if (created > 0) {
      LOG.info("Identity set up: {} groups or authorizations created", created);
    }
  }

  /** What the group's members may do, one entry per resource and id with all its permissions. */
  private static Map<ResourceId, Set<Permission>> grants(CampusGroup campusGroup) {
    String group = campusGroup.id();
    AccessPolicy.GroupAccess access = AccessPolicy.of(campusGroup);
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
      // ... and names the groups there (总务主任, not general-affairs): it reads them with the group query
      collect(grants, Resources.GROUP, "*", Permissions.READ);
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
    return grants;
  }

  /**
   * The authorizations the groups have already on the resources of {@code wanted}: one query per resource
   * type instead of one per grant (a restart checks about a hundred). A type granted on one id only (tasks:
   * {@code *}) is read for that id, not with the engine's per-task authorizations of every open task.
   */
  private Set<GroupGrant> existingGrants(String[] groupIds, Collection<Map<ResourceId, Set<Permission>>> wanted) {
    Map<Resource, Set<String>> idsByType = new LinkedHashMap<>();
    for (Map<ResourceId, Set<Permission>> grants : wanted) {
      for (ResourceId resource : grants.keySet()) {
        idsByType.computeIfAbsent(resource.resource(), type -> new HashSet<>()).add(resource.id());
      }
    }
    Set<GroupGrant> existing = new HashSet<>();
    idsByType.forEach((type, ids) -> {
      AuthorizationQuery query = authorizationService.createAuthorizationQuery().groupIdIn(groupIds)
          .resourceType(type);
      if (ids.size() == 1) {
        query.resourceId(ids.iterator().next());
      }
      for (Authorization authorization : query.list()) {
        existing.add(new GroupGrant(authorization.getGroupId(), new ResourceId(type, authorization.getResourceId())));
      }
    });
    return existing;
  }

  private record GroupGrant(String groupId, ResourceId resource) {
  }

  private record ResourceId(Resource resource, String id) {
  }

  private static void collect(Map<ResourceId, Set<Permission>> grants, Resource resource, String id,
                              Permission... permissions) {
    grants.computeIfAbsent(new ResourceId(resource, id), key -> new LinkedHashSet<>()).addAll(List.of(permissions));
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
