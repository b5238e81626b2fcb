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

  /**
   * How many times this stage is overdue now, counting those recorded so far (per dispatch round for
   * the response): the input of decision repair-supervision (repair-sla.dmn), which names level and supervisor.
   */
  int overdueCount(List<Escalation> recorded, int round) {
    return 1 + (int) recorded.stream().filter(e -> e.stage().equals(id) && (!perRound || e.round() == round)).count();
  }

  public static SlaStage byId(String id) {
    return Arrays.stream(values()).filter(stage -> stage.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown SLA stage: " + id));
  }
}
