package edu.campus.logistics.identity;

import static edu.campus.logistics.identity.CampusGroup.FINANCE;
import static edu.campus.logistics.identity.CampusGroup.GENERAL_AFFAIRS;
import static edu.campus.logistics.identity.CampusGroup.INSPECTORS;
import static edu.campus.logistics.identity.CampusGroup.LOGISTICS_HEAD;
import static edu.campus.logistics.identity.CampusGroup.LOGISTICS_STAFF;
import static edu.campus.logistics.identity.CampusGroup.PRINCIPAL;
import static edu.campus.logistics.identity.CampusGroup.PROCESS_OWNERS;
import static edu.campus.logistics.identity.CampusGroup.PURCHASING;
import static edu.campus.logistics.identity.CampusGroup.SCHOOL_COMMITTEE;
import static edu.campus.logistics.identity.CampusGroup.STAFF;
import static edu.campus.logistics.identity.CampusGroup.TECHNICIANS;
import static edu.campus.logistics.identity.CampusGroup.WAREHOUSE;
import static edu.campus.logistics.identity.ProcessKeys.DAMAGE_COMPENSATION;
import static edu.campus.logistics.identity.ProcessKeys.INSPECTION;
import static edu.campus.logistics.identity.ProcessKeys.PROCUREMENT;
import static edu.campus.logistics.identity.ProcessKeys.FEEDBACK;
import static edu.campus.logistics.identity.ProcessKeys.REPAIR;
import static edu.campus.logistics.identity.ProcessKeys.SATISFACTION_SURVEY;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what, per group: the single table the authorizations are created from (and that
 * docs/security.md describes). Task rights are not listed here: the engine grants TASK_WORK to the
 * candidate group of each task ({@code defaultUserPermissionNameForTask}).
 */
public final class AccessPolicy {

  /**
   * Processes of SPEC.md that are not deployed yet. Their rights are granted ahead, by key, so the
   * matrix of docs/security.md already holds on the day their models are deployed.
   */
  static final String REQUISITION = ProcessKeys.REQUISITION; // deployed; kept here for the matrix test
  static final String DAILY_PATROL = "daily-patrol";
  static final String STOCKTAKE = ProcessKeys.STOCKTAKE;

  /**
   * @param cockpit whether the group uses Cockpit (and may read all definitions, instances and history)
   * @param starts  process keys the group may start (READ + CREATE_INSTANCE)
   * @param worksOn process keys whose tasks the group works on (READ, so Tasklist can show diagram and forms)
   * @param deploys whether the group deploys models (CREATE on deployments, e.g. from Camunda Modeler); what
   *                it deploys passes {@code input/DeploymentGuard} first
   */
  public record GroupAccess(boolean cockpit, Set<String> starts, Set<String> worksOn, boolean deploys) {

    GroupAccess(boolean cockpit, Set<String> starts, Set<String> worksOn) {
      this(cockpit, starts, worksOn, false);
    }
  }

  private static final Map<CampusGroup, GroupAccess> ACCESS = new EnumMap<>(CampusGroup.class);

  static {
    // every employee may be sampled for the term survey and answers his questionnaire in Tasklist
    ACCESS.put(STAFF, new GroupAccess(false, Set.of(PROCUREMENT, REQUISITION, REPAIR, FEEDBACK), Set.of(SATISFACTION_SURVEY)));
    ACCESS.put(GENERAL_AFFAIRS, new GroupAccess(true, Set.of(PROCUREMENT, REQUISITION, REPAIR, STOCKTAKE),
        Set.of(PROCUREMENT, REQUISITION, REPAIR, STOCKTAKE)));
    ACCESS.put(PRINCIPAL, new GroupAccess(true, Set.of(PROCUREMENT, REQUISITION, REPAIR),
        Set.of(PROCUREMENT, REPAIR, FEEDBACK)));
    ACCESS.put(SCHOOL_COMMITTEE, new GroupAccess(false, Set.of(), Set.of(PROCUREMENT)));
    ACCESS.put(PURCHASING, new GroupAccess(false, Set.of(PROCUREMENT), Set.of(PROCUREMENT)));
    ACCESS.put(INSPECTORS, new GroupAccess(false, Set.of(), Set.of(PROCUREMENT)));
    // storekeepers count stocktakes; they do not start them (the logistics head or general affairs does)
    ACCESS.put(WAREHOUSE, new GroupAccess(false, Set.of(REQUISITION),
        Set.of(PROCUREMENT, REQUISITION, STOCKTAKE, ProcessKeys.STOCK_REORDER)));
    // first responders assess the damage of their cases in damage-compensation; logistics staff patrol (daily-patrol)
    // and inspect (inspection), technicians inspect; the head of logistics supervises rounds not done in time
    ACCESS.put(LOGISTICS_STAFF, new GroupAccess(false, Set.of(REPAIR),
        Set.of(REPAIR, DAMAGE_COMPENSATION, DAILY_PATROL, INSPECTION, FEEDBACK)));
    ACCESS.put(TECHNICIANS, new GroupAccess(false, Set.of(REPAIR), Set.of(REPAIR, INSPECTION)));
    // the head also starts the term's satisfaction survey by hand (it starts on its own each term)
    ACCESS.put(LOGISTICS_HEAD, new GroupAccess(true, Set.of(REPAIR, STOCKTAKE, SATISFACTION_SURVEY),
        Set.of(REPAIR, STOCKTAKE, DAMAGE_COMPENSATION, DAILY_PATROL, INSPECTION, FEEDBACK, SATISFACTION_SURVEY)));
    ACCESS.put(FINANCE, new GroupAccess(true, Set.of(), Set.of(DAMAGE_COMPENSATION)));
    // process owners change the models: deploy and read everything in Cockpit, start and work on nothing
    ACCESS.put(PROCESS_OWNERS, new GroupAccess(true, Set.of(), Set.of(), true));
  }

  private AccessPolicy() {
  }

  public static GroupAccess of(CampusGroup group) {
    return ACCESS.get(group);
  }
}
