package edu.campus.logistics.webapp;

import edu.campus.logistics.identity.CampusGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the administrators' group {@code camunda-admin}, which the Camunda starter creates with the
 * English name "camunda BPM Administrators", its Chinese name 系统管理员 (shown in Admin and on the
 * Welcome page). A name an administrator chose in Admin is left as it is.
 */
@Component
@Order(11)
public class AdminGroupName implements ApplicationRunner {

  static final String CAMUNDA_DEFAULT = "camunda BPM Administrators";
  public static final String CHINESE = "系统管理员";

  private final IdentityService identityService;

  public AdminGroupName(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    Group group = identityService.createGroupQuery().groupId(CampusGroup.CAMUNDA_ADMIN).singleResult();
    if (group != null && CAMUNDA_DEFAULT.equals(group.getName())) {
      group.setName(CHINESE);
      identityService.saveGroup(group);
    }
  }
}
