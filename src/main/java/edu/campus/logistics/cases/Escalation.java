package edu.campus.logistics.cases;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of the JSON list variable {@code escalations}, the same shape in every process: a
 * deadline was missed and a higher group was asked to act.
 *
 * @param stage     what was overdue: repair {@code response} (not dispatched in time) or
 *                  {@code resolution} (not fixed in time); procurement the approval level whose
 *                  task was overdue ({@code general-affairs}, …)
 * @param level     how far up it went: 1 = first escalation of that stage in the round, 2 = the next
 * @param group     the group that was asked to act (got the supervision task, or may now decide)
 * @param round     the round of the case it happened in (repair: reopenCount; procurement: approvalRound)
 * @param at        when the deadline was found missed (ISO-8601 instant)
 * @param dueAt     the missed deadline, when known (ISO-8601 instant)
 * @param handledBy who completed the supervision task (null while open, or when there is none)
 * @param handledAt when (null while open)
 * @param note      the supervisor's instruction (督办意见)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Escalation(String stage, int level, String group, int round, String at, String dueAt, String handledBy,
                         String handledAt, String note) {

  public static Escalation of(String stage, int level, String group, int round, String at, String dueAt) {
    return new Escalation(stage, level, group, round, at, dueAt, null, null, null);
  }

  public Escalation handled(String by, String when, String instruction) {
    return new Escalation(stage, level, group, round, at, dueAt, by, when, instruction);
  }
}
