package edu.campus.logistics.identity;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The Camunda groups of SPEC.md "Roles": ids in English, names as the users say them. */
public enum CampusGroup {
  STAFF("staff", "教职工"),
  GENERAL_AFFAIRS("general-affairs", "总务主任"),
  PRINCIPAL("principal", "校长"),
  SCHOOL_COMMITTEE("school-committee", "校务会"),
  PURCHASING("purchasing", "采购员"),
  INSPECTORS("inspectors", "验收员"),
  WAREHOUSE("warehouse", "仓库保管员"),
  LOGISTICS_STAFF("logistics-staff", "后勤人员"),
  TECHNICIANS("technicians", "维修工"),
  LOGISTICS_HEAD("logistics-head", "后勤负责人"),
  FINANCE("finance", "财务"),
  /** Change the models (deploy through REST, e.g. from Camunda Modeler) and read them in Cockpit. */
  PROCESS_OWNERS("process-owners", "流程管理员");

  /** Camunda's own administrators group, created by the starter together with the admin user. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  private final String id;
  private final String displayName;

  CampusGroup(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<CampusGroup> byId(String id) {
    return Arrays.stream(values()).filter(group -> group.id.equals(id)).findFirst();
  }

  /** Whether the caller (null: nobody signed in) is a member of {@value #CAMUNDA_ADMIN}. */
  public static boolean administrator(Authentication caller) {
    return caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(CAMUNDA_ADMIN);
  }
}
