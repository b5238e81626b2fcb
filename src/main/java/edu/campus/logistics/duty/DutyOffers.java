package edu.campus.logistics.duty;

import edu.campus.logistics.identity.CampusGroup;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 24 小时全天候服务 for a case's first task: outside working hours an urgent case does not only wait in
 * the 后勤人员 queue for the morning — it is offered to the roster's duty officer in person (candidate
 * user, their filter "我的值班任务"). The queue stays, so a colleague at hand may still take it; whoever
 * takes it is first responder as always. A roster naming someone outside 后勤人员, or someone the case
 * may not go to (the feedback's own reporter), is not offered the case.
 */
@Component
public class DutyOffers {

  private static final Logger LOG = LoggerFactory.getLogger(DutyOffers.class);

  private final IdentityService identity;
  private final ZoneId zone;

  public DutyOffers(IdentityService identity, @Value("${campus.time-zone}") ZoneId zone) {
    this.identity = identity;
    this.zone = zone;
  }

  /**
   * Offers the task to the duty officer when now is outside working time, and says who is on duty;
   * empty in working time or when the roster's officer may not take it ({@code mayTake} false, or not 后勤人员).
   */
  public Optional<Duty> offer(DelegateTask task, Predicate<String> mayTake) {
    DutyRoster roster = DutyRoster.of(task.getExecution(), zone);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (roster.isWorkingTime(now)) {
      return Optional.empty();
    }
    Duty duty = roster.dutyAt(now);
    boolean logisticsStaff = Context.getCommandContext().runWithoutAuthorization(() -> identity.createUserQuery()
        .userId(duty.officer()).memberOfGroup(CampusGroup.LOGISTICS_STAFF.id()).count() > 0);
    if (!logisticsStaff) {
      LOG.warn("Case {}: duty officer {} of the roster is not logistics staff; the urgent case stays in the queue",
          task.getProcessInstanceId(), duty.officer());
      return Optional.empty();
    }
    if (!mayTake.test(duty.officer())) {
      LOG.info("Case {}: not offered to the duty officer, who may not take it; the urgent case stays in the queue",
          task.getProcessInstanceId());
      return Optional.empty();
    }
    task.addCandidateUser(duty.officer());
    LOG.info("Case {}: urgent outside working hours, offered to duty officer {} (duty leader {})",
        task.getProcessInstanceId(), duty.officer(), duty.leader());
    return Optional.of(duty);
  }
}
