package edu.campus.logistics.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * One test user per group and in no other group ({@code sec-<group id>}, password = user id), so that
 * a call tests exactly that group's rights; the demo users are all in {@code staff} as well. For
 * {@code camunda-admin} the starter's administrator {@code admin} is used.
 */
public final class SingleGroupUsers {

  public static final String ADMIN = "admin";

  private SingleGroupUsers() {
  }

  public static String of(String groupId) {
    return CampusGroup.CAMUNDA_ADMIN.equals(groupId) ? ADMIN : "sec-" + groupId;
  }

  public static void ensure(IdentityService identityService) {
    for (CampusGroup group : CampusGroup.values()) {
      String id = of(group.id());
      if (identityService.createUserQuery().userId(id).count() == 0) {
        User user = identityService.newUser(id);
        user.setFirstName("测试");
        user.setLastName(group.displayName());
        user.setPassword(id);
        identityService.saveUser(user);
        identityService.createMembership(id, group.id());
      }
    }
  }
}
