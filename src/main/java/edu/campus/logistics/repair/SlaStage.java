package edu.campus.logistics.repair;

import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.identity.CampusGroup;
import java.util.Arrays;
import java.util.List;

/** The stages of a repair case with a deadline from repair-sla.dmn. */
public enum SlaStage {
  /** Report taken and dispatched (Task_DispatchRepair); a reopened case must be re-dispatched in time too. */
  RESPONSE("response", "响应超时：报修未及时受理派工", true),
  /** Report to confirmed fix (SubProcess_Handling); reopening does not restart the clock. */
  RESOLUTION("resolution", "办结超时：报修未在时限内修复确认", false);

  /** Who supervises at each level: 1 = logistics head, 2 (and beyond) = principal. */
  static final List<CampusGroup> LEVELS = List.of(CampusGroup.LOGISTICS_HEAD, CampusGroup.PRINCIPAL);

  private final String id;
  private final String reason;
  private final boolean perRound;

  SlaStage(String id, String reason, boolean perRound) {
    this.id = id;
    this.reason = reason;
    this.perRound = perRound;
  }

  public String id() {
    return id;
  }

  public String reason() {
    return reason;
  }

  /** The level of the next escalation of this stage, given those recorded so far. */
  int nextLevel(List<Escalation> recorded, int round) {
    long earlier = recorded.stream().filter(e -> e.stage().equals(id) && (!perRound || e.round() == round)).count();
    return (int) Math.min(earlier + 1, LEVELS.size());
  }

  static CampusGroup supervisor(int level) {
    return LEVELS.get(level - 1);
  }

  public static SlaStage byId(String id) {
    return Arrays.stream(values()).filter(stage -> stage.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown SLA stage: " + id));
  }
}
